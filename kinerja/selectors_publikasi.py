"""Reads of the publication: the public page (cached until the next publication or
withdrawal), a public file, the staff list and the documents of a year ready to publish."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404

from .lkj.models import LaporanKinerja
from .model_iku import KeputusanIku
from .model_pk_unit import PerjanjianKinerjaUnit
from .model_publikasi import Publikasi
from .model_rkt import RencanaKinerjaTahunan
from .models import PerjanjianKinerja
from .publikasi_berkas import MODEL_SUMBER, sumber_draf_pesan

Jenis = Publikasi.Jenis
KUNCI_PUBLIK = "kinerja:publikasi_publik"

#: The groups of the public page, in order: (title, kinds).
GRUP_PUBLIK = (
    ("Rencana Strategis", (Jenis.RENSTRA,)),
    ("Indikator Kinerja Utama", (Jenis.IKU, Jenis.MANUAL_IKU)),
    ("Perjanjian Kinerja", (Jenis.PK, Jenis.PK_UNIT)),
    ("Rencana Kinerja Tahunan", (Jenis.RKT,)),
    ("Laporan Kinerja", (Jenis.LKJ,)),
    ("Pengumuman", (Jenis.PENGUMUMAN_REKRUTMEN,)),
    ("Dokumen lainnya", (Jenis.LAINNYA,)),
)


def _terbit():
    return Publikasi.objects.filter(ditarik=False)


def publikasi_publik_versi() -> str:
    """Changes with every publication and withdrawal."""
    agg = Publikasi.objects.aggregate(
        n=Count("pk"), t=Max("diterbitkan_pada"), d=Max("ditarik_pada"), x=Count("ditarik_pada")
    )
    return ":".join(str(v.timestamp() if hasattr(v, "timestamp") else v) for v in agg.values())


def publikasi_publik_grup() -> list[dict]:
    """The non-withdrawn publications grouped for the public page (no personal data: title,
    year, date, size, SHA-256). Cached until the next publication or withdrawal."""
    kunci = f"{KUNCI_PUBLIK}:{publikasi_publik_versi()}"
    data = cache.get(kunci)
    if data is None:
        data = _publik_hitung()
        cache.set(kunci, data, 24 * 3600)
    return data


def _publik_hitung() -> list[dict]:
    semua = list(
        _terbit()
        .order_by("-tahun", "jenis", "judul")
        .values("pk", "jenis", "judul", "tahun", "sha256", "ukuran", "diterbitkan_pada")
    )
    grup = []
    for judul, jenis in GRUP_PUBLIK:
        dokumen = [d for d in semua if d["jenis"] in jenis]
        if dokumen:
            grup.append({"judul": judul, "dokumen": dokumen})
    return grup


def publikasi_publik_qs():
    """The documents of the public page (the public API), newest year first."""
    return _terbit().order_by("-tahun", "jenis", "judul", "pk")


def publikasi_publik_get(pk: int) -> Publikasi:
    """A published, non-withdrawn publication; 404 otherwise."""
    obj = _terbit().filter(pk=pk).first()
    if obj is None:
        raise Http404("Dokumen tidak ditemukan.")
    return obj


def publikasi_list():
    """Every publication, withdrawn ones too, newest first (staff page and API)."""
    return Publikasi.objects.select_related("diterbitkan_oleh", "content_type").order_by(
        "-diterbitkan_pada"
    )


def lkj_publikasi(tahun: int) -> Publikasi | None:
    """The non-withdrawn publication of the LKj of ``tahun`` (the earliest)."""
    return _terbit().filter(jenis=Jenis.LKJ, tahun=tahun).order_by("diterbitkan_pada").first()


@dataclass
class Calon:
    """A document of the year that can be published from the app's data."""

    sumber: object
    label: str
    publikasi: Publikasi | None
    alasan_draf: str

    @property
    def model(self) -> str:
        return type(self.sumber)._meta.model_name


def publikasi_calon(*, tahun: int) -> list[Calon]:
    """The documents of ``tahun`` the staff page offers to publish: the final LKj, the signed
    PKs of every level, the ditetapkan RKT, the IKU decree of the Renstra covering the year;
    each with its publication (if any) and the reason it is still a draft (if any)."""
    from .selectors import renstra_untuk_tahun

    sumber: list[tuple[object, str]] = []
    renstra = renstra_untuk_tahun(tahun)
    if renstra is not None:
        sumber.append((renstra, f"{renstra} (dokumen Renstra dari data aplikasi)"))
        kep = KeputusanIku.objects.filter(renstra=renstra).first()
        if kep is not None:
            sumber.append((kep, f"IKU dan Manual IKU ({kep.nomor or 'tanpa nomor'})"))
    for p in PerjanjianKinerja.objects.filter(tahun=tahun).exclude(
        status=PerjanjianKinerja.Status.DIGANTI
    ):
        sumber.append((p, f"PK {tahun} Sekretaris revisi {p.revisi}"))
    for p in (
        PerjanjianKinerjaUnit.objects.filter(tahun=tahun)
        .exclude(status=PerjanjianKinerjaUnit.Status.DIGANTI)
        .select_related("unit")
    ):
        sumber.append((p, f"PK {tahun} {p.unit.nama} revisi {p.revisi}"))
    for r in RencanaKinerjaTahunan.objects.filter(tahun=tahun).exclude(
        status=RencanaKinerjaTahunan.Status.DIGANTI
    ):
        sumber.append((r, f"RKT {tahun} revisi {r.revisi}"))
    for lkj in LaporanKinerja.objects.filter(tahun=tahun, status=LaporanKinerja.Status.FINAL):
        sumber.append((lkj, f"{lkj} (final)"))
    terbit = {
        (p.content_type_id, p.object_id): p
        for p in _terbit().filter(tahun__in=[tahun, renstra.tahun_mulai if renstra else tahun])
    }
    hasil = []
    for obj, label in sumber:
        ct = ContentType.objects.get_for_model(type(obj))
        hasil.append(Calon(obj, label, terbit.get((ct.pk, obj.pk)), sumber_draf_pesan(obj)))
    return hasil


def sumber_get(*, model: str, pk: int):
    """The source record named by its model name and id (the staff page's publish form)."""
    kelas = {m._meta.model_name: m for m in MODEL_SUMBER}.get(model)
    if kelas is None:
        raise Http404("Jenis dokumen tidak dikenal.")
    obj = kelas.objects.filter(pk=pk).first()
    if obj is None:
        raise Http404("Dokumen tidak ditemukan.")
    return obj
