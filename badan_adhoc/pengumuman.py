"""The announcement of a recruitment's results (``tahap="administrasi"`` or ``"akhir"``) as PDF
and as Excel, per wilayah, optionally of one kecamatan. Public documents: names, sex,
domicile, result and reason or rank; never the NIK.

Called by the download view and by background jobs; ``progres(persen, tahap)`` (optional)
is told how far the work is.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone

from kpu_site.excel import xlsx_bytes

from . import selectors
from .models import Rekrutmen, Wilayah

Progres = Callable[[int, str], None]

KOLOM_EXCEL = ["Wilayah", "No/Peringkat", "Nama", "L/P", "Domisili", "Hasil", "Keterangan"]


def _tahap(tahap: str) -> str:
    return "akhir" if tahap == "akhir" else "administrasi"


def _lapor(progres: Progres | None, persen: int, tahap: str) -> None:
    if progres is not None:
        progres(persen, tahap)


def pengumuman_judul(rekrutmen: Rekrutmen, *, tahap: str, kecamatan: Wilayah | None) -> str:
    """``Pengumuman Hasil Seleksi Administrasi <rekrutmen> – Kecamatan <nama>``."""
    hasil = "Seleksi Administrasi" if _tahap(tahap) == "administrasi" else "Akhir"
    judul = f"Pengumuman Hasil {hasil} {rekrutmen.nama}"
    return judul + (f" – Kecamatan {kecamatan.nama}" if kecamatan else "")


def _kecamatan(kecamatan_id: int | None) -> Wilayah | None:
    if not kecamatan_id:
        return None
    return selectors.kecamatan_list().filter(pk=kecamatan_id).first()


def pengumuman_pdf(
    rekrutmen: Rekrutmen,
    *,
    tahap: str,
    kecamatan_id: int | None,
    progres: Progres | None = None,
) -> tuple[bytes, int]:
    """The announcement as PDF: ``(pdf_bytes, page_count)``. ``kecamatan_id=None`` is every
    wilayah of the recruitment in one document."""
    from kpu_site.pdf import html_ke_pdf

    tahap = _tahap(tahap)
    _lapor(progres, 0, "data")
    kec = _kecamatan(kecamatan_id)
    grup = selectors.pengumuman_grup(rekrutmen, tahap=tahap, kecamatan=kec.pk if kec else None)
    _lapor(progres, 10, "html")
    html = render_to_string(
        "badan_adhoc/pdf/pengumuman.html",
        {
            "rekrutmen": rekrutmen,
            "judul": pengumuman_judul(rekrutmen, tahap=tahap, kecamatan=kec),
            "tahap": tahap,
            "grup": grup,
            "dicetak": timezone.localtime(),
        },
    )
    _lapor(progres, 20, "pdf")
    hasil = html_ke_pdf(html)
    _lapor(progres, 100, "selesai")
    return hasil


def _baris_excel(grup: list[dict], *, tahap: str):
    for g in grup:
        for i, p in enumerate(g["rows"], start=1):
            if tahap == "administrasi":
                hasil = p.get_status_administrasi_display()
                keterangan = ", ".join(str(label) for _, label in p.alasan_list())
            else:
                hasil, keterangan = p.get_hasil_akhir_display(), ""
            yield [
                g["wilayah"].nama,
                p.peringkat if tahap == "akhir" else i,
                p.nama,
                p.jenis_kelamin,
                p.domisili.nama if p.domisili else p.kode_domisili,
                hasil,
                keterangan,
            ]


def pengumuman_xlsx_tulis(
    berkas,
    *,
    rekrutmen: Rekrutmen,
    tahap: str,
    kecamatan_id: int | None,
    progres: Progres | None = None,
) -> int:
    """Write the announcement as an Excel workbook into the file object ``berkas``; returns
    the number of applicant rows."""
    tahap = _tahap(tahap)
    _lapor(progres, 0, "data")
    kec = _kecamatan(kecamatan_id)
    grup = selectors.pengumuman_grup(rekrutmen, tahap=tahap, kecamatan=kec.pk if kec else None)
    baris = list(_baris_excel(grup, tahap=tahap))
    _lapor(progres, 50, "xlsx")
    berkas.write(
        xlsx_bytes(
            judul=pengumuman_judul(rekrutmen, tahap=tahap, kecamatan=kec),
            kolom=KOLOM_EXCEL,
            baris=baris,
        )
    )
    _lapor(progres, 100, "selesai")
    return len(baris)
