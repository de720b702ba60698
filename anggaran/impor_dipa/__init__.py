"""Importing a DIPA (and a revision) from a SAKTI-like POK sheet (CSV or XLSX).

The sheet may have title rows above its header; the header row is the first row (of the first
``BATAS_CARI_JUDUL``) where at least three cells are known column names, compared without case,
spaces or punctuation:

- ``KODE`` (the full code, ``076.01.CQ.6705.QGE.005.051.A.532111``) or one column per level
  (``PROGRAM``, ``KEGIATAN``, ``KRO``, ``RO``, ``KOMPONEN``, ``SUBKOMPONEN``, ``AKUN``,
  ``DETAIL``), ``URAIAN`` (or SAKTI's ``PROGRAM/KEGIATAN/OUTPUT/...``), ``VOLUME``,
  ``SATUAN`` (optional), ``HARGA SATUAN``, ``JUMLAH BIAYA`` / ``JUMLAH``.

A row's level is given by its code (program = 3 segments ``076.01.CQ``, then one segment per
level). A row with a volume or a harga satuan is a detail line: with no code (or an akun's code)
it is numbered under the akun above it. The parent of every line must be a line of the sheet. A
parent line with a JUMLAH is a subtotal, checked against the sum of its detail lines; a row with
no code and only a JUMLAH is the grand total, checked against all detail lines; each detail's
volume × harga satuan must equal its JUMLAH when one is given. Amounts in Indonesian notation
(``1.500.000,50``).

Twelve month columns (``JAN`` .. ``DES``) on the lines, or a sheet of their own
(``lembar_rpd``), are the RPD (halaman III): each line's months add up to its pagu.

``dipa_impor_periksa``/``dipa_impor`` make a new DIPA (revisi ke-0 = the sheet);
``revisi_impor_periksa``/``revisi_impor`` compare the sheet with the revision in force and write
the difference as the next revision through ``services.revisi_create`` (its rules: no akun below
its realisasi), a changed uraian through ``services.pos_update``. Each takes ``pemetaan`` (a
column-mapping profile, import ``dipa``): the header row is renamed by it before the detection
above. Nothing is written when any row is wrong; every problem names its row and column.
"""

from .hasil import BarisPos, Beda, HasilDipa, jumlah_ke_atas, pagu_compute
from .lembar import lembar_baca
from .tulis import dipa_impor, dipa_impor_periksa, revisi_impor, revisi_impor_periksa

__all__ = [
    "BarisPos",
    "Beda",
    "HasilDipa",
    "dipa_impor",
    "dipa_impor_periksa",
    "jumlah_ke_atas",
    "lembar_baca",
    "pagu_compute",
    "revisi_impor",
    "revisi_impor_periksa",
]
