"""The database rules of a document kept in revisions (the PK of every level, the RKT, ...).

A revisioned document is identified by its ``kunci`` fields (``tahun``; ``unit, tahun``) and a
``revisi`` number; at most one draft and one document in force (signed/ditetapkan) per kunci;
a revision other than 0 carries its reason. The services share the life cycle in
``kinerja.services._dasar`` (``revisi_berlakukan``, ``revisi_berikut``).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import models
from django.db.models import Q


def revisi_constraints(awalan: str, kunci: Sequence[str], berlaku: str) -> list:
    """The four constraints of a revisioned document, named ``<awalan>_revisi_unik``,
    ``_satu_draft``, ``_satu_berlaku`` and ``_perubahan_beralasan`` (names the migrations
    already hold); ``berlaku`` is the status value of the document in force."""
    kunci = list(kunci)
    return [
        models.UniqueConstraint(fields=[*kunci, "revisi"], name=f"{awalan}_revisi_unik"),
        models.UniqueConstraint(
            fields=kunci, condition=Q(status="draft"), name=f"{awalan}_satu_draft"
        ),
        models.UniqueConstraint(
            fields=kunci, condition=Q(status=berlaku), name=f"{awalan}_satu_berlaku"
        ),
        models.CheckConstraint(
            condition=Q(revisi=0) | ~Q(alasan_perubahan=""),
            name=f"{awalan}_perubahan_beralasan",
        ),
    ]
