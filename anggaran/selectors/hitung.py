"""Single figures: sisa, serapan, pagu of a detail line, IKPA deviation, sums up the tree."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kpu_site.formatting import rupiah

NOL = Decimal("0")
SERATUS = Decimal("100")
SEN = Decimal("0.01")
BATAS_DEVIASI_IKPA = Decimal("5")


# --- single figures -------------------------------------------------------------------------


def sisa_compute(pagu: Decimal, realisasi: Decimal) -> Decimal:
    """Sisa anggaran = pagu − realisasi (negative when an approved excess was booked)."""
    return pagu - realisasi


def serapan_compute(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    """Serapan % = realisasi ÷ pagu × 100, rounded half-up to 2 decimals; ``None`` if pagu is 0."""
    if not pagu:
        return None
    return (realisasi * SERATUS / pagu).quantize(SEN, rounding=ROUND_HALF_UP)


class SisaSerapan:
    """``sisa`` and ``serapan`` of anything that has ``pagu`` and ``realisasi`` (a node of the
    tree, the whole tree, a document's summary)."""

    pagu: Decimal
    realisasi: Decimal

    @property
    def sisa(self) -> Decimal:
        return sisa_compute(self.pagu, self.realisasi)

    @property
    def serapan(self) -> Decimal | None:
        return serapan_compute(self.pagu, self.realisasi)


@dataclass(frozen=True)
class SisaPaguAkun:
    """The remaining pagu of one akun line: its pagu (the detail lines under it) less the
    realisasi already booked on it. The one rule for a new realisasi, used by the form service
    (``realisasi_create``) and the import (``realisasi_impor``): an amount above ``sisa`` is a
    pagu excess, refused with ``pesan_lampau``."""

    kode_akun: str
    pagu: Decimal
    terpakai: Decimal

    @property
    def sisa(self) -> Decimal:
        return sisa_compute(self.pagu, self.terpakai)

    def melebihi(self, nilai: Decimal) -> bool:
        return nilai > self.sisa

    def pesan_lampau(self, nilai: Decimal) -> str:
        """The refusal naming the amount, the akun line, its sisa and its pagu."""
        return (
            f"Realisasi {_rp(nilai)} melebihi sisa pagu akun {self.kode_akun} "
            f"({_rp(self.sisa)} dari pagu {_rp(self.pagu)})."
        )


def _rp(nilai: Decimal) -> str:
    """Rupiah with the sen only when there are any (Rp 500.000 but Rp 500.000,01)."""
    return rupiah(nilai, 0 if nilai == nilai.to_integral_value() else 2)


def capaian_volume_compute(realisasi: Decimal, target: Decimal) -> Decimal | None:
    """Capaian output % of an RO = realisasi volume ÷ target volume × 100, rounded half-up to 2
    decimals (not capped: the page shows an over-achievement as it is); ``None`` without a
    target."""
    if not target:
        return None
    return (realisasi * SERATUS / target).quantize(SEN, rounding=ROUND_HALF_UP)


def pagu_detail_compute(volume: Decimal, harga: Decimal) -> Decimal:
    """Jumlah of a detail line = volume × harga, to the sen (half-up)."""
    return (volume * harga).quantize(SEN, rounding=ROUND_HALF_UP)


def deviasi_compute(rpd: Decimal, realisasi: Decimal) -> Decimal:
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
