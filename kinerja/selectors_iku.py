"""Reads of the IKU and the Manual IKU: which indikator of a Renstra are IKU, whether a manual
is complete (``manual_kurang``/``manual_lengkap``), the incomplete ones (the LKj pre-flight
names each), and the content of the printed Manual IKU."""

from __future__ import annotations

from django.db.models import Prefetch

from .model_iku import IkuIndikator, KeputusanIku, ManualIndikator
from .models import Indikator, Renstra

#: The capaian rule of each ``Indikator.Arah``, in words (the formulas of ``kinerja.capaian``).
ATURAN_CAPAIAN = {
    Indikator.Arah.NAIK: "Semakin tinggi semakin baik: capaian = realisasi ÷ target × 100%.",
    Indikator.Arah.TURUN: "Semakin rendah semakin baik: capaian = (2 × target − realisasi) ÷ "
    "target × 100%.",
    Indikator.Arah.RENTANG: "Rentang: capaian 100% bila realisasi di antara batas bawah dan "
    "batas atas; di bawahnya dihitung terhadap batas bawah (semakin tinggi semakin baik), di "
    "atasnya terhadap batas atas (semakin rendah semakin baik).",
}


def aturan_capaian(indikator: Indikator) -> str:
    """The capaian rule the indikator uses, read from its own ``arah``."""
    return ATURAN_CAPAIAN[indikator.arah]


def manual_kurang(manual: ManualIndikator | None) -> list[str]:
    """The labels of the fields a manual still lacks (all of them when there is none)."""
    labels = [str(ManualIndikator._meta.get_field(f).verbose_name) for f in ManualIndikator.WAJIB]
    if manual is None:
        return labels
    return [
        label
        for field, label in zip(ManualIndikator.WAJIB, labels, strict=True)
        if not str(getattr(manual, field) or "").strip()
    ]


def manual_get(*, indikator: Indikator) -> ManualIndikator | None:
    return ManualIndikator.objects.filter(indikator=indikator).first()


def manual_lengkap(indikator: Indikator) -> bool:
    """Does the indikator have a manual with every field of ``ManualIndikator.WAJIB`` filled?"""
    return not manual_kurang(manual_get(indikator=indikator))


def keputusan_iku_get(*, renstra: Renstra) -> KeputusanIku | None:
    return KeputusanIku.objects.filter(renstra=renstra).first()


def indikator_renstra_list(*, renstra: Renstra):
    """Every indikator of the Renstra, with its sasaran, manual and IKU rows."""
    return (
        Indikator.objects.filter(sasaran__tujuan__renstra=renstra)
        .select_related("sasaran__unit", "manual__unit_penanggung_jawab")
        .prefetch_related(Prefetch("iku", queryset=IkuIndikator.objects.all()))
        .order_by("sasaran__nomor", "kode")
    )


def _manual(indikator: Indikator) -> ManualIndikator | None:
    try:
        return indikator.manual
    except ManualIndikator.DoesNotExist:
        return None


def iku_baris_list(*, renstra: Renstra) -> list[dict]:
    """One row per indikator of the Renstra: is it IKU, its manual, what the manual lacks."""
    keputusan = keputusan_iku_get(renstra=renstra)
    baris = []
    for ind in indikator_renstra_list(renstra=renstra):
        manual = _manual(ind)
        baris.append(
            {
                "indikator": ind,
                "iku": keputusan is not None
                and any(r.keputusan_id == keputusan.pk for r in ind.iku.all()),
                "manual": manual,
                "kurang": manual_kurang(manual),
                "aturan": aturan_capaian(ind),
            }
        )
    return baris


def iku_indikator_list(*, renstra: Renstra) -> list[Indikator]:
    """The indikator the Renstra's IKU decree names (none without a decree)."""
    return [b["indikator"] for b in iku_baris_list(renstra=renstra) if b["iku"]]


def manual_tidak_lengkap_list(*, renstra: Renstra) -> list[dict]:
    """The IKU indikator whose manual is missing or incomplete, with what each lacks."""
    return [b for b in iku_baris_list(renstra=renstra) if b["iku"] and b["kurang"]]


def manual_iku_konten(*, renstra: Renstra) -> dict:
    """What the printed Manual IKU shows: the satker, the decree, one manual per IKU."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    return {
        "renstra": renstra,
        "keputusan": keputusan_iku_get(renstra=renstra),
        "baris": [b for b in iku_baris_list(renstra=renstra) if b["iku"]],
        "satker": {
            "nama": satker.nama if satker else "Sekretariat KPU",
            "nama_komisi": f"KPU {satker.nama_wilayah}" if satker else "KPU",
        },
    }
