"""Reads of the organisation, used by the pages, the API and the LKj (Bab I).

Every computed figure has one function here, each read AS OF A DATE (``tanggal``, default
today; the LKj of year N reads 31 December of N):

- ``pegawai_hitung_status(tanggal=)``: staff by status (PNS, PPNPN, total).
- ``pegawai_hitung_jenis_jabatan(tanggal=)``: PNS by position kind (Sekretaris,
  Kepala Sub Bagian, Jabatan Fungsional, Pelaksana, and "Belum ada jabatan").
- ``pegawai_hitung_jenis_ppnpn(tanggal=)``: PPNPN by kind.
- ``pegawai_hitung_unit(tanggal=)``: staff per unit, PNS and PPNPN.
- ``pegawai_hitung_pendidikan(status=, tanggal=)``: PNS or PPNPN by education level.
- ``pegawai_ringkasan(tanggal=)``: the staff total and the per-education counts of one date
  (for the check that the two agree).
- ``struktur_organisasi(tanggal=)``: the unit tree with who holds each jabatan on a date.

A pegawai counts on a date iff ``tmt_masuk <= tanggal`` and (no ``tmt_keluar`` or
``tmt_keluar > tanggal``) (``models.bertugas_pada``); their education on that date is the
highest jenjang of their history with ``tanggal_ijazah <= tanggal``; positions are read from
the riwayat jabatan on the date (periods are half-open:
``tanggal_mulai <= tanggal < tanggal_selesai``). The unit is the pegawai's current unit (moves
between units are not recorded).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit

from .models import (
    Divisi,
    Jabatan,
    Komisioner,
    Pegawai,
    RiwayatJabatan,
    RiwayatPendidikan,
    Satker,
    UnitOrganisasi,
    berlaku_pada,
    bertugas_pada,
)

UNIT_HUKUM_SDM = "hukum_sdm"

LABEL_SEKRETARIS = "Sekretaris"
LABEL_KASUBAG = "Kepala Sub Bagian"
LABEL_FUNGSIONAL = "Jabatan Fungsional"
LABEL_PELAKSANA = "Staf Pelaksana"
LABEL_TANPA_JABATAN = "Belum ada jabatan"


# --- Satker, units, divisi ------------------------------------------------------------------


def satker_get() -> Satker | None:
    """The installation's satker (one per installation), or ``None`` before it is set up."""
    return Satker.objects.order_by("pk").first()


def unit_list(*, tanggal: date | None = None) -> QuerySet[UnitOrganisasi]:
    """All units in display order, with their parent, the divisi they partner and the
    number of PNS and PPNPN serving in them on ``tanggal`` (default today)."""
    bertugas = bertugas_pada(tanggal or timezone.localdate(), prefix="pegawai__")
    return (
        UnitOrganisasi.objects.select_related("induk")
        .prefetch_related(Prefetch("divisi_mitra", queryset=Divisi.objects.order_by("urutan")))
        .annotate(
            jumlah_pns=Count("pegawai", filter=bertugas & Q(pegawai__status=Pegawai.Status.PNS)),
            jumlah_ppnpn=Count(
                "pegawai", filter=bertugas & Q(pegawai__status=Pegawai.Status.PPNPN)
            ),
        )
        .order_by("urutan", "nama")
    )


def divisi_list() -> QuerySet[Divisi]:
    return Divisi.objects.select_related("mitra").order_by("urutan", "nama")


def jabatan_list(*, jenis: str = "", unit=None) -> QuerySet[Jabatan]:
    qs = Jabatan.objects.select_related("unit").order_by("unit__urutan", "urutan", "nama")
    if jenis:
        qs = qs.filter(jenis=jenis)
    if unit:
        qs = qs.filter(unit=unit)
    return qs


# --- Pegawai ---------------------------------------------------------------------------------


def _riwayat_aktif_prefetch(tanggal: date) -> Prefetch:
    """``riwayat_aktif``: the appointments in force on ``tanggal``, read with the queryset
    ``Pegawai.jabatan_kini`` uses without a prefetch (same rule, same order)."""
    return Prefetch(
        "riwayat_jabatan",
        queryset=RiwayatJabatan.objects.berlaku(tanggal),
        to_attr="riwayat_aktif",
    )


def pegawai_list(
    *,
    unit=None,
    status: str = "",
    aktif: bool | None = None,
    q: str = "",
    tanggal: date | None = None,
) -> QuerySet[Pegawai]:
    """Staff filtered by unit, status, a name/NIP search and ``aktif``: serving on
    ``tanggal`` (default today; ``True``), not serving then (``False``) or both (``None``).
    Each row carries ``riwayat_aktif`` (its appointment on ``tanggal``) for the jabatan
    column."""
    tanggal = tanggal or timezone.localdate()
    qs = Pegawai.objects.select_related("unit", "pengguna").prefetch_related(
        _riwayat_aktif_prefetch(tanggal)
    )
    if unit:
        qs = qs.filter(unit=unit)
    if status:
        qs = qs.filter(status=status)
    if aktif is True:
        qs = qs.filter(bertugas_pada(tanggal))
    elif aktif is False:
        qs = qs.exclude(bertugas_pada(tanggal))
    q = (q or "").strip()
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        cond = Q(nama__icontains=q)
        if digits and len(digits) >= 4:
            cond |= Q(nip__contains=digits)
        qs = qs.filter(cond)
    return qs.order_by("status", "unit__urutan", "nama")


def pegawai_detail(*, pk: int) -> Pegawai:
    return (
        Pegawai.objects.select_related("unit", "pengguna")
        .prefetch_related(_riwayat_aktif_prefetch(timezone.localdate()))
        .get(pk=pk)
    )


def riwayat_pendidikan_list(*, pegawai: Pegawai) -> QuerySet[RiwayatPendidikan]:
    """The diplomas of ``pegawai``, oldest first."""
    return RiwayatPendidikan.objects.filter(pegawai=pegawai).order_by("tanggal_ijazah", "pk")


def pegawai_boleh_ubah(user) -> bool:
    """Whether ``user`` may write pegawai and riwayat jabatan records: Admin and Sekretaris,
    and the Kasubag/Staf of Sub Bagian Hukum dan SDM (not those of other sub-bagian)."""
    return boleh_ubah_unit(user, UNIT_HUKUM_SDM)


def riwayat_jabatan_list(*, pegawai=None, jabatan=None) -> QuerySet[RiwayatJabatan]:
    qs = RiwayatJabatan.objects.select_related("pegawai", "jabatan", "jabatan__unit")
    if pegawai is not None:
        qs = qs.filter(pegawai=pegawai)
    if jabatan is not None:
        qs = qs.filter(jabatan=jabatan)
    return qs.order_by("-tanggal_mulai", "pegawai__nama")


def pemegang_jabatan(*, jabatan: Jabatan, tanggal: date) -> RiwayatJabatan | None:
    """The appointment (with its pegawai) in force for ``jabatan`` on ``tanggal``."""
    return (
        RiwayatJabatan.objects.filter(berlaku_pada(tanggal), jabatan=jabatan)
        .select_related("pegawai")
        .order_by("-tanggal_mulai")
        .first()
    )


def pemegang_jabatan_map(*, tanggal: date) -> dict[int, list[Pegawai]]:
    """``{jabatan_id: [pegawai holding it on tanggal]}`` for every jabatan (one query)."""
    hasil: dict[int, list[Pegawai]] = {}
    for r in (
        RiwayatJabatan.objects.filter(berlaku_pada(tanggal))
        .select_related("pegawai")
        .order_by("pegawai__nama")
    ):
        hasil.setdefault(r.jabatan_id, []).append(r.pegawai)
    return hasil


def pejabat_sekretaris(*, tanggal: date) -> Pegawai | None:
    """The holder of the struktural jabatan of the Sekretariat unit (the Sekretaris) on
    ``tanggal``. ``.nama``, ``.nip``; print the position as ``Sekretaris`` (or
    ``pegawai.jabatan_display``, the name of the jabatan they hold)."""
    riwayat = (
        RiwayatJabatan.objects.filter(
            berlaku_pada(tanggal),
            jabatan__jenis=Jabatan.Jenis.STRUKTURAL,
            jabatan__unit__jenis=UnitOrganisasi.Jenis.SEKRETARIAT,
        )
        .select_related("pegawai", "jabatan")
        .order_by("-tanggal_mulai")
        .first()
    )
    return riwayat.pegawai if riwayat else None


# --- Counts ----------------------------------------------------------------------------------


def _hari(tanggal: date | None) -> date:
    return tanggal or timezone.localdate()


def pegawai_hitung_status(*, tanggal: date | None = None) -> dict[str, int]:
    """Staff serving on ``tanggal`` by status: ``{"pns": 10, "ppnpn": 12, "total": 22}``."""
    rows = dict(
        Pegawai.objects.bertugas(_hari(tanggal))
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    hasil = {s.value: rows.get(s.value, 0) for s in Pegawai.Status}
    hasil["total"] = sum(hasil.values())
    return hasil


def jenis_jabatan_label(jabatan: Jabatan | None) -> str:
    """The position kind a jabatan counts as (Sekretaris, Kepala Sub Bagian, …)."""
    if jabatan is None:
        return LABEL_TANPA_JABATAN
    if jabatan.jenis == Jabatan.Jenis.STRUKTURAL:
        if jabatan.unit.jenis == UnitOrganisasi.Jenis.SEKRETARIAT:
            return LABEL_SEKRETARIS
        return LABEL_KASUBAG
    if jabatan.jenis == Jabatan.Jenis.FUNGSIONAL:
        return LABEL_FUNGSIONAL
    return LABEL_PELAKSANA


def pegawai_hitung_jenis_jabatan(*, tanggal: date | None = None) -> list[tuple[str, int]]:
    """PNS serving on ``tanggal`` (default today) by the kind of position they hold, in the
    order of the LKj: Sekretaris, Kepala Sub Bagian, Jabatan Fungsional, Staf Pelaksana (and
    "Belum ada jabatan" only when some PNS holds none)."""
    tanggal = tanggal or timezone.localdate()
    pns = pegawai_list(status=Pegawai.Status.PNS, aktif=True, tanggal=tanggal)
    hitung = Counter(
        jenis_jabatan_label(p.riwayat_aktif[0].jabatan if p.riwayat_aktif else None) for p in pns
    )
    urutan = [LABEL_SEKRETARIS, LABEL_KASUBAG, LABEL_FUNGSIONAL, LABEL_PELAKSANA]
    hasil = [(label, hitung.get(label, 0)) for label in urutan]
    if hitung.get(LABEL_TANPA_JABATAN):
        hasil.append((LABEL_TANPA_JABATAN, hitung[LABEL_TANPA_JABATAN]))
    return hasil


def pegawai_hitung_jenis_ppnpn(*, tanggal: date | None = None) -> list[tuple[str, int]]:
    """PPNPN serving on ``tanggal`` by kind, every kind listed (tenaga administrasi, …)."""
    rows = dict(
        Pegawai.objects.bertugas(_hari(tanggal))
        .filter(status=Pegawai.Status.PPNPN)
        .values_list("jenis_ppnpn")
        .annotate(n=Count("pk"))
        .values_list("jenis_ppnpn", "n")
    )
    return [(j.label, rows.get(j.value, 0)) for j in Pegawai.JenisPpnpn]


def pegawai_hitung_unit(*, tanggal: date | None = None) -> list[dict]:
    """Staff per unit on ``tanggal``: ``[{"unit": UnitOrganisasi, "pns": n, "ppnpn": m,
    "total": k}]``."""
    return [
        {
            "unit": unit,
            "pns": unit.jumlah_pns,
            "ppnpn": unit.jumlah_ppnpn,
            "total": unit.jumlah_pns + unit.jumlah_ppnpn,
        }
        for unit in unit_list(tanggal=tanggal)
    ]


def _jenjang_pada(tanggal: date):
    """An annotation: the jenjang a pegawai held on ``tanggal`` (``Pegawai.pendidikan_pada``
    in SQL): the highest of the history dated on or before it, "" if none yet, and
    ``pendidikan`` for a pegawai without any history."""
    peringkat = Case(
        *(When(jenjang=v, then=Value(i)) for i, v in enumerate(Pegawai.Pendidikan.values)),
        output_field=IntegerField(),
    )
    riwayat = RiwayatPendidikan.objects.filter(pegawai=OuterRef("pk"))
    tertinggi = (
        riwayat.filter(tanggal_ijazah__lte=tanggal)
        .annotate(peringkat=peringkat)
        .order_by("-peringkat")
        .values("jenjang")[:1]
    )
    return Case(
        When(~Exists(riwayat), then=F("pendidikan")),
        default=Coalesce(Subquery(tertinggi), Value("")),
        output_field=CharField(),
    )


def pegawai_hitung_pendidikan(
    *, status: str, semua: bool = False, tanggal: date | None = None
) -> list[tuple[str, int]]:
    """PNS (``status="pns"``) or PPNPN (``"ppnpn"``) serving on ``tanggal`` by the education
    level they held that day, lowest first.

    Only levels with at least one person unless ``semua`` (figures 1.2 and 1.3 of the LKj).
    Someone with no diploma dated by then is in no level (``pegawai_ringkasan`` shows it)."""
    if status not in Pegawai.Status.values:
        raise ValueError(f"status harus 'pns' atau 'ppnpn', bukan {status!r}")
    tanggal = _hari(tanggal)
    rows = dict(
        Pegawai.objects.bertugas(tanggal)
        .filter(status=status)
        .annotate(jenjang=_jenjang_pada(tanggal))
        .values_list("jenjang")
        .annotate(n=Count("pk"))
        .values_list("jenjang", "n")
    )
    return [
        (p.label, rows.get(p.value, 0)) for p in Pegawai.Pendidikan if semua or rows.get(p.value)
    ]


def pegawai_ringkasan(*, tanggal: date | None = None) -> dict:
    """The staff count of ``tanggal`` and its split by education, to check that they agree:
    ``{"tanggal", "total", "pns", "ppnpn", "pendidikan_pns": [(label, n)],
    "pendidikan_ppnpn": [(label, n)], "total_pendidikan", "tanpa_pendidikan"}``, where
    ``total_pendidikan`` is the sum of the per-education counts and ``tanpa_pendidikan`` the
    pegawai counted in ``total`` but in no education level (no diploma dated by then)."""
    tanggal = _hari(tanggal)
    status = pegawai_hitung_status(tanggal=tanggal)
    pendidikan = {s: pegawai_hitung_pendidikan(status=s, tanggal=tanggal) for s in ("pns", "ppnpn")}
    total_pendidikan = sum(n for rows in pendidikan.values() for _label, n in rows)
    return {
        "tanggal": tanggal,
        "total": status["total"],
        "pns": status["pns"],
        "ppnpn": status["ppnpn"],
        "pendidikan_pns": pendidikan["pns"],
        "pendidikan_ppnpn": pendidikan["ppnpn"],
        "total_pendidikan": total_pendidikan,
        "tanpa_pendidikan": status["total"] - total_pendidikan,
    }


# --- Structure -------------------------------------------------------------------------------


@dataclass
class SimpulStruktur:
    """One unit of the structure on a date: its head (struktural appointment), the other
    appointments in it, its staff counts and its sub-units."""

    unit: UnitOrganisasi
    kepala: RiwayatJabatan | None = None
    jabatan_kepala: Jabatan | None = None
    anggota: list[RiwayatJabatan] = field(default_factory=list)
    jumlah_pns: int = 0
    jumlah_ppnpn: int = 0
    anak: list[SimpulStruktur] = field(default_factory=list)


def struktur_organisasi(*, tanggal: date) -> list[SimpulStruktur]:
    """The unit tree (roots first, in ``urutan`` order) with who holds which jabatan on
    ``tanggal``. A unit's ``kepala`` is the appointment to its struktural jabatan."""
    units = list(unit_list(tanggal=tanggal))
    simpul = {
        u.pk: SimpulStruktur(unit=u, jumlah_pns=u.jumlah_pns, jumlah_ppnpn=u.jumlah_ppnpn)
        for u in units
    }
    for j in Jabatan.objects.filter(jenis=Jabatan.Jenis.STRUKTURAL):
        if j.unit_id in simpul:
            simpul[j.unit_id].jabatan_kepala = j
    riwayat = (
        RiwayatJabatan.objects.filter(berlaku_pada(tanggal))
        .select_related("pegawai", "jabatan")
        .order_by("jabatan__urutan", "pegawai__nama")
    )
    for r in riwayat:
        node = simpul.get(r.jabatan.unit_id)
        if node is None:
            continue
        if r.jabatan.jenis == Jabatan.Jenis.STRUKTURAL:
            node.kepala = r
        else:
            node.anggota.append(r)
    akar = []
    for u in units:
        node = simpul[u.pk]
        if u.induk_id and u.induk_id in simpul:
            simpul[u.induk_id].anak.append(node)
        else:
            akar.append(node)
    return akar


def struktur_baris(
    *, tanggal: date | None = None, akar: list[SimpulStruktur] | None = None
) -> list[tuple[int, SimpulStruktur]]:
    """The structure on ``tanggal`` (or the tree ``akar`` already read) flattened depth-first
    as ``(depth, node)`` rows for a tree table."""
    rows: list[tuple[int, SimpulStruktur]] = []

    def walk(nodes, depth):
        for node in nodes:
            rows.append((depth, node))
            walk(node.anak, depth + 1)

    walk(akar if akar is not None else struktur_organisasi(tanggal=tanggal), 0)
    return rows


# --- Komisioner ------------------------------------------------------------------------------


def komisioner_list(*, tanggal: date | None = None) -> QuerySet[Komisioner]:
    """Commissioners' periods; with ``tanggal`` only those in office on that date."""
    qs = Komisioner.objects.select_related("divisi", "divisi__mitra")
    if tanggal is not None:
        qs = qs.filter(berlaku_pada(tanggal))
    return qs.order_by("-ketua", "divisi__urutan", "nama", "-tanggal_mulai")


def ketua_komisioner(*, tanggal: date) -> Komisioner | None:
    """The ketua in office on ``tanggal``. ``.nama``; ``.jabatan_display`` gives
    "Ketua, <divisi>" (print "Ketua KPU Kota Serang" in a signature block)."""
    return komisioner_list(tanggal=tanggal).filter(ketua=True).first()


def komisioner_peringatan(*, tanggal: date, aktif: list[Komisioner] | None = None) -> list[str]:
    """What is wrong with the commission on ``tanggal`` (no ketua, fewer than 5 members).
    ``aktif``: ``komisioner_list(tanggal=tanggal)`` when the page already read it."""
    if aktif is None:
        aktif = list(komisioner_list(tanggal=tanggal))
    pesan = []
    if aktif and not any(k.ketua for k in aktif):
        pesan.append("Belum ada ketua yang aktif: tetapkan satu ketua.")
    if len(aktif) < 5:
        pesan.append(f"Anggota aktif {len(aktif)} orang; KPU Kabupaten/Kota beranggotakan 5.")
    return pesan
