"""Capaian kinerja: the one function that turns a target and a realisasi into an achievement.

Formulas (PermenPANRB 53/2014; ``shared/domain/NOTES.md``):

- higher is better (``naik``): ``realisasi / target × 100``;
- lower is better (``turun``): ``(2 × target − realisasi) / target × 100``;
- range (``rentang``, target = [bawah, atas]): 100 inside the range; below it counts as
  higher-is-better against ``bawah``; above it as lower-is-better against ``atas``.

The raw value is returned unrounded and uncapped; the cap (none/100/110/120) and the status
bands come from ``PengaturanCapaian``. A zero target or a missing figure gives an explicit
"tidak dapat dihitung" with the reason, never an exception and never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SERATUS = Decimal(100)


class StatusCapaian:
    TERCAPAI = "tercapai"
    HAMPIR = "hampir"
    TIDAK = "tidak"
    TIDAK_DAPAT_DIHITUNG = "tidak_dapat_dihitung"

    LABEL = {
        "tercapai": "Tercapai",
        "hampir": "Hampir tercapai",
        "tidak": "Tidak tercapai",
        "tidak_dapat_dihitung": "Tidak dapat dihitung",
    }


@dataclass(frozen=True)
class HasilCapaian:
    """``nilai``: raw capaian in percent (None when it cannot be computed);
    ``nilai_dibatasi``: the value after the configured cap (what reports show);
    ``status``: a ``StatusCapaian`` value; ``alasan``: why it cannot be computed."""

    nilai: Decimal | None
    nilai_dibatasi: Decimal | None
    status: str
    alasan: str = ""

    @property
    def dapat_dihitung(self) -> bool:
        return self.nilai is not None

    @property
    def status_label(self) -> str:
        return StatusCapaian.LABEL[self.status]

    @property
    def kelas_css(self) -> str:
        return {
            StatusCapaian.TERCAPAI: "status-tercapai",
            StatusCapaian.HAMPIR: "status-hampir",
            StatusCapaian.TIDAK: "status-tidak",
        }.get(self.status, "")

    def dibulatkan(self, desimal: int = 2) -> Decimal | None:
        """The capped value rounded half-up for display (``None`` stays ``None``)."""
        if self.nilai_dibatasi is None:
            return None
        return self.nilai_dibatasi.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)


def _tidak_dapat(alasan: str) -> HasilCapaian:
    return HasilCapaian(None, None, StatusCapaian.TIDAK_DAPAT_DIHITUNG, alasan)


def _dec(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _rumus(target: Decimal, realisasi: Decimal, arah: str, target_atas: Decimal | None):
    """Raw capaian or a reason string."""
    if arah == "rentang":
        if target_atas is None:
            return "batas atas rentang target belum diisi"
        if target <= realisasi <= target_atas:
            return SERATUS
        if realisasi < target:
            if target == 0:
                return "batas bawah target bernilai nol"
            return realisasi / target * SERATUS
        if target_atas == 0:
            return "batas atas target bernilai nol"
        return (2 * target_atas - realisasi) / target_atas * SERATUS
    if target == 0:
        return "target bernilai nol (pembagian dengan nol)"
    if arah == "turun":
        return (2 * target - realisasi) / target * SERATUS
    if arah == "naik":
        return realisasi / target * SERATUS
    return f"arah indikator '{arah}' tidak dikenal"


def capaian_compute(
    *,
    target,
    realisasi,
    arah: str = "naik",
    target_atas=None,
    batas_atas: int | None = None,
    ambang_tercapai=SERATUS,
    ambang_hampir=Decimal(85),
    pengaturan=None,
) -> HasilCapaian:
    """Capaian of one indikator for one period.

    ``pengaturan`` (a ``PengaturanCapaian``) overrides ``batas_atas`` and the two thresholds;
    ``batas_atas`` 0/None means no cap. Status: ``≥ ambang_tercapai`` tercapai,
    ``≥ ambang_hampir`` hampir, otherwise tidak (judged on the raw value).
    """
    if pengaturan is not None:
        batas_atas = pengaturan.batas_atas
        ambang_tercapai = pengaturan.ambang_tercapai
        ambang_hampir = pengaturan.ambang_hampir
    target, realisasi, target_atas = _dec(target), _dec(realisasi), _dec(target_atas)
    if target is None:
        return _tidak_dapat("target belum ditetapkan")
    if realisasi is None:
        return _tidak_dapat("realisasi belum diisi")
    hasil = _rumus(target, realisasi, arah, target_atas)
    if isinstance(hasil, str):
        return _tidak_dapat(hasil)
    dibatasi = min(hasil, Decimal(batas_atas)) if batas_atas else hasil
    if hasil >= _dec(ambang_tercapai):
        status = StatusCapaian.TERCAPAI
    elif hasil >= _dec(ambang_hampir):
        status = StatusCapaian.HAMPIR
    else:
        status = StatusCapaian.TIDAK
    return HasilCapaian(hasil, dibatasi, status)
