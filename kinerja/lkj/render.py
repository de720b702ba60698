"""LKj rendering in three timed steps: gather the data, build the HTML, lay out the PDF."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from kpu_site.pdf import html_ke_pdf

from .konten import lkj_konten_kumpulkan


@dataclass
class HasilRender:
    pdf: bytes
    html: str
    jumlah_halaman: int
    waktu: dict[str, float] = field(default_factory=dict)


def lkj_html(*, konten: dict, draf: bool) -> str:
    return render_to_string("kinerja/pdf/lkj.html", {"k": konten, "draf": draf})


def lkj_render(
    *,
    tahun: int,
    naskah=None,
    draf: bool,
    progres: Callable[[int, str], None] | None = None,
) -> HasilRender:
    """Render the LKj of ``tahun``; ``progres(percent, stage)`` is called between the steps."""
    lapor = progres or (lambda _p, _t: None)
    waktu = {}
    t0 = time.perf_counter()
    lapor(10, "Mengumpulkan data")
    konten = lkj_konten_kumpulkan(tahun=tahun, naskah=naskah)
    t1 = time.perf_counter()
    waktu["data"] = t1 - t0
    lapor(35, "Menyusun halaman")
    html = lkj_html(konten=konten, draf=draf)
    t2 = time.perf_counter()
    waktu["html"] = t2 - t1
    lapor(50, "Menata letak PDF")
    pdf, halaman = html_ke_pdf(html)
    waktu["pdf"] = time.perf_counter() - t2
    lapor(95, "Menyimpan berkas")
    return HasilRender(pdf=pdf, html=html, jumlah_halaman=halaman, waktu=waktu)
