"""Charts of the kinerja app: server-side SVG (``kpu_site.svg``), no JavaScript.

``grafik_capaian`` is the one capaian chart: the capaian page, the dashboard and the LKj
(Gambar 3.1) all draw it with this function, so the same data gives the same picture.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe

from kpu_site.svg import grafik_batang

from .models import PengaturanCapaian
from .selectors import BarisCapaian, capaian_label_list


def grafik_capaian(
    *,
    baris: list[BarisCapaian],
    tahun: int,
    pengaturan: PengaturanCapaian,
    lebar: int = 640,
    tinggi: int = 300,
) -> SafeString:
    """Capaian of every indikator of ``tahun`` as shown (after the configured cap), one bar
    per indikator labelled as in the tables (``capaian_label_list``: ``S1``, or ``S2.1`` and
    ``S2.2`` for a sasaran with two indikator), and one dashed reference line at the
    "tercapai" threshold of ``pengaturan`` (the line a bar must reach to count as tercapai in
    the status counts beside the chart). Empty when there is no indikator."""
    if not baris:
        return mark_safe("")
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        grafik_batang(
            kategori=capaian_label_list(baris=baris),
            seri=[("Capaian", [b.hasil.nilai_dibatasi for b in baris])],
            judul=f"Capaian indikator kinerja {tahun}",
            satuan="%",
            garis_acuan=float(pengaturan.ambang_tercapai),
            lebar=lebar,
            tinggi=tinggi,
        )
    )
