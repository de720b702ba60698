"""The announcement kinds of recruitment documents: the results of a stage (``tahap``
administrasi | tes | akhir) as PDF or Excel (one kecamatan, or every wilayah when none is given; KPPS:
always one kecamatan), or a ZIP of one PDF per kecamatan of the regency. The content is
``badan_adhoc.pengumuman``'s; this module only registers it as kinds."""

from __future__ import annotations

import zipfile

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from .. import selectors
from ..pengumuman import kecamatan_get, pengumuman_judul, pengumuman_pdf, pengumuman_xlsx_tulis
from .jenis import dokumen_jenis

TAHAP = {
    "administrasi": "Hasil seleksi administrasi",
    "tes": "Hasil tes tertulis",
    "akhir": "Hasil akhir",
}


def _tahap(rekrutmen, data: dict) -> str:
    tahap = data.get("tahap") or "administrasi"
    if tahap not in TAHAP:
        raise ValidationError({"tahap": f"Tahap pengumuman tidak dikenal: {tahap!r}."})
    if tahap == "tes" and rekrutmen.per_tps:
        raise ValidationError(
            {
                "tahap": f"{rekrutmen.get_jenis_badan_display()} hanya melalui seleksi "
                "administrasi: tidak ada pengumuman hasil tes tertulis."
            }
        )
    return tahap


def kecamatan_pilih(rekrutmen, raw):
    """The kecamatan a document is for: the one given, or none (every wilayah); KPPS and
    Pantarlih lists are long, so for them always one (the first when none is given)."""
    if raw in (None, "", 0, "0"):
        return selectors.kecamatan_list().first() if rekrutmen.per_tps else None
    try:
        kec = selectors.kecamatan_list().filter(pk=int(raw)).first()
    except (TypeError, ValueError):
        kec = None
    if kec is None:
        raise ValidationError({"kecamatan": f"Kecamatan {raw!r} tidak ada di data wilayah."})
    return kec


def parameter_kecamatan(rekrutmen, data: dict) -> dict:
    """``{"tahap", "kecamatan"}``: a kecamatan of the wilayah (KPPS: the first when none)."""
    tahap = _tahap(rekrutmen, data)
    kec = kecamatan_pilih(rekrutmen, data.get("kecamatan"))
    return {"tahap": tahap, "kecamatan": kec.pk if kec else None}


def parameter_semua_kecamatan(rekrutmen, data: dict) -> dict:
    if not selectors.kecamatan_list().exists():
        raise ValidationError({"kecamatan": "Belum ada kecamatan di data wilayah."})
    return {"tahap": _tahap(rekrutmen, data)}


def judul_pengumuman(rekrutmen, parameter: dict) -> str:
    return pengumuman_judul(
        rekrutmen, tahap=parameter["tahap"], kecamatan=kecamatan_get(parameter.get("kecamatan"))
    )


def judul_semua_kecamatan(rekrutmen, parameter: dict) -> str:
    return pengumuman_judul(rekrutmen, tahap=parameter["tahap"], kecamatan=None) + (
        " – semua kecamatan (ZIP)"
    )


@dokumen_jenis(
    "pengumuman_pdf",
    label="Pengumuman (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=parameter_kecamatan,
    judul=judul_pengumuman,
)
def pengumuman_pdf_tulis(dokumen, berkas, progres) -> dict:
    p = dokumen.parameter
    from .penomoran import terbitan_konteks

    pdf, halaman = pengumuman_pdf(
        dokumen.rekrutmen,
        tahap=p["tahap"],
        kecamatan_id=p.get("kecamatan"),
        progres=progres,
        terbitan=terbitan_konteks(dokumen),
    )
    berkas.write(pdf)
    return {"jumlah_halaman": halaman}


@dokumen_jenis(
    "pengumuman_xlsx",
    label="Pengumuman (Excel)",
    ekstensi="xlsx",
    publik=True,
    parameter=parameter_kecamatan,
    judul=judul_pengumuman,
)
def pengumuman_xlsx(dokumen, berkas, progres) -> dict:
    p = dokumen.parameter
    baris = pengumuman_xlsx_tulis(
        berkas,
        rekrutmen=dokumen.rekrutmen,
        tahap=p["tahap"],
        kecamatan_id=p.get("kecamatan"),
        progres=progres,
    )
    return {"baris": baris}


def nama_dalam_zip(tahap: str, kecamatan) -> str:
    """``pengumuman-administrasi-36.73.01-serang.pdf``"""
    return f"pengumuman-{tahap}-{kecamatan.kode}-{slugify(kecamatan.nama)}.pdf"


@dokumen_jenis(
    "pengumuman_zip",
    label="Pengumuman semua kecamatan (ZIP berisi PDF per kecamatan)",
    ekstensi="zip",
    publik=True,
    parameter=parameter_semua_kecamatan,
    judul=judul_semua_kecamatan,
)
def pengumuman_zip(dokumen, berkas, progres) -> dict:
    """One PDF per kecamatan of the regency; the progress moves per kecamatan."""
    tahap = dokumen.parameter["tahap"]
    kecamatan = list(selectors.kecamatan_list())
    n = len(kecamatan)
    halaman_total = 0
    isi = []
    with zipfile.ZipFile(berkas, "w", compression=zipfile.ZIP_DEFLATED) as arsip:
        for i, kec in enumerate(kecamatan):
            label = f"Kecamatan {kec.nama} ({i + 1}/{n})"

            def sub(persen: int, tahap_sub: str, i=i, label=label) -> None:
                progres(int((i + persen / 100) * 100 / n), f"{label}: {tahap_sub}"[:100])

            progres(int(i * 100 / n), label)
            pdf, halaman = pengumuman_pdf(
                dokumen.rekrutmen, tahap=tahap, kecamatan_id=kec.pk, progres=sub
            )
            nama = nama_dalam_zip(tahap, kec)
            arsip.writestr(nama, pdf)
            halaman_total += halaman
            isi.append({"nama": nama, "kecamatan": kec.nama, "halaman": halaman})
    return {"jumlah_halaman": halaman_total, "isi": isi}
