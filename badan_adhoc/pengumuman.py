"""The announcement of a recruitment's results (``tahap="administrasi"``, ``"tes"`` (the written
test: PPK and PPS) or ``"akhir"``) as PDF and as Excel, per wilayah, optionally of one kecamatan. Public documents: names, sex,
domicile, result and reason or rank; never the NIK.

Called by the download view and by background jobs; ``progres(persen, tahap)`` (optional)
is told how far the work is.

The PDF's list is set as lines of text, not as an HTML table of one cell per value:
WeasyPrint spends about a millisecond per laid-out text box, so 5,000 rows of six cells took
over a minute, while one text block per wilayah with one line per applicant takes seconds
(``bench/pengumuman.py``). The columns stay aligned because the line is built here
(``pengumuman_tata``): each value is measured with the font's own advance widths (DejaVu
Sans, kerning and ligatures off in the template), wrapped to its column, and followed by
spaces up to just before the next column and one tab, which WeasyPrint stops on a fixed grid
(``tab-size``), so every column starts at exactly the same x. Without the font file the
document falls back to the plain HTML table.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import formats, timezone

from kpu_site import formatting
from kpu_site.excel import xlsx_tulis
from kpu_site.templatetags.status import status_teks

from . import pengumuman_tata as tata
from . import selectors
from .models import Rekrutmen, Wilayah

Progres = Callable[[int, str], None]

# A list of at least this many lines is rendered in parts side by side (see _pengumuman_html),
# in at most PARALEL_MAKS processes
PARALEL_BARIS = 1500
PARALEL_MAKS = 4

KOLOM_EXCEL = ["Wilayah", "No/Peringkat", "Nama", "L/P", "Domisili", "Hasil", "Keterangan"]


# tahap -> the words of the title after "Pengumuman Hasil", and what the results come from
JUDUL_TAHAP = {"administrasi": "Seleksi Administrasi", "tes": "Tes Tertulis", "akhir": "Akhir"}
DASAR_TAHAP = {
    "administrasi": "seleksi administrasi",
    "tes": "tes tertulis",
    "akhir": "tes tertulis dan wawancara",
}


def _dasar(rekrutmen: Rekrutmen, tahap: str) -> str:
    """What the announced results come from (KPPS/Pantarlih have no test or interview)."""
    if tahap == "akhir" and rekrutmen.per_tps:
        return "seleksi administrasi dan tanggapan masyarakat"
    return DASAR_TAHAP[tahap]


def _tahap(tahap: str) -> str:
    return tahap if tahap in JUDUL_TAHAP else "administrasi"


def _lapor(progres: Progres | None, persen: int, tahap: str) -> None:
    if progres is not None:
        progres(persen, tahap)


def pengumuman_judul(rekrutmen: Rekrutmen, *, tahap: str, kecamatan: Wilayah | None) -> str:
    """``Pengumuman Hasil Seleksi Administrasi <rekrutmen> – Kecamatan <nama>``."""
    judul = f"Pengumuman Hasil {JUDUL_TAHAP[_tahap(tahap)]} {rekrutmen.nama}"
    return judul + (f" – Kecamatan {kecamatan.nama}" if kecamatan else "")


def kecamatan_get(kecamatan_id: int | None) -> Wilayah | None:
    """The kecamatan a document is for (its ``kecamatan`` parameter), or None (every wilayah)."""
    if not kecamatan_id:
        return None
    return selectors.kecamatan_list().filter(pk=kecamatan_id).first()


def pengumuman_pdf(
    rekrutmen: Rekrutmen,
    *,
    tahap: str,
    kecamatan_id: int | None,
    progres: Progres | None = None,
    terbitan: dict | None = None,
) -> tuple[bytes, int]:
    """The announcement as PDF: ``(pdf_bytes, page_count)``. ``kecamatan_id=None`` is every
    wilayah of the recruitment in one document. ``terbitan`` (an issued document: ``nomor``,
    ``tanggal``, ``penandatangan``, ``peran``) is printed under the letterhead and in the
    signature block; without it the document is a draft dated today."""
    from kpu_site.pdf import html_ke_pdf, html_ke_pdf_bagian

    tahap = _tahap(tahap)
    _lapor(progres, 0, "data")
    kec = kecamatan_get(kecamatan_id)
    grup = selectors.pengumuman_grup(rekrutmen, tahap=tahap, kecamatan=kec.pk if kec else None)
    _lapor(progres, 10, "html")
    bagian = _pengumuman_html(rekrutmen, tahap=tahap, kecamatan=kec, grup=grup, terbitan=terbitan)
    _lapor(progres, 20, "pdf")
    hasil = html_ke_pdf(bagian[0]) if len(bagian) == 1 else html_ke_pdf_bagian(bagian)
    _lapor(progres, 100, "selesai")
    return hasil


def kop_ttd_konteks(terbitan: dict | None) -> dict:
    """The letterhead, the number and the signature block of a document (``dokumen.kop``)."""
    from sekretariat.selectors import satker_get

    from .dokumen.kop import KETUA, kop_konteks, ttd_konteks

    terbitan = terbitan or {}
    satker = satker_get()
    terbit = terbitan.get("tanggal")
    return {
        "kop": kop_konteks(satker),
        "nomor": terbitan.get("nomor", ""),
        # the day and date of issue ("Pada hari ini Senin, tanggal ..."); a draft has none
        "hari_terbit": formats.date_format(terbit, "l") if terbit else "",
        "tanggal_terbit": formatting.tanggal(terbit) if terbit else "",
        "ttd": ttd_konteks(
            peran=terbitan.get("peran", KETUA),
            tanggal=terbitan.get("tanggal") or timezone.localdate(),
            penandatangan=terbitan.get("penandatangan"),
            satker=satker,
        ),
    }


def _sel_pdf(p, *, nomor: int, tahap: str) -> list[str]:
    """The values of one applicant's row of the PDF, in the order of ``kolom_daftar``."""
    if tahap == "akhir":
        return [
            str(p.peringkat),
            p.nama,
            p.jenis_kelamin,
            p.domisili_nama,
            str(p.get_hasil_akhir_display()),
        ]
    if tahap == "tes":
        return [str(nomor), p.nama, p.jenis_kelamin, p.domisili_nama, *hasil_tes(p)]
    return [
        str(nomor),
        p.nama,
        p.jenis_kelamin,
        p.domisili_nama,
        str(status_teks(p, "status_administrasi", singkat=True)),
        "; ".join(str(label) for _, label in p.alasan_list()),
    ]


def hasil_tes(p) -> tuple[str, str]:
    """The written-test score as printed (``78,5``; none when absent) and the result: called to
    the interview (``Lolos``), not called, or absent."""
    if p.nilai_cat is None:
        return "", "Tidak hadir"
    nilai = formatting.angka(p.nilai_cat, desimal=1)
    return nilai, "Lolos" if p.dipanggil_wawancara else "Tidak lolos"


def _bagi(grup: list[dict], *, n: int) -> list[list[dict]]:
    """The groups in at most ``n`` consecutive parts of about the same number of lines."""
    total = sum(g["baris"] for g in grup)
    bagian: list[list[dict]] = [[]]
    jalan = 0
    for g in grup:
        if bagian[-1] and len(bagian) < n and jalan >= total * len(bagian) / n:
            bagian.append([])
        bagian[-1].append(g)
        jalan += g["baris"]
    return bagian


def _pengumuman_html(
    rekrutmen: Rekrutmen, *, tahap: str, kecamatan, grup: list[dict], terbitan: dict | None = None
) -> list[str]:
    """The announcement's HTML: the list as aligned lines of text (``pengumuman_tata``), or
    as a plain table when the font to measure with is not installed. A long list whose
    process may fork comes as one part per CPU, whole wilayah each, each part starting on a
    new page (``kpu_site.pdf.html_ke_pdf_bagian`` renders them side by side and numbers the
    pages)."""
    import os

    from kpu_site.pdf import paralel_boleh

    konteks = {
        "rekrutmen": rekrutmen,
        "judul": pengumuman_judul(rekrutmen, tahap=tahap, kecamatan=kecamatan),
        "pembuka": f"Berdasarkan hasil {_dasar(rekrutmen, tahap)} {rekrutmen.nama}, dengan ini "
        "diumumkan nama-nama pendaftar sebagai berikut.",
        "tahap": tahap,
        "grup": grup,
        "dicetak": timezone.localtime(),
        **kop_ttd_konteks(terbitan),
    }
    huruf = tata.huruf_daftar()
    kolom = tata.kolom_daftar(tahap)
    if huruf is None:
        for g in grup:
            g["sel"] = [_sel_pdf(p, nomor=i, tahap=tahap) for i, p in enumerate(g["rows"], 1)]
        return [
            render_to_string("badan_adhoc/pdf/pengumuman_tabel.html", {**konteks, "kolom": kolom})
        ]
    for g in grup:
        g["blok"] = tata.daftar_blok(
            (_sel_pdf(p, nomor=i, tahap=tahap) for i, p in enumerate(g["rows"], start=1)),
            kolom=kolom,
            huruf=huruf,
        )
        g["baris"] = sum(b.count("\n") + 1 for b in g["blok"])
    konteks["tata"] = tata.tata_konteks(kolom)
    n = 1
    if sum(g["baris"] for g in grup) >= PARALEL_BARIS and paralel_boleh():
        n = min(os.cpu_count() or 1, len(grup), PARALEL_MAKS)
    bagian = _bagi(grup, n=n) if n > 1 else [grup]
    return [
        render_to_string(
            "badan_adhoc/pdf/pengumuman.html",
            {
                **konteks,
                "grup": isi,
                "awal": i == 0,
                "akhir": i == len(bagian) - 1,
                "bagian": len(bagian) > 1,
            },
        )
        for i, isi in enumerate(bagian)
    ]


def _baris_excel(grup: list[dict], *, tahap: str):
    for g in grup:
        for i, p in enumerate(g["rows"], start=1):
            if tahap == "administrasi":
                hasil = p.get_status_administrasi_display()
                keterangan = ", ".join(str(label) for _, label in p.alasan_list())
            elif tahap == "tes":
                keterangan, hasil = hasil_tes(p)
                keterangan = f"Nilai {keterangan}" if keterangan else ""
            else:
                hasil, keterangan = p.get_hasil_akhir_display(), ""
            yield [
                g["wilayah"].nama,
                p.peringkat if tahap == "akhir" else i,
                p.nama,
                p.jenis_kelamin,
                p.domisili_nama,
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
    kec = kecamatan_get(kecamatan_id)
    grup = selectors.pengumuman_grup(rekrutmen, tahap=tahap, kecamatan=kec.pk if kec else None)
    _lapor(progres, 50, "xlsx")
    n = xlsx_tulis(
        berkas,
        judul=pengumuman_judul(rekrutmen, tahap=tahap, kecamatan=kec),
        kolom=KOLOM_EXCEL,
        baris=_baris_excel(grup, tahap=tahap),
    )
    _lapor(progres, 100, "selesai")
    return n
