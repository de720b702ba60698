"""A Komisioner (read-only role) opening the pages writes nothing: every table has the same
number of rows before and after. Defaults such as ``PengaturanCapaian`` come from a migration,
never from a page read.

Not counted: ``django_session`` (logging in and the chosen working year live in the session,
which is the point of a session, not domain data). Axes writes on login only (``force_login``
bypasses it), and the audit trail records changes and downloads, not page views, so both stay
counted.
"""

from django.apps import apps
from django.urls import reverse

from kpu_site.navigasi import menu_for
from tests.conftest import demo_inti_muat

TIDAK_DIHITUNG = {"sessions.session"}


def _jumlah_baris() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in TIDAK_DIHITUNG
    }


def test_komisioner_opening_every_menu_page_creates_no_data(db, masuk, komisioner):
    demo_inti_muat()
    client = masuk(komisioner)
    halaman = [reverse("beranda")] + [
        item["url"] for bagian in menu_for(komisioner) for item in bagian["items"]
    ]
    assert len(halaman) > 10
    sebelum = _jumlah_baris()
    for url in halaman:
        response = client.get(url)
        assert response.status_code in (200, 302), (url, response.status_code)
    sesudah = _jumlah_baris()
    berubah = {m: (sebelum[m], sesudah[m]) for m in sebelum if sebelum[m] != sesudah[m]}
    assert berubah == {}


def test_capaian_settings_exist_after_migrate_with_the_defaults(db):
    from kinerja.models import PengaturanCapaian

    pengaturan = PengaturanCapaian.objects.get(pk=1)
    assert pengaturan.batas_atas == PengaturanCapaian.Batas.TANPA
    assert (pengaturan.ambang_tercapai, pengaturan.ambang_hampir) == (100, 85)
