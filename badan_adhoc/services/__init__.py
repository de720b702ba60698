"""Writes of the badan_adhoc app (HackSoft services), grouped by stage."""

from .impor import anggota_parpol_import, pendaftar_import
from .impor_wilayah import tps_import, wilayah_import
from .penetapan import (
    anggota_jabatan_set,
    nilai_import,
    nilai_set,
    paw_create,
    penetapan_create,
    peringkat_compute,
    wawancara_select,
)
from .rekrutmen import (
    dokumen_upload,
    klarifikasi_decide,
    klarifikasi_upload,
    pendaftar_create,
    pendaftar_override,
    pendaftar_update,
    rekrutmen_create,
    tahapan_save,
)
from .seleksi import pendaftar_screen

__all__ = [
    "anggota_jabatan_set",
    "anggota_parpol_import",
    "dokumen_upload",
    "klarifikasi_decide",
    "klarifikasi_upload",
    "nilai_import",
    "nilai_set",
    "paw_create",
    "pendaftar_create",
    "pendaftar_import",
    "pendaftar_override",
    "pendaftar_screen",
    "pendaftar_update",
    "penetapan_create",
    "peringkat_compute",
    "rekrutmen_create",
    "tahapan_save",
    "tps_import",
    "wawancara_select",
    "wilayah_import",
]
