"""Publication of documents on the public page (issue 18, item 6).

Only the Sekretaris (and Admin) publish and withdraw. A document made by the app is published
from its source record (``publikasi_terbitkan``): its PDF is printed by the same code as the
staff's PDF, or, for the LKj, the final version's stored bytes are copied exactly. A draft (an
LKj version not final, a PK not signed, an RKT not ditetapkan, an IKU decree without number or
date) is refused. Other documents (the signed Renstra, announcements, anything else) are
uploaded PDFs (``publikasi_unggah``). The bytes are frozen at publication with their SHA-256;
a withdrawal keeps the row (reason and date) and takes it off the public page.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from kpu_site.audit import jejak_tandai
from kpu_site.batas import batas_field_periksa, tahun_pastikan
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import angka
from kpu_site.peran import is_pimpinan

from ..model_publikasi import Publikasi
from ..publikasi_berkas import sumber_berkas, sumber_draf_pesan

Jenis = Publikasi.Jenis

#: Kinds published by uploading their PDF (the app does not print them).
JENIS_UNGGAH = (Jenis.RENSTRA, Jenis.PENGUMUMAN_REKRUTMEN, Jenis.LAINNYA)
#: The same as choices (the upload form, the API and its schema's enum).
JENIS_UNGGAH_PILIHAN = [(j.value, j.label) for j in JENIS_UNGGAH]


def boleh_publikasi(pengguna) -> bool:
    return is_pimpinan(pengguna)


def _pastikan_boleh(pengguna) -> None:
    if not boleh_publikasi(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat menerbitkan atau menarik publikasi.")


def _simpan(*, jenis, judul, tahun, isi: bytes, sumber, pengguna, pada=None) -> Publikasi:
    obj = Publikasi(
        jenis=jenis,
        judul=judul[:200],
        tahun=tahun,
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        diterbitkan_pada=pada or timezone.now(),
        diterbitkan_oleh=pengguna,
    )
    if sumber is not None:
        obj.content_type = ContentType.objects.get_for_model(type(sumber))
        obj.object_id = sumber.pk
    obj.berkas.save(nama_acak("pdf"), ContentFile(isi), save=False)
    obj._history_user = pengguna
    # One audit entry: the history row's, marked as the workflow step it is.
    jejak_tandai(
        obj,
        aksi="alur",
        ringkasan=f"{obj} diterbitkan di halaman publik (SHA-256 {obj.sha256}, "
        f"{angka(obj.ukuran)} bita)",
    )
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        # Two Sekretaris pressing "Terbitkan" at once: the second meets the one-publication-
        # per-source constraint; a message, not an error page, and no stray file.
        obj.berkas.delete(save=False)
        raise ValidationError(
            f"{sumber} baru saja dipublikasikan oleh pengguna lain; muat ulang halaman."
        ) from None
    return obj


@transaction.atomic
def publikasi_terbitkan(*, sumber, pengguna, pada=None) -> Publikasi:
    """Publish the document of a source record (final LKj, signed PK, ditetapkan RKT, IKU
    decree, Renstra); refused for a draft or a source already published. ``pada``: the
    publication date when it is not now (the demo's past publications; never from a form)."""
    _pastikan_boleh(pengguna)
    if pesan := sumber_draf_pesan(sumber):
        raise ValidationError(pesan)
    ct = ContentType.objects.get_for_model(type(sumber))
    if Publikasi.objects.filter(content_type=ct, object_id=sumber.pk, ditarik=False).exists():
        raise ValidationError(f"{sumber} sudah dipublikasikan; tarik dulu untuk menerbitkan ulang.")
    jenis, judul, tahun, isi = sumber_berkas(sumber)
    return _simpan(
        jenis=jenis, judul=judul, tahun=tahun, isi=isi, sumber=sumber, pengguna=pengguna, pada=pada
    )


@transaction.atomic
def publikasi_unggah(*, jenis: str, judul: str, tahun, berkas, pengguna) -> Publikasi:
    """Publish an uploaded PDF (Renstra, announcement, other document)."""
    _pastikan_boleh(pengguna)
    if jenis not in JENIS_UNGGAH:
        raise ValidationError(
            {"jenis": "Jenis ini diterbitkan dari datanya di aplikasi, bukan dengan unggahan."}
        )
    judul = (judul or "").strip()
    if not judul:
        raise ValidationError({"judul": "Judul publikasi wajib diisi."})
    if pesan := batas_field_periksa(Publikasi._meta.get_field("judul"), judul):
        raise ValidationError({"judul": pesan})
    if tahun is None:
        raise ValidationError({"tahun": "Tahun publikasi wajib diisi."})
    tahun_pastikan(tahun, "tahun")
    if berkas is None:
        raise ValidationError({"berkas": "Pilih berkas PDF yang akan diterbitkan."})
    try:
        berkas_periksa(berkas, jenis_diizinkan=frozenset({"pdf"}))
    except ValidationError as e:
        raise ValidationError({"berkas": e.messages}) from e
    berkas.seek(0)
    isi = berkas.read()
    return _simpan(jenis=jenis, judul=judul, tahun=tahun, isi=isi, sumber=None, pengguna=pengguna)


@transaction.atomic
def publikasi_tarik(*, publikasi: Publikasi, alasan: str, pengguna) -> Publikasi:
    """Withdraw a publication from the public page (the row and its file are kept)."""
    _pastikan_boleh(pengguna)
    obj = Publikasi.objects.select_for_update().get(pk=publikasi.pk)
    if obj.ditarik:
        raise ValidationError(f"{obj} sudah ditarik.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": "Alasan penarikan wajib diisi."})
    if pesan := batas_field_periksa(Publikasi._meta.get_field("ditarik_alasan"), alasan):
        raise ValidationError({"alasan": pesan})
    obj.ditarik, obj.ditarik_alasan, obj.ditarik_pada = True, alasan, timezone.now()
    obj._history_user = pengguna
    jejak_tandai(obj, aksi="alur", ringkasan=f"{obj} ditarik dari halaman publik: {alasan}")
    obj.save()
    return obj
