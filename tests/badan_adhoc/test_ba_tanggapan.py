"""The berita acara of the administrative selection counts the public comments of the stage
(issue 19 item 3: "counts per stage on the dashboard and in the berita acara"), from the same
selector as the dashboard (``selectors.tanggapan_hitung``)."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from badan_adhoc import selectors
from badan_adhoc.dokumen.berita_acara import ba_administrasi_pdf
from badan_adhoc.model_tanggapan import TanggapanMasyarakat
from badan_adhoc.models import Pendaftar
from badan_adhoc.services.tanggapan import tanggapan_tindak_lanjut
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db


def _tanggapan(rekrutmen, pendaftar, isi):
    return TanggapanMasyarakat.objects.create(
        rekrutmen=rekrutmen, pendaftar=pendaftar, nama="Warga", kontak="0812", isi=isi
    )


def test_berita_acara_counts_the_public_comments(diseleksi, lebak, staf_teknis):
    p1, p2 = Pendaftar.objects.filter(rekrutmen=diseleksi).order_by("pk")[:2]
    _tanggapan(diseleksi, p1, "Tanggapan pertama.")
    _tanggapan(diseleksi, p2, "Tanggapan kedua.")
    t3 = _tanggapan(diseleksi, p2, "Tanggapan ketiga.")
    tanggapan_tindak_lanjut(
        tanggapan=t3,
        klarifikasi="Sudah diklarifikasi.",
        hasil="tidak_berpengaruh",
        alasan="Tidak terbukti, hasil tetap.",
        pengguna=staf_teknis,
    )
    hitung = selectors.tanggapan_hitung(diseleksi)
    assert (hitung["jumlah"], hitung["belum"], hitung["tidak_berpengaruh"]) == (3, 2, 1)

    data, _ = ba_administrasi_pdf(diseleksi)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        teks = "\n".join(h.extract_text() or "" for h in pdf.pages)
    assert "Tanggapan diterima 3" in teks
    assert "Tidak berpengaruh pada hasil 1" in teks
    assert "Mengubah hasil seleksi 0" in teks
    assert "Belum ditindaklanjuti 2" in teks
    assert teks_di_luar(data) == []


def test_signature_never_alone_on_its_page(diseleksi, lebak, staf_teknis):
    """The closing section (the comments' counts and the note) moves with the signature: the
    page holding the signatory's name also holds the last counts."""
    for i, p in enumerate(Pendaftar.objects.filter(rekrutmen=diseleksi).order_by("pk")[:3]):
        _tanggapan(diseleksi, p, f"Tanggapan {i}.")
    data, _ = ba_administrasi_pdf(diseleksi)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        halaman = [h.extract_text() or "" for h in pdf.pages]
    ttd = next(h for h in halaman if "Dr. Ahmad Lebak" in h)
    assert "Belum ditindaklanjuti 3" in ttd, halaman


TERBITAN = {
    "nomor": "7/PP.04.1-BA/3602/2026",
    "tanggal": date(2026, 11, 2),
    "peran": "ketua",
    "penandatangan": {"nama": "Dr. Ahmad Lebak, S.H.", "nip": "", "jabatan": "Ketua KPU Lebak"},
}


def _ba_semua(rekrutmen, terbitan):
    """The four berita acara of ``rekrutmen`` as issued with ``terbitan`` (None: drafts)."""
    from badan_adhoc.dokumen import berita_acara_tahap as tahap
    from badan_adhoc.dokumen.berita_acara import ba_pdf

    yield ba_administrasi_pdf(rekrutmen, terbitan=terbitan)[0]
    for template, hitung in (
        ("berita_acara_tes.html", tahap.ba_tes_tertulis_hitung),
        ("berita_acara_akhir.html", tahap.ba_akhir_hitung),
        ("berita_acara_tanggapan.html", tahap.ba_tanggapan_hitung),
    ):
        yield ba_pdf(
            f"badan_adhoc/pdf/{template}",
            rekrutmen,
            judul="Berita Acara",
            hitung=hitung(rekrutmen),
            terbitan=terbitan,
        )[0]


def test_berita_acara_states_the_day_and_date_it_was_issued(diseleksi, lebak):
    """ "Pada hari ini" names the day and date of the issue (Indonesian day name); a draft,
    not yet dated, leaves them blank to be filled in."""
    for data in _ba_semua(diseleksi, TERBITAN):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            teks = " ".join((pdf.pages[0].extract_text() or "").split())
        assert "Pada hari ini Senin, tanggal 2 November 2026, telah dilaksanakan" in teks
    for data in _ba_semua(diseleksi, None):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            teks = " ".join((pdf.pages[0].extract_text() or "").split())
        assert "Pada hari ini ………, tanggal ………, telah dilaksanakan" in teks
