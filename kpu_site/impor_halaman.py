"""What every import page, API endpoint and command shares for column-mapping profiles and
templates.

- a form gets a ``profil`` choice of the saved profiles of its import (``profil_field``);
  the view turns the choice into a ``Pemetaan`` (``pemetaan_form``) for the service;
- the page includes ``kpu_site/_impor_templat.html`` with ``jenis`` (its ``JenisImpor``):
  links to the empty template, the filled example and the profiles of that import;
- an API endpoint has a ``profil`` field (``profil_serializer_field``) and reads the file
  through ``kpu_site.api.impor_berkas_api``;
- a command adds ``--profil`` (``profil_argumen``) and reads it (``pemetaan_opsi``).
A name that is not a profile of that import is the same ``ImporGagal`` everywhere.
"""

from __future__ import annotations

from django import forms

from .impor import Pemetaan
from .selectors import pemetaan_profil, profil_impor_list

LABEL = "Profil kolom"
BANTUAN = (
    "Kosong: berkas memakai nama kolom templat. Pilih profil untuk berkas dari sistem lain "
    "(SAKTI, SIAKBA, SIPOL, SIMPEG) dengan nama dan urutan kolomnya sendiri."
)


def profil_field(jenis: str) -> forms.ChoiceField:
    """The ``profil`` field of an import form: the saved profiles of import ``jenis``."""
    pilihan = [("", "— nama kolom templat —")] + [
        (p.nama, p.nama) for p in profil_impor_list(jenis=jenis)
    ]
    return forms.ChoiceField(label=LABEL, required=False, choices=pilihan, help_text=BANTUAN)


def pemetaan_form(jenis: str, cleaned_data: dict) -> Pemetaan | None:
    return pemetaan_profil(jenis=jenis, nama=cleaned_data.get("profil") or "")


def profil_argumen(parser) -> None:
    parser.add_argument(
        "--profil",
        default="",
        help='nama profil impor (pemetaan kolom) yang disimpan, mis. "SAKTI – realisasi SP2D"',
    )


def pemetaan_opsi(jenis: str, options: dict) -> Pemetaan | None:
    return pemetaan_profil(jenis=jenis, nama=options.get("profil") or "")


def profil_serializer_field():
    """The ``profil`` field of an import endpoint's input."""
    from rest_framework import serializers

    return serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=100,
        help_text="Nama profil impor (pemetaan kolom) yang disimpan; kosong = nama kolom templat.",
    )
