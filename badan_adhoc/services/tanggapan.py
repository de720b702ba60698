"""Public comments on applicants (tanggapan masyarakat): the public submission and the staff's
follow-up. Model: ``badan_adhoc.model_tanggapan``; counts: ``selectors.tanggapan_hitung``.

The commenter confirms with a signed challenge (``tanggapan_tantangan_buat``): either a
proof-of-work computed by the page's script (a ``nonce`` such that SHA-256 of
``"<challenge>:<nonce>"`` starts with ``TANGGAPAN_BUKTI_BIT`` zero bits) or, without script, the
code shown on the page typed back. No third-party service: the machines have no internet.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_tandai
from kpu_site.batas import batas_objek_pastikan
from kpu_site.berkas import berkas_periksa, nama_acak

from ..akses import pastikan_boleh_kelola
from ..model_tanggapan import TanggapanMasyarakat
from ..models import Pendaftar, Rekrutmen, TahapanRekrutmen
from .rekrutmen import pendaftar_override

GARAM = "badan_adhoc.tanggapan"
#: a challenge is valid this long after the page was opened
UMUR_TANTANGAN = 2 * 3600
JENIS_LAMPIRAN = frozenset({"pdf", "png", "jpg"})
KODE_HURUF = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def tanggapan_tantangan_buat(rekrutmen: Rekrutmen) -> dict:
    """A new signed challenge for the form: ``tantangan`` (hidden field), ``kode`` (shown for
    typing back) and ``bit`` (the proof-of-work difficulty)."""
    kode = "".join(secrets.choice(KODE_HURUF) for _ in range(6))
    tantangan = signing.dumps(
        {"r": rekrutmen.pk, "k": kode, "a": secrets.token_hex(8)}, salt=GARAM, compress=True
    )
    return {"tantangan": tantangan, "kode": kode, "bit": settings.TANGGAPAN_BUKTI_BIT}


def _nol_di_depan(digest: bytes) -> int:
    bit = 0
    for b in digest:
        if b == 0:
            bit += 8
            continue
        return bit + 8 - b.bit_length()
    return bit


def tanggapan_bukti_periksa(*, rekrutmen: Rekrutmen, tantangan: str, nonce: str, kode: str):
    """``ValidationError`` on the field ``kode`` unless the challenge is ours (this recruitment,
    not expired) and either the nonce meets the difficulty or the code typed is the one shown."""
    try:
        data = signing.loads(tantangan or "", salt=GARAM, max_age=UMUR_TANTANGAN)
    except signing.BadSignature:
        raise ValidationError(
            {"kode": "Konfirmasi kedaluwarsa atau tidak sah: muat ulang halaman lalu kirim lagi."}
        ) from None
    if data.get("r") != rekrutmen.pk:
        raise ValidationError({"kode": "Konfirmasi bukan untuk rekrutmen ini."})
    nonce = (nonce or "").strip()
    if nonce and len(nonce) <= 32:
        digest = hashlib.sha256(f"{tantangan}:{nonce}".encode()).digest()
        if _nol_di_depan(digest) >= settings.TANGGAPAN_BUKTI_BIT:
            return
    if (kode or "").strip().upper() == data.get("k"):
        return
    raise ValidationError(
        {"kode": "Kode konfirmasi tidak sesuai: ketik kode yang tertera pada halaman."}
    )


def tanggapan_jendela(rekrutmen: Rekrutmen, *, hari_ini=None) -> TahapanRekrutmen | None:
    """The recruitment's "tanggapan" stage when today is inside it, else ``None``."""
    hari_ini = hari_ini or timezone.localdate()
    return TahapanRekrutmen.objects.filter(
        rekrutmen=rekrutmen,
        tahap=TahapanRekrutmen.Tahap.TANGGAPAN,
        mulai__lte=hari_ini,
        selesai__gte=hari_ini,
    ).first()


def tanggapan_pendaftar_cari(
    *, rekrutmen: Rekrutmen, nomor=None, nama: str = "", wilayah=None
) -> Pendaftar:
    """The applicant a comment is about: by registration number (the applicant's id shown on the
    announcements), else by name and wilayah tujuan (exactly one match)."""
    if nomor:
        p = Pendaftar.objects.filter(rekrutmen=rekrutmen, pk=nomor).first()
        if p is None:
            raise ValidationError(
                {"nomor_pendaftaran": f"Nomor pendaftaran {nomor} tidak ada di {rekrutmen}."}
            )
        return p
    nama = (nama or "").strip()
    if not nama or wilayah is None:
        raise ValidationError(
            {
                "nomor_pendaftaran": "Isi nomor pendaftaran, atau nama pendaftar dan "
                "wilayah tujuannya."
            }
        )
    cocok = list(
        Pendaftar.objects.filter(
            rekrutmen=rekrutmen, wilayah_tujuan=wilayah, nama__iexact=nama
        ).only("pk", "nama")[:2]
    )
    if not cocok:
        raise ValidationError(
            {"nama_pendaftar": f"Pendaftar bernama {nama} di {wilayah.nama} tidak ditemukan."}
        )
    if len(cocok) > 1:
        raise ValidationError(
            {
                "nama_pendaftar": f"Ada lebih dari satu pendaftar bernama {nama} di "
                f"{wilayah.nama}: isi nomor pendaftarannya."
            }
        )
    return cocok[0]


def tanggapan_laju_lewat(alamat: str | None) -> bool:
    """``True`` when ``alamat`` already sent ``TANGGAPAN_BATAS_PER_JAM`` comments in the last
    hour (counted from the stored comments, so refused ones do not count)."""
    if not alamat:
        return False
    sejam = timezone.now() - timedelta(hours=1)
    n = TanggapanMasyarakat.objects.filter(alamat_pengirim=alamat, diterima_pada__gt=sejam).count()
    return n >= settings.TANGGAPAN_BATAS_PER_JAM


@transaction.atomic
def tanggapan_kirim(
    *,
    rekrutmen: Rekrutmen,
    data: dict,
    lampiran=None,
    alamat: str | None,
    tantangan: str,
    nonce: str = "",
    kode: str = "",
) -> TanggapanMasyarakat:
    """Store a public comment; ``ValidationError`` (Indonesian, per field), nothing stored, when
    the window is closed, the confirmation fails, the sender is over the hourly limit, the
    applicant is unknown, or the attachment is not what its name says."""
    tahap = tanggapan_jendela(rekrutmen)
    if tahap is None:
        raise ValidationError(
            {"__all__": f"Masa tanggapan masyarakat {rekrutmen} tidak sedang berlangsung."}
        )
    tanggapan_bukti_periksa(rekrutmen=rekrutmen, tantangan=tantangan, nonce=nonce, kode=kode)
    if tanggapan_laju_lewat(alamat):
        raise ValidationError(
            {
                "__all__": f"Dari alamat ini sudah masuk {settings.TANGGAPAN_BATAS_PER_JAM} "
                "tanggapan dalam satu jam terakhir. Coba lagi nanti."
            }
        )
    pendaftar = tanggapan_pendaftar_cari(
        rekrutmen=rekrutmen,
        nomor=data.get("nomor_pendaftaran"),
        nama=data.get("nama_pendaftar", ""),
        wilayah=data.get("wilayah"),
    )
    obj = TanggapanMasyarakat(
        rekrutmen=rekrutmen,
        pendaftar=pendaftar,
        tahap=tahap.tahap,
        nama=(data.get("nama") or "").strip(),
        kontak=(data.get("kontak") or "").strip(),
        isi=(data.get("isi") or "").strip(),
        alamat_pengirim=alamat or None,
    )
    if lampiran:
        try:
            obj.lampiran_jenis = berkas_periksa(lampiran, jenis_diizinkan=JENIS_LAMPIRAN)
        except ValidationError as e:
            raise ValidationError({"lampiran": e.messages}) from None
        obj.lampiran_nama = getattr(lampiran, "name", "")
    batas_objek_pastikan(obj)
    # a challenge confirms one comment (the page gives a new one for the next)
    if not cache.add(
        f"tanggapan_tantangan:{hashlib.sha256(tantangan.encode()).hexdigest()}", 1, UMUR_TANTANGAN
    ):
        raise ValidationError(
            {"kode": "Konfirmasi ini sudah dipakai: muat ulang halaman lalu kirim lagi."}
        )
    if lampiran:  # stored only once everything else is accepted
        lampiran.seek(0)
        isi_berkas = ContentFile(lampiran.read())
        obj.lampiran.save(nama_acak(obj.lampiran_jenis), isi_berkas, save=False)
    obj._change_reason = "Tanggapan masyarakat diterima (formulir publik)"
    jejak_tandai(obj, aksi="buat", ringkasan=f"Tanggapan masyarakat atas {pendaftar} diterima")
    obj.save()
    return obj


@transaction.atomic
def tanggapan_tindak_lanjut(
    *,
    tanggapan: TanggapanMasyarakat,
    klarifikasi: str,
    hasil: str,
    alasan: str,
    status_baru: str = "",
    pengguna,
) -> TanggapanMasyarakat:
    """Staff record the clarification and the outcome. ``mengubah_hasil`` changes the applicant's
    screening result through ``pendaftar_override`` (``status_baru``: ``ms``/``tms``), with the
    same reason."""
    pastikan_boleh_kelola(pengguna)
    t = TanggapanMasyarakat.objects.select_for_update().get(pk=tanggapan.pk)
    klarifikasi, alasan = (klarifikasi or "").strip(), (alasan or "").strip()
    galat = {}
    if not klarifikasi:
        galat["klarifikasi"] = "Tuliskan klarifikasi atas tanggapan ini."
    if hasil not in (t.Hasil.TIDAK_BERPENGARUH, t.Hasil.MENGUBAH_HASIL):
        galat["hasil"] = "Pilih hasil: tidak berpengaruh atau mengubah hasil."
    if len(alasan) < 10:
        galat["alasan"] = "Tuliskan alasan hasil tindak lanjut (minimal 10 karakter)."
    if hasil == t.Hasil.MENGUBAH_HASIL and status_baru not in (
        Pendaftar.Status.MS,
        Pendaftar.Status.TMS,
    ):
        galat["status_baru"] = "Pilih hasil seleksi yang baru (MS atau TMS)."
    if galat:
        raise ValidationError(galat)
    t.klarifikasi, t.hasil, t.hasil_alasan = klarifikasi, hasil, alasan
    t.ditangani_oleh, t.ditangani_pada = pengguna, timezone.now()
    batas_objek_pastikan(t)
    t._change_reason = f"Tindak lanjut tanggapan: {t.get_hasil_display()} – {alasan}"
    t._history_user = pengguna
    # one audit entry: the history row's, marked as the workflow step it is
    jejak_tandai(t, aksi="alur", ringkasan=t._change_reason)
    t.save()
    if hasil == t.Hasil.MENGUBAH_HASIL:
        pendaftar_override(
            pendaftar=t.pendaftar,
            status=status_baru,
            alasan=f"Tanggapan masyarakat #{t.pk}: {alasan}",
            pengguna=pengguna,
        )
    return t
