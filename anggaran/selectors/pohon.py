"""Budget documents, their revisions and the tree with pagu/realisasi per node; realisasi lists."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404

from ..models import DokumenAnggaran, ImporRealisasi, Pagu, Pos, Realisasi, Revisi
from .hitung import NOL, SisaPaguAkun, SisaSerapan, jumlah_ke_atas, pagu_detail_compute

# --- documents and revisions ----------------------------------------------------------------


def dokumen_list(*, tahun: int | None = None, jenis: str | None = None):
    qs = DokumenAnggaran.objects.all()
    if tahun:
        qs = qs.filter(tahun=tahun)
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.order_by("-tahun", "jenis", "nomor")


def dokumen_get(*, pk: int) -> DokumenAnggaran:
    return get_object_or_404(DokumenAnggaran, pk=pk)


def dipa_of_tahun(*, tahun: int) -> DokumenAnggaran | None:
    return DokumenAnggaran.objects.filter(tahun=tahun, jenis=DokumenAnggaran.Jenis.DIPA).first()


def revisi_terakhir(*, dokumen: DokumenAnggaran) -> Revisi | None:
    return Revisi.objects.filter(dokumen=dokumen).order_by("-nomor").first()


def revisi_pilih(*, dokumen: DokumenAnggaran, nomor: int | str | None) -> Revisi | None:
    """The revision ``nomor`` of the document, or the latest when not given / not found."""
    if nomor not in (None, ""):
        try:
            found = Revisi.objects.filter(dokumen=dokumen, nomor=int(nomor)).first()
        except (TypeError, ValueError):
            found = None
        if found is not None:
            return found
    return revisi_terakhir(dokumen=dokumen)


def revisi_list(*, dokumen: DokumenAnggaran):
    return (
        Revisi.objects.filter(dokumen=dokumen)
        .select_related("dibuat_oleh")
        .annotate(jumlah_detail=Count("pagu"))
        .order_by("nomor")
    )


def pagu_detail_map(*, revisi: Revisi | None) -> dict[int, Decimal]:
    """detail pos id -> jumlah (volume × harga) in the revision."""
    if revisi is None:
        return {}
    return {
        pos_id: pagu_detail_compute(volume, harga)
        for pos_id, volume, harga in Pagu.objects.filter(revisi=revisi).values_list(
            "pos_id", "volume", "harga"
        )
    }


# --- the tree -------------------------------------------------------------------------------


@dataclass
class Simpul(SisaSerapan):
    """One node of the computed tree (the ``Pos`` plus its figures)."""

    pos: Pos
    kedalaman: int
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    anak: list[Simpul] = field(default_factory=list)
    volume: Decimal | None = None
    harga: Decimal | None = None
    tingkat_label: str = ""  # ``pos.get_tingkat_display()``, read once per tree, not per line

    @property
    def punya_anak(self) -> bool:
        return bool(self.anak)

    @property
    def realisasi_dicatat(self) -> bool:
        """Is realisasi recorded on this line or summed up to it? Not on a detail line (below
        akun): a realisasi is booked on its akun, so its realisasi, sisa and serapan show "–"."""
        return self.pos.tingkat != Pos.Tingkat.DETAIL


@dataclass
class Pohon(SisaSerapan):
    dokumen: DokumenAnggaran
    revisi: Revisi | None
    akar: list[Simpul]
    urut: list[Simpul]  # pre-order, the order the page shows
    per_id: dict[int, Simpul]

    @property
    def pagu(self) -> Decimal:
        return sum((s.pagu for s in self.akar), NOL)

    @property
    def realisasi(self) -> Decimal:
        return sum((s.realisasi for s in self.akar), NOL)

    @cached_property
    def sidik_baris(self) -> str:
        """A digest of everything a line of the tree shows (text, figures, place in the tree):
        the key under which the page keeps its rendered lines. Computed from the data just
        read, so any change (through the services or not) gives another key."""
        h = hashlib.blake2b(digest_size=16)
        for s in self.urut:
            pos = s.pos
            baris = (pos.pk, pos.induk_id, s.kedalaman, bool(s.anak), pos.tingkat, s.tingkat_label,
                     pos.kode, pos.uraian, pos.satuan, s.volume, s.harga, s.pagu, s.realisasi)  # fmt: skip
            h.update(repr(baris).encode())
        return h.hexdigest()

    def tingkat(self, *tingkat: str) -> list[Simpul]:
        return [s for s in self.urut if s.pos.tingkat in tingkat]

    def leluhur(self, pos_id: int) -> list[Pos]:
        """The lines above ``pos_id``, from the program down to its parent (breadcrumbs)."""
        rantai = []
        induk_id = self.per_id[pos_id].pos.induk_id
        while induk_id in self.per_id:
            rantai.append(self.per_id[induk_id].pos)
            induk_id = self.per_id[induk_id].pos.induk_id
        return rantai[::-1]


def pohon_anggaran(*, dokumen: DokumenAnggaran, revisi: Revisi | None = None, sampai=None) -> Pohon:
    """The document's tree with pagu (as of ``revisi``, default the latest), realisasi (up to
    the date ``sampai`` if given), sisa and serapan on every node. Four queries, whatever the
    number of lines or transactions."""
    if revisi is None:
        revisi = revisi_terakhir(dokumen=dokumen)
    nodes = list(
        Pos.objects.filter(dokumen=dokumen)
        .only("id", "induk_id", "tingkat", "kode", "kode_lengkap", "uraian", "satuan", "urutan")
        .order_by("urutan", "kode_lengkap")
    )
    pagu_rows = (
        list(Pagu.objects.filter(revisi=revisi).values_list("pos_id", "volume", "harga"))
        if revisi
        else []
    )
    realisasi_qs = Realisasi.objects.filter(dokumen=dokumen)
    if sampai:
        realisasi_qs = realisasi_qs.filter(tanggal__lte=sampai)
    realisasi_akun = dict(
        realisasi_qs.values("akun_id").annotate(total=Sum("nilai")).values_list("akun_id", "total")
    )
    induk_dari = {n.id: n.induk_id for n in nodes}
    pagu_daun = {pos_id: pagu_detail_compute(v, h) for pos_id, v, h in pagu_rows}
    pagu = jumlah_ke_atas(induk_dari, pagu_daun)
    realisasi = jumlah_ke_atas(induk_dari, {k: Decimal(v) for k, v in realisasi_akun.items()})
    detail_vh = {pos_id: (volume, harga) for pos_id, volume, harga in pagu_rows}
    label_tingkat = {nilai: str(label) for nilai, label in Pos.Tingkat.choices}

    per_id: dict[int, Simpul] = {}
    for n in nodes:
        vh = detail_vh.get(n.id)
        per_id[n.id] = Simpul(
            pos=n,
            kedalaman=0,
            pagu=pagu[n.id],
            realisasi=realisasi[n.id],
            volume=vh[0] if vh else None,
            harga=vh[1] if vh else None,
            tingkat_label=label_tingkat.get(n.tingkat, n.tingkat),
        )
    akar = []
    for n in nodes:
        simpul = per_id[n.id]
        if n.induk_id is None or n.induk_id not in per_id:
            akar.append(simpul)
        else:
            per_id[n.induk_id].anak.append(simpul)
    urut: list[Simpul] = []
    stack = [(s, 0) for s in reversed(akar)]
    while stack:
        simpul, depth = stack.pop()
        simpul.kedalaman = depth
        urut.append(simpul)
        stack.extend((a, depth + 1) for a in reversed(simpul.anak))
    return Pohon(dokumen=dokumen, revisi=revisi, akar=akar, urut=urut, per_id=per_id)


def sisa_pagu_akun(*, akun: Pos) -> SisaPaguAkun:
    """The remaining pagu of ``akun``: the pagu of its detail lines in the latest revision (as
    ``pohon_anggaran`` sums them for the import's check) less its booked realisasi."""
    revisi = revisi_terakhir(dokumen=akun.dokumen)
    pagu = sum(
        (
            pagu_detail_compute(v, h)
            for v, h in Pagu.objects.filter(revisi=revisi, pos__induk=akun).values_list(
                "volume", "harga"
            )
        ),
        NOL,
    )
    terpakai = Realisasi.objects.filter(akun=akun).aggregate(t=Sum("nilai"))["t"] or NOL
    return SisaPaguAkun(kode_akun=akun.kode_lengkap, pagu=pagu, terpakai=terpakai)


def pos_get(*, pk: int) -> Pos:
    return get_object_or_404(Pos.objects.select_related("dokumen", "induk"), pk=pk)


def akun_pilihan(*, dokumen: DokumenAnggaran):
    return Pos.objects.filter(dokumen=dokumen, tingkat=Pos.Tingkat.AKUN).order_by("kode_lengkap")


def detail_pilihan(*, dokumen: DokumenAnggaran):
    return Pos.objects.filter(dokumen=dokumen, tingkat=Pos.Tingkat.DETAIL).order_by("kode_lengkap")


def realisasi_list(
    *,
    dokumen: DokumenAnggaran,
    pos: Pos | None = None,
    q: str = "",
    bulan: int | None = None,
):
    """Transactions of the document (or of the akun lines under ``pos``), newest first."""
    qs = Realisasi.objects.filter(dokumen=dokumen).select_related("akun")
    if pos is not None:
        if pos.tingkat == Pos.Tingkat.AKUN:
            qs = qs.filter(akun=pos)
        else:
            qs = qs.filter(Q(akun__kode_lengkap__startswith=f"{pos.kode_lengkap}.") | Q(akun=pos))
    if q:
        qs = qs.filter(Q(nomor_sp2d__icontains=q) | Q(uraian__icontains=q))
    if bulan:
        qs = qs.filter(tanggal__month=bulan)
    return qs.order_by("-tanggal", "-nomor_sp2d", "-id")


def impor_list(*, dokumen: DokumenAnggaran):
    return ImporRealisasi.objects.filter(dokumen=dokumen).select_related("diimpor_oleh")
