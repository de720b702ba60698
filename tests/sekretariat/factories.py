"""factory_boy factories of the organisation. A PNS gets a NIP consistent with its birth date,
TMT and sex; units come from the ``unit_demo`` fixture (pass ``unit=``) or are created."""

from __future__ import annotations

from datetime import date

import factory

from sekretariat.models import Jabatan, Komisioner, Pegawai, RiwayatJabatan, UnitOrganisasi


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitOrganisasi
        django_get_or_create = ("kode",)

    kode = factory.Sequence(lambda n: f"unit_{n}")
    nama = factory.LazyAttribute(lambda o: f"Sub Bagian {o.kode.title()}")
    jenis = UnitOrganisasi.Jenis.SUB_BAGIAN
    urutan = factory.Sequence(lambda n: 10 + n)


def nip_untuk(o) -> str:
    kelamin = "1" if o.jenis_kelamin == Pegawai.JenisKelamin.LAKI_LAKI else "2"
    return f"{o.tanggal_lahir:%Y%m%d}{o.tmt:%Y%m}{kelamin}{o.urut:03d}"


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    class Params:
        urut = factory.Sequence(lambda n: n % 1000)

    nama = factory.Sequence(lambda n: f"Pegawai Uji {n}")
    status = Pegawai.Status.PNS
    jenis_kelamin = Pegawai.JenisKelamin.LAKI_LAKI
    tanggal_lahir = date(1985, 3, 12)
    tmt = date(2010, 1, 1)
    tmt_masuk = factory.LazyAttribute(lambda o: o.tmt)
    nip = factory.LazyAttribute(nip_untuk)
    pendidikan = Pegawai.Pendidikan.S1
    unit = factory.SubFactory(UnitFactory)


class PpnpnFactory(PegawaiFactory):
    status = Pegawai.Status.PPNPN
    nip = ""
    jenis_ppnpn = Pegawai.JenisPpnpn.ADMINISTRASI
    pendidikan = Pegawai.Pendidikan.SLTA


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan

    nama = factory.Sequence(lambda n: f"Jabatan Uji {n}")
    jenis = Jabatan.Jenis.PELAKSANA
    unit = factory.SubFactory(UnitFactory)


class RiwayatJabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatJabatan

    pegawai = factory.SubFactory(PegawaiFactory)
    jabatan = factory.SubFactory(JabatanFactory)
    nomor_sk = factory.Sequence(lambda n: f"{n} Tahun 2023")
    tanggal_sk = date(2023, 1, 2)
    penerbit_sk = "Sekretaris Jenderal KPU RI"
    tanggal_mulai = date(2023, 1, 2)


class KomisionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Komisioner

    nama = factory.Sequence(lambda n: f"Komisioner Uji {n}")
    jenis_kelamin = Pegawai.JenisKelamin.LAKI_LAKI
    ketua = False
    tanggal_mulai = date(2019, 5, 20)
    nomor_sk = "112/PP.06-Kpt/05/KPU/V/2019"
    tanggal_sk = date(2019, 5, 13)
