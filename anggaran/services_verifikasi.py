"""The Kasubag's verification of the IKPA data Keuangan enters: UP/TUP movements, SPM
dispensations, contracts and invoices (``model_ikpa.DataTerverifikasi``).

- ``verifikasi_set``: the Kasubag Keuangan (or the Sekretaris/Admin, ``akses.
  boleh_verifikasi_output``) marks one entry verified, or takes the mark back; one audit entry
  each, the document row locked and open for writing;
- ``verifikasi_hapus``: what every service that changes such an entry calls before saving: a
  changed entry must be verified again.

The IKPA is computed from every entry, verified or not (the treasury's own figure comes from
its payment data); the pages show which entries still wait for the Kasubag.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_beda, jejak_nilai, jejak_tandai

from .akses import boleh_verifikasi_output
from .models import DispensasiSpm, DokumenAnggaran, Kontrak, MutasiUp, Tagihan
from .services import pastikan_terbuka

#: The URL/API name of each verifiable kind of entry.
JENIS_VERIFIKASI = {
    "mutasi-up": MutasiUp,
    "dispensasi": DispensasiSpm,
    "kontrak": Kontrak,
    "tagihan": Tagihan,
}
PESAN_TOLAK = "Data IKPA diverifikasi oleh Kasubag Keuangan atau Sekretaris."


def dokumen_id_dari(obj) -> int:
    """The document an entry belongs to (an invoice through its contract)."""
    return obj.kontrak.dokumen_id if isinstance(obj, Tagihan) else obj.dokumen_id


def nama_data(obj) -> str:
    """``Mutasi UP/TUP UP (uang persediaan) UP-01``: the kind and the entry, for messages."""
    jenis = str(obj._meta.verbose_name)
    return f"{jenis[:1].upper()}{jenis[1:]} {obj}"


def verifikasi_hapus(obj) -> None:
    """Clear ``obj``'s verification (before a changed entry is saved)."""
    obj.diverifikasi_oleh = None
    obj.diverifikasi_pada = None


@transaction.atomic
def verifikasi_set(*, pengguna, obj, verifikasi: bool = True):
    """Mark ``obj`` verified by ``pengguna`` now (``verifikasi``) or not verified; nothing is
    saved when it already is so."""
    if not boleh_verifikasi_output(pengguna):
        raise PermissionDenied(PESAN_TOLAK)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen_id_dari(obj))
    pastikan_terbuka(dokumen)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if obj.terverifikasi == verifikasi:
        return obj
    sebelum = jejak_nilai(obj)
    if verifikasi:
        obj.diverifikasi_oleh = pengguna
        obj.diverifikasi_pada = timezone.now()
    else:
        verifikasi_hapus(obj)
    jejak_tandai(
        obj,
        aksi="alur",
        ringkasan=(
            f"{nama_data(obj)}: "
            + ("diverifikasi" if verifikasi else "verifikasi dibatalkan")
            + f" oleh {pengguna}"
        ),
        pengguna=pengguna,
        perubahan=jejak_beda(sebelum, obj),
    )
    obj.save()
    return obj
