"""The kinds of recruitment documents. A kind is one function registered with
``@dokumen_jenis``::

    @dokumen_jenis("pendaftar_xlsx", label="Daftar pendaftar (Excel)", ekstensi="xlsx",
                   publik=False)
    def pendaftar_xlsx(dokumen, berkas, progres) -> dict:
        ...  # write the file into ``berkas`` (binary, seekable), call progres(persen, tahap)
        return {"baris": n}  # meta; "jumlah_halaman" is stored in its own column

The announcement kinds are registered by ``render`` (imported in ``BadanAdhocConfig.ready``).
``publik``: the document holds no personal data (no NIK), so it may be published on
``/publik/pengumuman/``; a kind with NIK is read and downloaded by the recruitment's staff only.
``parameter(rekrutmen, data) -> dict`` checks and normalises what was asked (a
``ValidationError`` naming the field); ``judul(rekrutmen, parameter) -> str`` names it.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError

Progres = Callable[[int, str], None]
Fungsi = Callable[..., dict]


@dataclass(frozen=True)
class JenisDokumen:
    kode: str
    label: str
    ekstensi: str
    publik: bool
    fungsi: Fungsi
    parameter: Callable[[object, dict], dict]
    judul: Callable[[object, dict], str]
    urutan: int = 0

    @property
    def content_type(self) -> str:
        return mimetypes.guess_type(f"x.{self.ekstensi}")[0] or "application/octet-stream"


JENIS: dict[str, JenisDokumen] = {}


def _tanpa_parameter(rekrutmen, data: dict) -> dict:
    return {}


def dokumen_jenis(
    kode: str,
    *,
    label: str,
    ekstensi: str,
    publik: bool,
    parameter: Callable[[object, dict], dict] = _tanpa_parameter,
    judul: Callable[[object, dict], str] | None = None,
) -> Callable[[Fungsi], Fungsi]:
    """Register ``fn(dokumen, berkas, progres) -> meta`` as the kind ``kode``."""

    def daftar(fungsi: Fungsi) -> Fungsi:
        JENIS[kode] = JenisDokumen(
            kode=kode,
            label=label,
            ekstensi=ekstensi,
            publik=publik,
            fungsi=fungsi,
            parameter=parameter,
            judul=judul or (lambda r, p: f"{label} – {r.nama}"),
            urutan=len(JENIS),
        )
        return fungsi

    return daftar


def pdf_resmi(buat: Callable[[object, dict | None], tuple[bytes, int]]) -> Fungsi:
    """The writer of an official PDF kind from ``buat(dokumen, terbitan) -> (pdf, halaman)``:
    ``terbitan`` is the number, date and signatory of an issued document (None: a draft)::

        @dokumen_jenis("sk_penetapan", ...)
        @pdf_resmi
        def sk_penetapan_tulis(dokumen, terbitan):
            return sk_penetapan_pdf(dokumen.rekrutmen, terbitan=terbitan)
    """

    def tulis(dokumen, berkas, progres: Progres) -> dict:
        from .penomoran import terbitan_konteks

        progres(10, "data")
        pdf, halaman = buat(dokumen, terbitan_konteks(dokumen))
        berkas.write(pdf)
        return {"jumlah_halaman": halaman}

    tulis.__name__ = getattr(buat, "__name__", "tulis")
    tulis.__doc__ = buat.__doc__
    return tulis


def jenis_get(kode: str) -> JenisDokumen:
    """The registered kind ``kode``; a ``ValidationError`` on field ``jenis`` otherwise."""
    try:
        return JENIS[kode]
    except KeyError:
        raise ValidationError({"jenis": f"Jenis dokumen tidak dikenal: {kode!r}."}) from None


def jenis_list() -> list[JenisDokumen]:
    return sorted(JENIS.values(), key=lambda j: j.urutan)


def jenis_publik() -> list[str]:
    return [j.kode for j in jenis_list() if j.publik]


def dokumen_kunci(*, rekrutmen_id: int, jenis: str, parameter: dict, pendaftar_versi: int) -> str:
    """The idempotency key: the same kind and parameters of the same recruitment over the
    same applicant data (the version alone repeats across recruitments)."""
    teks = json.dumps(
        {"r": rekrutmen_id, "jenis": jenis, "parameter": parameter, "versi": pendaftar_versi},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(teks.encode()).hexdigest()
