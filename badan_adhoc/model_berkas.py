"""The applicant's file (berkas pendaftaran): the document checklist of a recruitment and the
status of each document per applicant.

The checklist is data: each recruitment has its own items (``ItemBerkas``), copied from
``BERKAS_BAKU`` for its body when the recruitment is created and editable afterwards, so an
election whose rules ask for another document gets it without a code change. Per applicant and
item, a ``StatusBerkas`` row says *ada*, *tidak ada* or *tidak sah* (with a reason), who
recorded it and when; no row means not yet checked. An applicant with a required item recorded
*tidak ada* or *tidak sah* fails the screening with ``dokumen_tidak_lengkap``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

#: The documents an applicant hands in (PKPU 8/2022 as amended, Keputusan KPU 476/2022 and
#: its amendments: the same list for PPK, PPS and KPPS): ``(kode, nama)``, all required. The
#: codes of the four upload kinds of ``DokumenPendaftar`` are the same, so an upload of kind
#: ``ktp`` belongs to the item ``ktp``.
_BERKAS_UMUM = (
    ("surat_pendaftaran", "Surat pendaftaran"),
    ("ktp", "Fotokopi KTP-el"),
    ("ijazah", "Fotokopi ijazah terakhir"),
    ("surat_pernyataan", "Surat pernyataan bermeterai"),
    ("surat_sehat", "Surat keterangan sehat"),
    ("daftar_riwayat_hidup", "Daftar riwayat hidup"),
    ("pas_foto", "Pas foto"),
)
BERKAS_BAKU: dict[str, tuple[tuple[str, str], ...]] = {
    "ppk": _BERKAS_UMUM,
    "pps": _BERKAS_UMUM,
    "kpps": _BERKAS_UMUM,
    "pantarlih": _BERKAS_UMUM,  # recruited like KPPS; NOTES names no other list
}


class ItemBerkas(models.Model):
    """One document of a recruitment's checklist."""

    rekrutmen = models.ForeignKey(
        "badan_adhoc.Rekrutmen",
        on_delete=models.CASCADE,
        related_name="item_berkas",
        verbose_name=_("rekrutmen"),
    )
    kode = models.SlugField(
        _("kode"),
        max_length=30,
        help_text=_("Juga nama kolomnya pada berkas impor pendaftar."),
    )
    nama = models.CharField(_("nama dokumen"), max_length=150)
    wajib = models.BooleanField(_("wajib"), default=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("item berkas pendaftaran")
        verbose_name_plural = _("item berkas pendaftaran")
        ordering = ["rekrutmen", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rekrutmen", "kode"], name="badan_adhoc_itemberkas_kode_unik"
            )
        ]

    def __str__(self) -> str:
        return self.nama


class StatusBerkas(models.Model):
    """The status of one checklist item for one applicant."""

    class Status(PilihanBerwarna):
        ADA = "ada", _("Ada")
        TIDAK_ADA = "tidak_ada", _("Tidak ada")
        TIDAK_SAH = "tidak_sah", _("Tidak sah")

        WARNA = nonmember({"ada": "success", "tidak_ada": "danger", "tidak_sah": "warning"})

    pendaftar = models.ForeignKey(
        "badan_adhoc.Pendaftar",
        on_delete=models.CASCADE,
        related_name="status_berkas",
        verbose_name=_("pendaftar"),
        db_index=False,  # the unique (pendaftar, item) index serves it
    )
    item = models.ForeignKey(
        ItemBerkas, on_delete=models.PROTECT, related_name="status", verbose_name=_("dokumen")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    alasan = models.CharField(_("alasan"), max_length=255, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dicatat oleh"),
        db_index=False,
        db_constraint=False,
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"))
    # No history table: who and when are on the row, each change made by staff is one entry
    # of the audit trail (``berkas_status_set``), and the import and the demo write 100,000s
    # of rows in bulk; without signals, deleting applicants deletes these rows in one query.

    class Meta:
        verbose_name = _("status berkas pendaftar")
        verbose_name_plural = _("status berkas pendaftar")
        ordering = ["pendaftar", "item__urutan", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["pendaftar", "item"], name="badan_adhoc_statusberkas_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["ada", "tidak_ada", "tidak_sah"]),
                name="badan_adhoc_statusberkas_status_sah",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="tidak_sah") | ~models.Q(alasan=""),
                name="badan_adhoc_statusberkas_tidak_sah_beralasan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} – {self.get_status_display()}"


def status_kurang(**saring) -> models.QuerySet:
    """The statuses that make an applicant fail ``dokumen_tidak_lengkap``: a required item
    recorded *tidak ada* or *tidak sah* (``saring``: e.g. ``item__rekrutmen=r``)."""
    return StatusBerkas.objects.filter(item__wajib=True, **saring).exclude(
        status=StatusBerkas.Status.ADA
    )
