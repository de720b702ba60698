"""Issue 19 item 2: numbered official documents. Issuing a checked draft gives it the next
number of its type and year (a locked counter, never reused), the signatory in office on its
date, a file carrying the number whose SHA-256 is frozen, and audit entries naming the number;
a re-issue takes a new number and marks the earlier one replaced."""

from __future__ import annotations

import hashlib
import io
from datetime import date

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from badan_adhoc.dokumen.model_nomor import NomorDokumen, PolaNomorDokumen, UrutNomorDokumen
from badan_adhoc.dokumen.penomoran import dokumen_terbitkan_bernomor, pola_list, pola_simpan
from badan_adhoc.dokumen.services import dokumen_render, dokumen_request
from badan_adhoc.models import Pendaftar, Rekrutmen, Wilayah
from kpu_site.models import JejakAudit
from kpu_site.peran import Peran
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db
HARI = date(2026, 11, 2)


def _draf(rekrutmen, pengguna, tahap="administrasi", jenis="pengumuman_pdf"):
    kec = Wilayah.objects.get(kode="36.73.01")
    d, _ = dokumen_request(
        rekrutmen=rekrutmen,
        jenis=jenis,
        parameter={"tahap": tahap, "kecamatan": kec.pk},
        pengguna=pengguna,
        antrekan=False,
    )
    return dokumen_render(dokumen_id=d.pk)


def _terbitkan(draf, pengguna, **kw):
    terbit = dokumen_terbitkan_bernomor(dokumen=draf, pengguna=pengguna, antrekan=False, **kw)
    return dokumen_render(dokumen_id=terbit.pk)


def _teks(dokumen) -> tuple[bytes, str]:
    with dokumen.berkas.open("rb") as f:
        data = f.read()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return data, "\n".join(h.extract_text() or "" for h in pdf.pages)


def test_terbit_bernomor_dibekukan_dan_tercatat(diseleksi, lebak, staf_teknis):
    draf = _draf(diseleksi, staf_teknis)
    _data, teks = _teks(draf)
    assert "Nomor: ……… (draf, belum diterbitkan)" in teks

    terbit = _terbitkan(draf, staf_teknis, tanggal=HARI)
    nomor = NomorDokumen.objects.get(dokumen=terbit)
    assert nomor.nomor == "1/PP.04.1-Pu/3602/2026"
    data, teks = _teks(terbit)
    assert "Nomor: 1/PP.04.1-Pu/3602/2026" in teks
    assert "Lebak, 2 November 2026" in teks and "Dr. Ahmad Lebak, S.H." in teks
    assert teks_di_luar(data) == []
    assert nomor.sha256 == terbit.sha256 == hashlib.sha256(data).hexdigest()
    assert JejakAudit.objects.filter(
        keterangan__startswith="Pengumuman hasil seleksi administrasi diterbitkan dengan nomor "
        "1/PP.04.1-Pu/3602/2026, tanggal 2 November 2026, ditandatangani Dr. Ahmad Lebak"
    ).exists()
    assert JejakAudit.objects.filter(
        keterangan=f"Berkas nomor 1/PP.04.1-Pu/3602/2026 dibekukan (SHA-256 {terbit.sha256})."
    ).exists()

    # re-issue: a new number, the first one replaced; never given again
    kedua = _terbitkan(draf, staf_teknis, tanggal=HARI)
    assert kedua.nomor_terbit.nomor == "2/PP.04.1-Pu/3602/2026"
    terbit.refresh_from_db()
    assert terbit.diganti_oleh == kedua and kedua.diganti_oleh is None
    assert JejakAudit.objects.filter(
        keterangan__contains="menggantikan nomor 1/PP.04.1-Pu/3602/2026"
    ).exists()
    # the first file is unchanged
    assert hashlib.sha256(_teks(terbit)[0]).hexdigest() == nomor.sha256

    # another type with the same pattern is numbered from the same book: never the same number
    akhir = _terbitkan(_draf(diseleksi, staf_teknis, tahap="akhir"), staf_teknis, tanggal=HARI)
    assert akhir.nomor_terbit.nomor == "3/PP.04.1-Pu/3602/2026"
    assert akhir.nomor_terbit.jenis_nomor == "hasil_akhir"
    # a type given its own pattern mid-year gets its own book; it goes on from the shared count
    # (a sequence never goes back, so no number is given twice)
    pola_simpan(
        jenis_nomor="sk_penetapan",
        pola="{urut}/PP.04.1-Kpt/{kode_wilayah}/{tahun}",
        penandatangan="ketua",
        pengguna=staf_teknis,
    )
    halaman = {p["jenis"]: p["contoh"] for p in pola_list()}
    assert halaman["sk_penetapan"] == "4/PP.04.1-Kpt/3602/2026"
    assert halaman["hasil_administrasi"] == "4/PP.04.1-Pu/3602/2026"


def test_pola_tanpa_urut_ditolak(lebak, staf_teknis):
    with pytest.raises(ValidationError) as e:
        pola_simpan(
            jenis_nomor="hasil_akhir",
            pola="PP.04.1-Pu/{kode_wilayah}/{tahun}",
            penandatangan="ketua",
            pengguna=staf_teknis,
        )
    assert e.value.message_dict["pola"] == [
        "Pola nomor harus memuat {urut} (nomor urut), misalnya "
        "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}; tanpa itu setiap dokumen bernomor sama."
    ]
    with pytest.raises(ValidationError) as e:
        pola_simpan(
            jenis_nomor="hasil_akhir",
            pola="{urut}/{kota}",
            penandatangan="ketua",
            pengguna=staf_teknis,
        )
    assert "isian yang tidak dikenal: {kota}" in e.value.message_dict["pola"][0]
    assert PolaNomorDokumen.objects.count() == 0


def test_pola_sendiri_dan_penandatangan_yang_tidak_ada(diseleksi, lebak, staf_teknis):
    pola_simpan(
        jenis_nomor="hasil_administrasi",
        pola="{urut}/PP.04.1-SD/{kode_satker}/{bulan_romawi}/{tahun}",
        penandatangan="sekretaris",
        pengguna=staf_teknis,
    )
    draf = _draf(diseleksi, staf_teknis)
    with pytest.raises(ValidationError) as e:
        dokumen_terbitkan_bernomor(dokumen=draf, pengguna=staf_teknis, tanggal=HARI, antrekan=False)
    assert e.value.message_dict["penandatangan"] == [
        "Tidak ada Sekretaris KPU Kabupaten Lebak yang menjabat pada 2 November 2026: lengkapi "
        "riwayat jabatan pegawai sebelum menerbitkan dokumen bertanggal 2 November 2026."
    ]
    assert NomorDokumen.objects.count() == 0
    assert not UrutNomorDokumen.objects.filter(terakhir__gt=0).exists()

    pola_simpan(
        jenis_nomor="hasil_administrasi",
        pola="{urut}/PP.04.1-SD/{kode_satker}/{bulan_romawi}/{tahun}",
        penandatangan="ketua",
        pengguna=staf_teknis,
    )
    with pytest.raises(ValidationError) as e:
        dokumen_terbitkan_bernomor(
            dokumen=draf, pengguna=staf_teknis, tanggal=HARI, penandatangan="Budi", antrekan=False
        )
    assert "yang menjabat pada tanggal itu: Dr. Ahmad Lebak, S.H." in e.value.messages[0]
    terbit = _terbitkan(draf, staf_teknis, tanggal=HARI)
    assert terbit.nomor_terbit.nomor == "1/PP.04.1-SD/670999/XI/2026"


def test_hanya_staf_rekrutmen_dan_draf_terkini(diseleksi, lebak, staf_teknis, pengguna_buat):
    draf = _draf(diseleksi, staf_teknis)
    lain = pengguna_buat("staf.keuangan.uji", Peran.STAF, "keuangan")
    with pytest.raises(PermissionDenied):
        dokumen_terbitkan_bernomor(dokumen=draf, pengguna=lain, tanggal=HARI, antrekan=False)
    excel = _draf(diseleksi, staf_teknis, jenis="pengumuman_xlsx")
    with pytest.raises(ValidationError) as e:
        dokumen_terbitkan_bernomor(dokumen=excel, pengguna=staf_teknis, antrekan=False)
    assert "bukan dokumen resmi bernomor" in e.value.messages[0]
    Rekrutmen.objects.filter(pk=diseleksi.pk).update(pendaftar_versi=draf.pendaftar_versi + 1)
    with pytest.raises(ValidationError) as e:
        dokumen_terbitkan_bernomor(dokumen=draf, pengguna=staf_teknis, antrekan=False)
    assert "Data pendaftar sudah berubah" in e.value.messages[0]
    assert NomorDokumen.objects.count() == 0
    assert Pendaftar.objects.filter(rekrutmen=diseleksi).exists()


def test_halaman_terbitkan_bernomor(diseleksi, lebak, staf_teknis, pengguna_buat, masuk):
    from django.urls import reverse

    draf = _draf(diseleksi, staf_teknis)
    url = reverse("badan_adhoc:dokumen_rekrutmen_nomori", args=[draf.pk])
    lain = pengguna_buat("staf.keuangan.uji", Peran.STAF, "keuangan")
    assert masuk(lain).post(url, {"tanggal": "2026-11-02"}).status_code == 403
    klien = masuk(staf_teknis)
    r = klien.post(url, {"tanggal": "2026-02-30"}, follow=True)
    assert "Tanggal dokumen: &#x27;2026-02-30&#x27; bukan tanggal yang sah." in r.text
    r = klien.post(url, {"tanggal": "2026-11-02", "penandatangan": "Budi"}, follow=True)
    assert "Budi bukan Ketua KPU Kabupaten Lebak pada 2 November 2026" in r.text
    assert NomorDokumen.objects.count() == 0
    r = klien.post(url, {"tanggal": "2026-11-02"})
    terbit = NomorDokumen.objects.get().dokumen
    assert r.status_code == 302 and r.url == reverse(
        "badan_adhoc:dokumen_rekrutmen_detail", args=[terbit.pk]
    )
    halaman = klien.get(r.url).text
    assert "1/PP.04.1-Pu/3602/2026" in halaman and "Dr. Ahmad Lebak, S.H." in halaman
    api = klien.post(
        f"/api/adhoc/dokumen/{draf.pk}/nomori/", {"tanggal": "2026-11-02"}, format="json"
    )
    assert api.status_code == 201, api.content
    assert NomorDokumen.objects.get(dokumen_id=api.json()["id"]).nomor == "2/PP.04.1-Pu/3602/2026"


def test_admin_pola_tanpa_urut_ditolak(pengguna_buat, masuk):
    admin = pengguna_buat("admin.uji", Peran.ADMIN)
    klien = masuk(admin)
    url = "/admin/badan_adhoc/polanomordokumen/add/"
    r = klien.post(
        url, {"jenis_nomor": "hasil_akhir", "pola": "PP.04.1-Pu/{tahun}", "penandatangan": "ketua"}
    )
    assert r.status_code == 200
    assert "Pola nomor harus memuat {urut} (nomor urut)" in r.text
    assert PolaNomorDokumen.objects.count() == 0
    r = klien.post(
        url,
        {
            "jenis_nomor": "hasil_akhir",
            "pola": "{urut}/PP.04.1-Pu/{tahun}",
            "penandatangan": "ketua",
        },
    )
    assert r.status_code == 302
    assert PolaNomorDokumen.objects.get().pola == "{urut}/PP.04.1-Pu/{tahun}"


def test_berita_acara_administrasi_hitungan_dan_nomor(diseleksi, lebak, staf_teknis):
    from badan_adhoc.dokumen.berita_acara import ba_administrasi_hitung
    from badan_adhoc.models import ALASAN_TMS

    semua = Pendaftar.objects.filter(rekrutmen=diseleksi)
    tms = semua.filter(status_administrasi="tms")
    hitung = ba_administrasi_hitung(diseleksi)
    assert hitung["terdaftar"] == len(list(semua)) > 0
    assert hitung["ms"] == sum(1 for p in semua if p.status_administrasi == "ms")
    assert hitung["tms"] == len(list(tms)) > 0
    assert hitung["per_alasan"] == [
        (str(label), sum(1 for p in tms if getattr(p, f"tms_{kode}")))
        for kode, label in ALASAN_TMS.items()
    ]
    d, _ = dokumen_request(
        rekrutmen=diseleksi,
        jenis="ba_administrasi",
        parameter={},
        pengguna=staf_teknis,
        antrekan=False,
    )
    draf = dokumen_render(dokumen_id=d.pk)
    terbit = _terbitkan(draf, staf_teknis, tanggal=HARI)
    assert terbit.nomor_terbit.nomor == "1/PP.04.1-Pu/3602/2026"
    assert terbit.nomor_terbit.jenis_nomor == "ba_administrasi"
    data, teks = _teks(terbit)
    assert "Nomor: 1/PP.04.1-Pu/3602/2026" in teks and "KABUPATEN LEBAK" in teks
    assert f"Tidak memenuhi syarat (TMS) {hitung['tms']}" in teks
    assert "kota serang" not in teks.casefold()
    assert teks_di_luar(data) == []
