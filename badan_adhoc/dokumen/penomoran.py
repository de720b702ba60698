"""Issuing a recruitment document with its official number (issue 19 item 2).

``dokumen_terbitkan_bernomor`` takes a checked draft (a finished document of a numbered type),
gives it the next number of its type and year from a locked counter row (never reused, even
when the issue is later replaced), resolves the signatory in office on the document's date,
and asks for a new rendering of the same document carrying the number, date and signatory. When
that file is written (``dokumen.services.dokumen_render``) its SHA-256 is frozen on the number
(``nomor_bekukan``). Issuing the same document again makes a new number and marks the earlier
issue replaced (``DokumenRekrutmen.diganti_oleh``). Every step is in the audit trail."""

from __future__ import annotations

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.batas import tahun_periksa
from kpu_site.formatting import tanggal as tanggal_teks
from sekretariat.selectors import satker_get

from ..akses import pastikan_boleh_kelola
from ..models import Rekrutmen
from .jenis import jenis_get
from .kop import penandatangan_tentukan
from .model_nomor import (
    POLA_BAKU,
    JenisNomor,
    NomorDokumen,
    PolaNomorDokumen,
    UrutNomorDokumen,
    pola_periksa,
)
from .models import DokumenRekrutmen

ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

# Which document kinds are numbered, and as which type: (kind, tahap) -> type.
JENIS_BERNOMOR = {
    ("pengumuman_pdf", "administrasi"): JenisNomor.HASIL_ADMINISTRASI,
    ("pengumuman_pdf", "tes"): JenisNomor.HASIL_TES_TERTULIS,
    ("pengumuman_pdf", "akhir"): JenisNomor.HASIL_AKHIR,
    ("ba_administrasi", None): JenisNomor.BA_ADMINISTRASI,
    ("ba_tes_tertulis", None): JenisNomor.BA_TES_TERTULIS,
    ("ba_akhir", None): JenisNomor.BA_AKHIR,
    ("ba_tanggapan", None): JenisNomor.BA_TANGGAPAN,
    ("sk_penetapan", None): JenisNomor.SK_PENETAPAN,
    ("sk_paw", None): JenisNomor.SK_PAW,
}


def jenis_nomor_dokumen(dokumen: DokumenRekrutmen) -> str | None:
    """The numbered type of ``dokumen``, or None for a working file (Excel, ZIP, NIK lists)."""
    return JENIS_BERNOMOR.get((dokumen.jenis, (dokumen.parameter or {}).get("tahap")))


def _tanpa_sidik(parameter: dict | None) -> dict:
    return {k: v for k, v in (parameter or {}).items() if k != "sidik"}


def pola_get(jenis_nomor: str) -> PolaNomorDokumen:
    """The pattern of a type (the default ``{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}`` signed
    by the Ketua until one is set)."""
    pola = PolaNomorDokumen.objects.filter(jenis_nomor=jenis_nomor).first()
    return pola or PolaNomorDokumen(jenis_nomor=jenis_nomor, pola=POLA_BAKU)


def pola_list() -> list[dict]:
    """Every numbered type with its pattern and signatory (the default until one is set),
    the next number it would give this year, and how many numbers it gave (two queries)."""
    from django.db.models import Count

    ada = {p.jenis_nomor: p for p in PolaNomorDokumen.objects.all()}
    terbit = dict(
        NomorDokumen.objects.values_list("jenis_nomor").annotate(n=Count("pk")).order_by()
    )
    hari = timezone.localdate()
    urut = dict(
        UrutNomorDokumen.objects.filter(tahun=hari.year).values_list("jenis_nomor", "terakhir")
    )
    satker = satker_get()
    pola_teks = {kode: (ada[kode].pola if kode in ada else POLA_BAKU) for kode in JenisNomor}
    hasil = []
    for kode, label in JenisNomor.choices:
        pola = ada.get(kode) or PolaNomorDokumen(jenis_nomor=kode, pola=POLA_BAKU)
        # the types of one book share its sequence (``_urut_ambil``)
        sebuku = [k for k, p in pola_teks.items() if p == pola.pola]
        hasil.append(
            {
                "jenis": kode,
                "label": label,
                "pola": pola.pola,
                "penandatangan": pola.get_penandatangan_display(),
                "baku": kode not in ada,
                "contoh": nomor_susun(
                    pola.pola,
                    urut=max(urut.get(k, 0) for k in sebuku) + 1,
                    tanggal=hari,
                    satker=satker,
                ),
                "terbit": terbit.get(kode, 0),
            }
        )
    return hasil


@transaction.atomic
def pola_simpan(*, jenis_nomor: str, pola: str, penandatangan: str, pengguna) -> PolaNomorDokumen:
    """Set a type's number pattern and signatory (staff of the recruitment). A pattern
    without ``{urut}`` or with an unknown field is refused, naming the field. Audited."""
    pastikan_boleh_kelola(pengguna)
    if jenis_nomor not in JenisNomor.values:
        raise ValidationError({"jenis_nomor": f"Jenis dokumen tidak dikenal: {jenis_nomor!r}."})
    pola = (pola or "").strip()
    try:
        pola_periksa(pola)
    except ValidationError as exc:
        raise ValidationError({"pola": exc.messages}) from None
    if len(pola) > 120:
        raise ValidationError({"pola": "Pola nomor paling panjang 120 karakter."})
    obj, _baru = PolaNomorDokumen.objects.update_or_create(
        jenis_nomor=jenis_nomor, defaults={"pola": pola, "penandatangan": penandatangan}
    )
    obj.full_clean()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=obj,
        ringkasan=f"Pola nomor {obj.get_jenis_nomor_display()}: {pola} "
        f"(ditandatangani {obj.get_penandatangan_display()}).",
    )
    return obj


def nomor_susun(pola: str, *, urut: int, tanggal: date, satker) -> str:
    """The number ``pola`` gives for sequence ``urut`` on ``tanggal``."""
    return pola.format(
        urut=urut,
        kode_satker=satker.kode_satker if satker else "",
        kode_wilayah=satker.kode_wilayah.replace(".", "") if satker else "",
        tahun=tanggal.year,
        bulan_romawi=ROMAWI[tanggal.month - 1],
    )


def _sebuku(jenis_nomor: str) -> list[str]:
    """The types numbered from one book with ``jenis_nomor``: every type whose pattern (set or
    default) is the same text. They share one sequence, so no two documents ever carry the
    same number, whatever the types (with the default pattern, all of them)."""
    ada = dict(PolaNomorDokumen.objects.values_list("jenis_nomor", "pola"))
    pola = ada.get(jenis_nomor, POLA_BAKU)
    return sorted(kode for kode in JenisNomor.values if ada.get(kode, POLA_BAKU) == pola)


def _urut_ambil(jenis_nomor: str, tahun: int) -> int:
    """The next sequence number of a type's book and year: the counter rows of every type of
    the book are locked (in one order, so two issues never deadlock) until the transaction
    ends, so two issues never get the same number, and a number once taken is never given
    again."""
    buku = _sebuku(jenis_nomor)
    for kode in buku:
        try:
            with transaction.atomic():
                UrutNomorDokumen.objects.get_or_create(jenis_nomor=kode, tahun=tahun)
        except IntegrityError:  # created by a concurrent issue meanwhile
            pass
    baris = list(
        UrutNomorDokumen.objects.select_for_update()
        .filter(jenis_nomor__in=buku, tahun=tahun)
        .order_by("jenis_nomor")
    )
    berikut = max(b.terakhir for b in baris) + 1
    UrutNomorDokumen.objects.filter(pk__in=[b.pk for b in baris]).update(terakhir=berikut)
    return berikut


@transaction.atomic
def dokumen_terbitkan_bernomor(
    *,
    dokumen: DokumenRekrutmen,
    pengguna,
    tanggal: date | None = None,
    penandatangan: str = "",
    antrekan: bool = True,
) -> DokumenRekrutmen:
    """Issue ``dokumen`` (a finished draft or an earlier issue) dated ``tanggal`` (default
    today): the new issue with its number, rendered in the background. ``penandatangan``
    (optional) is the name the user expects to sign; refused unless they hold the post on
    that date. Only the recruitment's staff (Teknis, Sekretaris, Admin)."""
    pastikan_boleh_kelola(pengguna)
    tanggal = tanggal or timezone.localdate()
    salah = tahun_periksa(tanggal.year)
    if salah:
        raise ValidationError({"tanggal": f"Tanggal dokumen: {salah}"})
    dokumen = DokumenRekrutmen.objects.select_related("rekrutmen").get(pk=dokumen.pk)
    jenis_nomor = jenis_nomor_dokumen(dokumen)
    if jenis_nomor is None:
        raise ValidationError(
            f"{dokumen.judul} ({jenis_get(dokumen.jenis).label}) adalah berkas kerja, bukan "
            "dokumen resmi bernomor; terbitkan pengumuman PDF-nya."
        )
    if not dokumen.dapat_diunduh:
        raise ValidationError(
            f"Hanya dokumen yang selesai disusun yang dapat diterbitkan bernomor (status "
            f"sekarang: {dokumen.get_status_display()})."
        )
    versi = (
        Rekrutmen.objects.select_for_update()
        .filter(pk=dokumen.rekrutmen_id)
        .values_list("pendaftar_versi", flat=True)
        .get()
    )
    if versi != dokumen.pendaftar_versi:
        raise ValidationError(
            f"Data pendaftar sudah berubah sejak {dokumen.judul} disusun: minta dokumen ini "
            "lagi, periksa drafnya, lalu terbitkan."
        )
    pola = pola_get(jenis_nomor)
    ttd = penandatangan_tentukan(peran=pola.penandatangan, tanggal=tanggal, nama=penandatangan)
    urut = _urut_ambil(jenis_nomor, tanggal.year)
    nomor = nomor_susun(pola.pola, urut=urut, tanggal=tanggal, satker=satker_get())
    if NomorDokumen.objects.filter(nomor=nomor).exists():
        raise ValidationError(
            {
                "pola": f"Nomor {nomor} sudah pernah dipakai: pola nomor "
                f"{pola.get_jenis_nomor_display()} ({pola.pola}) harus membedakan tahun, "
                "misalnya dengan {tahun}."
            }
        )
    kind = jenis_get(dokumen.jenis)
    terbit = DokumenRekrutmen.objects.create(
        rekrutmen=dokumen.rekrutmen,
        jenis=dokumen.jenis,
        parameter=dokumen.parameter,
        judul=f"{kind.judul(dokumen.rekrutmen, dokumen.parameter)} – Nomor {nomor}"[:300],
        kunci=hashlib.sha256(f"{dokumen.kunci}:nomor:{nomor}".encode()).hexdigest(),
        pendaftar_versi=versi,
        diminta_oleh=pengguna if getattr(pengguna, "pk", None) else None,
        tahap="Menunggu giliran",
    )
    catatan = NomorDokumen.objects.create(
        dokumen=terbit,
        jenis_nomor=jenis_nomor,
        tahun=tanggal.year,
        urut=urut,
        nomor=nomor,
        tanggal=tanggal,
        peran=pola.penandatangan,
        penandatangan_nama=ttd["nama"],
        penandatangan_nip=ttd["nip"],
        penandatangan_jabatan=ttd["jabatan"],
        diterbitkan_oleh=pengguna if getattr(pengguna, "pk", None) else None,
    )
    # The same document: same kind and parameters, the data fingerprint (``sidik``) aside. By
    # id, not by number: the same number text exists once per type (the default pattern is the
    # same for every type), so a number names a document only with its type.
    diganti = {
        pk: nomor
        for pk, nomor, parameter in DokumenRekrutmen.objects.filter(
            rekrutmen_id=dokumen.rekrutmen_id,
            jenis=dokumen.jenis,
            nomor_terbit__isnull=False,
            diganti_oleh__isnull=True,
        )
        .exclude(pk=terbit.pk)
        .values_list("pk", "nomor_terbit__nomor", "parameter")
        if _tanpa_sidik(parameter) == _tanpa_sidik(dokumen.parameter)
    }
    lama = list(diganti.values())
    DokumenRekrutmen.objects.filter(pk__in=diganti).update(diganti_oleh=terbit)
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=terbit,
        ringkasan=f"{catatan.get_jenis_nomor_display()} diterbitkan dengan nomor {nomor}, "
        f"tanggal {tanggal_teks(tanggal)}, ditandatangani {ttd['nama']} ({ttd['jabatan']})"
        + (f"; menggantikan nomor {', '.join(lama)}" if lama else "")
        + ".",
    )
    if antrekan:
        from .. import tasks

        transaction.on_commit(lambda: tasks.dokumen_render.delay(terbit.pk))
    return terbit


def terbitan_konteks(dokumen: DokumenRekrutmen) -> dict | None:
    """The number, date and signatory to print on ``dokumen`` (None for a draft)."""
    catatan = NomorDokumen.objects.filter(dokumen_id=dokumen.pk).first()
    return catatan.terbitan() if catatan else None


def nomor_bekukan(dokumen: DokumenRekrutmen) -> None:
    """Once an issued document's file is written: its SHA-256 is frozen on its number (set
    once, never changed) and recorded in the audit trail."""
    n = NomorDokumen.objects.filter(dokumen_id=dokumen.pk, sha256="").update(sha256=dokumen.sha256)
    if n:
        jejak_catat(
            pengguna=None,
            aksi="alur",
            objek=dokumen,
            ringkasan=f"Berkas nomor {dokumen.nomor_terbit.nomor} dibekukan "
            f"(SHA-256 {dokumen.sha256}).",
        )
