"""The version of a recruitment's applicant data (``Rekrutmen.pendaftar_versi``)."""

from __future__ import annotations

from django.db.models import F

from ..models import Rekrutmen


def pendaftar_versi_naik(*, rekrutmen_ids) -> None:
    """Mark the applicants of these recruitments as changed: every service that inserts,
    deletes or changes an applicant calls it inside its transaction, so the cached counts
    (keyed by ``Rekrutmen.pendaftar_versi``) are recomputed on the next read."""
    Rekrutmen.objects.filter(pk__in=list(rekrutmen_ids)).update(
        pendaftar_versi=F("pendaftar_versi") + 1
    )
