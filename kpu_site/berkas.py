"""Uploaded files (evidence, applicant documents): the type is read from the content, not the
name; stored under a generated name; size limited by ``settings.BATAS_UKURAN_BERKAS``."""

from __future__ import annotations

import secrets
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError

from .formatting import angka

LABEL = {"pdf": "PDF", "png": "PNG", "jpg": "JPEG", "xlsx": "Excel (.xlsx)", "docx": "Word (.docx)"}
EKSTENSI = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpg": {".jpg", ".jpeg"},
    "xlsx": {".xlsx"},
    "docx": {".docx"},
}
SEMUA = frozenset(LABEL)


def _jenis_dari_isi(head: bytes, berkas) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            berkas.seek(0)
            with zipfile.ZipFile(berkas) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            berkas.seek(0)
        if "[Content_Types].xml" in names:
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
            if any(n.startswith("word/") for n in names):
                return "docx"
    return None


#: the longest original file name kept with an upload (``nama_asli``/``nama_berkas`` columns)
BATAS_NAMA_BERKAS = 255


def nama_berkas_periksa(nama: str) -> None:
    """``ValidationError`` for a file name longer than its column: refused with the limit,
    never cut (issue 16)."""
    if len(nama) > BATAS_NAMA_BERKAS:
        raise ValidationError(
            f"Nama berkas terlalu panjang: paling banyak {angka(BATAS_NAMA_BERKAS)} karakter "
            f"(tertulis {angka(len(nama))}). Ganti nama berkasnya lalu unggah lagi.",
            code="nama_panjang",
        )


def berkas_periksa(berkas, *, jenis_diizinkan=SEMUA, batas: int | None = None) -> str:
    """Check an uploaded file; return its kind (``pdf``, ``png``, ``jpg``, ``xlsx``, ``docx``).

    Raises ``ValidationError`` (Indonesian) when the file is empty or over the limit, when its
    content is not one of the allowed kinds, or when its name claims another kind.
    """
    batas = batas or settings.BATAS_UKURAN_BERKAS
    nama = getattr(berkas, "name", "") or "berkas"
    size = getattr(berkas, "size", None)
    if size is None:
        berkas.seek(0, 2)
        size = berkas.tell()
    nama_berkas_periksa(nama)
    if not size:
        raise ValidationError(f"Berkas {nama} kosong.", code="kosong")
    if size > batas:
        raise ValidationError(
            f"Berkas {nama} berukuran {size / 1048576:.1f} MB, melebihi batas "
            f"{batas / 1048576:.0f} MB.",
            code="terlalu_besar",
        )
    berkas.seek(0)
    head = berkas.read(16)
    berkas.seek(0)
    jenis = _jenis_dari_isi(head, berkas)
    boleh = ", ".join(LABEL[j] for j in sorted(jenis_diizinkan))
    if jenis is None or jenis not in jenis_diizinkan:
        raise ValidationError(
            f"Isi berkas {nama} bukan jenis yang diizinkan ({boleh}).", code="jenis_salah"
        )
    ext = PurePath(nama).suffix.lower()
    if ext and ext not in EKSTENSI[jenis]:
        raise ValidationError(
            f"Nama berkas {nama} berakhiran {ext}, tetapi isinya {LABEL[jenis]}. "
            "Periksa kembali berkas yang diunggah.",
            code="nama_tidak_sesuai",
        )
    return jenis


def nama_acak(jenis: str) -> str:
    """A generated storage name (the user's file name is kept only as metadata)."""
    ext = sorted(EKSTENSI[jenis])[0]
    return f"{secrets.token_hex(16)}{ext}"


def berkas_buka(field):
    """Open a stored file (a ``FieldFile``) for a download; a file missing from the storage (the
    media folder lost or restored without it) is a 404 with a readable message, never a 500."""
    from django.http import Http404

    try:
        return field.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from None


# How a stored file of each kind (``berkas_periksa``) is served. PDF and images open in the
# browser; the others download. Any other or unknown kind is served as bytes, never as what
# its name suggests.
MIME = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
TAMPIL_DI_PERAMBAN = frozenset({"pdf", "png", "jpg"})
# The file is its own document: nothing loads from it, it runs in a sandbox (no scripts, an
# opaque origin: no cookies, no access to the app) and no other page may frame it.
CSP_BERKAS = "default-src 'none'; frame-ancestors 'none'; sandbox"


def berkas_response(field, *, jenis: str, nama: str):
    """A stored file (a ``FieldFile``) of kind ``jenis`` as a response: inline in the browser
    when it is a PDF or an image, else a download; its type from ``jenis`` (read from the
    content at upload), ``nosniff``, and a sandbox CSP (``CSP_BERKAS``) in place of the pages'
    policy. The caller checks access first."""
    from django.http import FileResponse

    response = FileResponse(
        berkas_buka(field),
        as_attachment=jenis not in TAMPIL_DI_PERAMBAN,
        filename=nama,
        content_type=MIME.get(jenis, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = CSP_BERKAS  # django-csp keeps a header already set
    return response
