"""Layers: ``kpu_site`` is the ground floor and imports no domain app; the apps register what it
composes (``kpu_site.registri``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kpu_site.peran import DOMAIN_APPS

KPU_SITE = Path(__file__).resolve().parent.parent / "kpu_site"


def _impor_domain(path: Path) -> list[str]:
    """``"line: module"`` for every import of a domain app in ``path``, at any depth (inside
    functions too). Dotted strings (``include("kinerja.urls")``, ``INSTALLED_APPS``) are not
    imports and are not looked at."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    hasil = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            nama = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            nama = [node.module]
        else:
            continue
        hasil += [f"{node.lineno}: {n}" for n in nama if n.split(".")[0] in DOMAIN_APPS]
    return hasil


def test_kpu_site_imports_no_domain_app():
    modul = sorted(KPU_SITE.rglob("*.py"))
    assert len(modul) > 30  # the walk found the package
    pelanggaran = {
        str(p.relative_to(KPU_SITE.parent)): impor for p in modul if (impor := _impor_domain(p))
    }
    assert pelanggaran == {}


def test_the_check_sees_imports_inside_functions(tmp_path):
    contoh = tmp_path / "contoh.py"
    contoh.write_text(
        "import os\n"
        "from django.urls import include\n"
        "X = include('kinerja.urls')\n"
        "def f():\n"
        "    from anggaran.models import DokumenAnggaran\n"
        "    import badan_adhoc.selectors as s\n"
    )
    assert _impor_domain(contoh) == ["5: anggaran.models", "6: badan_adhoc.selectors"]


@pytest.mark.django_db
def test_the_apps_register_the_dashboard_and_the_year_sources():
    from kpu_site import dasbor, tahun

    assert [p.kunci for p in dasbor.panel_list()] == [
        "capaian",
        "anggaran",
        "lkj",
        "rekrutmen",
        "temuan_lhe",
    ]
    assert {m._meta.label for m, _f in tahun._model_bertahun("TAHUN_BERDATA")} == {
        "kinerja.PerjanjianKinerja",
        "kinerja.LaporanKinerja",
        "anggaran.DokumenAnggaran",
    }
    assert [m._meta.label for m, _f in tahun._model_bertahun("TAHUN_KUNCI")] == [
        "kinerja.KunciTahun"
    ]
