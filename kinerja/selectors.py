"""Reads of the kinerja app. Pages, the API and the LKj report (Bab II, Bab III A) use these.

Every figure shown as capaian comes from ``kinerja.capaian.capaian_compute`` applied to the
stored target (PK of the year, else the Renstra year target) and the stored realisasi.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery

from kpu_site.akses import saring_unit
from kpu_site.tahun import tahun_terkunci

from .capaian import HasilCapaian, capaian_compute
from .models import (
    Indikator,
    KunciTahun,
    Misi,
    PengaturanCapaian,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)

# --------------------------------------------------------------------------- settings, lock


def pengaturan_capaian_get() -> PengaturanCapaian:
    """The capaian settings (cap and status bands). The row is created by the migration
    ``0004_pengaturan_capaian_bawaan``; when it is missing (a flushed database) the defaults are
    returned unsaved: a read never writes (``pengaturan_capaian_update`` saves it)."""
    return PengaturanCapaian.objects.filter(pk=1).first() or PengaturanCapaian(pk=1)


def kinerja_tahun_lock(tahun: int) -> bool:
    """Is the year locked (LKj finalised, or locked in Pengaturan)? Locked years accept no
    kinerja or anggaran changes; the check is ``kpu_site.tahun.tahun_terkunci``."""
    return tahun_terkunci(tahun, segar=True)


def kunci_tahun_list() -> QuerySet[KunciTahun]:
    return KunciTahun.objects.select_related("dikunci_oleh").order_by("-tahun")


# --------------------------------------------------------------------------- Renstra


def renstra_list() -> QuerySet[Renstra]:
    return Renstra.objects.order_by("-tahun_mulai")


def renstra_untuk_tahun(tahun: int) -> Renstra | None:
    """The Renstra whose period covers ``tahun``."""
    return (
        Renstra.objects.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        .order_by("-tahun_mulai")
        .first()
    )


def renstra_tree(*, renstra: Renstra) -> Renstra:
    """The Renstra with misi, tujuan → sasaran → indikator → yearly targets prefetched."""
    return (
        Renstra.objects.filter(pk=renstra.pk)
        .prefetch_related(
            Prefetch("misi", queryset=Misi.objects.order_by("urutan")),
            Prefetch(
                "tujuan",
                queryset=Tujuan.objects.order_by("urutan").prefetch_related(
                    Prefetch(
                        "sasaran",
                        queryset=Sasaran.objects.select_related("unit")
                        .order_by("nomor")
                        .prefetch_related(
                            Prefetch(
                                "indikator",
                                queryset=Indikator.objects.order_by("kode").prefetch_related(
                                    Prefetch(
                                        "target", queryset=TargetTahunan.objects.order_by("tahun")
                                    )
                                ),
                            )
                        ),
                    )
                ),
            ),
        )
        .get()
    )


def indikator_list(*, renstra: Renstra | None = None) -> QuerySet[Indikator]:
    qs = Indikator.objects.select_related("sasaran", "sasaran__unit", "sasaran__tujuan")
    if renstra is not None:
        qs = qs.filter(sasaran__tujuan__renstra=renstra)
    return qs.order_by("sasaran__nomor", "kode")


def indikator_untuk_pengguna(*, user) -> QuerySet[Indikator]:
    """Indikator a user may enter realisasi for: a Kasubag/Staf only their sub-bagian's."""
    return saring_unit(indikator_list(), user, "sasaran__unit")


# --------------------------------------------------------------------------- PK


def tempat_satker() -> str:
    """The satker's town as written on a PK or the LKj ("Serang" for "Kota Serang"); blank
    before the satker is set up."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    if satker is None:
        return ""
    return satker.nama_wilayah.removeprefix("Kota ").removeprefix("Kabupaten ")


def pk_penandatangan_default(*, tanggal: dt.date) -> dict[str, str]:
    """Names for pihak pertama (Sekretaris) and kedua (Ketua KPU) on the PK date, from the
    sekretariat app; blank when it does not know them (they stay editable in the draft)."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    wilayah = f" KPU {satker.nama_wilayah}" if satker else ""
    sekretaris = org.pejabat_sekretaris(tanggal=tanggal)
    ketua = org.ketua_komisioner(tanggal=tanggal)
    return {
        "pihak_pertama_nama": sekretaris.nama if sekretaris else "",
        "pihak_pertama_jabatan": f"Sekretaris{wilayah}",
        "pihak_kedua_nama": ketua.nama if ketua else "",
        "pihak_kedua_jabatan": f"Ketua{wilayah}",
    }


def pk_berlaku(*, tahun: int) -> PerjanjianKinerja | None:
    """The PK in force for the year: the signed revision, else the draft being prepared."""
    qs = PerjanjianKinerja.objects.filter(tahun=tahun)
    return (
        qs.filter(status=PerjanjianKinerja.Status.DITANDATANGANI).first()
        or qs.filter(status=PerjanjianKinerja.Status.DRAFT).first()
    )


def pk_riwayat(*, tahun: int) -> QuerySet[PerjanjianKinerja]:
    """Every revision of the year's PK, newest first, with who signed."""
    return (
        PerjanjianKinerja.objects.filter(tahun=tahun)
        .select_related("dibuat_oleh", "ditandatangani_oleh")
        .order_by("-revisi")
    )


def pk_baris_list(*, perjanjian: PerjanjianKinerja) -> QuerySet[PKBaris]:
    return perjanjian.baris.select_related(
        "indikator", "indikator__sasaran", "indikator__sasaran__unit"
    ).order_by("indikator__sasaran__nomor", "indikator__kode")


# --------------------------------------------------------------------------- targets


@dataclass(frozen=True)
class Target:
    nilai: Decimal
    atas: Decimal | None
    sumber: str  # "pk" | "renstra"


def target_tahun_map(*, tahun: int) -> dict[int, Target]:
    """indikator_id -> the year's target: the row of the PK in force, else the Renstra target."""
    hasil: dict[int, Target] = {
        t.indikator_id: Target(t.target, t.target_atas, "renstra")
        for t in TargetTahunan.objects.filter(tahun=tahun)
    }
    perjanjian = pk_berlaku(tahun=tahun)
    if perjanjian is not None:
        for b in PKBaris.objects.filter(perjanjian=perjanjian):
            hasil[b.indikator_id] = Target(b.target, b.target_atas, "pk")
    return hasil


# --------------------------------------------------------------------------- realisasi


def realisasi_agregasi(*, agregasi: str, nilai_tw: dict[str, Decimal | None]) -> Decimal | None:
    """The year's realisasi from the quarterly values by the indikator's aggregation mode.

    kumulatif: the TW IV value (each quarter is cumulative); jumlah: sum of the filled
    quarters; rata_rata: mean of the filled quarters; terakhir: the last filled quarter.
    """
    terisi = [(tw, nilai_tw.get(tw)) for tw in Realisasi.TRIWULAN if nilai_tw.get(tw) is not None]
    if not terisi:
        return None
    if agregasi == Indikator.Agregasi.KUMULATIF:
        return nilai_tw.get("tw4")
    if agregasi == Indikator.Agregasi.JUMLAH:
        return sum((v for _, v in terisi), Decimal(0))
    if agregasi == Indikator.Agregasi.RATA_RATA:
        return sum((v for _, v in terisi), Decimal(0)) / len(terisi)
    return terisi[-1][1]


def realisasi_tahunan_nilai(*, indikator: Indikator, baris: dict[str, Realisasi]) -> Decimal | None:
    """The year's realisasi: the yearly row's value if entered, else the aggregated quarters."""
    tahunan = baris.get(Realisasi.Periode.TAHUNAN)
    if tahunan is not None and tahunan.nilai is not None:
        return tahunan.nilai
    return realisasi_agregasi(
        agregasi=indikator.agregasi,
        nilai_tw={tw: getattr(baris.get(tw), "nilai", None) for tw in Realisasi.TRIWULAN},
    )


def realisasi_untuk_pengguna(*, user) -> QuerySet[Realisasi]:
    """Realisasi rows a user may open for editing (Kasubag/Staf: their sub-bagian's)."""
    qs = Realisasi.objects.select_related(
        "indikator", "indikator__sasaran", "indikator__sasaran__unit"
    )
    return saring_unit(qs, user, "indikator__sasaran__unit")


def realisasi_periode_map(*, tahun: int, indikator_ids=None) -> dict[int, dict[str, Realisasi]]:
    """indikator_id -> {periode: Realisasi} for the year (one query)."""
    qs = Realisasi.objects.filter(tahun=tahun)
    if indikator_ids is not None:
        qs = qs.filter(indikator_id__in=indikator_ids)
    hasil: dict[int, dict[str, Realisasi]] = {}
    for r in qs:
        hasil.setdefault(r.indikator_id, {})[r.periode] = r
    return hasil


def realisasi_antrean(*, user) -> dict[str, list[Realisasi]]:
    """The verification queue: ``verifikasi`` (submitted rows the user may verify) and
    ``persetujuan`` (verified rows waiting for the Sekretaris)."""
    qs = Realisasi.objects.select_related(
        "indikator",
        "indikator__sasaran",
        "indikator__sasaran__unit",
        "diajukan_oleh",
        "diverifikasi_oleh",
    ).order_by("tahun", "indikator__sasaran__nomor", "indikator__kode", "periode")
    hasil: dict[str, list[Realisasi]] = {"verifikasi": [], "persetujuan": []}
    if user.has_perm("kinerja.verifikasi_realisasi"):
        verif = saring_unit(
            qs.filter(status=Realisasi.Status.DIAJUKAN), user, "indikator__sasaran__unit"
        )
        hasil["verifikasi"] = list(verif)
    if user.has_perm("kinerja.setujui_realisasi"):
        hasil["persetujuan"] = list(qs.filter(status=Realisasi.Status.DIVERIFIKASI))
    return hasil


# --------------------------------------------------------------------------- open work of a unit


def periode_berjalan(*, tahun: int, hari_ini: dt.date) -> str | None:
    """The period whose realisasi a sub-bagian is to enter for ``tahun`` on ``hari_ini``: the
    quarter of today in the current year (TW IV from October), the yearly figure
    (``tahunan``) once the year is over, none for a year still to come."""
    if tahun < hari_ini.year:
        return Realisasi.Periode.TAHUNAN
    if tahun > hari_ini.year:
        return None
    return Realisasi.TRIWULAN[(hari_ini.month - 1) // 3]


def indikator_belum_diisi(*, unit, tahun: int, periode: str) -> list[Indikator]:
    """The indikator of ``unit`` (of the Renstra covering ``tahun``) that have no realisasi row
    for ``periode`` of ``tahun`` yet, in the order of the Renstra (one query)."""
    renstra = (
        Renstra.objects.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        .order_by("-tahun_mulai")
        .values("pk")[:1]
    )
    terisi = Realisasi.objects.filter(indikator=OuterRef("pk"), tahun=tahun, periode=periode)
    return list(
        indikator_list()
        .filter(sasaran__tujuan__renstra=Subquery(renstra), sasaran__unit=unit)
        .exclude(Exists(terisi))
    )


def _realisasi_unit(*, unit, tahun: int, status: str) -> list[Realisasi]:
    return list(
        Realisasi.objects.filter(indikator__sasaran__unit=unit, tahun=tahun, status=status)
        .select_related("indikator", "indikator__sasaran", "diubah_oleh")
        .order_by("indikator__sasaran__nomor", "indikator__kode", "periode")
    )


def realisasi_dikembalikan(*, unit, tahun: int) -> list[Realisasi]:
    """The realisasi of ``unit`` in ``tahun`` a verifier returned (with their note), to be
    corrected and submitted again."""
    return _realisasi_unit(unit=unit, tahun=tahun, status=Realisasi.Status.DIKEMBALIKAN)


def realisasi_draft(*, unit, tahun: int) -> list[Realisasi]:
    """The realisasi of ``unit`` in ``tahun`` saved as draft and not submitted yet."""
    return _realisasi_unit(unit=unit, tahun=tahun, status=Realisasi.Status.DRAFT)


# --------------------------------------------------------------------------- capaian


@dataclass
class BarisCapaian:
    """One indikator's line in the capaian table of a year."""

    indikator: Indikator
    target: Target | None
    realisasi: Decimal | None
    hasil: HasilCapaian
    periode: dict[str, Realisasi] = field(default_factory=dict)
    label: str = ""  # the short label shared by the tables and the chart (capaian_label_list)

    @property
    def sasaran(self) -> Sasaran:
        return self.indikator.sasaran

    @property
    def status_alur(self) -> str:
        """Where the yearly figure stands in the workflow."""
        tahunan = self.periode.get(Realisasi.Periode.TAHUNAN)
        return tahunan.get_status_display() if tahunan else "Belum diisi"

    @property
    def tahunan(self) -> Realisasi | None:
        return self.periode.get(Realisasi.Periode.TAHUNAN)


def capaian_tahun_list(*, tahun: int, unit=None) -> list[BarisCapaian]:
    """Capaian of every indikator of the Renstra covering ``tahun`` (constant query count).

    Target: the PK in force for the year (else the Renstra target); realisasi: the yearly row,
    else the quarters aggregated by the indikator's mode; capaian: ``capaian_compute``.
    """
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return []
    pengaturan = pengaturan_capaian_get()
    indikator = list(indikator_list(renstra=renstra))
    if unit is not None:
        indikator = [i for i in indikator if i.sasaran.unit_id == getattr(unit, "pk", unit)]
    targets = target_tahun_map(tahun=tahun)
    periode = realisasi_periode_map(tahun=tahun, indikator_ids=[i.pk for i in indikator])
    hasil = []
    for ind in indikator:
        target = targets.get(ind.pk)
        baris = periode.get(ind.pk, {})
        nilai = realisasi_tahunan_nilai(indikator=ind, baris=baris)
        hasil.append(
            BarisCapaian(
                indikator=ind,
                target=target,
                realisasi=nilai,
                hasil=capaian_compute(
                    target=target.nilai if target else None,
                    target_atas=target.atas if target else None,
                    realisasi=nilai,
                    arah=ind.arah,
                    pengaturan=pengaturan,
                ),
                periode=baris,
            )
        )
    for b, label in zip(hasil, capaian_label_list(baris=hasil), strict=True):
        b.label = label
    return hasil


def capaian_label_list(*, baris) -> list[str]:
    """The short label of each capaian line, the same in the tables and on the chart's bars:
    ``S<n>`` (sasaran number) when the sasaran has one indikator in ``baris``, else
    ``S<n>.<k>`` for its k-th indikator."""
    jumlah = Counter(b.sasaran.nomor for b in baris)
    ke: Counter = Counter()
    label = []
    for b in baris:
        nomor = b.sasaran.nomor
        ke[nomor] += 1
        label.append(f"S{nomor}" if jumlah[nomor] == 1 else f"S{nomor}.{ke[nomor]}")
    return label


def capaian_ringkasan(*, baris: list[BarisCapaian]) -> dict[str, int]:
    """Count of indikator per capaian status (for the summary cards)."""
    ringkas = {"tercapai": 0, "hampir": 0, "tidak": 0, "tidak_dapat_dihitung": 0}
    for b in baris:
        ringkas[b.hasil.status] += 1
    return ringkas


def capaian_rata_rata(*, baris: list[BarisCapaian]) -> Decimal | None:
    """The one definition of an average capaian (of a year, of a sasaran): the mean of the
    values as shown, after the configured cap (``PengaturanCapaian.batas_atas``), over the
    indikator that can be computed; ``None`` when none can be computed.

    The cap is applied before averaging because the KPU's own LKj does so: in the Kota Serang
    LKj 2023 an indikator with target 98% and realisasi 100% is reported at 100, not 102.04,
    so one indikator above target cannot hide another below it. The capaian page, the
    dashboard, the API and the LKj (Ikhtisar Eksekutif, Bab III A) all show this value.
    """
    nilai = [b.hasil.nilai_dibatasi for b in baris if b.hasil.dapat_dihitung]
    return sum(nilai, Decimal(0)) / len(nilai) if nilai else None


def capaian_periode(
    *,
    indikator: Indikator,
    realisasi: Realisasi | None,
    target: Target | None,
    pengaturan: PengaturanCapaian | None = None,
) -> HasilCapaian:
    """Capaian of one quarterly or yearly row: quarterly rows use their own rencana aksi target."""
    pengaturan = pengaturan or pengaturan_capaian_get()
    if realisasi is not None and realisasi.periode != Realisasi.Periode.TAHUNAN:
        return capaian_compute(
            target=realisasi.target_periode,
            target_atas=None if indikator.arah != "rentang" else (target.atas if target else None),
            realisasi=realisasi.nilai,
            arah=indikator.arah,
            pengaturan=pengaturan,
        )
    return capaian_compute(
        target=target.nilai if target else None,
        target_atas=target.atas if target else None,
        realisasi=realisasi.nilai if realisasi else None,
        arah=indikator.arah,
        pengaturan=pengaturan,
    )


@dataclass
class BarisAntarTahun:
    indikator: Indikator
    per_tahun: list[tuple[int, Target | None, Decimal | None, HasilCapaian]]


def capaian_antar_tahun(*, tahun: int) -> list[BarisAntarTahun]:
    """LKj Bab III A: this year's capaian next to each earlier year of the Renstra period.

    Returns one line per indikator with ``(tahun, target, realisasi, capaian)`` for every year
    from the start of the Renstra up to ``tahun``.
    """
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return []
    per_tahun = {
        t: {b.indikator.pk: b for b in capaian_tahun_list(tahun=t)}
        for t in range(renstra.tahun_mulai, tahun + 1)
    }
    hasil = []
    for ind in indikator_list(renstra=renstra):
        deret = []
        for t, rows in per_tahun.items():
            b = rows.get(ind.pk)
            if b is not None:
                deret.append((t, b.target, b.realisasi, b.hasil))
        hasil.append(BarisAntarTahun(indikator=ind, per_tahun=deret))
    return hasil


@dataclass
class BarisTargetAkhir:
    indikator: Indikator
    realisasi: Decimal | None
    target_akhir: TargetTahunan | None
    hasil: HasilCapaian


def capaian_vs_target_akhir(*, tahun: int) -> list[BarisTargetAkhir]:
    """LKj Bab III A: the year's realisasi against the Renstra end-of-period target."""
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return []
    pengaturan = pengaturan_capaian_get()
    akhir = {t.indikator_id: t for t in TargetTahunan.objects.filter(tahun=renstra.tahun_selesai)}
    baris = capaian_tahun_list(tahun=tahun)
    hasil = []
    for b in baris:
        t = akhir.get(b.indikator.pk)
        hasil.append(
            BarisTargetAkhir(
                indikator=b.indikator,
                realisasi=b.realisasi,
                target_akhir=t,
                hasil=capaian_compute(
                    target=t.target if t else None,
                    target_atas=t.target_atas if t else None,
                    realisasi=b.realisasi,
                    arah=b.indikator.arah,
                    pengaturan=pengaturan,
                ),
            )
        )
    return hasil


@dataclass
class BarisBedaTarget:
    indikator: Indikator
    target_renstra: TargetTahunan | None
    target_pk: PKBaris


def pk_beda_renstra_list(*, tahun: int) -> list[BarisBedaTarget]:
    """Indikator whose target in the PK in force differs from the Renstra year target."""
    perjanjian = pk_berlaku(tahun=tahun)
    if perjanjian is None:
        return []
    renstra = {t.indikator_id: t for t in TargetTahunan.objects.filter(tahun=tahun)}
    hasil = []
    for b in pk_baris_list(perjanjian=perjanjian):
        r = renstra.get(b.indikator_id)
        if r is None or r.target != b.target or r.target_atas != b.target_atas:
            hasil.append(BarisBedaTarget(indikator=b.indikator, target_renstra=r, target_pk=b))
    return hasil


def realisasi_riwayat(*, realisasi: Realisasi):
    """The saved versions of a realisasi row (who, when, status), newest first."""
    return realisasi.history.select_related("history_user").order_by("-history_date")


@dataclass
class BarisAnggaranSasaran:
    sasaran: Sasaran
    capaian: Decimal | None  # capaian_rata_rata of the sasaran's indikator
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None

    @property
    def selisih(self) -> Decimal | None:
        """Capaian minus serapan in percentage points (positive: more result than spending)."""
        if self.capaian is None or self.serapan is None:
            return None
        return self.capaian - self.serapan


def capaian_vs_anggaran(*, tahun: int) -> list[BarisAnggaranSasaran]:
    """LKj Bab III A (efficiency): each sasaran's capaian next to the budget that funds it.

    The budget comes from ``anggaran.selectors.anggaran_per_sasaran`` (the DIPA lines linked to
    the sasaran); a sasaran without linked lines shows no pagu. The sasaran's capaian is
    ``capaian_rata_rata`` of its indikator.
    """
    from anggaran.selectors import anggaran_per_sasaran

    dana = anggaran_per_sasaran(tahun=tahun)
    per_sasaran: dict[int, list[BarisCapaian]] = {}
    sasaran: dict[int, Sasaran] = {}
    for b in capaian_tahun_list(tahun=tahun):
        sasaran[b.sasaran.pk] = b.sasaran
        per_sasaran.setdefault(b.sasaran.pk, []).append(b)
    hasil = []
    for sid, s in sasaran.items():
        d = dana.get(sid, {})
        hasil.append(
            BarisAnggaranSasaran(
                sasaran=s,
                capaian=capaian_rata_rata(baris=per_sasaran[sid]),
                pagu=d.get("pagu"),
                realisasi=d.get("realisasi"),
                serapan=d.get("serapan"),
            )
        )
    return hasil


def renstra_dokumen_konten(*, renstra: Renstra) -> dict:
    """What the printed Renstra shows: the satker, the period, visi, misi, tujuan, and each
    sasaran strategis with its indikator and the target of every year of the period."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    tahun = renstra.daftar_tahun
    indikator = (
        Indikator.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran__tujuan")
        .prefetch_related("target")
        .order_by("sasaran__nomor", "kode")
    )
    per_tujuan: dict[int, list] = {}
    for ind in indikator:
        target = {t.tahun: t.target for t in ind.target.all()}
        per_tujuan.setdefault(ind.sasaran.tujuan_id, []).append(
            {"indikator": ind, "target": [target.get(t) for t in tahun]}
        )
    return {
        "renstra": renstra,
        "tahun": tahun,
        "misi": list(renstra.misi.order_by("urutan")),
        "tujuan": [
            {"tujuan": t, "baris": per_tujuan.get(t.pk, [])}
            for t in renstra.tujuan.order_by("urutan")
        ],
        "satker": {
            "nama": satker.nama if satker else "Sekretariat KPU",
            "nama_komisi": f"KPU {satker.nama_wilayah}" if satker else "KPU",
        },
    }


def realisasi_triwulan_list(*, tahun: int) -> list[tuple[Indikator, str, Realisasi | None]]:
    """Every indikator of the Renstra covering ``tahun`` × TW I–IV with its stored realisasi
    (``None`` when there is none), in the order of the realisasi page (two queries): the rows
    of the realisasi export, which the realisasi import reads back."""
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return []
    indikator = list(
        Indikator.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran", "sasaran__unit")
        .order_by("sasaran__nomor", "kode")
    )
    tersimpan = {
        (r.indikator_id, r.periode): r
        for r in Realisasi.objects.filter(
            tahun=tahun, periode__in=Realisasi.TRIWULAN, indikator__in=indikator
        )
    }
    return [
        (ind, periode, tersimpan.get((ind.pk, periode)))
        for ind in indikator
        for periode in Realisasi.TRIWULAN
    ]
