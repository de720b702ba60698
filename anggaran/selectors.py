"""Reads and computed figures of the anggaran app.

Every figure is one function computed from stored data:

- ``jumlah_ke_atas``: sums leaf values up the tree (pagu from detail lines, realisasi from akun
  lines): every subtotal is the sum of its children by construction;
- ``sisa_hitung`` (pagu − realisasi) and ``serapan_hitung`` (realisasi ÷ pagu × 100, 2 decimals);
- ``pohon_anggaran``: the whole tree of a document with pagu/realisasi/sisa/serapan per node,
  as of a revision, in a constant number of queries;
- ``realisasi_bulanan``: per month and cumulative, against the RPD (halaman III) with the
  monthly deviation as IKPA measures it;
- ``ringkasan_per_sumber_dana``: DIPA (APBN) and hibah side by side, never added together;
- ``tabel_3_1`` and ``laporan_hibah``: what the LKj (Bab III B) prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth
from django.shortcuts import get_object_or_404

from kpu_site.formatting import bulan as nama_bulan

from .models import DokumenAnggaran, ImporRealisasi, Pagu, Pos, Realisasi, RencanaPenarikan, Revisi

NOL = Decimal("0")
SERATUS = Decimal("100")
SEN = Decimal("0.01")
BATAS_DEVIASI_IKPA = Decimal("5")


# --- single figures -------------------------------------------------------------------------


def sisa_hitung(pagu: Decimal, realisasi: Decimal) -> Decimal:
    """Sisa anggaran = pagu − realisasi (negative when an approved excess was booked)."""
    return pagu - realisasi


def serapan_hitung(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    """Serapan % = realisasi ÷ pagu × 100, rounded half-up to 2 decimals; ``None`` if pagu is 0."""
    if not pagu:
        return None
    return (realisasi * SERATUS / pagu).quantize(SEN, rounding=ROUND_HALF_UP)


def pagu_detail_hitung(volume: Decimal, harga: Decimal) -> Decimal:
    """Jumlah of a detail line = volume × harga, to the sen (half-up)."""
    return (volume * harga).quantize(SEN, rounding=ROUND_HALF_UP)


def deviasi_hitung(rpd: Decimal, realisasi: Decimal) -> Decimal:
    """Monthly deviation of realisasi from the RPD, % of the RPD (IKPA, halaman III DIPA).

    |realisasi − RPD| ÷ RPD × 100; a month with no plan counts 0 when nothing was spent and
    100 when something was.
    """
    if not rpd:
        return NOL if not realisasi else SERATUS
    return (abs(realisasi - rpd) * SERATUS / rpd).quantize(SEN, rounding=ROUND_HALF_UP)


def jumlah_ke_atas(
    induk_dari: dict[int, int | None], nilai_sendiri: dict[int, Decimal]
) -> dict[int, Decimal]:
    """Sum values up a tree: each node's total = its own value + its children's totals.

    ``induk_dari`` maps node id -> parent id (``None`` for roots); ``nilai_sendiri`` the value
    booked on the node itself (pagu on detail lines, realisasi on akun lines).
    """
    kedalaman: dict[int, int] = {}

    def _kedalaman(node_id: int) -> int:
        path = []
        current: int | None = node_id
        while current is not None and current not in kedalaman:
            path.append(current)
            current = induk_dari.get(current)
        base = kedalaman[current] if current is not None else -1
        for step, nid in enumerate(reversed(path), start=1):
            kedalaman[nid] = base + step
        return kedalaman[node_id]

    for node_id in induk_dari:
        _kedalaman(node_id)
    total = {node_id: nilai_sendiri.get(node_id, NOL) for node_id in induk_dari}
    for node_id in sorted(induk_dari, key=kedalaman.__getitem__, reverse=True):
        parent = induk_dari[node_id]
        if parent is not None:
            total[parent] += total[node_id]
    return total


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
        pos_id: pagu_detail_hitung(volume, harga)
        for pos_id, volume, harga in Pagu.objects.filter(revisi=revisi).values_list(
            "pos_id", "volume", "harga"
        )
    }


# --- the tree -------------------------------------------------------------------------------


@dataclass
class Simpul:
    """One node of the computed tree (the ``Pos`` plus its figures)."""

    pos: Pos
    kedalaman: int
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    anak: list[Simpul] = field(default_factory=list)
    volume: Decimal | None = None
    harga: Decimal | None = None

    @property
    def sisa(self) -> Decimal:
        return sisa_hitung(self.pagu, self.realisasi)

    @property
    def serapan(self) -> Decimal | None:
        return serapan_hitung(self.pagu, self.realisasi)

    @property
    def punya_anak(self) -> bool:
        return bool(self.anak)


@dataclass
class Pohon:
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

    @property
    def sisa(self) -> Decimal:
        return sisa_hitung(self.pagu, self.realisasi)

    @property
    def serapan(self) -> Decimal | None:
        return serapan_hitung(self.pagu, self.realisasi)

    def tingkat(self, *tingkat: str) -> list[Simpul]:
        return [s for s in self.urut if s.pos.tingkat in tingkat]


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
    pagu_daun = {pos_id: pagu_detail_hitung(v, h) for pos_id, v, h in pagu_rows}
    pagu = jumlah_ke_atas(induk_dari, pagu_daun)
    realisasi = jumlah_ke_atas(induk_dari, {k: Decimal(v) for k, v in realisasi_akun.items()})
    detail_vh = {pos_id: (volume, harga) for pos_id, volume, harga in pagu_rows}

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


def pos_get(*, pk: int) -> Pos:
    return get_object_or_404(Pos.objects.select_related("dokumen", "induk"), pk=pk)


def pos_leluhur(*, pos: Pos) -> list[Pos]:
    """The chain of ancestors from the program down to ``pos`` (for breadcrumbs)."""
    codes = []
    parts = pos.kode_lengkap.split(".")
    for i in range(1, len(parts) + 1):
        codes.append(".".join(parts[:i]))
    by_code = {
        p.kode_lengkap: p
        for p in Pos.objects.filter(dokumen_id=pos.dokumen_id, kode_lengkap__in=codes)
    }
    return [by_code[c] for c in codes if c in by_code]


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


# --- per month, RPD and IKPA deviation -------------------------------------------------------


@dataclass
class BarisBulan:
    bulan: int
    rpd: Decimal
    realisasi: Decimal
    rpd_kumulatif: Decimal
    realisasi_kumulatif: Decimal
    serapan_kumulatif: Decimal | None
    deviasi: Decimal

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)

    @property
    def deviasi_wajar(self) -> bool:
        return self.deviasi <= BATAS_DEVIASI_IKPA


@dataclass
class Bulanan:
    pagu: Decimal
    baris: list[BarisBulan]

    @property
    def rata_rata_deviasi(self) -> Decimal:
        dinilai = [b for b in self.baris if b.rpd or b.realisasi]
        if not dinilai:
            return NOL
        total = sum((b.deviasi for b in dinilai), NOL)
        return (total / len(dinilai)).quantize(SEN, rounding=ROUND_HALF_UP)

    @property
    def nilai_ikpa_deviasi(self) -> Decimal:
        """IKPA indicator "deviasi halaman III": 100 − average monthly deviation (floor 0)."""
        return max(NOL, SERATUS - self.rata_rata_deviasi)


def realisasi_bulanan(
    *, dokumen: DokumenAnggaran, revisi: Revisi | None = None, pos: Pos | None = None
) -> Bulanan:
    """Realisasi per month and cumulative, against the RPD of the revision (whole document) or
    the pagu of one node (``pos``: RPD is planned for the whole DIPA, so it is shown only then)."""
    if revisi is None:
        revisi = revisi_terakhir(dokumen=dokumen)
    qs = Realisasi.objects.filter(dokumen=dokumen)
    if pos is not None:
        qs = qs.filter(Q(akun__kode_lengkap__startswith=f"{pos.kode_lengkap}.") | Q(akun=pos))
        di_bawah = set(
            Pos.objects.filter(
                dokumen=dokumen, kode_lengkap__startswith=f"{pos.kode_lengkap}."
            ).values_list("id", flat=True)
        )
        pagu = sum((v for pid, v in pagu_detail_map(revisi=revisi).items() if pid in di_bawah), NOL)
        rpd = {}
    else:
        pagu = sum(pagu_detail_map(revisi=revisi).values(), NOL)
        rpd = (
            dict(RencanaPenarikan.objects.filter(revisi=revisi).values_list("bulan", "nilai"))
            if revisi
            else {}
        )
    per_bulan = dict(
        qs.annotate(b=ExtractMonth("tanggal"))
        .values("b")
        .annotate(total=Sum("nilai"))
        .values_list("b", "total")
    )
    baris = []
    kum_rpd = kum_real = NOL
    for bulan in range(1, 13):
        r = Decimal(per_bulan.get(bulan) or 0)
        p = Decimal(rpd.get(bulan) or 0)
        kum_rpd += p
        kum_real += r
        baris.append(
            BarisBulan(
                bulan=bulan,
                rpd=p,
                realisasi=r,
                rpd_kumulatif=kum_rpd,
                realisasi_kumulatif=kum_real,
                serapan_kumulatif=serapan_hitung(pagu, kum_real),
                deviasi=deviasi_hitung(p, r) if rpd else NOL,
            )
        )
    return Bulanan(pagu=pagu, baris=baris)


# --- summaries across documents ---------------------------------------------------------------


@dataclass
class Ringkasan:
    dokumen: DokumenAnggaran
    revisi: Revisi | None
    pagu: Decimal
    realisasi: Decimal

    @property
    def sisa(self) -> Decimal:
        return sisa_hitung(self.pagu, self.realisasi)

    @property
    def serapan(self) -> Decimal | None:
        return serapan_hitung(self.pagu, self.realisasi)


def ringkasan_dokumen(dokumen_qs: Iterable[DokumenAnggaran]) -> list[Ringkasan]:
    """Pagu (latest revision), realisasi, sisa, serapan for several documents in 3 queries."""
    docs = list(dokumen_qs)
    ids = [d.id for d in docs]
    terakhir: dict[int, Revisi] = {}
    for r in Revisi.objects.filter(dokumen_id__in=ids).order_by("dokumen_id", "nomor"):
        terakhir[r.dokumen_id] = r
    pagu: dict[int, Decimal] = defaultdict(lambda: NOL)
    rev_ke_dok = {r.id: d for d, r in terakhir.items()}
    for revisi_id, volume, harga in Pagu.objects.filter(revisi_id__in=rev_ke_dok).values_list(
        "revisi_id", "volume", "harga"
    ):
        pagu[rev_ke_dok[revisi_id]] += pagu_detail_hitung(volume, harga)
    realisasi = dict(
        Realisasi.objects.filter(dokumen_id__in=ids)
        .values("dokumen_id")
        .annotate(total=Sum("nilai"))
        .values_list("dokumen_id", "total")
    )
    return [
        Ringkasan(
            dokumen=d,
            revisi=terakhir.get(d.id),
            pagu=pagu[d.id],
            realisasi=Decimal(realisasi.get(d.id) or 0),
        )
        for d in docs
    ]


def ringkasan_per_sumber_dana(*, tahun: int) -> list[dict]:
    """Pagu/realisasi/sisa/serapan per source of funds (DIPA APBN, hibah) for the year; the
    sources are listed side by side and never added together."""
    hasil: dict[str, dict] = {}
    for r in ringkasan_dokumen(dokumen_list(tahun=tahun)):
        jenis = r.dokumen.jenis
        row = hasil.setdefault(
            jenis,
            {
                "jenis": jenis,
                "label": r.dokumen.get_jenis_display(),
                "pagu": NOL,
                "realisasi": NOL,
                "dokumen": [],
            },
        )
        row["pagu"] += r.pagu
        row["realisasi"] += r.realisasi
        row["dokumen"].append(r.dokumen)
    for row in hasil.values():
        row["sisa"] = sisa_hitung(row["pagu"], row["realisasi"])
        row["serapan"] = serapan_hitung(row["pagu"], row["realisasi"])
    return [hasil[j] for j in DokumenAnggaran.Jenis.values if j in hasil]


# --- LKj Bab III B ----------------------------------------------------------------------------


def _baris_laporan(pohon: Pohon) -> list[dict]:
    rows = []
    nomor_program = 0
    huruf = 0
    for simpul in pohon.tingkat(Pos.Tingkat.PROGRAM, Pos.Tingkat.KEGIATAN):
        if simpul.pos.tingkat == Pos.Tingkat.PROGRAM:
            nomor_program += 1
            huruf = 0
            nomor = f"{nomor_program}."
        else:
            nomor = f"{chr(ord('a') + huruf % 26)}."
            huruf += 1
        rows.append(
            {
                "nomor": nomor,
                "tingkat": simpul.pos.tingkat,
                "kode": simpul.pos.kode_lengkap,
                "uraian": simpul.pos.uraian,
                "pagu": simpul.pagu,
                "realisasi": simpul.realisasi,
                "sisa": simpul.sisa,
                "serapan": simpul.serapan,
                "pos_id": simpul.pos.id,
            }
        )
    return rows


def tabel_3_1(*, tahun: int, revisi_nomor: int | None = None) -> dict | None:
    """LKj table 3.1 (akuntabilitas keuangan): program and kegiatan lines of the year's DIPA
    with pagu, realisasi and %, plus the totals and the sisa. ``None`` when there is no DIPA."""
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return None
    pohon = pohon_anggaran(dokumen=dipa, revisi=revisi_pilih(dokumen=dipa, nomor=revisi_nomor))
    return {
        "dokumen": dipa,
        "revisi": pohon.revisi,
        "baris": _baris_laporan(pohon),
        "total_pagu": pohon.pagu,
        "total_realisasi": pohon.realisasi,
        "total_sisa": pohon.sisa,
        "serapan": pohon.serapan,
    }


def laporan_hibah(*, tahun: int) -> list[dict]:
    """One report per hibah of the year: its own lines and totals (not part of DIPA totals)."""
    hasil = []
    for dokumen in dokumen_list(tahun=tahun, jenis=DokumenAnggaran.Jenis.HIBAH):
        pohon = pohon_anggaran(dokumen=dokumen)
        hasil.append(
            {
                "dokumen": dokumen,
                "revisi": pohon.revisi,
                "baris": _baris_laporan(pohon),
                "total_pagu": pohon.pagu,
                "total_realisasi": pohon.realisasi,
                "total_sisa": pohon.sisa,
                "serapan": pohon.serapan,
            }
        )
    return hasil


# --- revision history ---------------------------------------------------------------------------


def revisi_perubahan(*, revisi: Revisi) -> list[dict]:
    """What changed in ``revisi`` against the previous one: one row per detail line whose
    volume or harga changed (or that appeared/disappeared)."""
    sebelum = (
        Revisi.objects.filter(dokumen_id=revisi.dokumen_id, nomor__lt=revisi.nomor)
        .order_by("-nomor")
        .first()
    )
    lama = (
        {p.pos_id: p for p in Pagu.objects.filter(revisi=sebelum).only("pos_id", "volume", "harga")}
        if sebelum
        else {}
    )
    baru = {
        p.pos_id: p for p in Pagu.objects.filter(revisi=revisi).only("pos_id", "volume", "harga")
    }
    ids = [pid for pid in set(lama) | set(baru)]
    pos_by_id = {p.id: p for p in Pos.objects.filter(id__in=ids)}
    rows = []
    for pid in ids:
        a, b = lama.get(pid), baru.get(pid)
        va = (a.volume, a.harga) if a else (NOL, NOL)
        vb = (b.volume, b.harga) if b else (NOL, NOL)
        if va == vb and (a is None) == (b is None):
            continue
        rows.append(
            {
                "pos": pos_by_id[pid],
                "volume_lama": va[0],
                "harga_lama": va[1],
                "jumlah_lama": pagu_detail_hitung(*va),
                "volume_baru": vb[0],
                "harga_baru": vb[1],
                "jumlah_baru": pagu_detail_hitung(*vb),
                "selisih": pagu_detail_hitung(*vb) - pagu_detail_hitung(*va),
            }
        )
    rows.sort(key=lambda r: r["pos"].kode_lengkap)
    return rows


# --- link to kinerja ----------------------------------------------------------------------------


def anggaran_per_sasaran(*, tahun: int) -> dict[int, dict]:
    """sasaran id -> {"pagu", "realisasi", "serapan"} of the DIPA lines that fund it.

    A line counts once per sasaran: when both a kegiatan and one of its RO are linked to the
    same sasaran, only the kegiatan is summed.
    """
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return {}
    links = list(
        Pos.sasaran.through.objects.filter(pos__dokumen=dipa).values_list("sasaran_id", "pos_id")
    )
    if not links:
        return {}
    pohon = pohon_anggaran(dokumen=dipa)
    per_sasaran: dict[int, set[int]] = defaultdict(set)
    for sasaran_id, pos_id in links:
        per_sasaran[sasaran_id].add(pos_id)
    hasil = {}
    for sasaran_id, pos_ids in per_sasaran.items():
        kode = {pohon.per_id[p].pos.kode_lengkap: p for p in pos_ids if p in pohon.per_id}
        teratas = [
            p
            for k, p in kode.items()
            if not any(k.startswith(f"{lain}.") for lain in kode if lain != k)
        ]
        pagu = sum((pohon.per_id[p].pagu for p in teratas), NOL)
        realisasi = sum((pohon.per_id[p].realisasi for p in teratas), NOL)
        hasil[sasaran_id] = {
            "pagu": pagu,
            "realisasi": realisasi,
            "serapan": serapan_hitung(pagu, realisasi),
        }
    return hasil
