"""Reads of the performance tree (pohon kinerja): the tree of a year and its findings.

``pohon_tahun`` builds the tree in a fixed number of queries: the Renstra covering the year,
its sasaran strategis with their indikator and that year's targets, the nodes valid that year,
their indikator and that year's targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from .model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from .models import Indikator, Renstra, Sasaran, TargetTahunan
from .selectors import renstra_untuk_tahun


@dataclass
class Simpul:
    """A node of the tree (a ``SasaranUnit``) with the nodes that support it."""

    obj: SasaranUnit
    anak: list[Simpul] = field(default_factory=list)

    @property
    def indikator(self) -> list[IndikatorUnit]:
        return list(self.obj.indikator.all())


@dataclass
class CabangSasaran:
    """A sasaran strategis and the sub-bagian nodes under it."""

    sasaran: Sasaran
    anak: list[Simpul] = field(default_factory=list)

    @property
    def indikator(self) -> list[Indikator]:
        return list(self.sasaran.indikator.all())


@dataclass
class Pohon:
    tahun: int
    renstra: Renstra | None
    cabang: list[CabangSasaran] = field(default_factory=list)
    #: nodes valid this year that support nothing (or a node not valid this year)
    lepas: list[Simpul] = field(default_factory=list)


@dataclass(frozen=True)
class TemuanPohon:
    """A finding: a plain Indonesian sentence and the record it is about."""

    pesan: str
    objek: object


def _target_tahun(model, tahun: int, nama: str = "target_tahunan"):
    return Prefetch(nama, queryset=model.objects.filter(tahun=tahun))


def simpul_tahun_qs(*, renstra: Renstra, tahun: int):
    """The nodes of ``renstra`` valid in ``tahun``, with unit, indikator and that year's
    targets (three queries when evaluated)."""
    return (
        SasaranUnit.objects.filter(
            renstra=renstra, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun
        )
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "indikator",
                queryset=IndikatorUnit.objects.order_by("kode").prefetch_related(
                    _target_tahun(TargetIndikatorUnit, tahun)
                ),
            )
        )
        .order_by("kode")
    )


def pohon_tahun(*, tahun: int) -> Pohon:
    """The tree of ``tahun``: Renstra → sasaran strategis → sub-bagian nodes → staff
    activities, only nodes valid that year, each with indikator and that year's targets."""
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return Pohon(tahun=tahun, renstra=None)
    sasaran = list(
        Sasaran.objects.filter(tujuan__renstra=renstra)
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "indikator",
                queryset=Indikator.objects.order_by("kode").prefetch_related(
                    _target_tahun(TargetTahunan, tahun, "target")
                ),
            )
        )
        .order_by("nomor")
    )
    simpul = {s.pk: Simpul(s) for s in simpul_tahun_qs(renstra=renstra, tahun=tahun)}
    cabang = {s.pk: CabangSasaran(s) for s in sasaran}
    lepas = []
    for s in simpul.values():
        o = s.obj
        if o.mendukung_sasaran_id in cabang:
            cabang[o.mendukung_sasaran_id].anak.append(s)
        elif o.mendukung_unit_id in simpul:
            simpul[o.mendukung_unit_id].anak.append(s)
        else:
            lepas.append(s)
    return Pohon(tahun=tahun, renstra=renstra, cabang=list(cabang.values()), lepas=lepas)


def simpul_label(obj: SasaranUnit) -> str:
    """How the findings name a node: "Sasaran unit S1.1 Tersusunnya …"."""
    jenis = "Sasaran unit" if obj.tingkat == SasaranUnit.Tingkat.SUB_BAGIAN else "Kegiatan staf"
    uraian = obj.uraian if len(obj.uraian) <= 70 else obj.uraian[:69].rstrip() + "…"
    return f"{jenis} {obj.kode} {uraian} ({obj.unit})"


def pohon_temuan(*, tahun: int, pohon: Pohon | None = None) -> list[TemuanPohon]:
    """What the tree of ``tahun`` lacks: a node that supports nothing (or a node not valid that
    year), a sasaran strategis with nothing under it, a sub-bagian node without an indikator
    or an indikator without that year's target."""
    pohon = pohon or pohon_tahun(tahun=tahun)
    if pohon.renstra is None:
        return []
    temuan = []
    for s in pohon.lepas:
        o = s.obj
        if o.induk is None:
            pesan = f"{simpul_label(o)} belum mendukung sasaran mana pun."
        else:
            pesan = f"{simpul_label(o)} mendukung {o.induk}, yang tidak berlaku pada tahun {tahun}."
        temuan.append(TemuanPohon(pesan, o))
    for c in pohon.cabang:
        if not c.anak:
            temuan.append(
                TemuanPohon(
                    f"Sasaran strategis {c.sasaran.nomor} {c.sasaran.uraian} belum didukung "
                    f"sasaran sub bagian mana pun pada pohon kinerja {tahun}.",
                    c.sasaran,
                )
            )
    for s in pohon_simpul_list(pohon):
        o = s.obj
        indikator = s.indikator
        if o.tingkat == SasaranUnit.Tingkat.SUB_BAGIAN and not indikator:
            temuan.append(TemuanPohon(f"{simpul_label(o)} belum memiliki indikator.", o))
        for ind in indikator:
            if not ind.target_tahunan.all():
                temuan.append(
                    TemuanPohon(
                        f"Indikator {ind.kode} {simpul_label(o)} belum memiliki target tahun "
                        f"{tahun}.",
                        ind,
                    )
                )
    return temuan


def pohon_simpul_list(pohon: Pohon) -> list[Simpul]:
    """Every node of the tree, depth first in the order drawn, then the loose ones."""
    hasil: list[Simpul] = []

    def turun(daftar):
        for s in daftar:
            hasil.append(s)
            turun(s.anak)

    for c in pohon.cabang:
        turun(c.anak)
    turun(pohon.lepas)
    return hasil


def pohon_baris_list(pohon: Pohon) -> list[dict]:
    """The tree as table rows (the accessible version): one row per node with its level
    (0 = sasaran strategis), in the order drawn."""
    baris = []

    def turun(daftar, tingkat, induk):
        for s in daftar:
            baris.append(
                {"tingkat": tingkat, "simpul": s.obj, "indikator": s.indikator, "induk": induk}
            )
            turun(s.anak, tingkat + 1, s.obj.kode)

    for c in pohon.cabang:
        baris.append({"tingkat": 0, "sasaran": c.sasaran, "indikator": c.indikator, "induk": ""})
        turun(c.anak, 1, f"Sasaran {c.sasaran.nomor}")
    turun(pohon.lepas, 1, "")
    return baris


def sasaran_unit_qs():
    """Every node, for the API (ordered, with what its row shows)."""
    return SasaranUnit.objects.select_related("renstra", "unit").order_by("renstra", "kode")
