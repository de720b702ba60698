"""The one pager of every long list (``{% pager %}``, ``templates/includes/_pagination.html``):
page numbers (first, last and the neighbours of the current one, gaps as "…"), previous and
next, a "Ke halaman [n] Buka" jump, every link keeping the list's filters (its query string).

``?page=`` is the page number on every list. A number that is not a whole number shows the
first page, one past the last shows the last, each with a note saying so (never a 404 or 500).
A list paginated by key (the applicant list: ``?setelah=``/``?sebelum=`` an id) passes its
keys for the previous and next links in ``Halaman.sebelumnya``/``berikutnya``; the numbered
links and the jump carry the number only (``Halaman.buang`` names the key parameters they
drop)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from . import formatting

PARAM = "page"


@dataclass(frozen=True)
class Halaman:
    """One page of a list as the pager shows it. ``jumlah``: the number of pages, ``None``
    when only a lower bound is known (a search counted up to a cap)."""

    nomor: int
    jumlah: int | None
    ada_berikutnya: bool
    catatan: str = ""
    sebelumnya: dict = field(default_factory=dict)  # extra query parameters of the links
    berikutnya: dict = field(default_factory=dict)
    buang: tuple[str, ...] = ()

    @property
    def ada_sebelumnya(self) -> bool:
        return self.nomor > 1

    @property
    def perlu(self) -> bool:
        """Whether there is more than one page (else the pager shows nothing but its note)."""
        return self.nomor > 1 or self.ada_berikutnya or (self.jumlah or 1) > 1

    def nomor_tampil(self) -> list[int | None]:
        """The numbers of the links: the first, the last, the current one and its neighbours;
        ``None`` for a gap. Short enough for a phone at any number of pages."""
        akhir = self.jumlah or (self.nomor + 1 if self.ada_berikutnya else self.nomor)
        pilih = sorted({1, akhir, *range(max(1, self.nomor - 1), min(akhir, self.nomor + 1) + 1)})
        hasil: list[int | None] = []
        for n in pilih:
            if hasil and n - hasil[-1] == 2:  # a gap of one page: show it rather than "…"
                hasil.append(n - 1)
            elif hasil and n - hasil[-1] > 2:
                hasil.append(None)
            hasil.append(n)
        if self.jumlah is None and self.ada_berikutnya:
            hasil.append(None)  # more pages of unknown number
        return hasil


def jumlah_halaman(jumlah_baris: int, ukuran: int) -> int:
    """Pages of ``jumlah_baris`` rows, ``ukuran`` a page; an empty list has one (empty) page."""
    return max(1, -(-jumlah_baris // ukuran))


def nomor_baca(raw) -> tuple[int, str]:
    """The page asked for in ``?page=``: 1 when absent; 1 with a note when it is not a whole
    number from 1 up."""
    teks = str(raw or "").strip()
    if not teks:
        return 1, ""
    if teks.isdigit() and len(teks) <= 18 and int(teks) >= 1:
        return int(teks), ""
    tampil = teks if len(teks) <= 20 else teks[:20] + "…"
    return 1, f"Nomor halaman “{tampil}” tidak dikenali; ditampilkan halaman pertama."


def nomor_batasi(nomor: int, jumlah: int) -> tuple[int, str]:
    """``nomor`` within the ``jumlah`` pages, with a note when it was past the last one."""
    if nomor <= jumlah:
        return nomor, ""
    return jumlah, (
        f"Halaman {formatting.angka(nomor)} tidak ada; ditampilkan halaman terakhir "
        f"({formatting.angka(jumlah)})."
    )


def halaman_ambil(paginator: Paginator, raw) -> tuple[Page, str]:
    """The page ``?page=`` asks for from a Django ``Paginator``, and the note of
    ``nomor_baca``/``nomor_batasi``."""
    nomor, catatan = nomor_baca(raw)
    nomor, lewat = nomor_batasi(nomor, paginator.num_pages)
    return paginator.page(nomor), catatan or lewat


def halaman_dari_page(page: Page, catatan: str = "") -> Halaman:
    return Halaman(
        nomor=page.number,
        jumlah=page.paginator.num_pages,
        ada_berikutnya=page.has_next(),
        catatan=catatan,
    )


class HalamanMixin:
    """For a ``ListView`` with ``paginate_by``: ``?page=`` read as ``halaman_ambil`` does (no
    404 for a page past the end) and ``halaman`` in the context for ``{% pager %}``."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, allow_empty_first_page=self.get_allow_empty()
        )
        page, self.halaman_catatan = halaman_ambil(paginator, self.request.GET.get(PARAM))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("page_obj") is not None:
            context["halaman"] = halaman_dari_page(context["page_obj"], self.halaman_catatan)
        return context
