"""The access matrix for WRITES: every POST/PUT/PATCH/DELETE route, for every role.

``test_access_matrix.py`` checks what each role gets on a GET. This file sends every write the
project accepts, with a valid body, as anonymous and as each role, and checks three things:

- the exact status of the table below (no "200 or 404");
- for a success (2xx, or a redirect that is not to the login page) the data really changed;
- for a refusal nothing changed.

Each role starts from the same data: the request runs inside a savepoint that is rolled back
afterwards. The routes come from the URL resolver and the API router: a write route without a
row here makes ``test_every_write_route_has_a_row`` fail.

Columns (one persona each; "unit" = the sub-bagian that owns the row's data, "lain" = another
sub-bagian)::

    Adm  Admin                 KasU  Kasubag of the unit     KasL  Kasubag of another unit
    Sek  Sekretaris            StfU  Staf of the unit        StfL  Staf of another unit
    Kom  Komisioner            Aud   Auditor

Anonymous users are refused (pages redirect to the login form, the API answers 403) except
where a row says otherwise (``anonim``: logging in and out).
A ``unit`` rule shows as a success for KasU/StfU and a 404 (record hidden from the writer) or
403 (record readable, write refused) for KasL/StfL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kpu_site.peran import Peran
from tests.conftest import KATA_SANDI

KOLOM = ("Adm", "Sek", "KasU", "StfU", "KasL", "StfL", "Kom", "Aud")
TULIS = ("post", "put", "patch", "delete")

# Django's admin site is not ours to enumerate (it has its own permission checks).
LEWATI = re.compile(r"^admin:")


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class Baris:
    """One write route: how to call it and what each persona gets.

    ``harapan``: eight statuses in the order of ``KOLOM``. ``amati``: a function of the world
    returning what the write changes (compared before/after). ``unit``: the sub-bagian that
    owns the data (KasU/StfU belong to it); ``lain``: the other sub-bagian (KasL/StfL).
    """

    method: str
    name: str
    harapan: str
    amati: Callable[[Any], Any] | None  # None: writes only the visitor's own session
    kwargs: Callable[[Any], dict] = lambda d: {}
    body: Callable[[Any], Any] = lambda d: {}
    unit: str = "perencanaan"
    lain: str = "keuangan"
    format: str = "form"  # form (multipart, files allowed) | json
    menulis: bool = True  # False: a success answers without writing (e.g. validation only)
    anonim: int | None = None  # None: refused (login page / API 403)
    awal: Callable[[Any], None] = lambda d: None  # runs inside the savepoint, before
    perlu: str = ""  # parts of the world to build first (default: the app of the route)
    label: str = ""

    def siapkan(self, d) -> None:
        bagian = self.perlu or re.split(r"[:-]", self.name)[0]
        for nama in bagian.split():
            if hasattr(type(d), nama):
                getattr(d, nama)

    @property
    def api(self) -> bool:
        return "-" in self.name and ":" not in self.name

    @property
    def id(self) -> str:
        return f"{self.method} {self.name}{' ' + self.label if self.label else ''}"

    def status(self) -> dict[str, set[int]]:
        """Column -> the accepted status (one; "400/403" only where the fix is not merged yet
        and either refusal is right)."""
        codes = [{int(c) for c in cell.split("/")} for cell in self.harapan.split()]
        assert len(codes) == len(KOLOM), self.id
        return dict(zip(KOLOM, codes, strict=True))


def rows(*models):
    """What a write changes: every row of the given models (all their columns), one query
    per model."""

    def amati(d):
        return tuple(tuple(m._base_manager.order_by("pk").values_list()) for m in models)

    return amati


# --------------------------------------------------------------------------- the world


class Dunia:
    """The data of one test, built on first use: personas and a small record set per app."""

    def __init__(self):
        self.units = self._units()
        self.users = {}
        self.clients = {}

    @staticmethod
    def _units():
        from sekretariat.demo import UNIT_DEMO
        from sekretariat.models import UnitOrganisasi

        induk = None
        units = {}
        for kode, nama, jenis, urutan, _tugas in UNIT_DEMO:
            units[kode] = UnitOrganisasi.objects.create(
                kode=kode, nama=nama, jenis=jenis, urutan=urutan, induk=induk
            )
            if kode == "sekretariat":
                induk = units[kode]
        return units

    def user(self, peran: str, unit: str | None = None):
        key = (peran, unit)
        if key not in self.users:
            user = get_user_model().objects.create(
                username=f"{peran.lower()}.{unit or 'x'}",
                first_name=peran,
                unit=self.units[unit] if unit else None,
                is_superuser=peran == Peran.ADMIN,
                is_staff=peran == Peran.ADMIN,
            )
            user.groups.set([Group.objects.get(name=peran)])
            user.set_password(KATA_SANDI)  # fast: the tests use the MD5 hasher
            user.save(update_fields=["password"])
            self.users[key] = user
        return self.users[key]

    def personas(self, baris: Baris) -> dict:
        return {
            "Adm": self.user(Peran.ADMIN),
            "Sek": self.user(Peran.SEKRETARIS),
            "KasU": self.user(Peran.KASUBAG, baris.unit),
            "StfU": self.user(Peran.STAF, baris.unit),
            "KasL": self.user(Peran.KASUBAG, baris.lain),
            "StfL": self.user(Peran.STAF, baris.lain),
            "Kom": self.user(Peran.KOMISIONER),
            "Aud": self.user(Peran.AUDITOR),
        }

    # ----------------------------------------------------------------- kinerja

    @cached_property
    def kinerja(self):
        from kinerja.models import BuktiDukung, Realisasi
        from tests.kinerja import factories as f

        renstra = f.RenstraFactory()
        misi = f.MisiFactory(renstra=renstra)
        tujuan = f.TujuanFactory(renstra=renstra)
        sasaran = f.SasaranFactory(tujuan=tujuan, unit=self.units["perencanaan"])
        indikator = f.IndikatorFactory(sasaran=sasaran)
        target = f.TargetTahunanFactory(indikator=indikator, tahun=2023)
        indikator_lain = f.IndikatorFactory(
            sasaran=f.SasaranFactory(tujuan=tujuan, unit=self.units["keuangan"])
        )
        realisasi = {
            status: f.RealisasiFactory(
                indikator=indikator, tahun=2023, periode=periode, status=status
            )
            for periode, status in [
                ("tw1", Realisasi.Status.DRAFT),
                ("tw2", Realisasi.Status.DIAJUKAN),
                ("tw3", Realisasi.Status.DIVERIFIKASI),
            ]
        }
        bukti = BuktiDukung.objects.create(
            realisasi=realisasi["draft"], tautan="https://contoh.go.id/bukti", keterangan="Uji"
        )
        pk_draf = f.PerjanjianKinerjaFactory(tahun=2023)
        pk_baris = f.PKBarisFactory(perjanjian=pk_draf, indikator=indikator)
        pk_ttd = f.PerjanjianKinerjaFactory(tahun=2022, status="ditandatangani")
        f.PKBarisFactory(perjanjian=pk_ttd, indikator=indikator)
        return {
            "renstra": renstra,
            "misi": misi,
            "tujuan": tujuan,
            "sasaran": sasaran,
            "indikator": indikator,
            "target": target,
            "indikator_lain": indikator_lain,  # of a Keuangan sasaran
            "realisasi": realisasi,
            "bukti": bukti,
            "pk_draf": pk_draf,
            "pk_baris": pk_baris,
            "pk_ttd": pk_ttd,
        }

    @cached_property
    def rencana_aksi(self):
        """A Rencana Aksi with one action on the draft PK 2023 line, a second line (Keuangan)
        without one; a draft monitoring of TW III (its realisasi is verified) and a signed
        one of TW II."""
        from kinerja.models import (
            AksiRencana,
            MonitoringBaris,
            MonitoringRencanaAksi,
            Realisasi,
            RencanaAksi,
        )
        from tests.kinerja import factories as f

        k = self.kinerja
        rencana = RencanaAksi.objects.create(baris=k["pk_baris"], unit=self.units["perencanaan"])
        aksi = AksiRencana.objects.create(rencana=rencana, triwulan="tw1", uraian="Rapat")
        baris_lain = f.PKBarisFactory(perjanjian=k["pk_draf"], indikator=k["indikator_lain"])
        rencana_lain = RencanaAksi.objects.create(
            baris=f.PKBarisFactory(
                perjanjian=k["pk_draf"],
                indikator=f.IndikatorFactory(sasaran=k["indikator_lain"].sasaran),
            ),
            unit=self.units["keuangan"],
        )
        for b in k["pk_draf"].baris.all():  # TW III entered and verified for every line
            Realisasi.objects.update_or_create(
                indikator=b.indikator,
                tahun=2023,
                periode="tw3",
                defaults={"nilai": Decimal("50"), "status": "diverifikasi"},
            )
        draf = MonitoringRencanaAksi.objects.create(tahun=2023, triwulan="tw3")
        mb = MonitoringBaris.objects.create(monitoring=draf, indikator=k["indikator"])
        ttd = MonitoringRencanaAksi.objects.create(
            tahun=2023, triwulan="tw2", status="ditandatangani"
        )
        return {
            "rencana": rencana,
            "aksi": aksi,
            "baris_lain": baris_lain,
            "rencana_lain": rencana_lain,
            "draf": draf,
            "mb": mb,
            "ttd": ttd,
        }

    @cached_property
    def lkj(self):
        """A finished (not draft) LKj version of 2021, a year that passes the finalisation
        preflight: signed PK equal to the Renstra targets, every realisasi approved, every
        budget line with pagu spent."""
        from django.core.files.base import ContentFile

        from anggaran import services as anggaran_services
        from kinerja.lkj.models import LaporanKinerja, PernyataanReviu
        from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
        from tests.kinerja import factories as f

        k = self.kinerja
        sekretaris = self.user(Peran.SEKRETARIS)
        pk = f.PerjanjianKinerjaFactory(tahun=2021, status="ditandatangani")
        for indikator in (k["indikator"], k["indikator_lain"]):
            f.TargetTahunanFactory(indikator=indikator, tahun=2021, target=Decimal("100"))
            f.PKBarisFactory(perjanjian=pk, indikator=indikator, target=Decimal("100"))
            f.RealisasiFactory(
                indikator=indikator, tahun=2021, periode="tahunan", status="disetujui"
            )
        dipa = DokumenAnggaranFactory(tahun=2021, tanggal=date(2020, 11, 30))
        for i, akun in enumerate(pohon_kecil(dipa, sekretaris)["akun"]):
            anggaran_services.realisasi_create(
                pengguna=sekretaris,
                akun=akun,
                tanggal=date(2021, 3, 1),
                nomor_sp2d=f"21000{i}T",
                nilai=Decimal("100000"),
            )
        laporan = LaporanKinerja(tahun=2021, versi=1, status="selesai", draf=False, progres=100)
        laporan.sha256 = "0" * 64
        laporan.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
        laporan.save()
        # Reviewed (reviu APIP, required by default): the statement, recorded as it was composed.
        PernyataanReviu.objects.create(
            tahun=2021, laporan=laporan, nomor="1/REVIU", tanggal=date(2022, 2, 1),
            tempat="Uji", nama_pereviu="Auditor Uji", jabatan_pereviu="Auditor", teks="Reviu.",
            dicatat_oleh=sekretaris, dicatat_pada=laporan.diminta_pada,
        )  # fmt: skip
        return {"laporan": laporan}

    # ----------------------------------------------------------------- sekretariat

    @cached_property
    def sekretariat(self):
        from sekretariat.models import Divisi, Satker
        from tests.sekretariat import factories as f

        satker = Satker.objects.create(
            nama="KPU Kota Uji",
            tingkat="kota",
            nama_wilayah="Kota Uji",
            kode_satker="123456",
            kode_wilayah="36.73",
        )
        jabatan = f.JabatanFactory(unit=self.units["hukum_sdm"])
        pegawai = f.PegawaiFactory(unit=self.units["keuangan"])
        return {
            "satker": satker,
            "unit": f.UnitFactory(kode="unit_uji", induk=self.units["sekretariat"]),
            "divisi": Divisi.objects.create(nama="Divisi Uji", urutan=9),
            "jabatan": jabatan,
            "pegawai": pegawai,
            "riwayat": f.RiwayatJabatanFactory(pegawai=pegawai, jabatan=jabatan),
            "pegawai_baru": f.PegawaiFactory(unit=self.units["keuangan"]),  # no jabatan yet
            "komisioner": f.KomisionerFactory(),
        }

    # ----------------------------------------------------------------- anggaran

    @cached_property
    def anggaran(self):
        from anggaran import services, services_up
        from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

        dipa = DokumenAnggaranFactory(tahun=2023)
        pohon = pohon_kecil(dipa, self.user(Peran.SEKRETARIS))
        akun = pohon["akun"][0]
        return {
            "dipa": dipa,
            # revisi ke-1 (counted in the IKPA), an UP movement and an SPM dispensation
            "revisi": services.revisi_create(
                pengguna=None,
                dokumen=dipa,
                tanggal=date(2023, 5, 1),
                alasan="Revisi RPD",
                perubahan=[],
                rpd={1: Decimal("100000")},
            ),
            "up": services_up.mutasi_up_create(
                pengguna=None,
                dokumen=dipa,
                jenis="up",
                nomor="UP-01",
                tanggal=date(2023, 1, 16),
                nilai=Decimal("100000000"),
            ),
            "dispensasi": services_up.dispensasi_create(
                pengguna=None,
                dokumen=dipa,
                nomor="S-01",
                tanggal=date(2023, 3, 6),
                jumlah_spm=1,
                alasan="SPM terlambat",
            ),
            # a DIPA the Sekretaris locked by hand (its own lock, not the year's)
            "dipa_terkunci": DokumenAnggaranFactory(tahun=2022, terkunci=True),
            "sub": pohon["sub"],
            "akun": akun,
            "detail": akun.anak.get(),
        }

    @cached_property
    def belanja(self):
        """A contract of Rp 500.000 on akun 521211 (pagu Rp 1.000.000) with one invoice, and a
        contract without invoices (deletable)."""
        from anggaran import services_belanja

        a = self.anggaran
        kontrak = services_belanja.kontrak_create(
            pengguna=None,
            dokumen=a["dipa"],
            akun=a["akun"],
            nomor="K-01",
            tanggal=date(2023, 2, 1),
            tanggal_selesai=date(2023, 3, 31),
            penyedia="CV Uji",
            uraian="Cetak",
            nilai=Decimal("500000"),
        )
        kosong = services_belanja.kontrak_create(
            pengguna=None,
            dokumen=a["dipa"],
            akun=a["akun"],
            nomor="K-02",
            tanggal=date(2023, 2, 1),
            tanggal_selesai=date(2023, 3, 31),
            penyedia="CV Dua",
            uraian="Sewa",
            nilai=Decimal("100000"),
        )
        tagihan = services_belanja.tagihan_create(
            pengguna=None,
            kontrak=kontrak,
            nomor="BAST-01",
            tanggal_bast=date(2023, 3, 1),
            tanggal_spm=date(2023, 3, 6),
            nilai=Decimal("200000"),
        )
        return {"kontrak": kontrak, "kosong": kosong, "tagihan": tagihan}

    # ----------------------------------------------------------------- badan ad hoc

    @cached_property
    def badan_adhoc(self):
        """A PPS recruitment of 11 screened applicants, scored, interviewed and ranked (3
        terpilih) but not yet appointed, and the clarification letter of one found in SIPOL."""
        from badan_adhoc import services
        from badan_adhoc.models import AnggotaParpol, Pendaftar
        from tests.badan_adhoc.conftest import berkas

        services.wilayah_import(berkas=berkas("wilayah.csv"), nama_berkas="wilayah.csv")
        services.tps_import(berkas=berkas("tps.csv"), nama_berkas="tps.csv")
        r = services.rekrutmen_create(
            kode="pps-2024",
            jenis_badan="pps",
            nama="PPS Pemilu 2024",
            pemilihan="Pemilu 2024",
            tanggal_acuan=date(2023, 1, 17),
            masa_kerja_mulai=date(2023, 1, 17),
            masa_kerja_selesai=date(2024, 4, 4),
        )
        rows = "".join(
            f"3673011003{(80 + i) % 100:02d}{i:04d},Calon {i:02d},L,Serang,"
            f"{date(1980 + i, 3, 10).isoformat()},SMA,{KEL},x,1,,{KEL}\n"
            for i in range(11)
        )
        services.pendaftar_import(
            rekrutmen=r, berkas=(KEPALA_PENDAFTAR + rows).encode(), nama_berkas="p.csv"
        )
        services.pendaftar_screen(rekrutmen=r)
        pendaftar = list(Pendaftar.objects.filter(rekrutmen=r).order_by("nama"))
        for i, p in enumerate(pendaftar):
            services.nilai_set(
                pendaftar=p, nilai_cat=Decimal(90 - i), nilai_wawancara=None, pengguna=None
            )
        services.wawancara_select(rekrutmen=r, pengguna=None)
        pendaftar = list(Pendaftar.objects.filter(rekrutmen=r).order_by("nama"))
        for p in pendaftar[:9]:
            services.nilai_set(
                pendaftar=p, nilai_cat=None, nilai_wawancara=Decimal(80), pengguna=None
            )
        services.peringkat_compute(rekrutmen=r, pengguna=None)
        # found in SIPOL after the screening: a clarification is offered to such applicants only
        AnggotaParpol.objects.create(nik=pendaftar[10].nik, nama=pendaftar[10].nama, partai="X")
        klarifikasi = services.klarifikasi_upload(
            pendaftar=pendaftar[10], berkas=_pdf(), keterangan="Surat partai", pengguna=None
        )
        return {"rekrutmen": r, "pendaftar": pendaftar[10], "klarifikasi": klarifikasi}


KEL = "36.73.01.1001"  # PPS: 3 seats -> up to 9 to interview, 6 ranked
KEPALA_PENDAFTAR = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)


def _pdf():
    return SimpleUploadedFile("surat.pdf", b"%PDF-1.4\n%uji\n", content_type="application/pdf")


def _k(d, key):
    return d.kinerja[key]


def _csv_kinerja(d, header: str, nilai: str) -> dict:
    """A one-row import file of the sample indikator (Perencanaan)."""
    isi = f"{header}\n{d.kinerja['indikator'].kode};{nilai}\n".encode()
    return {"berkas": SimpleUploadedFile("impor.csv", isi, content_type="text/csv")}


def _isi(d):
    return {"tahun": 2023, "indikator_pk": _k(d, "indikator").pk, "periode": "tahunan"}


def _realisasi(status):
    return lambda d: {"pk": d.kinerja["realisasi"][status].pk}


def model_get(path):
    from django.apps import apps

    return apps.get_model(path)


def m(*paths):
    return lambda d: rows(*(model_get(p) for p in paths))(d)


def isian(key, app="sekretariat", json=False, **ubah):
    """The record's own field values with ``ubah`` applied: a valid body for its edit form
    (``json``: for the API, where empty values are ``null``)."""

    def body(d):
        obj = getattr(d, app)[key]
        data = {
            k: (v.pk if hasattr(v, "pk") else v)
            for k, v in model_to_dict(obj).items()
            if k != "id" and not isinstance(v, FieldFile) and (json or v is not None)
        }
        data = {k: v for k, v in data.items() if not isinstance(v, list)}
        return data | ubah

    return body


def pk_of(key, app="sekretariat"):
    return lambda d: {"pk": getattr(d, app)[key].pk}


SEK_FORMS = [
    # (url prefix, world key, the model, a field to change)
    ("unit", "unit", "sekretariat.UnitOrganisasi", "nama"),
    ("divisi", "divisi", "sekretariat.Divisi", "nama"),
    ("jabatan", "jabatan", "sekretariat.Jabatan", "nama"),
    ("komisioner", "komisioner", "sekretariat.Komisioner", "nama"),
]

# A PNS born 12 March 1985, TMT January 2010, male (as the factory's pegawai).
NIP_BARU = "198503122010011099"

# Organisation master data: Admin and Sekretaris only.
HANYA_PIMPINAN = "302 302 403 403 403 403 403 403"
# Also the Kasubag/Staf of the owning sub-bagian (Hukum dan SDM for pegawai and riwayat
# jabatan, Keuangan for anggaran, Teknis for badan ad hoc, Perencanaan for the Renstra).
BAGIAN = "302 302 302 302 403 403 403 403"

BARIS: list[Baris] = [
    # ---------------------------------------------------------------- kinerja (pages)
    Baris(
        "POST",
        "kinerja:realisasi_isi",
        "302 302 302 302 404 404 403 403",
        m("kinerja.Realisasi"),
        kwargs=_isi,
        body=lambda d: {"nilai": "95,5", "analisis": "Tercapai"},
    ),
    Baris(
        "POST",
        "kinerja:realisasi_validasi",
        "200 200 200 200 404 404 403 403",
        m("kinerja.Realisasi"),
        kwargs=_isi,
        body=lambda d: {"_field": "nilai", "nilai": "95,5"},
        menulis=False,
    ),
    Baris(
        "POST",
        "kinerja:realisasi_aksi",
        "302 302 302 302 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("draft"),
        body=lambda d: {"aksi": "ajukan"},
        label="ajukan",
    ),
    Baris(
        "POST",
        "kinerja:realisasi_aksi",
        "302 302 302 403 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diajukan"),
        body=lambda d: {"aksi": "verifikasi", "catatan": "Sesuai"},
        label="verifikasi",
    ),
    Baris(
        "POST",
        "kinerja:realisasi_aksi",
        "302 302 302 403 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diajukan"),
        body=lambda d: {"aksi": "kembalikan", "catatan": "Lengkapi bukti"},
        label="kembalikan",
    ),
    Baris(
        "POST",
        "kinerja:realisasi_aksi",
        "302 302 403 403 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diverifikasi"),
        body=lambda d: {"aksi": "setujui"},
        label="setujui",
    ),
    Baris(
        "POST",
        "kinerja:bukti_tambah",
        "302 302 302 302 404 404 403 403",
        m("kinerja.BuktiDukung"),
        kwargs=_realisasi("draft"),
        body=lambda d: {"tautan": "https://contoh.go.id/baru", "keterangan": "Notulen"},
    ),
    Baris(
        "POST",
        "kinerja:bukti_hapus",
        "302 302 302 302 404 404 403 403",
        m("kinerja.BuktiDukung"),
        kwargs=lambda d: {"pk": _k(d, "bukti").pk},
    ),
    Baris(
        "POST",
        "kinerja:pk_buat",
        "302 302 302 302 403 403 403 403",
        m("kinerja.PerjanjianKinerja"),
        body=lambda d: {"tahun": 2024, "tempat": "Serang"},
    ),
    Baris(
        "POST",
        "kinerja:pk_ubah",
        "302 302 302 302 403 403 403 403",
        m("kinerja.PerjanjianKinerja"),
        kwargs=lambda d: {"pk": _k(d, "pk_draf").pk},
        body=lambda d: {
            "pihak_pertama_nama": "Nama Baru",
            "pihak_pertama_jabatan": "Sekretaris",
            "pihak_kedua_nama": "Ketua Uji",
            "pihak_kedua_jabatan": "Ketua",
            "tempat": "Serang",
            "tanggal": "2023-01-03",
        },
    ),
    Baris(
        "POST",
        "kinerja:pk_baris_ubah",
        "200 200 200 200 403 403 403 403",
        m("kinerja.PKBaris"),
        kwargs=lambda d: {"pk": _k(d, "pk_baris").pk},
        body=lambda d: {"target": "97,5"},
    ),
    # The kinerja imports: step 1 (and the API's ``pratinjau``) only previews, nothing saved;
    # the targets are Perencanaan's, realisasi rows are checked per sub-bagian in the preview.
    Baris(
        "POST",
        "kinerja:pk_target_impor",
        "200 200 200 200 403 403 403 403",
        m("kinerja.PKBaris"),
        kwargs=lambda d: {"tahun": 2023},
        body=lambda d: _csv_kinerja(d, "kode_indikator;target", "97,5"),
        menulis=False,
    ),
    Baris(
        "POST",
        "kinerja:realisasi_impor",
        "200 200 200 200 200 200 403 403",
        m("kinerja.Realisasi"),
        kwargs=lambda d: {"tahun": 2023},
        body=lambda d: _csv_kinerja(d, "kode_indikator;triwulan;realisasi", "4;95,5"),
        menulis=False,
    ),
    Baris(
        "POST",
        "kinerja-impor-target",
        "200 200 200 200 403 403 403 403",
        m("kinerja.PKBaris"),
        body=lambda d: (
            _csv_kinerja(d, "kode_indikator;target", "97,5") | {"tahun": 2023, "pratinjau": "true"}
        ),
        menulis=False,
    ),
    Baris(
        "POST",
        "kinerja-impor-realisasi",
        "200 200 200 200 200 200 403 403",
        m("kinerja.Realisasi"),
        body=lambda d: (
            _csv_kinerja(d, "kode_indikator;triwulan;realisasi", "4;95,5")
            | {"tahun": 2023, "pratinjau": "true"}
        ),
        menulis=False,
    ),
    Baris(
        "POST",
        "kinerja:pk_tandatangani",
        "302 302 403 403 403 403 403 403",
        m("kinerja.PerjanjianKinerja"),
        kwargs=lambda d: {"pk": _k(d, "pk_draf").pk},
    ),
    Baris(
        "POST",
        "kinerja:pk_perubahan",
        "302 302 302 302 403 403 403 403",
        m("kinerja.PerjanjianKinerja"),
        kwargs=lambda d: {"pk": _k(d, "pk_ttd").pk},
        body=lambda d: {"alasan": "Refocusing anggaran"},
    ),
    Baris(
        "POST",
        "kinerja:pengaturan",
        "302 302 403 403 403 403 403 403",
        m("kinerja.PengaturanCapaian"),
        body=lambda d: {"batas_atas": "120", "ambang_tercapai": "95", "ambang_hampir": "80"},
        label="capaian",
    ),
    Baris(
        "POST",
        "kinerja:pengaturan",
        "302 302 403 403 403 403 403 403",
        m("kinerja.KunciTahun"),
        body=lambda d: {"tahun": 2023, "aksi": "kunci", "keterangan": "LKj final"},
        label="kunci tahun",
    ),
    Baris(
        "POST",
        "kinerja:pengaturan",
        "302 302 403 403 403 403 403 403",
        m("kinerja.KunciTahun", "anggaran.DokumenAnggaran"),
        body=lambda d: {"tahun": 2023, "aksi": "buka"},
        awal=lambda d: model_get("kinerja.KunciTahun").objects.create(tahun=2023),
        label="buka kunci tahun",
    ),
    # ---------------------------------------------------------------- LKj (pages)
    Baris(
        "POST",
        "kinerja:lkj_minta",
        "302 302 302 302 302 302 403 403",
        m("kinerja.LaporanKinerja"),
        kwargs=lambda d: {"tahun": 2023},
    ),
    Baris(
        "POST",
        "kinerja:lkj_naskah",
        "302 302 302 302 302 302 403 403",
        m("kinerja.NaskahLkj"),
        kwargs=lambda d: {"tahun": 2023},
        body=lambda d: {
            "kata_pengantar": "Puji syukur",
            "ikhtisar": "Ringkasan",
            "latar_belakang": "Latar",
            "penutup": "Penutup",
            "tempat_tanggal": "Serang, Januari 2024",
        },
    ),
    Baris(
        "POST",
        "kinerja:lkj_finalkan",
        HANYA_PIMPINAN,
        m("kinerja.LaporanKinerja", "kinerja.KunciTahun", "anggaran.DokumenAnggaran"),
        kwargs=lambda d: {"pk": d.lkj["laporan"].pk},
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja:lkj_temuan_jelaskan",
        HANYA_PIMPINAN,
        m("kinerja.TemuanDijelaskan"),
        kwargs=lambda d: {"tahun": 2021},
        body=lambda d: {"kunci": f"serapan:{d.kinerja['indikator'].pk}"},
        awal=lambda d: _capaian_tinggi_serapan_rendah(d),
        perlu="kinerja lkj",
        label="temuan dijelaskan",
    ),
]


def _capaian_tinggi_serapan_rendah(d) -> None:
    """LKj 2021: the indikator reaches 100% while the kegiatan funding its sasaran absorbed
    13% (a pre-flight finding the Sekretaris may mark explained)."""
    model_get("kinerja.Realisasi").objects.filter(
        indikator=d.kinerja["indikator"], tahun=2021
    ).update(nilai=Decimal("100"))
    model_get("anggaran.Pos").objects.get(dokumen__tahun=2021, tingkat="kegiatan").sasaran.add(
        d.kinerja["sasaran"]
    )


BARIS += [
    Baris(
        "POST",
        "sekretariat:satker_update",
        HANYA_PIMPINAN,
        m("sekretariat.Satker"),
        body=isian("satker", nama="KPU Kota Uji Baru"),
    ),
    Baris(
        "POST",
        "sekretariat:pegawai_create",
        BAGIAN,
        m("sekretariat.Pegawai"),
        body=isian("pegawai", nama="Pegawai Baru", nip=NIP_BARU),
        unit="hukum_sdm",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "sekretariat:pegawai_update",
        BAGIAN,
        m("sekretariat.Pegawai"),
        kwargs=pk_of("pegawai"),
        body=isian("pegawai", nama="Nama Diubah"),
        unit="hukum_sdm",
        lain="keuangan",
        label="(a pegawai of Keuangan)",
    ),
    Baris(
        "POST",
        "sekretariat:riwayat_create",
        BAGIAN,
        m("sekretariat.RiwayatJabatan"),
        body=lambda d: (
            isian("riwayat", nomor_sk="99 Tahun 2024")(d)
            | {"pegawai": d.sekretariat["pegawai_baru"].pk}
        ),
        unit="hukum_sdm",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "sekretariat:riwayat_update",
        BAGIAN,
        m("sekretariat.RiwayatJabatan"),
        kwargs=pk_of("riwayat"),
        body=isian("riwayat", nomor_sk="77 Tahun 2023"),
        unit="hukum_sdm",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "sekretariat:riwayat_pendidikan_create",
        BAGIAN,
        m("sekretariat.RiwayatPendidikan"),
        kwargs=pk_of("pegawai"),
        body=lambda d: {"jenjang": "s2", "tanggal_ijazah": "2024-06-01"},
        unit="hukum_sdm",
        lain="perencanaan",
    ),
]
for _url, _key, _model, _field in SEK_FORMS:
    BARIS += [
        Baris(
            "POST",
            f"sekretariat:{_url}_create",
            HANYA_PIMPINAN,
            m(_model),
            body=isian(_key, **{_field: "Baru Uji"} | ({"kode": "baru"} if _url == "unit" else {})),
        ),
        Baris(
            "POST",
            f"sekretariat:{_url}_update",
            HANYA_PIMPINAN,
            m(_model),
            kwargs=pk_of(_key),
            body=isian(_key, **{_field: "Diubah Uji"}),
        ),
    ]

# The organisation API: the same rules, plus PUT/PATCH/DELETE.
SEK_API = [
    # (basename, world key, model, field, who writes, unit, lain)
    ("satker", "satker", "sekretariat.Satker", "nama", HANYA_PIMPINAN, "perencanaan"),
    ("unitorganisasi", "unit", "sekretariat.UnitOrganisasi", "nama", HANYA_PIMPINAN, "perencanaan"),
    ("divisi", "divisi", "sekretariat.Divisi", "nama", HANYA_PIMPINAN, "perencanaan"),
    ("jabatan", "jabatan", "sekretariat.Jabatan", "nama", HANYA_PIMPINAN, "perencanaan"),
    ("komisioner", "komisioner", "sekretariat.Komisioner", "nama", HANYA_PIMPINAN, "perencanaan"),
    ("pegawai", "pegawai", "sekretariat.Pegawai", "nama", BAGIAN, "hukum_sdm"),
    ("riwayatjabatan", "riwayat", "sekretariat.RiwayatJabatan", "nomor_sk", BAGIAN, "hukum_sdm"),
]


def _api(status: str, ok: int) -> str:
    return status.replace("302", str(ok))


for _base, _key, _model, _field, _siapa, _unit in SEK_API:
    _baru = {_field: "Baru 1 Tahun 2024"} | (
        {"kode": "baru"}
        if _base == "unitorganisasi"
        else {"nip": NIP_BARU}
        if _base == "pegawai"
        else {"kode_satker": "654321"}
        if _base == "satker"
        else {}
    )
    _lain = "perencanaan" if _unit != "perencanaan" else "keuangan"
    _body_baru = isian(_key, json=True, **_baru)
    if _base == "riwayatjabatan":
        _body_baru = lambda d, _b=_body_baru: _b(d) | {"pegawai": d.sekretariat["pegawai_baru"].pk}  # noqa: E731
    BARIS += [
        Baris(
            "POST",
            f"sekretariat-{_base}-list",
            _api(_siapa, 201),
            m(_model),
            body=_body_baru,
            format="json",
            # One installation serves one satker: a new one only while there is none.
            awal=(lambda d: type(d.sekretariat["satker"]).objects.all().delete())
            if _base == "satker"
            else Baris.awal,
            unit=_unit,
            lain=_lain,
        ),
        Baris(
            "PUT",
            f"sekretariat-{_base}-detail",
            _api(_siapa, 200),
            m(_model),
            kwargs=pk_of(_key),
            body=isian(_key, json=True, **{_field: "Diubah 2 Tahun 2024"}),
            format="json",
            unit=_unit,
            lain=_lain,
        ),
        Baris(
            "PATCH",
            f"sekretariat-{_base}-detail",
            _api(_siapa, 200),
            m(_model),
            kwargs=pk_of(_key),
            body=lambda d, _field=_field: {_field: "Diubah 3 Tahun 2024"},
            format="json",
            unit=_unit,
            lain=_lain,
        ),
    ]


# The staff import (a new PPNPN): the page's step 1 previews only (200, nothing saved); the API
# imports. Hukum dan SDM, Sekretaris and Admin only.
CSV_PEGAWAI = (
    b"Nama;Status;Jenis PPNPN;Unit;Jenis kelamin;Tanggal lahir;TMT;Pendidikan\n"
    b"PPNPN Impor Uji;PPNPN;Pramubakti;hukum_sdm;P;1998-08-08;2024-01-02;SLTA\n"
)


def _unggah_pegawai(d):
    return {"berkas": SimpleUploadedFile("pegawai.csv", CSV_PEGAWAI, content_type="text/csv")}


BARIS += [
    Baris(
        "POST",
        "sekretariat:pegawai_impor",
        BAGIAN.replace("302", "200"),
        m("sekretariat.Pegawai", "sekretariat.RiwayatPendidikan"),
        body=_unggah_pegawai,
        menulis=False,
        unit="hukum_sdm",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "sekretariat-pegawai-impor",
        _api(BAGIAN, 200),
        m("sekretariat.Pegawai", "sekretariat.RiwayatPendidikan"),
        body=_unggah_pegawai,
        unit="hukum_sdm",
        lain="perencanaan",
    ),
]


# ---------------------------------------------------------------- inti (kpu_site)


def _profil_sakti(d):
    """A column-mapping profile of the realisasi import (Keuangan's), for its edit and delete."""
    from kpu_site.models import ProfilImpor

    profil, _ = ProfilImpor.objects.get_or_create(
        jenis="realisasi", nama="SAKTI uji", defaults={"kolom": {"tanggal": ["Tgl SP2D"]}}
    )
    return {"pk": profil.pk}


PROFIL_KOLOM = {
    "tanggal": "Tgl SP2D",
    "nomor_sp2d": "No SP2D",
    "kode_akun": "Kode Akun",
    "uraian": "Keterangan",
    "nilai": "Nilai",
}
PROFIL_BODY = {
    "nama": "SAKTI baru",
    "kolom_tanggal": "Tgl SP2D",
    "aturan_tanggal": "tanggal",
    "kolom_nomor_sp2d": "No SP2D",
    "kolom_kode_akun": "Kode Output + Akun",
    "kolom_uraian": "Keterangan",
    "kolom_nilai": "Nilai",
    "aksi": "simpan",
}


SEMUA = "302 302 302 302 302 302 302 302"
BARIS += [
    # Logging in (as the Komisioner persona) works from any session, anonymous included.
    Baris(
        "POST",
        "login",
        SEMUA,
        None,
        body=lambda d: {"username": d.user(Peran.KOMISIONER).username, "password": KATA_SANDI},
        anonim=302,
    ),
    Baris("POST", "logout", SEMUA, None, anonim=302),
    Baris("POST", "tahun_pilih", SEMUA, None, body=lambda d: {"tahun": 2023, "next": "/"}),
    Baris(
        "POST",
        "password_change",
        SEMUA,
        m("sekretariat.Pengguna"),
        body=lambda d: {
            "old_password": KATA_SANDI,
            "new_password1": "Sandi-Baru-2024!",
            "new_password2": "Sandi-Baru-2024!",
        },
    ),
    Baris(
        "POST",
        "pemeriksaan_worker_kirim",
        "302 403 403 403 403 403 403 403",
        m("kpu_site.PemeriksaanWorker"),
    ),
    # column-mapping profiles: the sub-bagian that runs the import (realisasi: Keuangan)
    Baris(
        "POST",
        "profil_impor_baru",
        "302 302 302 302 403 403 403 403",
        m("kpu_site.ProfilImpor"),
        kwargs=lambda d: {"jenis": "realisasi"},
        body=lambda d: dict(PROFIL_BODY),
        unit="keuangan",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "profil_impor_ubah",
        "302 302 302 302 403 403 403 403",
        m("kpu_site.ProfilImpor"),
        kwargs=_profil_sakti,
        body=lambda d: dict(PROFIL_BODY, nama="SAKTI uji diubah"),
        unit="keuangan",
        lain="perencanaan",
    ),
    Baris(
        "POST",
        "profil-impor-list",
        "201 201 201 201 403 403 403 403",
        m("kpu_site.ProfilImpor"),
        body=lambda d: {
            "jenis": "realisasi",
            "nama": "SAKTI API",
            "kolom": {k: [v] for k, v in PROFIL_KOLOM.items()},
        },
        format="json",
        unit="keuangan",
        lain="perencanaan",
    ),
    *(
        Baris(
            method,
            "profil-impor-detail",
            kode,
            m("kpu_site.ProfilImpor"),
            kwargs=_profil_sakti,
            body=lambda d: {
                "jenis": "realisasi",
                "nama": "SAKTI uji API",
                "kolom": {k: [v] for k, v in PROFIL_KOLOM.items()},
            },
            format="json",
            unit="keuangan",
            lain="perencanaan",
        )
        for method, kode in (
            ("PUT", "200 200 200 200 404 404 404 404"),
            ("PATCH", "200 200 200 200 404 404 404 404"),
            ("DELETE", "204 204 204 204 404 404 404 404"),
        )
    ),
    Baris(
        "POST",
        "profil_impor_hapus",
        "302 302 302 302 403 403 403 403",
        m("kpu_site.ProfilImpor"),
        kwargs=_profil_sakti,
        unit="keuangan",
        lain="perencanaan",
    ),
]

# ---------------------------------------------------------------- anggaran
# Writes: Admin, Sekretaris and the Kasubag/Staf of Sub Bagian Keuangan; locking: Sekretaris.

KEUANGAN = {"unit": "keuangan", "lain": "perencanaan"}
KODE_AKUN = "076.01.CQ.6709.QGE.001.051.A.521211"
CSV_SP2D = (
    "tanggal,nomor_sp2d,kode_akun,uraian,nilai\n"
    f"2023-03-01,230001T,{KODE_AKUN},Belanja ATK,150000\n"
).encode()


CSV_POK = (
    b"KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH\n076.01.CQ;Program;;;;\n"
    b"076.01.CQ.6709;Kegiatan;;;;\n076.01.CQ.6709.QGE;KRO;;;;\n"
    b"076.01.CQ.6709.QGE.001;RO;;;;\n076.01.CQ.6709.QGE.001.051;Komponen;;;;\n"
    b"076.01.CQ.6709.QGE.001.051.A;Sub;;;;\n076.01.CQ.6709.QGE.001.051.A.521211;Bahan;;;;\n"
    b";Kertas;2;RIM;50.000;100.000\n"
)


def _a(key):
    return lambda d: {"pk": d.anggaran[key].pk}


def _csv(d):
    return {"berkas": SimpleUploadedFile("sp2d.csv", CSV_SP2D, content_type="text/csv")}


ANGGARAN_MODELS = m(
    "anggaran.DokumenAnggaran",
    "anggaran.Revisi",
    "anggaran.Pos",
    "anggaran.Pagu",
    "anggaran.RencanaPenarikan",
    "anggaran.Realisasi",
)

BARIS += [
    Baris(
        "POST",
        "anggaran:dokumen_create",
        BAGIAN,
        ANGGARAN_MODELS,
        body=lambda d: {
            "jenis": "dipa",
            "tahun": 2024,
            "nomor": "SP DIPA-076.01.2.670719/2024",
            "tanggal": "2023-11-30",
            "uraian": "DIPA 2024",
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dokumen_update",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {"nomor": "SP DIPA-UBAH/2023", "tanggal": "2022-12-01", "uraian": "Ubah"},
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dokumen_kunci",
        HANYA_PIMPINAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dokumen_buka",
        HANYA_PIMPINAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa_terkunci"),
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:revisi_create",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {
            "tanggal": "2023-06-01",
            "alasan": "Revisi POK",
            "perubahan": f"{KODE_AKUN}.1; 2; 400.000",
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:rpd_update",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {"rpd_1": "500.000", "rpd_2": "1.000.000"},
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:pos_create",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {
            "induk": d.anggaran["sub"].pk,
            "tingkat": "akun",
            "kode": "521219",
            "uraian": "Belanja barang lainnya",
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:pos_update",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("akun"),
        body=lambda d: {"uraian": "Belanja bahan (diubah)"},
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:realisasi_create",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {
            "akun": d.anggaran["akun"].pk,
            "tanggal": "2023-03-01",
            "nomor_sp2d": "230001T",
            "nilai": "150.000",
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:ikpa_parameter",
        BAGIAN,
        m("anggaran.ParameterIkpa"),
        kwargs=lambda d: {"tahun": 2023},
        body=lambda d: {
            "dasar_hukum": "PER-5/PB/2022",
            "bobot_revisi": "10",
            "bobot_deviasi": "15",
            "bobot_penyerapan": "20",
            "bobot_kontraktual": "10",
            "bobot_tagihan": "10",
            "bobot_up_tup": "15",
            "bobot_output": "20",
            "deviasi_tertimbang": "on",
        },
        **KEUANGAN,
    ),
    # Step 1 of the import only previews (200, nothing saved); the confirmation (a POST
    # with the preview's token) saves.
    Baris(
        "POST",
        "anggaran:realisasi_impor",
        BAGIAN.replace("302", "200"),
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=_csv,
        menulis=False,
        **KEUANGAN,
    ),
    # the DIPA / revision import from a POK sheet: step 1 previews only (200, nothing saved)
    Baris(
        "POST",
        "anggaran:dipa_impor",
        BAGIAN.replace("302", "200"),
        ANGGARAN_MODELS,
        body=lambda d: {
            "tahun": "2025",
            "nomor": "SP DIPA-076.01.2.670714/2025",
            "tanggal": "2025-01-02",
            "berkas": SimpleUploadedFile("pok.csv", CSV_POK, content_type="text/csv"),
        },
        menulis=False,
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:revisi_impor",
        BAGIAN.replace("302", "200"),
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {
            "tanggal": "2023-12-01",
            "alasan": "Revisi POK",
            "berkas": SimpleUploadedFile("pok.csv", CSV_POK, content_type="text/csv"),
        },
        menulis=False,
        **KEUANGAN,
    ),
    # API
    Baris(
        "POST",
        "anggaran-dokumen-list",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        body=lambda d: {
            "jenis": "dipa",
            "tahun": 2024,
            "nomor": "SP DIPA-076.01.2.670719/2024",
            "tanggal": "2023-11-30",
            "uraian": "DIPA 2024",
        },
        format="json",
        **KEUANGAN,
    ),
    *[
        Baris(
            method,
            "anggaran-dokumen-detail",
            _api(BAGIAN, 200),
            ANGGARAN_MODELS,
            kwargs=_a("dipa"),
            body=lambda d: {"nomor": "SP DIPA-UBAH/2023", "tanggal": "2022-12-01", "uraian": "U"},
            format="json",
            **KEUANGAN,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "POST",
        "anggaran-dokumen-kunci",
        _api(HANYA_PIMPINAN, 200),
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        format="json",
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-dokumen-impor",
        _api(BAGIAN, 200),
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=_csv,
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-dokumen-impor-dipa",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        body=lambda d: {
            "tahun": "2025",
            "nomor": "SP DIPA-076.01.2.670714/2025",
            "tanggal": "2025-01-02",
            "berkas": SimpleUploadedFile("pok.csv", CSV_POK, content_type="text/csv"),
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-dokumen-revisi-impor",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        kwargs=_a("dipa"),
        body=lambda d: {
            "tanggal": "2023-12-01",
            "alasan": "Revisi POK",
            "berkas": SimpleUploadedFile("pok.csv", CSV_POK, content_type="text/csv"),
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-revisi-list",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        body=lambda d: {
            "dokumen": d.anggaran["dipa"].pk,
            "tanggal": "2023-06-01",
            "alasan": "Revisi POK",
            "perubahan": [{"pos": d.anggaran["detail"].pk, "volume": "2", "harga": "400000"}],
        },
        format="json",
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-pos-list",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        body=lambda d: {
            "dokumen": d.anggaran["dipa"].pk,
            "induk": d.anggaran["sub"].pk,
            "tingkat": "akun",
            "kode": "521219",
            "uraian": "Belanja barang lainnya",
        },
        format="json",
        **KEUANGAN,
    ),
    *[
        Baris(
            method,
            "anggaran-pos-detail",
            _api(BAGIAN, 200),
            ANGGARAN_MODELS,
            kwargs=_a("akun"),
            body=lambda d: {"uraian": "Belanja bahan (diubah)"},
            format="json",
            **KEUANGAN,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "POST",
        "anggaran-realisasi-list",
        _api(BAGIAN, 201),
        ANGGARAN_MODELS,
        body=lambda d: {
            "akun": d.anggaran["akun"].pk,
            "tanggal": "2023-03-01",
            "nomor_sp2d": "230001T",
            "nilai": "150000",
        },
        format="json",
        **KEUANGAN,
    ),
]

# The UP/TUP register, the SPM dispensations and the revision's IKPA flag (Keuangan; a delete
# is a change of the register: the Kasubag/Staf of Keuangan hold change, not delete).
UP_MODELS = m("anggaran.MutasiUp")
DISPENSASI_MODELS = m("anggaran.DispensasiSpm")
CSV_UP = b"jenis,nomor,tanggal,nilai\nGUP,GUP-01,2023-02-20,50.000.000\n"
CSV_DISPENSASI = b"nomor,tanggal,jumlah_spm,alasan\nS-02,2023-04-03,2,Honor KPPS\n"


def _unggah(nama, isi, api=False):
    def body(d):
        data = {"berkas": SimpleUploadedFile(nama, isi, content_type="text/csv")}
        return data | ({"dokumen": d.anggaran["dipa"].pk} if api else {})

    return body


def _mutasi_up_baru(d):
    return {"jenis": "gup", "nomor": "GUP-01", "tanggal": "2023-02-20", "nilai": "50.000.000"}


def _dispensasi_baru(d):
    return {"nomor": "S-02", "tanggal": "2023-04-03", "jumlah_spm": "2", "alasan": "Honor KPPS"}


BARIS += [
    Baris(
        "POST",
        "anggaran:mutasi_up_create",
        BAGIAN,
        UP_MODELS,
        kwargs=_a("dipa"),
        body=_mutasi_up_baru,
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:mutasi_up_update",
        BAGIAN,
        UP_MODELS,
        kwargs=_a("up"),
        body=lambda d: {
            "jenis": "up",
            "nomor": "UP-01",
            "tanggal": "2023-01-16",
            "nilai": "90.000.000",
        },
        **KEUANGAN,
    ),
    Baris("POST", "anggaran:mutasi_up_delete", BAGIAN, UP_MODELS, kwargs=_a("up"), **KEUANGAN),
    Baris(
        "POST",
        "anggaran:mutasi_up_impor",
        BAGIAN.replace("302", "200"),
        UP_MODELS,
        kwargs=_a("dipa"),
        body=_unggah("up.csv", CSV_UP),
        menulis=False,
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dispensasi_create",
        BAGIAN,
        DISPENSASI_MODELS,
        kwargs=_a("dipa"),
        body=_dispensasi_baru,
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dispensasi_update",
        BAGIAN,
        DISPENSASI_MODELS,
        kwargs=_a("dispensasi"),
        body=lambda d: {
            "nomor": "S-01",
            "tanggal": "2023-03-06",
            "jumlah_spm": "3",
            "alasan": "SPM terlambat",
        },
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dispensasi_delete",
        BAGIAN,
        DISPENSASI_MODELS,
        kwargs=_a("dispensasi"),
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran:dispensasi_impor",
        BAGIAN.replace("302", "200"),
        DISPENSASI_MODELS,
        kwargs=_a("dipa"),
        body=_unggah("d.csv", CSV_DISPENSASI),
        menulis=False,
        **KEUANGAN,
    ),
    # unticked: the revision no longer counts in the IKPA
    Baris(
        "POST",
        "anggaran:revisi_ikpa_update",
        BAGIAN,
        ANGGARAN_MODELS,
        kwargs=_a("revisi"),
        **KEUANGAN,
    ),
    # API
    Baris(
        "POST",
        "anggaran-mutasiup-list",
        _api(BAGIAN, 201),
        UP_MODELS,
        body=lambda d: _mutasi_up_baru(d) | {"dokumen": d.anggaran["dipa"].pk, "nilai": "5000"},
        format="json",
        **KEUANGAN,
    ),
    *[
        Baris(
            method,
            "anggaran-mutasiup-detail",
            _api(BAGIAN, 200),
            UP_MODELS,
            kwargs=_a("up"),
            body=lambda d: {"nilai": "90000000"},
            format="json",
            **KEUANGAN,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "DELETE",
        "anggaran-mutasiup-detail",
        _api(BAGIAN, 204),
        UP_MODELS,
        kwargs=_a("up"),
        format="json",
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-mutasiup-impor",
        _api(BAGIAN, 200),
        UP_MODELS,
        body=_unggah("up.csv", CSV_UP, api=True),
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-dispensasispm-list",
        _api(BAGIAN, 201),
        DISPENSASI_MODELS,
        body=lambda d: _dispensasi_baru(d) | {"dokumen": d.anggaran["dipa"].pk},
        format="json",
        **KEUANGAN,
    ),
    *[
        Baris(
            method,
            "anggaran-dispensasispm-detail",
            _api(BAGIAN, 200),
            DISPENSASI_MODELS,
            kwargs=_a("dispensasi"),
            body=lambda d: {"jumlah_spm": 3},
            format="json",
            **KEUANGAN,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "DELETE",
        "anggaran-dispensasispm-detail",
        _api(BAGIAN, 204),
        DISPENSASI_MODELS,
        kwargs=_a("dispensasi"),
        format="json",
        **KEUANGAN,
    ),
    Baris(
        "POST",
        "anggaran-dispensasispm-impor",
        _api(BAGIAN, 200),
        DISPENSASI_MODELS,
        body=_unggah("d.csv", CSV_DISPENSASI, api=True),
        **KEUANGAN,
    ),
    *[
        Baris(
            method,
            "anggaran-revisi-detail",
            _api(BAGIAN, 200),
            ANGGARAN_MODELS,
            kwargs=_a("revisi"),
            body=lambda d: {"dihitung_ikpa": False},
            format="json",
            **KEUANGAN,
        )
        for method in ("PUT", "PATCH")
    ],
]

# The Kasubag's verification of an UP/TUP movement or a dispensation (Adm, Sek and the Kasubag
# Keuangan; the Staf Keuangan enters but does not verify).
VERIFIKASI_IKPA = "302 302 302 403 403 403 403 403"
BARIS += [
    *[
        Baris(
            "POST",
            "anggaran:verifikasi",
            VERIFIKASI_IKPA,
            model,
            kwargs=lambda d, jenis=jenis, key=key: {"jenis": jenis, "pk": d.anggaran[key].pk},
            body=lambda d: {"verifikasi": "1"},
            label=jenis,
            **KEUANGAN,
        )
        for jenis, key, model in (
            ("mutasi-up", "up", UP_MODELS),
            ("dispensasi", "dispensasi", DISPENSASI_MODELS),
        )
    ],
    *[
        Baris(
            "POST",
            f"anggaran-{basis}-verifikasi",
            _api(VERIFIKASI_IKPA, 200),
            model,
            kwargs=_a(key),
            format="json",
            **KEUANGAN,
        )
        for basis, key, model in (
            ("mutasiup", "up", UP_MODELS),
            ("dispensasispm", "dispensasi", DISPENSASI_MODELS),
        )
    ],
]


# Contracts and invoices (Keuangan; a delete is a change, as for the UP/TUP register).
BELANJA_MODELS = m("anggaran.Kontrak", "anggaran.Tagihan")
BELANJA = {**KEUANGAN, "perlu": "anggaran belanja"}
CSV_KONTRAK = (
    "nomor,kode_akun,tanggal,tanggal_selesai,penyedia,uraian,nilai\n"
    f"K-03,{KODE_AKUN},2023-02-06,2023-02-28,CV Tiga,Cetak,100.000\n"
).encode()
CSV_TAGIHAN = b"nomor_kontrak,nomor,tanggal_bast,nilai\nK-01,BAST-02,2023-03-20,100.000\n"


def _b(key):
    return lambda d: {"pk": d.belanja[key].pk}


def _kontrak_baru(d):
    return {
        "akun": d.anggaran["akun"].pk,
        "nomor": "K-03",
        "tanggal": "2023-02-06",
        "tanggal_selesai": "2023-02-28",
        "penyedia": "CV Tiga",
        "uraian": "Cetak",
        "nilai": "100.000",
    }


def _tagihan_baru(d):
    return {"nomor": "BAST-02", "tanggal_bast": "2023-03-20", "nilai": "100.000"}


def _unggah_belanja(nama, isi, api=False):
    def body(d):
        data = {"berkas": SimpleUploadedFile(nama, isi, content_type="text/csv")}
        return data | ({"dokumen": d.anggaran["dipa"].pk} if api else {})

    return body


BARIS += [
    Baris(
        "POST",
        "anggaran:kontrak_create",
        BAGIAN,
        BELANJA_MODELS,
        kwargs=_a("dipa"),
        body=_kontrak_baru,
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran:kontrak_update",
        BAGIAN,
        BELANJA_MODELS,
        kwargs=_b("kontrak"),
        body=lambda d: _kontrak_baru(d) | {"nomor": "K-01", "nilai": "600.000"},
        **BELANJA,
    ),
    Baris(
        "POST", "anggaran:kontrak_delete", BAGIAN, BELANJA_MODELS, kwargs=_b("kosong"), **BELANJA
    ),
    Baris(
        "POST",
        "anggaran:kontrak_impor",
        BAGIAN.replace("302", "200"),
        BELANJA_MODELS,
        kwargs=_a("dipa"),
        body=_unggah_belanja("k.csv", CSV_KONTRAK),
        menulis=False,
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran:tagihan_create",
        BAGIAN,
        BELANJA_MODELS,
        kwargs=_b("kontrak"),
        body=_tagihan_baru,
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran:tagihan_update",
        BAGIAN,
        BELANJA_MODELS,
        kwargs=_b("tagihan"),
        body=lambda d: _tagihan_baru(d) | {"nomor": "BAST-01"},
        **BELANJA,
    ),
    Baris(
        "POST", "anggaran:tagihan_delete", BAGIAN, BELANJA_MODELS, kwargs=_b("tagihan"), **BELANJA
    ),
    Baris(
        "POST",
        "anggaran:tagihan_impor",
        BAGIAN.replace("302", "200"),
        BELANJA_MODELS,
        kwargs=_a("dipa"),
        body=_unggah_belanja("t.csv", CSV_TAGIHAN),
        menulis=False,
        **BELANJA,
    ),
    # API
    Baris(
        "POST",
        "anggaran-kontrak-list",
        _api(BAGIAN, 201),
        BELANJA_MODELS,
        body=lambda d: _kontrak_baru(d) | {"dokumen": d.anggaran["dipa"].pk, "nilai": "100000"},
        format="json",
        **BELANJA,
    ),
    *[
        Baris(
            method,
            "anggaran-kontrak-detail",
            _api(BAGIAN, 200),
            BELANJA_MODELS,
            kwargs=_b("kontrak"),
            body=lambda d: {"nilai": "600000"},
            format="json",
            **BELANJA,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "DELETE",
        "anggaran-kontrak-detail",
        _api(BAGIAN, 204),
        BELANJA_MODELS,
        kwargs=_b("kosong"),
        format="json",
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran-kontrak-impor",
        _api(BAGIAN, 200),
        BELANJA_MODELS,
        body=_unggah_belanja("k.csv", CSV_KONTRAK, api=True),
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran-tagihan-list",
        _api(BAGIAN, 201),
        BELANJA_MODELS,
        body=lambda d: {
            "kontrak": d.belanja["kontrak"].pk,
            "nomor": "BAST-02",
            "tanggal_bast": "2023-03-20",
            "nilai": "100000",
        },
        format="json",
        **BELANJA,
    ),
    *[
        Baris(
            method,
            "anggaran-tagihan-detail",
            _api(BAGIAN, 200),
            BELANJA_MODELS,
            kwargs=_b("tagihan"),
            body=lambda d: {"nilai": "250000"},
            format="json",
            **BELANJA,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "DELETE",
        "anggaran-tagihan-detail",
        _api(BAGIAN, 204),
        BELANJA_MODELS,
        kwargs=_b("tagihan"),
        format="json",
        **BELANJA,
    ),
    Baris(
        "POST",
        "anggaran-tagihan-impor",
        _api(BAGIAN, 200),
        BELANJA_MODELS,
        body=_unggah_belanja("t.csv", CSV_TAGIHAN, api=True),
        **BELANJA,
    ),
]


# ---------------------------------------------------------------- anggaran: RO output
# A month's output realisasi is entered and submitted by Keuangan or the RO's unit pengampu
# (here Perencanaan; "lain" Teknis), verified or returned by the Kasubag Keuangan and the
# Sekretaris. Each row's data is made in its savepoint (``awal``): the world's RO gets
# Perencanaan as unit pengampu, a target of 6 Laporan and, for the workflow rows, a January
# in the given status.

PENGAMPU = {"unit": "perencanaan", "lain": "teknis"}
OUTPUT_MODELS = m("anggaran.VolumeRo", "anggaran.RealisasiOutput", "anggaran.Pos")
KODE_RO = "076.01.CQ.6709.QGE.001"
CSV_OUTPUT = f"kode_ro,bulan,volume,tanggal_lapor\n{KODE_RO},2,1,2023-03-03\n".encode()


def _ro(d):
    return d.anggaran["sub"].induk.induk


def _output_awal(status=None):
    def awal(d):
        from anggaran.models import RealisasiOutput, Revisi, VolumeRo

        ro = _ro(d)
        ro.unit = d.units["perencanaan"]
        ro.satuan = "Laporan"
        ro.save()
        VolumeRo.objects.create(
            revisi=Revisi.objects.filter(dokumen=ro.dokumen).latest("nomor"),
            ro=ro,
            volume=Decimal("6"),
        )
        if status:
            RealisasiOutput.objects.create(
                ro=ro, bulan=1, volume=Decimal("1"), tanggal_lapor=date(2023, 2, 3), status=status
            )

    return awal


def _bulan_satu(d):
    from anggaran.models import RealisasiOutput

    return {"pk": RealisasiOutput.objects.get(bulan=1).pk}


def _csv_output(d):
    return {"berkas": SimpleUploadedFile("output.csv", CSV_OUTPUT, content_type="text/csv")}


ISI_OUTPUT = "302 302 302 302 403 403 403 403"  # Adm Sek and the unit pengampu
VERIFIKASI_OUTPUT = "302 302 302 403 403 403 403 403"  # Adm Sek and the Kasubag Keuangan

BARIS += [
    Baris("POST", "anggaran:volume_ro_update", BAGIAN, OUTPUT_MODELS,
          kwargs=lambda d: {"pk": _ro(d).pk}, body=lambda d: {"volume": "6", "satuan": "Laporan"},
          **KEUANGAN),
    Baris("POST", "anggaran:output_isi", ISI_OUTPUT, OUTPUT_MODELS,
          kwargs=lambda d: {"pk": _ro(d).pk, "bulan": 1},
          body=lambda d: {"volume": "1", "tanggal_lapor": "2023-02-03"},
          awal=_output_awal(), **PENGAMPU),
    Baris("POST", "anggaran:output_aksi", ISI_OUTPUT, OUTPUT_MODELS, kwargs=_bulan_satu,
          body=lambda d: {"aksi": "ajukan"}, awal=_output_awal("draft"), label="ajukan",
          **PENGAMPU),
    Baris("POST", "anggaran:output_aksi", VERIFIKASI_OUTPUT, OUTPUT_MODELS, kwargs=_bulan_satu,
          body=lambda d: {"aksi": "verifikasi"}, awal=_output_awal("diajukan"),
          label="verifikasi", **KEUANGAN),
    Baris("POST", "anggaran:output_aksi", VERIFIKASI_OUTPUT, OUTPUT_MODELS, kwargs=_bulan_satu,
          body=lambda d: {"aksi": "kembalikan", "catatan": "Lampirkan laporannya"},
          awal=_output_awal("diajukan"), label="kembalikan", **KEUANGAN),
    # Step 1 of the import only previews (200 for anyone who may enter output, nothing saved;
    # another unit sees its rows refused in the preview).
    Baris("POST", "anggaran:output_impor", "200 200 200 200 200 200 403 403", OUTPUT_MODELS,
          kwargs=_a("dipa"), body=_csv_output, menulis=False, awal=_output_awal(), **PENGAMPU),
    # API
    Baris("POST", "anggaran-volume-ro-list", _api(BAGIAN, 201), OUTPUT_MODELS,
          body=lambda d: {"ro": _ro(d).pk, "volume": "6", "satuan": "Laporan"}, format="json",
          **KEUANGAN),
    Baris("POST", "anggaran-realisasi-output-list", _api(ISI_OUTPUT, 201), OUTPUT_MODELS,
          body=lambda d: {"ro": _ro(d).pk, "bulan": 1, "volume": "1",
                          "tanggal_lapor": "2023-02-03"},
          format="json", awal=_output_awal(), **PENGAMPU),
    *[
        Baris(method, "anggaran-realisasi-output-detail", _api(ISI_OUTPUT, 200), OUTPUT_MODELS,
              kwargs=_bulan_satu, body=lambda d: {"volume": "1", "tanggal_lapor": "2023-02-04"},
              format="json", awal=_output_awal("draft"), **PENGAMPU)
        for method in ("PUT", "PATCH")
    ],
    Baris("POST", "anggaran-realisasi-output-ajukan", _api(ISI_OUTPUT, 200), OUTPUT_MODELS,
          kwargs=_bulan_satu, format="json", awal=_output_awal("draft"), **PENGAMPU),
    Baris("POST", "anggaran-realisasi-output-verifikasi", _api(VERIFIKASI_OUTPUT, 200),
          OUTPUT_MODELS, kwargs=_bulan_satu, format="json", awal=_output_awal("diajukan"),
          **KEUANGAN),
    Baris("POST", "anggaran-realisasi-output-kembalikan", _api(VERIFIKASI_OUTPUT, 200),
          OUTPUT_MODELS, kwargs=_bulan_satu, body=lambda d: {"catatan": "Ulangi"},
          format="json", awal=_output_awal("diajukan"), **KEUANGAN),
    # another unit's rows are refused by the import itself (400, nothing written)
    Baris("POST", "anggaran-realisasi-output-impor", "200 200 200 200 400 400 403 403",
          OUTPUT_MODELS, body=lambda d: _csv_output(d) | {"dokumen": d.anggaran["dipa"].pk},
          awal=_output_awal(), **PENGAMPU),
]  # fmt: skip


# ---------------------------------------------------------------- kinerja API
# The Renstra tree and the PK: Sekretaris and Sub Bagian Perencanaan (the unit of the world's
# sasaran). Realisasi: the unit of the indikator's sasaran (another unit's: 403, the record is
# readable by everyone through GET).

RENSTRA_MODELS = m(
    "kinerja.Renstra",
    "kinerja.Misi",
    "kinerja.Tujuan",
    "kinerja.Sasaran",
    "kinerja.Indikator",
    "kinerja.TargetTahunan",
)


def _kb(key):
    return lambda d: {"pk": d.kinerja[key].pk}


RENSTRA_API = [
    # (basename, world key, body of a new one, a change)
    (
        "renstra",
        "renstra",
        lambda d: {
            "nama": "Renstra 2025",
            "tahun_mulai": 2025,
            "tahun_selesai": 2029,
            "visi": "Visi baru",
        },
        {"visi": "Visi diubah"},
    ),
    (
        "misi",
        "misi",
        lambda d: {"renstra": d.kinerja["renstra"].pk, "urutan": 9, "uraian": "Misi baru"},
        {"uraian": "Misi diubah"},
    ),
    (
        "tujuan",
        "tujuan",
        lambda d: {"renstra": d.kinerja["renstra"].pk, "urutan": 9, "uraian": "Tujuan baru"},
        {"uraian": "Tujuan diubah"},
    ),
    (
        "sasaran",
        "sasaran",
        lambda d: {
            "tujuan": d.kinerja["tujuan"].pk,
            "nomor": 99,
            "uraian": "Sasaran baru",
            "unit": d.units["perencanaan"].pk,
        },
        {"uraian": "Sasaran diubah"},
    ),
    (
        "indikator",
        "indikator",
        lambda d: {
            "sasaran": d.kinerja["sasaran"].pk,
            "kode": "IK 99",
            "uraian": "Indikator baru",
            "satuan": "persen",
            "arah": "naik",
            "presisi": 2,
            "agregasi": "kumulatif",
        },
        {"uraian": "Indikator diubah"},
    ),
]
for _base, _key, _baru, _ubah in RENSTRA_API:
    BARIS += [
        Baris(
            "POST",
            f"kinerja-{_base}-list",
            _api(BAGIAN, 201),
            RENSTRA_MODELS,
            body=_baru,
            format="json",
        ),
        Baris(
            "PUT",
            f"kinerja-{_base}-detail",
            _api(BAGIAN, 200),
            RENSTRA_MODELS,
            kwargs=_kb(_key),
            body=lambda d, _key=_key, _ubah=_ubah: isian(_key, "kinerja", json=True, **_ubah)(d),
            format="json",
        ),
        Baris(
            "PATCH",
            f"kinerja-{_base}-detail",
            _api(BAGIAN, 200),
            RENSTRA_MODELS,
            kwargs=_kb(_key),
            body=lambda d, _ubah=_ubah: _ubah,
            format="json",
        ),
    ]

BARIS += [
    # Whoever may edit the Renstra may not move a sasaran to another unit (and so write that
    # unit's realisasi): refused, the unit unchanged (issue 12).
    Baris(
        "PATCH",
        "kinerja-sasaran-detail",
        "200 200 403 403 403 403 403 403",
        m("kinerja.Sasaran"),
        kwargs=_kb("sasaran"),
        body=lambda d: {"unit": d.units["keuangan"].pk},
        format="json",
        label="(move to another unit)",
    ),
    # The same through the indikator: another unit's indikator may not be moved under a
    # Perencanaan sasaran (Perencanaan would then write its realisasi): sasaran unchanged.
    Baris(
        "PATCH",
        "kinerja-indikator-detail",
        "200 200 403 403 403 403 403 403",
        m("kinerja.Indikator"),
        kwargs=_kb("indikator_lain"),
        body=lambda d: {"sasaran": d.kinerja["sasaran"].pk},
        format="json",
        label="(move into the unit's sasaran)",
    ),
    Baris(
        "POST",
        "kinerja-targettahunan-list",
        _api(BAGIAN, 201),
        RENSTRA_MODELS,
        body=lambda d: {"indikator": d.kinerja["indikator"].pk, "tahun": 2024, "target": "90"},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-perjanjiankinerja-list",
        _api(BAGIAN, 201),
        m("kinerja.PerjanjianKinerja", "kinerja.PKBaris"),
        body=lambda d: {"tahun": 2024, "tempat": "Serang"},
        format="json",
    ),
    Baris(
        "PATCH",
        "kinerja-perjanjiankinerja-detail",
        _api(BAGIAN, 200),
        m("kinerja.PerjanjianKinerja"),
        kwargs=_kb("pk_draf"),
        body=lambda d: {"pihak_pertama_nama": "Nama Baru"},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-perjanjiankinerja-tandatangani",
        _api(HANYA_PIMPINAN, 200),
        m("kinerja.PerjanjianKinerja"),
        kwargs=_kb("pk_draf"),
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-perjanjiankinerja-perubahan",
        _api(BAGIAN, 201),
        m("kinerja.PerjanjianKinerja"),
        kwargs=_kb("pk_ttd"),
        body=lambda d: {"alasan": "Refocusing anggaran"},
        format="json",
    ),
    Baris(
        "PATCH",
        "kinerja-pkbaris-detail",
        _api(BAGIAN, 200),
        m("kinerja.PKBaris"),
        kwargs=_kb("pk_baris"),
        body=lambda d: {"target": "97.5"},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-realisasi-list",
        _api(BAGIAN, 201),
        m("kinerja.Realisasi"),
        body=lambda d: {
            "indikator": d.kinerja["indikator"].pk,
            "tahun": 2023,
            "periode": "tahunan",
            "nilai": "95.5",
        },
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-realisasi-ajukan",
        _api(BAGIAN, 200),
        m("kinerja.Realisasi"),
        kwargs=_realisasi("draft"),
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-realisasi-verifikasi",
        "200 200 200 403 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diajukan"),
        body=lambda d: {"catatan": "Sesuai"},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-realisasi-kembalikan",
        "200 200 200 403 403 403 403 403",
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diajukan"),
        body=lambda d: {"catatan": "Lengkapi bukti"},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-realisasi-setujui",
        _api(HANYA_PIMPINAN, 200),
        m("kinerja.Realisasi"),
        kwargs=_realisasi("diverifikasi"),
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-buktidukung-list",
        _api(BAGIAN, 201).replace("403 403 403 403", "404 404 403 403"),
        m("kinerja.BuktiDukung"),
        body=lambda d: {
            "realisasi": d.kinerja["realisasi"]["draft"].pk,
            "tautan": "https://contoh.go.id/baru",
        },
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-laporan-list",
        "201 201 201 201 201 201 403 403",
        m("kinerja.LaporanKinerja"),
        body=lambda d: {"tahun": 2023},
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-laporan-finalkan",
        _api(HANYA_PIMPINAN, 200),
        m("kinerja.LaporanKinerja", "kinerja.KunciTahun", "anggaran.DokumenAnggaran"),
        kwargs=lambda d: {"pk": d.lkj["laporan"].pk},
        format="json",
        perlu="kinerja lkj",
    ),
]


# ---------------------------------------------------------------- badan ad hoc
# Writes: Admin, Sekretaris and the Kasubag/Staf of Sub Bagian Teknis (every other: 403).

TEKNIS = {"unit": "teknis", "lain": "perencanaan"}
ADHOC_MODELS = m(
    "badan_adhoc.StatusBerkas",
    "badan_adhoc.Wilayah",
    "badan_adhoc.TPS",
    "badan_adhoc.AnggotaParpol",
    "badan_adhoc.Rekrutmen",
    "badan_adhoc.TahapanRekrutmen",
    "badan_adhoc.Pendaftar",
    "badan_adhoc.DokumenPendaftar",
    "badan_adhoc.KlarifikasiParpol",
    "badan_adhoc.AnggotaBadan",
)


def _r(d):
    return {"pk": d.badan_adhoc["rekrutmen"].pk}


def _p(d):
    return {"pk": d.badan_adhoc["pendaftar"].pk}


def _berkas_baku(d):
    """(inside the savepoint) The recruitment's default document checklist, if missing."""
    from badan_adhoc.model_berkas import ItemBerkas
    from badan_adhoc.services.berkas import item_berkas_baku_buat

    rekrutmen = d.badan_adhoc["pendaftar"].rekrutmen
    if not ItemBerkas.objects.filter(rekrutmen=rekrutmen).exists():
        item_berkas_baku_buat(rekrutmen=rekrutmen)


ITEM_BERKAS = m("badan_adhoc.ItemBerkas")


def _item_berkas_baru(d):
    """(inside the savepoint) A checklist item without statuses (may be changed or deleted)."""
    from badan_adhoc.model_berkas import ItemBerkas

    ItemBerkas.objects.create(rekrutmen=d.badan_adhoc["rekrutmen"], kode="skck", nama="SKCK")


def _item_berkas(d):
    from badan_adhoc.model_berkas import ItemBerkas

    return {"pk": ItemBerkas.objects.get(rekrutmen=d.badan_adhoc["rekrutmen"], kode="skck").pk}


def _tetapkan(d):
    """(inside the savepoint) Appoint the 3 terpilih, for the rows that act on members."""
    from badan_adhoc.services import penetapan_create

    penetapan_create(
        rekrutmen=d.badan_adhoc["rekrutmen"],
        nomor_sk="12/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 1, 16),
        pengguna=None,
    )


def _anggota(d):
    from badan_adhoc.models import AnggotaBadan

    return {"pk": AnggotaBadan.objects.order_by("pk").first().pk}


def _reset(**kolom):
    """(inside the savepoint) Undo a stage so that running it again writes something."""

    def awal(d):
        from badan_adhoc.models import Pendaftar

        Pendaftar.objects.filter(rekrutmen=d.badan_adhoc["rekrutmen"]).update(**kolom)

    return awal


def _berkas(nama, isi):
    return lambda d: {"berkas": SimpleUploadedFile(nama, isi, content_type="text/csv")}


PENDAFTAR_BARU = {
    "nik": "3673011003990099",
    "nama": "Pendaftar Baru",
    "jenis_kelamin": "L",
    "tempat_lahir": "Serang",
    "tanggal_lahir": "1999-03-10",
    "pendidikan": "SMA",
    "kode_domisili": KEL,
    "alamat": "Jl. Uji",
    "no_hp": "0812",
}


def _pendaftar_baru(d, json=False):
    from badan_adhoc.models import Wilayah

    data = PENDAFTAR_BARU | {"wilayah_tujuan": Wilayah.objects.get(kode=KEL).pk}
    return data | ({"rekrutmen": d.badan_adhoc["rekrutmen"].pk} if json else {})


BARIS += [
    Baris(
        "POST",
        "badan_adhoc:rekrutmen_create",
        BAGIAN,
        ADHOC_MODELS,
        body=lambda d: {
            "kode": "kpps-2024",
            "nama": "KPPS Pemilu 2024",
            "jenis_badan": "kpps",
            "pemilihan": "Pemilu 2024",
            "tanggal_acuan": "2024-01-25",
            "masa_kerja_mulai": "2024-01-25",
            "masa_kerja_selesai": "2024-02-25",
        },
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:rekrutmen_tahapan",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {
            "tahapan-TOTAL_FORMS": "1",
            "tahapan-INITIAL_FORMS": "0",
            "tahapan-MIN_NUM_FORMS": "0",
            "tahapan-MAX_NUM_FORMS": "1000",
            "tahapan-0-tahap": "pendaftaran",
            "tahapan-0-mulai": "2023-01-01",
            "tahapan-0-selesai": "2023-01-10",
        },
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:rekrutmen_seleksi",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        awal=_reset(status_administrasi="belum"),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_create",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=_pendaftar_baru,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_import",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {
            "berkas": SimpleUploadedFile(
                "p.csv",
                (
                    KEPALA_PENDAFTAR
                    + f"3673011003990099,Pendaftar Baru,L,Serang,1999-03-10,SMA,{KEL},x,1,,{KEL}\n"
                ).encode(),
                content_type="text/csv",
            )
        },
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_update",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: isian("pendaftar", "badan_adhoc", nama="Nama Diubah")(d),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_override",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"status": "tms", "alasan": "Ijazah tidak sah"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_berkas",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"status_ktp": "tidak ada"},
        awal=_berkas_baku,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-berkaspendaftar-simpan",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"status": {"ktp": {"status": "tidak ada"}}},
        format="json",
        awal=_berkas_baku,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:item_berkas",
        BAGIAN,
        ITEM_BERKAS,
        kwargs=_r,
        body=lambda d: {"item": "", "baru-kode": "skck", "baru-nama": "SKCK", "baru-urutan": "8"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-itemberkas-list",
        _api(BAGIAN, 201),
        ITEM_BERKAS,
        body=lambda d: {
            "rekrutmen": d.badan_adhoc["rekrutmen"].pk,
            "kode": "skck",
            "nama": "SKCK",
            "urutan": 8,
        },
        format="json",
        **TEKNIS,
    ),
    Baris(
        "PUT",
        "badan_adhoc-itemberkas-detail",
        _api(BAGIAN, 200),
        ITEM_BERKAS,
        kwargs=_item_berkas,
        body=lambda d: {"kode": "skck", "nama": "SKCK Polres", "wajib": False, "urutan": 8},
        format="json",
        awal=_item_berkas_baru,
        **TEKNIS,
    ),
    Baris(
        "DELETE",
        "badan_adhoc-itemberkas-detail",
        _api(BAGIAN, 204),
        ITEM_BERKAS,
        kwargs=_item_berkas,
        format="json",
        awal=_item_berkas_baru,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:pendaftar_nilai",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"nilai_cat": "55.5"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:klarifikasi_upload",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"berkas": _pdf(), "keterangan": "Surat partai"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:dokumen_upload",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"jenis": "ktp", "berkas": _pdf()},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:klarifikasi_decide",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=lambda d: {"pk": d.badan_adhoc["klarifikasi"].pk},
        body=lambda d: {"terima": "1", "catatan": "Surat sah"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:rekrutmen_tahap",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {"aksi": "wawancara"},
        awal=_reset(dipanggil_wawancara=False),
        label="wawancara",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:nilai_import",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {
            "berkas": SimpleUploadedFile(
                "n.csv",
                f"nik,nilai_cat\n{d.badan_adhoc['pendaftar'].nik},66\n".encode(),
                content_type="text/csv",
            )
        },
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:penetapan",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {"nomor_sk": "12/PP.04-Kpt/3673/2023", "tanggal_sk": "2023-01-16"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:paw",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_anggota,
        body=lambda d: {
            "alasan": "meninggal",
            "tanggal_berhenti": "2023-05-01",
            "nomor_sk": "40/PP.04-Kpt/3673/2023",
            "tanggal_sk": "2023-05-03",
        },
        awal=_tetapkan,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:anggota_jabatan",
        BAGIAN,
        ADHOC_MODELS,
        kwargs=_anggota,
        body=lambda d: {"jabatan": "ketua"},
        awal=_tetapkan,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:wilayah_import",
        BAGIAN,
        ADHOC_MODELS,
        body=_berkas("w.csv", b"kode,nama,jenis,kode_induk\n36.73.03,Baru,kecamatan,36.73\n"),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:tps_import",
        BAGIAN,
        ADHOC_MODELS,
        body=_berkas("t.csv", f"kode_kelurahan,nomor,jumlah_dpt\n{KEL},99,250\n".encode()),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:parpol_import",
        BAGIAN,
        ADHOC_MODELS,
        body=_berkas("a.csv", b"nik,nama,partai\n3673012207890099,Uji,Partai Contoh\n"),
        **TEKNIS,
    ),
    # API
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-list",
        _api(BAGIAN, 201),
        ADHOC_MODELS,
        body=lambda d: {
            "kode": "kpps-2024",
            "nama": "KPPS Pemilu 2024",
            "jenis_badan": "kpps",
            "pemilihan": "Pemilu 2024",
            "tanggal_acuan": "2024-01-25",
            "masa_kerja_mulai": "2024-01-25",
            "masa_kerja_selesai": "2024-02-25",
        },
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-seleksi",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        awal=_reset(status_administrasi="belum"),
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-wawancara",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        awal=_reset(dipanggil_wawancara=False),
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-peringkat",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        awal=_reset(peringkat=None, hasil_akhir=""),
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-penetapan",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {"nomor_sk": "12/PP.04-Kpt/3673/2023", "tanggal_sk": "2023-01-16"},
        format="json",
        **TEKNIS,
    ),
    # the imports through the API (``badan_adhoc/api_impor.py``): as the import pages
    Baris(
        "POST",
        "badan_adhoc-impor-wilayah",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        body=_berkas("w.csv", b"kode,nama,jenis,kode_induk\n36.73.03,Baru,kecamatan,36.73\n"),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-impor-tps",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        body=_berkas("t.csv", f"kode_kelurahan,nomor,jumlah_dpt\n{KEL},99,250\n".encode()),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-impor-anggota-parpol",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        body=_berkas("a.csv", b"nik,nama,partai\n3673012207890099,Uji,Partai Contoh\n"),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-impor-pendaftar",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        body=_berkas(
            "p.csv",
            (
                KEPALA_PENDAFTAR
                + f"3673011003990099,Pendaftar Baru,L,Serang,1999-03-10,SMA,{KEL},x,1,,{KEL}\n"
            ).encode(),
        ),
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-rekrutmen-impor-nilai",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_r,
        body=lambda d: {
            "berkas": SimpleUploadedFile(
                "n.csv",
                f"nik,nilai_cat\n{d.badan_adhoc['pendaftar'].nik},66\n".encode(),
                content_type="text/csv",
            )
        },
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-pendaftar-list",
        _api(BAGIAN, 201),
        ADHOC_MODELS,
        body=lambda d: _pendaftar_baru(d, json=True),
        format="json",
        **TEKNIS,
    ),
    *[
        Baris(
            method,
            "badan_adhoc-pendaftar-detail",
            _api(BAGIAN, 200),
            ADHOC_MODELS,
            kwargs=_p,
            body=lambda d: isian("pendaftar", "badan_adhoc", json=True, nama="Nama Diubah")(d),
            format="json",
            **TEKNIS,
        )
        for method in ("PUT", "PATCH")
    ],
    Baris(
        "POST",
        "badan_adhoc-pendaftar-koreksi",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"koreksi_status": "tms", "alasan": "Ijazah tidak sah"},
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-pendaftar-nilai",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_p,
        body=lambda d: {"nilai_cat": "55.5"},
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-anggotabadan-paw",
        _api(BAGIAN, 200),
        ADHOC_MODELS,
        kwargs=_anggota,
        body=lambda d: {
            "alasan_berhenti": "meninggal",
            "tanggal_berhenti": "2023-05-01",
            "nomor_sk": "40/PP.04-Kpt/3673/2023",
            "tanggal_sk": "2023-05-03",
        },
        awal=_tetapkan,
        format="json",
        **TEKNIS,
    ),
]


# ---------------------------------------------------------------- badan_adhoc: tanggapan masyarakat

TANGGAPAN_MODELS = m("badan_adhoc.TanggapanMasyarakat", "badan_adhoc.Pendaftar")


def _tanggapan_jendela(d):
    from badan_adhoc.models import TahapanRekrutmen

    TahapanRekrutmen.objects.create(
        rekrutmen=d.badan_adhoc["rekrutmen"],
        tahap="tanggapan",
        mulai=date(2026, 11, 1),
        selesai=date(2026, 11, 7),
    )


def _tanggapan_isi(d):
    from badan_adhoc.services.tanggapan import tanggapan_tantangan_buat

    t = tanggapan_tantangan_buat(d.badan_adhoc["rekrutmen"])
    return {
        "nama": "Warga",
        "kontak": "0812",
        "nomor_pendaftaran": d.badan_adhoc["pendaftar"].pk,
        "isi": "Tanggapan uji",
        "tantangan": t["tantangan"],
        "kode": t["kode"],
    }


def _tanggapan_ada(d):
    from badan_adhoc.model_tanggapan import TanggapanMasyarakat

    d.tanggapan = TanggapanMasyarakat.objects.create(
        rekrutmen=d.badan_adhoc["rekrutmen"],
        pendaftar=d.badan_adhoc["pendaftar"],
        nama="Warga",
        kontak="0812",
        isi="Tanggapan uji",
    )


def _tanggapan_pk(d):
    return {"pk": d.tanggapan.pk}


TINDAK_LANJUT = {
    "klarifikasi": "Dicek",
    "hasil": "mengubah_hasil",
    "status_baru": "tms",
    "alasan": "Terbukti anggota partai",
}

BARIS += [
    # The public comment form: anyone, logged in or not, during the comment window.
    Baris(
        "POST",
        "publik:tanggapan_form",
        SEMUA,
        TANGGAPAN_MODELS,
        kwargs=_r,
        body=_tanggapan_isi,
        awal=_tanggapan_jendela,
        anonim=302,
        perlu="badan_adhoc",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:tanggapan_tindak_lanjut",
        BAGIAN,
        TANGGAPAN_MODELS,
        kwargs=_tanggapan_pk,
        body=lambda d: TINDAK_LANJUT,
        awal=_tanggapan_ada,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-tanggapan-tindak-lanjut",
        _api(BAGIAN, 200),
        TANGGAPAN_MODELS,
        kwargs=_tanggapan_pk,
        body=lambda d: TINDAK_LANJUT,
        format="json",
        awal=_tanggapan_ada,
        **TEKNIS,
    ),
]


def _dokumen_selesai(d):
    """(inside the savepoint) A finished announcement of the recruitment, not yet published."""
    from django.core.files.base import ContentFile

    from badan_adhoc.dokumen.models import DokumenRekrutmen

    dokumen = DokumenRekrutmen(
        rekrutmen=d.badan_adhoc["rekrutmen"],
        jenis="pengumuman_pdf",
        parameter={"tahap": "administrasi", "kecamatan": None},
        judul="Pengumuman uji",
        kunci="u" * 64,
        status="selesai",
        progres=100,
        sha256="0" * 64,
    )
    dokumen.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    dokumen.save()


def _dokumen(d):
    from badan_adhoc.dokumen.models import DokumenRekrutmen

    return {"pk": DokumenRekrutmen.objects.get(kunci="u" * 64).pk}


DOKUMEN = m("badan_adhoc.DokumenRekrutmen")
DOKUMEN_NOMOR = m("badan_adhoc.DokumenRekrutmen", "badan_adhoc.NomorDokumen")


def _dokumen_siap_nomor(d):
    """(inside the savepoint) A finished draft over the current data, and a Ketua in office."""
    import datetime as dt

    from badan_adhoc.models import Rekrutmen
    from sekretariat.models import Komisioner

    _dokumen_selesai(d)
    from badan_adhoc.dokumen.models import DokumenRekrutmen

    versi = Rekrutmen.objects.get(pk=d.badan_adhoc["rekrutmen"].pk).pendaftar_versi
    DokumenRekrutmen.objects.filter(kunci="u" * 64).update(pendaftar_versi=versi)
    Komisioner.objects.create(
        nama="Ketua Uji Matriks",
        jenis_kelamin="L",
        ketua=True,
        tanggal_mulai=dt.date(2020, 1, 1),
        nomor_sk="1/uji",
        tanggal_sk=dt.date(2019, 12, 1),
    )


POLA_NOMOR = m("badan_adhoc.PolaNomorDokumen")


def _pola_jenis(d):
    return {"jenis": "hasil_akhir"}


def _dokumen_bernomor(d):
    """(inside the savepoint) A finished announcement issued with its number (only such a
    document may be published), not yet published."""
    import datetime as dt

    from badan_adhoc.dokumen.model_nomor import NomorDokumen
    from badan_adhoc.dokumen.models import DokumenRekrutmen

    _dokumen_selesai(d)
    NomorDokumen.objects.create(
        dokumen=DokumenRekrutmen.objects.get(kunci="u" * 64),
        jenis_nomor="hasil_administrasi",
        tahun=2026,
        urut=1,
        nomor="1/uji/2026",
        tanggal=dt.date(2026, 11, 2),
        peran="ketua",
        penandatangan_nama="Ketua Uji Matriks",
        penandatangan_jabatan="Ketua KPU",
        sha256="0" * 64,
    )


BARIS += [
    Baris(
        "POST",
        "badan_adhoc:pola_nomor_ubah",
        BAGIAN,
        POLA_NOMOR,
        kwargs=_pola_jenis,
        body=lambda d: {"pola": "{urut}/PP.04-Pu/{tahun}", "penandatangan": "ketua"},
        **TEKNIS,
    ),
    Baris(
        "PUT",
        "badan_adhoc-polanomor-detail",
        _api(BAGIAN, 200),
        POLA_NOMOR,
        kwargs=_pola_jenis,
        body=lambda d: {"pola": "{urut}/PP.04-Pu/{tahun}", "penandatangan": "ketua"},
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:rekrutmen_dokumen_minta",
        BAGIAN,
        DOKUMEN,
        kwargs=_r,
        body=lambda d: {"jenis": "pengumuman_pdf", "tahap": "administrasi"},
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:dokumen_rekrutmen_terbitkan",
        BAGIAN,
        DOKUMEN,
        kwargs=_dokumen,
        awal=_dokumen_bernomor,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc:dokumen_rekrutmen_nomori",
        BAGIAN,
        DOKUMEN_NOMOR,
        kwargs=_dokumen,
        awal=_dokumen_siap_nomor,
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-dokumenrekrutmen-nomori",
        _api(BAGIAN, 201),
        DOKUMEN_NOMOR,
        kwargs=_dokumen,
        awal=_dokumen_siap_nomor,
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-dokumenrekrutmen-list",
        _api(BAGIAN, 201),
        DOKUMEN,
        body=lambda d: {"rekrutmen": d.badan_adhoc["rekrutmen"].pk, "jenis": "pengumuman_pdf"},
        format="json",
        **TEKNIS,
    ),
    Baris(
        "POST",
        "badan_adhoc-dokumenrekrutmen-terbitkan",
        _api(BAGIAN, 200),
        DOKUMEN,
        kwargs=_dokumen,
        awal=_dokumen_bernomor,
        format="json",
        **TEKNIS,
    ),
]


# ---------------------------------------------------------------- kinerja: IKU and Manual IKU
# Written by the Sekretaris and Sub Bagian Perencanaan (like the Renstra).

IKU_MODELS = m("kinerja.KeputusanIku", "kinerja.IkuIndikator", "kinerja.ManualIndikator")


def _iku_awal(d):
    from kinerja.model_iku import IkuIndikator, KeputusanIku, ManualIndikator

    k = KeputusanIku.objects.create(
        renstra=d.kinerja["renstra"], nomor="1/2020", tanggal=date(2020, 3, 2), tentang="IKU"
    )
    IkuIndikator.objects.create(keputusan=k, indikator=d.kinerja["indikator"])
    ManualIndikator.objects.create(indikator=d.kinerja["indikator"], definisi="Awal")


def _iku_pk(model):
    def kwargs(d):
        from kinerja import model_iku

        return {"pk": getattr(model_iku, model).objects.get().pk}

    return kwargs


def _iku_body(d):
    return {
        "renstra": d.kinerja["renstra"].pk,
        "nomor": "2/2020",
        "tanggal": "2020-04-01",
        "tentang": "IKU baru",
        "alasan_perubahan": "Keputusan pengganti",
        "indikator": [d.kinerja["indikator"].pk, d.kinerja["indikator_lain"].pk],
    }


def _manual_body(d):
    return {
        "indikator": d.kinerja["indikator"].pk,
        "definisi": "Definisi baru",
        "tujuan": "Tujuan",
        "formula": "A / B x 100%",
        "sumber_data": "Laporan",
        "unit_penanggung_jawab": d.units["perencanaan"].pk,
        "frekuensi": "tahunan",
        "jenis": "output",
    }


BARIS += [
    Baris(
        "POST",
        "kinerja:iku_keputusan_ubah",
        BAGIAN,
        IKU_MODELS,
        kwargs=lambda d: {"renstra_pk": d.kinerja["renstra"].pk},
        body=_iku_body,
    ),
    Baris(
        "POST",
        "kinerja:iku_manual_ubah",
        BAGIAN,
        IKU_MODELS,
        kwargs=lambda d: {"pk": d.kinerja["indikator"].pk},
        body=_manual_body,
    ),
    Baris(
        "POST",
        "kinerja-keputusaniku-list",
        _api(BAGIAN, 201),
        IKU_MODELS,
        body=_iku_body,
        format="json",
    ),
    Baris(
        "POST",
        "kinerja-manualindikator-list",
        _api(BAGIAN, 201),
        IKU_MODELS,
        body=_manual_body,
        format="json",
    ),
]
for _metode in ("PUT", "PATCH"):
    BARIS += [
        Baris(
            _metode,
            "kinerja-keputusaniku-detail",
            _api(BAGIAN, 200),
            IKU_MODELS,
            kwargs=_iku_pk("KeputusanIku"),
            body=_iku_body,
            format="json",
            awal=_iku_awal,
        ),
        Baris(
            _metode,
            "kinerja-manualindikator-detail",
            _api(BAGIAN, 200),
            IKU_MODELS,
            kwargs=_iku_pk("ManualIndikator"),
            body=_manual_body,
            format="json",
            awal=_iku_awal,
        ),
    ]


# ---------------------------------------------------------------- kinerja: RKT
# Written by the Sekretaris and Sub Bagian Perencanaan; set (tetapkan) by the Sekretaris only.

RKT_MODELS = m("kinerja.RencanaKinerjaTahunan", "kinerja.RKTBaris")


def _rkt_draft(d):
    from kinerja.services import rkt

    rkt.rkt_create(tahun=2023, pengguna=d.user(Peran.SEKRETARIS))


def _rkt_ditetapkan(d):
    from kinerja.model_rkt import RencanaKinerjaTahunan

    _rkt_draft(d)
    RencanaKinerjaTahunan.objects.update(status="ditetapkan", nomor="1/2023")


def _rkt_pk(d):
    from kinerja.model_rkt import RencanaKinerjaTahunan

    return {"pk": RencanaKinerjaTahunan.objects.get().pk}


def _rkt_baris_pk(d):
    from kinerja.model_rkt import RKTBaris

    return {"pk": RKTBaris.objects.get().pk}


_RKT_TETAPKAN = {"nomor": "1/2023", "tanggal": "2023-01-02", "tempat": "Serang"}
_RKT_BARIS = {"target": "90", "alasan_perubahan": "Perubahan tahun ini"}

BARIS += [
    Baris("POST", "kinerja:rkt_buat", BAGIAN, RKT_MODELS, kwargs=lambda d: {"tahun": 2023}),
    Baris(
        "POST",
        "kinerja:rkt_baris_ubah",
        BAGIAN,
        RKT_MODELS,
        kwargs=_rkt_baris_pk,
        body=lambda d: _RKT_BARIS,
        awal=_rkt_draft,
    ),
    Baris(
        "POST",
        "kinerja:rkt_tetapkan",
        HANYA_PIMPINAN,
        RKT_MODELS,
        kwargs=_rkt_pk,
        body=lambda d: _RKT_TETAPKAN,
        awal=_rkt_draft,
    ),
    Baris(
        "POST",
        "kinerja:rkt_perubahan",
        BAGIAN,
        RKT_MODELS,
        kwargs=_rkt_pk,
        body=lambda d: {"alasan_perubahan": "Refocusing"},
        awal=_rkt_ditetapkan,
    ),
    Baris(
        "POST",
        "kinerja-rkt-list",
        _api(BAGIAN, 201),
        RKT_MODELS,
        body=lambda d: {"tahun": 2023},
        format="json",
    ),
    Baris(
        "PATCH",
        "kinerja-rktbaris-detail",
        _api(BAGIAN, 200),
        RKT_MODELS,
        kwargs=_rkt_baris_pk,
        body=lambda d: _RKT_BARIS,
        format="json",
        awal=_rkt_draft,
    ),
    Baris(
        "POST",
        "kinerja-rkt-tetapkan",
        _api(HANYA_PIMPINAN, 200),
        RKT_MODELS,
        kwargs=_rkt_pk,
        body=lambda d: _RKT_TETAPKAN,
        format="json",
        awal=_rkt_draft,
    ),
    Baris(
        "POST",
        "kinerja-rkt-perubahan",
        _api(BAGIAN, 201),
        RKT_MODELS,
        kwargs=_rkt_pk,
        body=lambda d: {"alasan": "Refocusing"},
        format="json",
        awal=_rkt_ditetapkan,
    ),
]


# ---------------------------------------------------------------- kinerja: pohon kinerja
# A node of Keuangan: its Kasubag (KasL here) writes it, its Staf does not; the Sekretaris and
# Perencanaan (KasU/StfU) write every node.

POHON = "302 302 302 302 302 403 403 403"
POHON_MODELS = m("kinerja.SasaranUnit", "kinerja.IndikatorUnit", "kinerja.TargetIndikatorUnit")


def _pohon_awal(d):
    from kinerja.model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit

    simpul = SasaranUnit.objects.create(
        renstra=d.kinerja["renstra"],
        tingkat="sub_bagian",
        unit=d.units["keuangan"],
        kode="SSB 9.1",
        uraian="Sasaran keuangan",
        mendukung_sasaran=d.kinerja["indikator_lain"].sasaran,
        tahun_mulai=2022,
        tahun_selesai=2024,
    )
    ind = IndikatorUnit.objects.create(
        sasaran_unit=simpul, kode="IK 9", uraian="Persentase laporan", satuan="persen"
    )
    TargetIndikatorUnit.objects.create(indikator=ind, tahun=2023, target=Decimal("90"))


def _pohon_awal_simpul(d):
    """A node alone (no indikator, nothing supporting it): deletable."""
    _pohon_awal(d)
    from kinerja.model_pohon import IndikatorUnit

    IndikatorUnit.objects.all().delete()


def _pohon_awal_indikator(d):
    """A node with one indikator without targets: the indikator is deletable."""
    _pohon_awal(d)
    from kinerja.model_pohon import TargetIndikatorUnit

    TargetIndikatorUnit.objects.all().delete()


def _pohon_pk(model):
    def kwargs(d):
        from kinerja import model_pohon

        return {"pk": getattr(model_pohon, model).objects.get().pk}

    return kwargs


def _simpul_body(d, api=False):
    data = {
        "tingkat": "sub_bagian",
        "unit": d.units["keuangan"].pk,
        "kode": "SSB 9.2",
        "uraian": "Sasaran keuangan baru",
        "mendukung_sasaran": d.kinerja["indikator_lain"].sasaran.pk,
        "tahun_mulai": 2022,
        "tahun_selesai": 2024,
    }
    return data | ({"renstra": d.kinerja["renstra"].pk} if api else {})


def _indikator_body(d):
    return {
        "kode": "IK 8",
        "uraian": "Jumlah laporan",
        "satuan": "laporan",
        "arah": "naik",
        "presisi": 0,
    }


BARIS += [
    Baris(
        "POST",
        "kinerja:pohon_simpul_tambah",
        POHON,
        POHON_MODELS,
        kwargs=lambda d: {"tahun": 2023},
        body=_simpul_body,
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja:pohon_simpul_ubah",
        POHON,
        POHON_MODELS,
        kwargs=_pohon_pk("SasaranUnit"),
        body=lambda d: _simpul_body(d) | {"kode": "SSB 9.1"},
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja:pohon_indikator_tambah",
        POHON,
        POHON_MODELS,
        kwargs=_pohon_pk("SasaranUnit"),
        body=_indikator_body,
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja:pohon_indikator_ubah",
        POHON,
        POHON_MODELS,
        kwargs=_pohon_pk("IndikatorUnit"),
        body=lambda d: _indikator_body(d) | {"kode": "IK 9", "satuan": "persen", "presisi": 2},
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja:pohon_simpul_hapus",
        POHON,
        POHON_MODELS,
        kwargs=_pohon_pk("SasaranUnit"),
        awal=_pohon_awal_simpul,
    ),
    Baris(
        "POST",
        "kinerja:pohon_indikator_hapus",
        POHON,
        POHON_MODELS,
        kwargs=_pohon_pk("IndikatorUnit"),
        awal=_pohon_awal_indikator,
    ),
    Baris(
        "POST",
        "kinerja:pohon_target_ubah",
        POHON,
        POHON_MODELS,
        kwargs=lambda d: _pohon_pk("SasaranUnit")(d) | {"tahun": 2023},
        body=lambda d: {f"target_{_pohon_pk('IndikatorUnit')(d)['pk']}": "95"},
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja-sasaranunit-list",
        _api(POHON, 201),
        POHON_MODELS,
        body=lambda d: _simpul_body(d, api=True),
        format="json",
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja-indikatorunit-list",
        _api(POHON, 201),
        POHON_MODELS,
        body=lambda d: _indikator_body(d) | {"sasaran_unit": _pohon_pk("SasaranUnit")(d)["pk"]},
        format="json",
        awal=_pohon_awal,
    ),
    Baris(
        "POST",
        "kinerja-targetindikatorunit-list",
        _api(POHON, 201),
        POHON_MODELS,
        body=lambda d: {
            "indikator": _pohon_pk("IndikatorUnit")(d)["pk"],
            "tahun": 2024,
            "target": "95",
        },
        format="json",
        awal=_pohon_awal,
    ),
]
for _metode in ("PUT", "PATCH"):
    BARIS += [
        Baris(
            _metode,
            "kinerja-sasaranunit-detail",
            _api(POHON, 200),
            POHON_MODELS,
            kwargs=_pohon_pk("SasaranUnit"),
            body=lambda d: _simpul_body(d, api=True) | {"kode": "SSB 9.1"},
            format="json",
            awal=_pohon_awal,
        ),
        Baris(
            _metode,
            "kinerja-indikatorunit-detail",
            _api(POHON, 200),
            POHON_MODELS,
            kwargs=_pohon_pk("IndikatorUnit"),
            body=lambda d: (
                _indikator_body(d)
                | {"sasaran_unit": _pohon_pk("SasaranUnit")(d)["pk"], "kode": "IK 9"}
            ),
            format="json",
            awal=_pohon_awal,
        ),
        Baris(
            _metode,
            "kinerja-targetindikatorunit-detail",
            _api(POHON, 200),
            POHON_MODELS,
            kwargs=_pohon_pk("TargetIndikatorUnit"),
            body=lambda d: {
                "indikator": _pohon_pk("IndikatorUnit")(d)["pk"],
                "tahun": 2023,
                "target": "97",
            },
            format="json",
            awal=_pohon_awal,
        ),
    ]


# ---------------------------------------------------------------- kinerja: PK of each sub-bagian
# A Keuangan PK: its Kasubag writes it, its Staf does not; Perencanaan (KasL/StfL here) writes
# every sub-bagian's PK; only the Sekretaris/Admin records the signing.

PK_UNIT_MODELS = m("kinerja.PerjanjianKinerjaUnit", "kinerja.PKUnitBaris")
PK_UNIT_TULIS = "302 302 302 403 302 302 403 403"
PK_UNIT_TTD = HANYA_PIMPINAN


def _pk_unit_awal(d):
    """Keuangan's Kasubag post and the Sekretaris's, held since 2023; a Keuangan node of the
    performance tree with targets 2023–2025; its draft PK 2023 and signed PK 2024."""
    from kinerja.models import (
        IndikatorUnit,
        PerjanjianKinerjaUnit,
        PKUnitBaris,
        SasaranUnit,
        TargetIndikatorUnit,
    )
    from sekretariat.models import Jabatan
    from tests.sekretariat import factories as sf

    k = d.kinerja
    for unit, nama in (("sekretariat", "Sekretaris"), ("keuangan", "Kepala Sub Bagian Keuangan")):
        jabatan = Jabatan.objects.create(nama=nama, jenis="struktural", unit=d.units[unit])
        sf.RiwayatJabatanFactory(jabatan=jabatan, pegawai__unit=d.units[unit])
    node = SasaranUnit.objects.create(
        renstra=k["renstra"],
        tingkat="sub_bagian",
        unit=d.units["keuangan"],
        kode="SSB 1",
        uraian="Sasaran Keuangan",
        mendukung_sasaran=k["indikator_lain"].sasaran,
        tahun_mulai=2023,
        tahun_selesai=2024,
    )
    ind = IndikatorUnit.objects.create(
        sasaran_unit=node, kode="IKSB 1", uraian="Indikator", satuan="persen"
    )
    for tahun in (2023, 2024):
        TargetIndikatorUnit.objects.create(indikator=ind, tahun=tahun, target=Decimal("90"))
    isi = {"unit": d.units["keuangan"], "pihak_pertama_nama": "Kasubag", "pihak_kedua_nama": "Sek"}
    for tahun, status in ((2023, "draft"), (2024, "ditandatangani")):
        pk = PerjanjianKinerjaUnit.objects.create(
            tahun=tahun, status=status, tempat="Serang", tanggal=date(tahun, 1, 2), **isi
        )
        PKUnitBaris.objects.create(perjanjian=pk, indikator=ind, target=Decimal("90"))


def _pk_unit(tahun):
    def kwargs(d):
        return {"pk": model_get("kinerja.PerjanjianKinerjaUnit").objects.get(tahun=tahun).pk}

    return kwargs


def _pk_unit_baris(d):
    return {"pk": model_get("kinerja.PKUnitBaris").objects.get(perjanjian__tahun=2023).pk}


def _pk_unit_api_ubah(d):
    return {"tempat": "Kota Serang", "baris": [{"id": _pk_unit_baris(d)["pk"], "target": "91"}]}


_PK_UNIT = {"unit": "keuangan", "lain": "perencanaan", "awal": _pk_unit_awal, "perlu": "kinerja"}

BARIS += [
    Baris(
        "POST",
        "kinerja:pk_unit_buat",
        PK_UNIT_TULIS,
        PK_UNIT_MODELS,
        kwargs=lambda d: {"tahun": 2023, "unit_pk": d.units["keuangan"].pk},
        body=lambda d: {"tempat": "Serang"},
        # the Keuangan PK 2023 is removed first so that one can be created
        awal=lambda d: (
            _pk_unit_awal(d),
            model_get("kinerja.PKUnitBaris").objects.filter(perjanjian__tahun=2023).delete(),
            model_get("kinerja.PerjanjianKinerjaUnit").objects.filter(tahun=2023).delete(),
        ),
        **{k: v for k, v in _PK_UNIT.items() if k != "awal"},
    ),
    Baris(
        "POST",
        "kinerja:pk_unit_ubah",
        PK_UNIT_TULIS,
        PK_UNIT_MODELS,
        kwargs=_pk_unit(2023),
        body=lambda d: {
            "pihak_pertama_nama": "Kasubag Baru",
            "pihak_pertama_jabatan": "Kepala Sub Bagian Keuangan",
            "pihak_kedua_nama": "Sekretaris",
            "pihak_kedua_jabatan": "Sekretaris",
            "tempat": "Serang",
            "tanggal": "2023-01-03",
        },
        **_PK_UNIT,
    ),
    Baris(
        "POST",
        "kinerja:pk_unit_baris_ubah",
        PK_UNIT_TULIS,
        PK_UNIT_MODELS,
        kwargs=_pk_unit_baris,
        body=lambda d: {"target": "95"},
        **_PK_UNIT,
    ),
    Baris(
        "POST",
        "kinerja:pk_unit_tandatangani",
        PK_UNIT_TTD,
        PK_UNIT_MODELS,
        kwargs=_pk_unit(2023),
        **_PK_UNIT,
    ),
    Baris(
        "POST",
        "kinerja:pk_unit_perubahan",
        PK_UNIT_TULIS,
        PK_UNIT_MODELS,
        kwargs=_pk_unit(2024),
        body=lambda d: {"alasan_perubahan": "Pergantian pejabat"},
        **_PK_UNIT,
    ),
    Baris(
        "POST",
        "kinerja-pkunit-list",
        _api(PK_UNIT_TULIS, 201),
        PK_UNIT_MODELS,
        body=lambda d: {"unit": d.units["keuangan"].pk, "tahun": 2023, "tempat": "Serang"},
        format="json",
        awal=lambda d: (
            _pk_unit_awal(d),
            model_get("kinerja.PKUnitBaris").objects.filter(perjanjian__tahun=2023).delete(),
            model_get("kinerja.PerjanjianKinerjaUnit").objects.filter(tahun=2023).delete(),
        ),
        **{k: v for k, v in _PK_UNIT.items() if k != "awal"},
    ),
    Baris(
        "POST",
        "kinerja-pkunit-tandatangani",
        _api(PK_UNIT_TTD, 200),
        PK_UNIT_MODELS,
        kwargs=_pk_unit(2023),
        format="json",
        **_PK_UNIT,
    ),
    Baris(
        "POST",
        "kinerja-pkunit-perubahan",
        _api(PK_UNIT_TULIS, 201),
        PK_UNIT_MODELS,
        kwargs=_pk_unit(2024),
        body=lambda d: {"alasan": "Pergantian pejabat"},
        format="json",
        **_PK_UNIT,
    ),
]
for _metode in ("PUT", "PATCH"):
    BARIS.append(
        Baris(
            _metode,
            "kinerja-pkunit-detail",
            _api(PK_UNIT_TULIS, 200),
            PK_UNIT_MODELS,
            kwargs=_pk_unit(2023),
            body=_pk_unit_api_ubah,
            format="json",
            **_PK_UNIT,
        )
    )


# ---------------------------------------------------------------- kinerja: LKE (evaluasi SAKIP)
# Structure, creating and finalising: Sekretaris and Admin. Answers and proposals: also Sub
# Bagian Perencanaan. The evaluator's answers: the Auditor and Admin only.

LKE_MODELS = m(
    "kinerja.LembarKerjaEvaluasi",
    "kinerja.KomponenLke",
    "kinerja.SubKomponenLke",
    "kinerja.KriteriaLke",
    "kinerja.JawabanLke",
)
EVALUATOR = "302 403 403 403 403 403 403 302"


def _lke_awal(d):
    """A small LKE 2023: one component (100) of a Y/T sub (60, the Renstra rule, proposal Y)
    and an A–E sub (40), every criterion answered."""
    from kinerja.model_lke import (
        JawabanLke,
        KomponenLke,
        KriteriaLke,
        LembarKerjaEvaluasi,
        SubKomponenLke,
    )
    from kinerja.services.lke import PREDIKAT_8821, SKALA_8821

    lke = LembarKerjaEvaluasi.objects.create(
        tahun=2023, dasar="Uji", skala=SKALA_8821, predikat=PREDIKAT_8821
    )
    k = KomponenLke.objects.create(lke=lke, kode="1", nama="Perencanaan", bobot=100)
    a = SubKomponenLke.objects.create(komponen=k, kode="1.a", nama="A", bobot=60, jenis="pemenuhan")
    b = SubKomponenLke.objects.create(komponen=k, kode="1.b", nama="B", bobot=40, jenis="kualitas")
    ka = KriteriaLke.objects.create(sub=a, nomor=1, uraian="Renstra", aturan="renstra_mencakup")
    kb = KriteriaLke.objects.create(sub=b, nomor=1, uraian="Kualitas")
    JawabanLke.objects.create(kriteria=ka, jawaban="T", usulan="Y", usulan_alasan="Ada")
    JawabanLke.objects.create(kriteria=kb, jawaban="C")


def _lke_jawaban(d):
    from kinerja.model_lke import JawabanLke

    return {"pk": JawabanLke.objects.get(kriteria__sub__kode="1.a").pk}


def _lke_tahun(d):
    return {"tahun": 2023}


def _lke_kriteria(d):
    from kinerja.model_lke import KriteriaLke

    return {"pk": KriteriaLke.objects.get(sub__kode="1.a").pk}


def _lke_komponen(d):
    from kinerja.model_lke import KomponenLke

    return {"pk": KomponenLke.objects.get(kode="1").pk}


BARIS += [
    Baris("POST", "kinerja:lke_buat", HANYA_PIMPINAN, LKE_MODELS, body=lambda d: {"tahun": 2024}),
    Baris(
        "POST",
        "kinerja:lke_usulan_hitung",
        BAGIAN,
        LKE_MODELS,
        kwargs=_lke_tahun,
        awal=_lke_awal,
        perlu="kinerja",
    ),
    Baris(
        "POST",
        "kinerja:lke_finalkan",
        HANYA_PIMPINAN,
        LKE_MODELS,
        kwargs=_lke_tahun,
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_aturan_segarkan",
        HANYA_PIMPINAN,
        LKE_MODELS,
        kwargs=_lke_tahun,
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_bobot",
        HANYA_PIMPINAN,
        LKE_MODELS,
        kwargs=_lke_tahun,
        body=lambda d: {"bobot_1": "100", "bobot_1.a": "70", "bobot_1.b": "30"},
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_kriteria_ubah",
        HANYA_PIMPINAN,
        LKE_MODELS,
        kwargs=_lke_kriteria,
        body=lambda d: {"uraian": "Renstra mencakup tahun", "aturan": "renstra_mencakup"},
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_komponen_ubah",
        HANYA_PIMPINAN,
        LKE_MODELS,
        kwargs=_lke_komponen,
        body=lambda d: {"nama": "Perencanaan Kinerja"},
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_jawaban",
        BAGIAN,
        LKE_MODELS,
        kwargs=_lke_jawaban,
        body=lambda d: {"jawaban": "Y", "catatan": "Ada", "tautan": ""},
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_usulan_konfirmasi",
        BAGIAN,
        LKE_MODELS,
        kwargs=_lke_jawaban,
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja:lke_evaluator",
        EVALUATOR,
        LKE_MODELS,
        kwargs=_lke_jawaban,
        body=lambda d: {"jawaban_evaluator": "Y", "catatan_evaluator": "Cek"},
        awal=_lke_awal,
    ),
    Baris(
        "PATCH",
        "kinerja-jawabanlke-detail",
        _api(BAGIAN, 200),
        LKE_MODELS,
        kwargs=_lke_jawaban,
        body=lambda d: {"jawaban": "Y", "catatan": "Ada"},
        format="json",
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja-jawabanlke-konfirmasi",
        _api(BAGIAN, 200),
        LKE_MODELS,
        kwargs=_lke_jawaban,
        body=lambda d: {},
        format="json",
        awal=_lke_awal,
    ),
    Baris(
        "POST",
        "kinerja-jawabanlke-evaluator",
        _api(EVALUATOR, 200),
        LKE_MODELS,
        kwargs=_lke_jawaban,
        body=lambda d: {"jawaban_evaluator": "Y"},
        format="json",
        awal=_lke_awal,
    ),
]


# ----------------------------------------------------- kinerja: LHE, findings and follow-up
# The Auditor (and Admin) enters the LHE and its findings; the unit a finding names (here
# Keuangan; "lain" is Hukum dan SDM), Perencanaan, the Sekretaris and Admin record follow-up;
# only the Sekretaris accepts a finding as done.

LHE_MODELS = m("kinerja.LaporanHasilEvaluasi", "kinerja.TemuanEvaluasi", "kinerja.TindakLanjut")
PENGISI_LHE = "302 403 403 403 403 403 403 302"
PENERIMA = "403 302 403 403 403 403 403 403"
LHE_UNIT = {"unit": "keuangan", "lain": "hukum_sdm", "perlu": "lhe"}


def _lhe_awal(d):
    from kinerja.model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut

    lhe = LaporanHasilEvaluasi.objects.create(
        tahun=2025, nomor="1/2026", tanggal=date(2026, 3, 10), evaluator="Insp", nilai=71
    )
    for nomor in (1, 2):
        t = TemuanEvaluasi.objects.create(
            lhe=lhe,
            nomor=nomor,
            uraian="Temuan",
            rekomendasi="Rekomendasi",
            unit=d.units["keuangan"],
            batas_waktu=date(2026, 6, 30),
            status="proses" if nomor == 2 else "belum",
        )
        if nomor == 2:
            TindakLanjut.objects.create(
                temuan=t, tanggal=date(2026, 4, 1), uraian="TL", tautan="https://a.id/"
            )


def _lhe_pk(d):
    from kinerja.model_lhe import LaporanHasilEvaluasi

    return {"pk": LaporanHasilEvaluasi.objects.get().pk}


def _temuan_pk(nomor):
    def kwargs(d):
        from kinerja.model_lhe import TemuanEvaluasi

        return {"pk": TemuanEvaluasi.objects.get(nomor=nomor).pk}

    return kwargs


def _lhe_body(d):
    return {
        "tahun": 2024,
        "nomor": "2/2025",
        "tanggal": "2025-03-10",
        "evaluator": "Inspektorat",
        "nilai": "75.5",
        "ringkasan": "",
    }


def _lhe_ubah_body(d):
    return _lhe_body(d) | {"tahun": 2025, "tanggal": "2026-03-10", "nomor": "1a/2026"}


def _temuan_body(d, lhe=False):
    from kinerja.model_lhe import LaporanHasilEvaluasi

    body = {
        "uraian": "Temuan baru",
        "rekomendasi": "Rekomendasi baru",
        "komponen": "pelaporan",
        "unit": d.units["keuangan"].pk,
        "batas_waktu": "2026-09-30",
    }
    return body | ({"lhe": LaporanHasilEvaluasi.objects.get().pk} if lhe else {})


def _tl_body(d):
    return {"tanggal": "2026-05-02", "uraian": "Tindak lanjut", "tautan": "https://b.id/"}


BARIS += [
    Baris("POST", "kinerja:lhe_buat", PENGISI_LHE, LHE_MODELS, body=_lhe_body, perlu="lhe"),
    Baris(
        "POST",
        "kinerja:lhe_ubah",
        PENGISI_LHE,
        LHE_MODELS,
        kwargs=_lhe_pk,
        body=_lhe_ubah_body,
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja:temuan_lhe_buat",
        PENGISI_LHE,
        LHE_MODELS,
        kwargs=_lhe_pk,
        body=_temuan_body,
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja:temuan_lhe_ubah",
        PENGISI_LHE,
        LHE_MODELS,
        kwargs=_temuan_pk(1),
        body=_temuan_body,
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja:tindak_lanjut_tambah",
        BAGIAN,
        LHE_MODELS,
        kwargs=_temuan_pk(1),
        body=_tl_body,
        awal=_lhe_awal,
        **LHE_UNIT,
    ),
    Baris(
        "POST",
        "kinerja:temuan_lhe_terima",
        PENERIMA,
        LHE_MODELS,
        kwargs=_temuan_pk(2),
        body=lambda d: {"catatan": "Diterima"},
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja-lhe-list",
        _api(PENGISI_LHE, 201),
        LHE_MODELS,
        body=_lhe_body,
        format="json",
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja-temuanlhe-list",
        _api(PENGISI_LHE, 201),
        LHE_MODELS,
        body=lambda d: _temuan_body(d, lhe=True),
        format="json",
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja-temuanlhe-terima",
        _api(PENERIMA, 200),
        LHE_MODELS,
        kwargs=_temuan_pk(2),
        body=lambda d: {"catatan": "Diterima"},
        format="json",
        awal=_lhe_awal,
        perlu="lhe",
    ),
    Baris(
        "POST",
        "kinerja-tindaklanjut-list",
        _api(BAGIAN, 201),
        LHE_MODELS,
        body=lambda d: {**_tl_body(d), "temuan": _temuan_pk(1)(d)["pk"]},
        format="json",
        awal=_lhe_awal,
        **LHE_UNIT,
    ),
]
for _metode in ("PUT", "PATCH"):
    BARIS += [
        Baris(
            _metode,
            "kinerja-lhe-detail",
            _api(PENGISI_LHE, 200),
            LHE_MODELS,
            kwargs=_lhe_pk,
            body=_lhe_ubah_body,
            format="json",
            awal=_lhe_awal,
            perlu="lhe",
        ),
        Baris(
            _metode,
            "kinerja-temuanlhe-detail",
            _api(PENGISI_LHE, 200),
            LHE_MODELS,
            kwargs=_temuan_pk(1),
            body=lambda d: _temuan_body(d, lhe=True),
            format="json",
            awal=_lhe_awal,
            perlu="lhe",
        ),
    ]


# ---------------------------------------------------------------- kinerja: reviu LKj (APIP)
# The Auditor (and Admin) comments, closes and records the statement; the preparers
# (Sekretaris, Admin, Sub Bagian Perencanaan) answer. Komisioner and other units: 403.

REVIU_MODELS = m("kinerja.KomentarReviu", "kinerja.PernyataanReviu")


def _reviu_komentar_awal(d):
    from django.utils import timezone

    from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu

    PernyataanReviu.objects.filter(tahun=2021).delete()
    KomentarReviu.objects.create(
        laporan=d.lkj["laporan"],
        bab="bab-2",
        teks="Komentar awal",
        dibuat_oleh=d.user(Peran.AUDITOR),
        dibuat_pada=timezone.now(),
    )


def _reviu_komentar_pk(d):
    from kinerja.lkj.model_reviu import KomentarReviu

    return {"pk": KomentarReviu.objects.get().pk}


def _reviu_pernyataan_body(d):
    return {
        "laporan": d.lkj["laporan"].pk,
        "nomor": "2/REVIU",
        "tanggal": "2022-02-01",
        "tempat": "Uji",
        "nama_pereviu": "Auditor Uji",
        "nip_pereviu": "198001012005012001",
        "jabatan_pereviu": "Auditor",
    }


BARIS += [
    Baris(
        "POST",
        "kinerja-komentarreviu-list",
        "201 403 403 403 403 403 403 201",
        REVIU_MODELS,
        body=lambda d: {"laporan": d.lkj["laporan"].pk, "bab": "bab-3", "teks": "Cek"},
        format="json",
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja-komentarreviu-jawab",
        "200 200 200 200 403 403 403 403",
        REVIU_MODELS,
        kwargs=_reviu_komentar_pk,
        body=lambda d: {"jawaban": "Sudah diperbaiki"},
        format="json",
        awal=_reviu_komentar_awal,
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja-komentarreviu-tutup",
        "200 403 403 403 403 403 403 200",
        REVIU_MODELS,
        kwargs=_reviu_komentar_pk,
        format="json",
        awal=_reviu_komentar_awal,
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja-pernyataanreviu-list",
        "201 403 403 403 403 403 403 201",
        REVIU_MODELS,
        body=_reviu_pernyataan_body,
        format="json",
        awal=lambda d: (
            __import__("kinerja.lkj.model_reviu", fromlist=["x"])
            .PernyataanReviu.objects.filter(tahun=2021)
            .delete()
        ),
        perlu="kinerja lkj",
    ),
]

# The same review through the pages (kinerja/lkj/views_reviu.py): each form posts to its own
# view, which redirects to the version page; a refused role gets 403 (the service's
# PermissionDenied) and nothing is written. The setting "reviu wajib": Sekretaris and Admin.
BARIS += [
    Baris(
        "POST",
        "kinerja:lkj_reviu_komentar",
        "302 403 403 403 403 403 403 302",
        REVIU_MODELS,
        kwargs=lambda d: {"pk": d.lkj["laporan"].pk},
        body=lambda d: {"bab": "bab-3", "teks": "Cek"},
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja:lkj_reviu_jawab",
        BAGIAN,
        REVIU_MODELS,
        kwargs=_reviu_komentar_pk,
        body=lambda d: {"jawaban": "Sudah diperbaiki"},
        awal=_reviu_komentar_awal,
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja:lkj_reviu_tutup",
        "302 403 403 403 403 403 403 302",
        REVIU_MODELS,
        kwargs=_reviu_komentar_pk,
        awal=_reviu_komentar_awal,
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja:lkj_reviu_pernyataan",
        "302 403 403 403 403 403 403 302",
        REVIU_MODELS,
        kwargs=lambda d: {"pk": d.lkj["laporan"].pk},
        body=lambda d: _reviu_pernyataan_body(d) | {"laporan": ""},
        awal=lambda d: (
            __import__("kinerja.lkj.model_reviu", fromlist=["x"])
            .PernyataanReviu.objects.filter(tahun=2021)
            .delete()
        ),
        perlu="kinerja lkj",
    ),
    Baris(
        "POST",
        "kinerja:lkj_reviu_pengaturan",
        HANYA_PIMPINAN,
        m("kinerja.PengaturanReviu"),
        body=lambda d: {},  # the box unticked: the review becomes optional
    ),
]


# --------------------------------------------------------------------------- the checks


def _ra(key):
    return lambda d: {"pk": d.rencana_aksi[key].pk}


BARIS += [
    Baris(
        "POST",
        "kinerja-rencanaaksi-list",
        # a Keuangan line: its Kasubag (KasL here) drafts it, not its Staf
        "201 201 201 201 201 403 403 403",
        m("kinerja.RencanaAksi"),
        body=lambda d: {"baris": d.rencana_aksi["baris_lain"].pk, "target_tw1": "10"},
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        # a Keuangan line: its Kasubag writes it, its Staf does not; Perencanaan writes all
        "PATCH",
        "kinerja-rencanaaksi-detail",
        "200 200 200 403 200 200 403 403",
        m("kinerja.RencanaAksi"),
        kwargs=_ra("rencana_lain"),
        body=lambda d: {"target_tw2": "20"},
        unit="keuangan",
        lain="perencanaan",
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja-rencanaaksi-aksi",
        _api(BAGIAN, 201),
        m("kinerja.AksiRencana"),
        kwargs=_ra("rencana"),
        body=lambda d: {"triwulan": "tw2", "uraian": "Evaluasi"},
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "DELETE",
        "kinerja-aksirencana-detail",
        _api(BAGIAN, 204),
        m("kinerja.AksiRencana"),
        kwargs=_ra("aksi"),
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja-monitoring-ra-list",
        _api(BAGIAN, 201),
        m("kinerja.MonitoringRencanaAksi", "kinerja.MonitoringBaris"),
        body=lambda d: (d.rencana_aksi, {"tahun": 2023, "triwulan": "tw1"})[1],
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja-monitoring-ra-tandatangani",
        _api(HANYA_PIMPINAN, 200),
        m("kinerja.MonitoringRencanaAksi", "kinerja.MonitoringBaris"),
        kwargs=_ra("draf"),
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja-monitoring-ra-perubahan",
        _api(BAGIAN, 201),
        m("kinerja.MonitoringRencanaAksi"),
        kwargs=_ra("ttd"),
        body=lambda d: {"alasan": "Koreksi data"},
        format="json",
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "PATCH",
        "kinerja-monitoringbaris-detail",
        _api(BAGIAN, 200),
        m("kinerja.MonitoringBaris"),
        kwargs=_ra("mb"),
        body=lambda d: {"kendala": "Data terlambat"},
        format="json",
        perlu="kinerja rencana_aksi",
    ),
]


# the HTML forms of the Rencana Aksi (kinerja.views.rencana_aksi_form): a line of Perencanaan,
# so its Kasubag/Staf (perencana) write it and Keuangan's are refused
BARIS += [
    Baris(
        "POST",
        "kinerja:rencana_aksi_baris",
        BAGIAN,
        m("kinerja.RencanaAksi"),
        kwargs=lambda d: {"pk": d.rencana_aksi["rencana"].baris_id},
        body=lambda d: {"target_tw1": "10"},
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:rencana_aksi_aksi_tambah",
        BAGIAN,
        m("kinerja.AksiRencana"),
        kwargs=_ra("rencana"),
        body=lambda d: {"triwulan": "tw2", "uraian": "Evaluasi"},
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:rencana_aksi_aksi_hapus",
        BAGIAN,
        m("kinerja.AksiRencana"),
        kwargs=_ra("aksi"),
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:monitoring_ra_buat",
        BAGIAN,
        m("kinerja.MonitoringRencanaAksi", "kinerja.MonitoringBaris"),
        kwargs=lambda d: (d.rencana_aksi, {"tahun": 2023, "triwulan": "tw1"})[1],
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:monitoring_ra_baris_ubah",
        BAGIAN,
        m("kinerja.MonitoringBaris"),
        kwargs=_ra("mb"),
        body=lambda d: {"kendala": "Data terlambat"},
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:monitoring_ra_tandatangani",
        HANYA_PIMPINAN,
        m("kinerja.MonitoringRencanaAksi", "kinerja.MonitoringBaris"),
        kwargs=_ra("draf"),
        perlu="kinerja rencana_aksi",
    ),
    Baris(
        "POST",
        "kinerja:monitoring_ra_perubahan",
        BAGIAN,
        m("kinerja.MonitoringRencanaAksi"),
        kwargs=_ra("ttd"),
        body=lambda d: {"alasan_perubahan": "Koreksi data"},
        perlu="kinerja rencana_aksi",
    ),
]


# ---------------------------------------------------------------- kinerja: publication
# Publishing and withdrawing: the Sekretaris and the Admin only (page and API).

PUBLIKASI_MODELS = m("kinerja.Publikasi")


def _publikasi_sumber(d):
    return {"model": "perjanjiankinerja", "id": d.kinerja["pk_ttd"].pk}


def _publikasi_unggah(d):
    return {"jenis": "lainnya", "judul": "Dokumen uji", "tahun": 2023, "berkas": _pdf()}


def _publikasi_awal(d):
    from kinerja.services import publikasi

    publikasi.publikasi_terbitkan(sumber=d.kinerja["pk_ttd"], pengguna=d.user(Peran.SEKRETARIS))


def _publikasi_pk(d):
    from kinerja.model_publikasi import Publikasi

    return {"pk": Publikasi.objects.get().pk}


BARIS += [
    Baris("POST", "kinerja:publikasi_terbitkan", HANYA_PIMPINAN, PUBLIKASI_MODELS,
          body=_publikasi_sumber),
    Baris("POST", "kinerja:publikasi_unggah", HANYA_PIMPINAN, PUBLIKASI_MODELS,
          body=_publikasi_unggah),
    Baris("POST", "kinerja:publikasi_tarik", HANYA_PIMPINAN, PUBLIKASI_MODELS,
          kwargs=_publikasi_pk, body=lambda d: {"alasan": "Diganti"}, awal=_publikasi_awal),
    Baris("POST", "kinerja-publikasi-terbitkan", _api(HANYA_PIMPINAN, 201), PUBLIKASI_MODELS,
          body=_publikasi_sumber, format="json"),
    Baris("POST", "kinerja-publikasi-unggah", _api(HANYA_PIMPINAN, 201), PUBLIKASI_MODELS,
          body=_publikasi_unggah),
    Baris("POST", "kinerja-publikasi-tarik", _api(HANYA_PIMPINAN, 200), PUBLIKASI_MODELS,
          kwargs=_publikasi_pk, body=lambda d: {"alasan": "Diganti"}, format="json",
          awal=_publikasi_awal),
]  # fmt: skip


def _walk(patterns, ns=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, f"{ns}{p.namespace}:" if p.namespace else ns)
        elif isinstance(p, URLPattern) and p.name:
            if "format" in p.pattern.regex.groupindex:
                continue  # DRF's ".json" suffix twin of the same endpoint
            yield f"{ns}{p.name}", p


def write_routes() -> set[tuple[str, str]]:
    """(METHOD, url name) of every write the project accepts."""
    from django.views.generic.edit import ProcessFormView

    found = set()
    for name, pattern in _walk(get_resolver().url_patterns):
        if LEWATI.match(name):
            continue
        callback = pattern.callback
        actions = getattr(callback, "actions", None)
        if actions is not None:  # a DRF viewset route
            methods = {m for m in actions if m in TULIS}
        else:
            view = getattr(callback, "view_class", None)
            if view is None:  # a function view: its methods cannot be read, so it needs a row
                found.add(("ANY", name))
                continue
            allowed = set(getattr(view, "http_method_names", TULIS))
            methods = {m for m in TULIS if hasattr(view, m) and m in allowed}
            # Django's form views answer PUT by re-running post() with an empty form: the
            # same route, never a separate write.
            if getattr(view, "put", None) is ProcessFormView.put:
                methods.discard("put")
        found |= {(m.upper(), name) for m in methods}
    return found


def test_every_write_route_has_a_row():
    covered = {(b.method, b.name) for b in BARIS}
    missing = sorted(write_routes() - covered)
    unknown = sorted(covered - write_routes())
    assert not missing, "write routes without a row in BARIS:\n" + "\n".join(
        f"  {m} {n}" for m, n in missing
    )
    assert not unknown, f"rows for routes that do not exist: {unknown}"


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and (
        "/masuk/" in response["Location"] or "/admin/login/" in response["Location"]
    )


def _kirim(client, baris: Baris, url: str, body):
    method = getattr(client, baris.method.lower())
    if baris.format == "json":
        return method(url, data=body, content_type="application/json")
    assert baris.method == "POST", f"{baris.id}: send PUT/PATCH/DELETE as json"
    return method(url, data=body)  # a form (multipart: files allowed)


def _client(d, user) -> Client:
    """One logged-in client per persona for the whole test (its session row is created
    outside the savepoints, so rolling a request back keeps it logged in)."""
    key = user.pk if user is not None else None
    if key not in d.clients:
        client = Client()
        if user is not None:
            client.force_login(user)
        d.clients[key] = client
    return d.clients[key]


def _coba(d, baris: Baris, user) -> tuple[int, bool, str, bool]:
    """Send the write as ``user`` inside a savepoint rolled back afterwards:
    (status, data changed, where it redirects or what it says, is it the login page)."""
    client = _client(d, user)
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)  # a login/logout/password change swaps it
    sid = transaction.savepoint()
    try:
        cache.clear()
        baris.awal(d)
        url = reverse(baris.name, kwargs=baris.kwargs(d))
        body = baris.body(d)
        amati = baris.amati or (lambda d: None)
        before = amati(d)
        response = _kirim(client, baris, url, body)
        after = amati(d)
        lokasi = response.get("Location", "")
        detail = lokasi or getattr(response, "content", b"")[:300].decode("utf-8", "replace")
        return response.status_code, before != after, detail, _is_login_redirect(response)
    finally:
        transaction.savepoint_rollback(sid)
        client.cookies = cookies
        cache.clear()


def _grup(baris: Baris) -> str:
    grup = re.split(r"[:-]", baris.name)[0]
    return grup if grup in ("sekretariat", "kinerja", "anggaran", "badan_adhoc") else "inti"


def _periksa(d, baris: Baris) -> list[str]:
    expected = baris.status()
    personas = d.personas(baris)
    baris.siapkan(d)  # build the data before the first savepoint
    failures = []
    code, changed, detail, to_login = _coba(d, baris, None)
    if baris.anonim is not None:
        if code != baris.anonim or (to_login and baris.name != "logout"):
            failures.append(f"anonymous: expected {baris.anonim}, got {code} {detail[:200]!r}")
    elif not (code == 403 if baris.api else to_login) or changed:
        failures.append(f"anonymous: {code} changed={changed} {detail[:200]!r}")
    for kolom, user in personas.items():
        code, changed, detail, to_login = _coba(d, baris, user)
        want = expected[kolom]
        if code not in want or (to_login and baris.name != "logout"):
            failures.append(f"{kolom}: expected {want}, got {code} {detail[:200]!r}")
        elif code < 400 and baris.menulis and baris.amati is not None and not changed:
            failures.append(f"{kolom}: {code} but nothing was written {detail[:200]!r}")
        elif (code >= 400 or not baris.menulis) and changed:
            failures.append(f"{kolom}: {code} but the data changed")
    return [f"{baris.id}: {f}" for f in failures]


#: Rows per test: an app's rows are checked in slices of this many, each slice one test with
#: its own world, so that pytest-xdist spreads a big app (kinerja) over its processes.
IRISAN = 25


def _irisan() -> dict[str, list[Baris]]:
    per_grup: dict[str, list[Baris]] = {}
    for b in BARIS:
        per_grup.setdefault(_grup(b), []).append(b)
    hasil = {}
    for grup, baris in sorted(per_grup.items()):
        for i in range(0, len(baris), IRISAN):
            hasil[f"{grup}-{i // IRISAN + 1}" if len(baris) > IRISAN else grup] = baris[
                i : i + IRISAN
            ]
    return hasil


GRUP = _irisan()


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
@pytest.mark.parametrize("grup", sorted(GRUP))
def test_write_matrix(grup):
    """Every row of a slice of the app's rows (one world for the slice; each request in its
    own savepoint)."""
    d = Dunia()
    failures = []
    for baris in GRUP[grup]:
        failures += _periksa(d, baris)
    assert not failures, "\n".join(failures)


# The Kasubag's verification of a contract or an invoice (as for the UP/TUP register).
BARIS += [
    *[
        Baris(
            "POST",
            "anggaran:verifikasi",
            VERIFIKASI_IKPA,
            BELANJA_MODELS,
            kwargs=lambda d, jenis=jenis: {"jenis": jenis, "pk": d.belanja[jenis].pk},
            body=lambda d: {"verifikasi": "1"},
            label=jenis,
            **BELANJA,
        )
        for jenis in ("kontrak", "tagihan")
    ],
    *[
        Baris(
            "POST",
            f"anggaran-{jenis}-verifikasi",
            _api(VERIFIKASI_IKPA, 200),
            BELANJA_MODELS,
            kwargs=_b(jenis),
            format="json",
            **BELANJA,
        )
        for jenis in ("kontrak", "tagihan")
    ],
]
