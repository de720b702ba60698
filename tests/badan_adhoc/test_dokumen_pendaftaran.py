"""Issue 19 item 2: the announcement of the opening of registration as a numbered document:
the body, the election, the seats per wilayah from the seat norm, the requirements, the
checklist of documents, the registration dates from the stages and the place, under the
satker's own letterhead, with nothing outside its page."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from badan_adhoc.dokumen.penomoran import dokumen_terbitkan_bernomor
from badan_adhoc.dokumen.services import dokumen_publish, dokumen_render, dokumen_request
from badan_adhoc.model_berkas import ItemBerkas
from badan_adhoc.models import TahapanRekrutmen
from badan_adhoc.selectors.rekrutmen import kursi_total
from kpu_site.formatting import angka
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db
HARI = date(2026, 11, 2)


def _pdf(dokumen) -> tuple[bytes, str]:
    with dokumen.berkas.open("rb") as f:
        data = f.read()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return data, " ".join(" ".join((h.extract_text() or "").split()) for h in pdf.pages)


def _terbit(rekrutmen, pengguna):
    draf, _ = dokumen_request(
        rekrutmen=rekrutmen,
        jenis="pengumuman_pendaftaran",
        parameter={},
        pengguna=pengguna,
        antrekan=False,
    )
    draf = dokumen_render(dokumen_id=draf.pk)
    terbit = dokumen_terbitkan_bernomor(
        dokumen=draf, pengguna=pengguna, tanggal=HARI, antrekan=False
    )
    return draf, dokumen_render(dokumen_id=terbit.pk)


@pytest.mark.parametrize("badan", ["rekrutmen_ppk", "rekrutmen_pps", "rekrutmen_kpps"])
def test_pengumuman_pendaftaran_bernomor_dari_data(badan, request, lebak, staf_teknis):
    rekrutmen = request.getfixturevalue(badan)
    TahapanRekrutmen.objects.create(
        rekrutmen=rekrutmen,
        tahap="pendaftaran",
        mulai=date(2026, 11, 5),
        selesai=date(2026, 11, 14),
    )
    ItemBerkas.objects.filter(rekrutmen=rekrutmen, kode="pas_foto").update(wajib=False)
    draf, terbit = _terbit(rekrutmen, staf_teknis)
    assert "Nomor: ……… (draf, belum diterbitkan)" in _pdf(draf)[1]
    nomor = terbit.nomor_terbit
    assert nomor.jenis_nomor == "pengumuman_pendaftaran"
    assert nomor.nomor == "1/PP.04.1-Pu/3602/2026"
    data, teks = _pdf(terbit)
    assert f"Nomor: {nomor.nomor}" in teks
    assert f"Pengumuman Pendaftaran Calon Anggota {rekrutmen.nama}" in teks
    assert "KABUPATEN LEBAK" in teks and "Lebak, 2 November 2026" in teks
    assert "Dr. Ahmad Lebak, S.H." in teks
    assert "Kota Serang" not in teks and "KOTA SERANG" not in teks
    assert f"Jumlah {angka(kursi_total(rekrutmen))}" in teks
    assert "5 November 2026 s.d. 14 November 2026" in teks
    for item in ItemBerkas.objects.filter(rekrutmen=rekrutmen):
        assert item.nama + (" (bila ada)" if not item.wajib else "") in teks
    assert "Berpendidikan paling rendah sekolah menengah atas" in teks
    tempat = (
        "Sekretariat PPS di desa/kelurahan"
        if rekrutmen.per_tps
        else "Kantor Sekretariat Komisi Pemilihan Umum Kabupaten Lebak, Jl. Siliwangi No. 7"
    )
    assert tempat in teks
    assert teks_di_luar(data) == []
    # issued: it may be published; the draft may not
    dokumen_publish(dokumen=terbit, pengguna=staf_teknis)
    terbit.refresh_from_db()
    assert terbit.terbit


def test_tanpa_jadwal_dan_berkas_disebutkan(rekrutmen_ppk, lebak, staf_teknis):
    ItemBerkas.objects.filter(rekrutmen=rekrutmen_ppk).delete()
    _draf, terbit = _terbit(rekrutmen_ppk, staf_teknis)
    _data, teks = _pdf(terbit)
    assert "(jadwal pendaftaran belum diisi pada tahapan rekrutmen)" in teks
    assert "(daftar dokumen belum diisi pada rekrutmen ini)" in teks


def test_dua_rekrutmen_dengan_versi_sama_tidak_berbagi_dokumen(
    rekrutmen_ppk, rekrutmen_pps, staf_teknis
):
    """Found by the demo: the idempotency key did not name the recruitment, so the PPS's
    request (same kind, parameters and applicant-data version as the PPK's) got the PPK's
    document back."""
    assert rekrutmen_ppk.pendaftar_versi == rekrutmen_pps.pendaftar_versi
    ppk, baru_ppk = dokumen_request(
        rekrutmen=rekrutmen_ppk,
        jenis="pengumuman_pendaftaran",
        parameter={},
        pengguna=staf_teknis,
        antrekan=False,
    )
    pps, baru_pps = dokumen_request(
        rekrutmen=rekrutmen_pps,
        jenis="pengumuman_pendaftaran",
        parameter={},
        pengguna=staf_teknis,
        antrekan=False,
    )
    assert baru_ppk and baru_pps and pps.pk != ppk.pk
    assert pps.rekrutmen == rekrutmen_pps
    assert pps.judul == "Pengumuman Pendaftaran Calon Anggota PPS Pemilu 2024"
