"""The demo review of the LKj 2023 and the statement in the final PDF."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from kinerja.lkj import services
from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu
from kinerja.lkj.models import LaporanKinerja
from kinerja.lkj.preflight import kunci_serapan
from kinerja.models import Indikator
from tests.lkj.halaman_pdf import teks_di_luar
from tests.lkj.test_halaman_pdf import KANAN_MM, KIRI_MM
from tests.lkj.test_lkj import _teks_pdf, demo_lkj  # noqa: F401 - fixture


def test_demo_reviews_a_draft_and_the_final_pdf_prints_the_statement(demo_lkj, tmp_path):  # noqa: F811
    draf = LaporanKinerja.objects.get(tahun=2023, versi=1)
    assert draf.draf is True
    komentar = KomentarReviu.objects.filter(laporan=draf)
    assert sorted(komentar.values_list("bab", "status")) == [
        ("bab-1", "ditutup"),
        ("bab-3", "ditutup"),
        ("lampiran", "ditutup"),
    ]
    pernyataan = PernyataanReviu.objects.get(tahun=2023)
    assert pernyataan.laporan == draf
    sekretaris = get_user_model().objects.get(username="sekretaris")
    services.temuan_jelaskan(
        tahun=2023,
        kunci=kunci_serapan(Indikator.objects.get(kode="IKSS 10")),
        pengguna=sekretaris,
    )
    output = tmp_path / "lkj.pdf"
    call_command("lkj", "2023", "--output", str(output), stdout=io.StringIO())
    laporan = LaporanKinerja.objects.get(tahun=2023, versi=2)
    services.laporan_finalise(laporan=laporan, pengguna=sekretaris)
    data = output.read_bytes()
    halaman = _teks_pdf(data)
    semua = " ".join(" ".join(p.split()) for p in halaman)
    assert "PERNYATAAN TELAH DIREVIU" in semua
    assert (
        "Kami telah mereviu Laporan Kinerja Sekretariat Komisi Pemilihan Umum Kota Serang Tahun 2023"
        in semua
    )
    assert "Rina Kartikasari (contoh)" in semua and "NIP. 198203142006042001" in semua
    assert "Serang, 20 Februari 2024" in semua
    # Its own page, after Bab IV and before the Lampiran, listed in the Daftar Isi.
    nomor = next(i for i, p in enumerate(halaman) if "Kami telah mereviu" in p)
    assert "BAB IV" not in halaman[nomor] and "PERJANJIAN KINERJA TAHUN" not in halaman[nomor]
    daftar_isi = next(p for p in halaman if "DAFTAR ISI" in p and "Kata Pengantar" in p)
    assert "PERNYATAAN TELAH DIREVIU" in daftar_isi
    assert teks_di_luar(data, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []
