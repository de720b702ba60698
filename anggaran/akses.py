"""Who may write budget data.

Every role reads the anggaran data. Writing is for the Sekretaris (and Admin) and for the Staf
and Kasubag of the sub-bagian Keuangan only: the Kasubag/Staf groups hold add/change on the
anggaran models for every unit, so this rule narrows it to the finance sub-bagian. Approving
a realisasi above the pagu needs ``anggaran.setujui_pelampauan`` (Sekretaris).

The output realisasi of an RO (``RealisasiOutput``) is also entered by the RO's unit pengampu
(``boleh_isi_output``) and verified by the Kasubag Keuangan or the Sekretaris
(``boleh_verifikasi_output``: ``anggaran.verifikasi_output``, which every Kasubag group holds,
narrowed to the finance sub-bagian).
"""

from __future__ import annotations

from rest_framework import permissions

from kpu_site.akses import boleh_ubah_unit, pastikan_boleh_ubah_unit
from kpu_site.peran import is_pimpinan

UNIT_KEUANGAN = "keuangan"
PESAN_TOLAK = (
    "Data anggaran hanya dapat diubah oleh Sekretaris dan Staf/Kasubag Sub Bagian Keuangan."
)


def boleh_tulis(pengguna) -> bool:
    """May the user write budget data (DIPA, tree, revisions, realisasi, imports)?"""
    return boleh_ubah_unit(pengguna, UNIT_KEUANGAN)


def pastikan_boleh_tulis(pengguna) -> None:
    pastikan_boleh_ubah_unit(pengguna, UNIT_KEUANGAN, PESAN_TOLAK)


def boleh_isi_output(pengguna, ro) -> bool:
    """May the user enter (and submit) the output realisasi of the RO line ``ro``? Those who
    write budget data, and the Kasubag/Staf of the RO's unit pengampu (``Pos.unit``)."""
    return boleh_tulis(pengguna) or (
        ro.unit_id is not None and boleh_ubah_unit(pengguna, ro.unit_id)
    )


def boleh_verifikasi_output(pengguna) -> bool:
    """May the user verify or return a submitted output realisasi? The Kasubag Keuangan, the
    Sekretaris and the Admin."""
    return pengguna.has_perm("anggaran.verifikasi_output") and boleh_tulis(pengguna)


def boleh_kunci(pengguna) -> bool:
    return is_pimpinan(pengguna)


class TulisAnggaranMixin:
    """For write views (after ``IzinMixin``): only Sekretaris/Admin and the finance unit."""

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_tulis(self.request.user)


class IzinTulisAnggaranApi(permissions.BasePermission):
    """API: reads for every authenticated role; writes only for ``boleh_tulis`` users."""

    message = PESAN_TOLAK

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return boleh_tulis(request.user)
