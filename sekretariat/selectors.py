"""Reads of the organisation, used by the pages, the API and the LKj (Bab I).

Every computed figure has one function here:

- ``pegawai_hitung_status()``: active staff by status (PNS, PPNPN, total).
- ``pegawai_hitung_jenis_jabatan(tanggal=)``: active PNS by position kind (Sekretaris,
  Kepala Sub Bagian, Jabatan Fungsional, Pelaksana, and "Belum ada jabatan").
- ``pegawai_hitung_jenis_ppnpn()``: active PPNPN by kind.
- ``pegawai_hitung_unit()``: active staff per unit, PNS and PPNPN.
- ``pegawai_hitung_pendidikan(status=)``: active PNS or PPNPN by education level.
- ``struktur_organisasi(tanggal=)``: the unit tree with who holds each jabatan on a date.

Counts are of pegawai marked active (``aktif``); positions are read from the riwayat jabatan
on the given date (periods are half-open: ``tanggal_mulai <= tanggal < tanggal_selesai``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit

from .models import (
    Divisi,
    Jabatan,
    Komisioner,
    Pegawai,
    RiwayatJabatan,
    Satker,
    UnitOrganisasi,
    berlaku_pada,
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


def unit_list() -> QuerySet[UnitOrganisasi]:
    """All units in display order, with their parent and the divisi they partner."""
    return (
        UnitOrganisasi.objects.select_related("induk")
        .prefetch_related(Prefetch("divisi_mitra", queryset=Divisi.objects.order_by("urutan")))
        .annotate(
            jumlah_pns=Count(
                "pegawai", filter=Q(pegawai__aktif=True, pegawai__status=Pegawai.Status.PNS)
            ),
            jumlah_ppnpn=Count(
                "pegawai", filter=Q(pegawai__aktif=True, pegawai__status=Pegawai.Status.PPNPN)
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
    """Staff filtered by unit, status, active flag and a name/NIP search; each row carries
    ``riwayat_aktif`` (its appointment on ``tanggal``, default today) for the jabatan column.
    """
    tanggal = tanggal or timezone.localdate()
    qs = Pegawai.objects.select_related("unit", "pengguna").prefetch_related(
        _riwayat_aktif_prefetch(tanggal)
    )
    if unit:
        qs = qs.filter(unit=unit)
    if status:
        qs = qs.filter(status=status)
    if aktif is not None:
        qs = qs.filter(aktif=aktif)
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


def pegawai_hitung_status() -> dict[str, int]:
    """Active staff by status: ``{"pns": 10, "ppnpn": 12, "total": 22}``."""
    rows = dict(
        Pegawai.objects.filter(aktif=True)
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
    """Active PNS by the kind of position they hold on ``tanggal`` (default today), in the
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


def pegawai_hitung_jenis_ppnpn() -> list[tuple[str, int]]:
    """Active PPNPN by kind, every kind listed (tenaga administrasi, security, …)."""
    rows = dict(
        Pegawai.objects.filter(aktif=True, status=Pegawai.Status.PPNPN)
        .values_list("jenis_ppnpn")
        .annotate(n=Count("pk"))
        .values_list("jenis_ppnpn", "n")
    )
    return [(j.label, rows.get(j.value, 0)) for j in Pegawai.JenisPpnpn]


def pegawai_hitung_unit() -> list[dict]:
    """Active staff per unit: ``[{"unit": UnitOrganisasi, "pns": n, "ppnpn": m, "total": k}]``."""
    hasil = []
    for unit in unit_list():
        hasil.append(
            {
                "unit": unit,
                "pns": unit.jumlah_pns,
                "ppnpn": unit.jumlah_ppnpn,
                "total": unit.jumlah_pns + unit.jumlah_ppnpn,
            }
        )
    return hasil


def pegawai_hitung_pendidikan(*, status: str, semua: bool = False) -> list[tuple[str, int]]:
    """Active PNS (``status="pns"``) or PPNPN (``"ppnpn"``) by education level, lowest first.

    Only levels with at least one person unless ``semua`` (figures 1.2 and 1.3 of the LKj)."""
    if status not in Pegawai.Status.values:
        raise ValueError(f"status harus 'pns' atau 'ppnpn', bukan {status!r}")
    rows = dict(
        Pegawai.objects.filter(aktif=True, status=status)
        .values_list("pendidikan")
        .annotate(n=Count("pk"))
        .values_list("pendidikan", "n")
    )
    return [
        (p.label, rows.get(p.value, 0)) for p in Pegawai.Pendidikan if semua or rows.get(p.value)
    ]


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
    units = list(unit_list())
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
