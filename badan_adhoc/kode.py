"""The codes badan_adhoc stores that reach a page, with their labels (``kpu_site.kode``): the
screening reasons and warnings, and the keys of the screening summary the audit trail keeps."""

from __future__ import annotations

from .models import ALASAN_TMS, PERINGATAN

LABEL = {
    **ALASAN_TMS,
    **PERINGATAN,
    # the screening summary (``seleksi_ringkasan``) recorded in the audit trail
    "jumlah": "Jumlah pendaftar",
    "ms": "MS",
    "tms": "TMS",
    "alasan": "Alasan TMS",
    "peringatan": "Peringatan",
}
