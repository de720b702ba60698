"""kpu_site.batas: the database's limits as Indonesian messages before the database sees them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.models import Renstra
from kpu_site import batas


def test_panjang_teks_melebihi_kolom_disebut_dengan_batasnya():
    panjang = Renstra._meta.get_field("nama").max_length
    pesan = batas.batas_model_periksa(Renstra, {"nama": "x" * (panjang + 1)})
    assert pesan == {
        "nama": f"terlalu panjang: paling banyak {panjang} karakter (tertulis {panjang + 1})."
    }
    assert batas.batas_model_periksa(Renstra, {"nama": "x" * panjang}) == {}


def test_bilangan_di_luar_integer_postgresql_ditolak():
    with pytest.raises(ValidationError) as err:
        batas.batas_model_pastikan(Renstra, {"tahun_mulai": 10**12})
    assert "di luar batas" in err.value.message_dict["tahun_mulai"][0]


def test_desimal_terlalu_banyak_digit():
    from kinerja.models import Realisasi

    field = Realisasi._meta.get_field("nilai")
    bulat = field.max_digits - field.decimal_places
    assert batas.batas_field_periksa(field, Decimal("9" * bulat)) is None
    assert "terlalu besar" in batas.batas_field_periksa(field, Decimal("9" * (bulat + 1)))
    assert batas.batas_field_periksa(field, Decimal("NaN")) == "harus berupa angka."


@pytest.mark.parametrize(
    ("raw", "hasil"),
    [
        ("12", 12),
        ("0", None),
        ("-3", None),
        ("99999999999999999999", None),
        ("1.5", None),
        ("", None),
        (None, None),
        ("9223372036854775807", 9223372036854775807),
    ],
)
def test_id_param(raw, hasil):
    assert batas.id_param(raw) == hasil


def test_tahun_periksa():
    assert batas.tahun_periksa(2024) is None
    assert batas.tahun_periksa(0) == "tahun harus antara 2000 dan 2100 (tertulis 0)."
    assert batas.tahun_periksa(9999999999) is not None


def test_paket_terpasang_di_venv_checkout_bukan_app_proyek(settings):
    """``make`` puts ``.venv`` inside the checkout: django-axes installed there is not one of the
    project's apps, so its saves (``failures_since_start = F(...) + 1``) are not checked."""
    from types import SimpleNamespace

    batas._di_proyek.cache_clear()
    venv = settings.BASE_DIR / ".venv/lib/python3.11/site-packages/axes"
    assert batas._app_proyek(SimpleNamespace(path=str(venv))) is False
    assert batas._app_proyek(SimpleNamespace(path=str(settings.BASE_DIR / "kinerja"))) is True
    batas._di_proyek.cache_clear()


def test_ekspresi_f_tidak_diperiksa():
    from django.db.models import F

    assert batas.batas_model_periksa(Renstra, {"tahun_mulai": F("tahun_mulai") + 1}) == {}
