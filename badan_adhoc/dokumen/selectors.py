"""Reads of a recruitment's documents: what a user may see, and the public list (cached per
publication: the cache key carries the number and the latest time of publications, one
indexed aggregate per request)."""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.http import Http404

from ..akses import boleh_kelola
from .jenis import dokumen_kunci, jenis_get, jenis_list, jenis_publik
from .models import DokumenRekrutmen


def dokumen_qs(user):
    """Documents ``user`` may read: staff of the recruitment every kind, others the kinds
    without personal data."""
    qs = DokumenRekrutmen.objects.select_related("rekrutmen", "diminta_oleh", "diterbitkan_oleh")
    return qs if boleh_kelola(user) else qs.filter(jenis__in=jenis_publik())


def dokumen_list(*, rekrutmen, user, batas: int = 100) -> list[DokumenRekrutmen]:
    return list(
        dokumen_qs(user).filter(rekrutmen=rekrutmen).order_by("-diminta_pada", "-pk")[:batas]
    )


def dokumen_get(*, pk: int, user) -> DokumenRekrutmen:
    obj = dokumen_qs(user).filter(pk=pk).first()
    if obj is None:
        raise Http404("Dokumen tidak ditemukan.")
    return obj


def dokumen_yang_sama(*, rekrutmen, jenis: str, parameter: dict) -> DokumenRekrutmen | None:
    """The finished or running document of this kind and parameters over the recruitment's
    current applicant data (what ``dokumen_request`` would give back), or None."""
    try:
        param = jenis_get(jenis).parameter(rekrutmen, parameter)
    except ValidationError:
        return None
    kunci = dokumen_kunci(
        rekrutmen_id=rekrutmen.pk,
        jenis=jenis,
        parameter=param,
        pendaftar_versi=rekrutmen.pendaftar_versi,
    )
    return DokumenRekrutmen.objects.filter(kunci=kunci).exclude(status="gagal").first()


def jenis_pilihan(user) -> list:
    """The kinds ``user`` may request or read (for the request form)."""
    kelola = boleh_kelola(user)
    return [j for j in jenis_list() if j.publik or kelola]


# --------------------------------------------------------------------------- public

KUNCI_PUBLIK = "adhoc:pengumuman_publik"


def _terbit():
    return DokumenRekrutmen.objects.filter(diterbitkan_pada__isnull=False, status="selesai")


def pengumuman_publik_versi() -> str:
    """Changes with every publication (and withdrawal): number and latest time."""
    agg = _terbit().aggregate(n=Count("pk"), t=Max("diterbitkan_pada"))
    return f"{agg['n']}:{agg['t'].timestamp() if agg['t'] else 0}"


def pengumuman_publik_list(*, rekrutmen_id: int | None = None) -> list[dict]:
    """Published announcements still current (not replaced by a newer publication), grouped
    by recruitment, newest recruitment first: ``[{"rekrutmen": {...}, "dokumen": [{...}]}]``.
    Cached until the next publication."""
    kunci = f"{KUNCI_PUBLIK}:{pengumuman_publik_versi()}:{rekrutmen_id or 0}"
    data = cache.get(kunci)
    if data is None:
        data = _pengumuman_publik_hitung(rekrutmen_id)
        cache.set(kunci, data, 24 * 3600)
    return data


def _pengumuman_publik_hitung(rekrutmen_id: int | None) -> list[dict]:
    qs = (
        _terbit()
        .filter(diganti_oleh__isnull=True, jenis__in=jenis_publik())
        .select_related("rekrutmen")
        .order_by("-rekrutmen__tanggal_acuan", "rekrutmen__kode", "judul", "jenis")
    )
    if rekrutmen_id:
        qs = qs.filter(rekrutmen_id=rekrutmen_id)
    grup: dict[int, dict] = {}
    for d in qs.only(
        "pk", "jenis", "judul", "ukuran", "jumlah_halaman", "sha256", "diterbitkan_pada",
        "berkas", "rekrutmen__id", "rekrutmen__nama", "rekrutmen__pemilihan",
        "rekrutmen__jenis_badan", "rekrutmen__kode", "rekrutmen__tanggal_acuan",
    ):  # fmt: skip
        r = d.rekrutmen
        g = grup.setdefault(
            r.pk,
            {
                "rekrutmen": {
                    "id": r.pk,
                    "nama": r.nama,
                    "pemilihan": r.pemilihan,
                    "badan": r.get_jenis_badan_display(),
                },
                "dokumen": [],
            },
        )
        g["dokumen"].append(
            {
                "id": d.pk,
                "judul": d.judul,
                "jenis": d.jenis,
                "ekstensi": d.berkas.name.rsplit(".", 1)[-1].upper() if d.berkas else "",
                "ukuran": d.ukuran,
                "jumlah_halaman": d.jumlah_halaman,
                "sha256": d.sha256,
                "diterbitkan_pada": d.diterbitkan_pada,
            }
        )
    return list(grup.values())


def pengumuman_publik_get(pk: int) -> DokumenRekrutmen:
    """A published document (a replaced one too: its link stays valid); 404 otherwise."""
    obj = _terbit().filter(pk=pk, jenis__in=jenis_publik()).select_related("rekrutmen").first()
    if obj is None:
        raise Http404("Pengumuman tidak ditemukan.")
    return obj
