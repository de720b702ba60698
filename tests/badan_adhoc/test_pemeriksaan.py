"""The applicant's screening rows come from one selector (``pemeriksaan_administrasi``) and
the requirement texts from ``SYARAT`` next to the reasons, not from the view or template."""

from __future__ import annotations

from badan_adhoc import selectors
from badan_adhoc.models import SYARAT, Pendaftar


def _hasil(nama: str, *, rinci: bool = True) -> dict[str, tuple[str, str]]:
    p = selectors.pendaftar_detail_qs().get(nama=nama)
    return {
        b.kode: (b.hasil, b.keterangan) for b in selectors.pemeriksaan_administrasi(p, rinci=rinci)
    }


def test_every_requirement_is_a_row_and_kpps_adds_the_age_warning(diseleksi):
    p = selectors.pendaftar_detail_qs().get(nama="Putra Pratama")
    baris = selectors.pemeriksaan_administrasi(p, rinci=True)
    assert [b.kode for b in baris] == [*SYARAT, "usia_lebih_55"]
    assert baris[4].syarat == "Berdomisili di desa/kelurahan yang dituju"
    assert [b.hasil for b in baris] == [
        "memenuhi",
        "memenuhi",
        "gagal",  # usia_kurang
        "gagal",  # pendidikan_kurang
        "gagal",  # domisili
        "memenuhi",
        "memenuhi",  # dokumen: nothing recorded is not a failure
        "memenuhi",
    ]
    assert [b.tanda for b in baris[:3]] == ["✓", "✓", "✗"]


def test_age_is_on_the_reference_date_and_the_warning_is_the_stored_flag(diseleksi):
    gilang = _hasil("Gilang Ramadhan")
    assert gilang["usia_kurang"] == ("gagal", "usia 16 tahun pada 25-01-2024")
    assert _hasil("Nurdin")["usia_lebih_55"] == ("peringatan", "usia 56 tahun")
    assert _hasil("Oman Abdurrahman")["usia_lebih_55"][0] == "memenuhi"


def test_nik_digits_only_for_the_staff_and_nothing_before_screening(diseleksi):
    assert _hasil("Dewi Lestari")["nik_tidak_valid"][0] == "gagal"
    assert "seharusnya" in _hasil("Dewi Lestari")["nik_tidak_valid"][1]
    assert _hasil("Dewi Lestari", rinci=False)["nik_tidak_valid"] == ("gagal", "")
    Pendaftar.objects.filter(nama="Dewi Lestari").update(status_administrasi="belum")
    assert {h for h, _k in _hasil("Dewi Lestari").values()} == {"belum"}
