"""Sample URL arguments of the RO output pages and API for the access matrix: the first RO of
the demo DIPA 2023, with a target and a submitted January with evidence (a link), made here
when the demo has none yet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def _ro():
    from anggaran.models import Pos

    return (
        Pos.objects.filter(dokumen__jenis="dipa", dokumen__tahun=2023, tingkat="ro")
        .order_by("urutan", "kode_lengkap")
        .first()
    )


def _realisasi():
    from anggaran.models import RealisasiOutput, VolumeRo
    from anggaran.selectors import revisi_terakhir

    ro = _ro()
    VolumeRo.objects.get_or_create(
        revisi=revisi_terakhir(dokumen=ro.dokumen), ro=ro, defaults={"volume": Decimal("6")}
    )
    realisasi, _ = RealisasiOutput.objects.get_or_create(
        ro=ro,
        bulan=1,
        defaults={
            "volume": Decimal("1"),
            "tanggal_lapor": date(2023, 2, 3),
            "tautan_bukti": "https://contoh.go.id/bukti-output",
            "status": RealisasiOutput.Status.DIAJUKAN,
        },
    )
    if not realisasi.bukti and not realisasi.tautan_bukti:  # the evidence URL needs one
        RealisasiOutput.objects.filter(pk=realisasi.pk).update(
            tautan_bukti="https://contoh.go.id/bukti-output"
        )
    return realisasi


def _target():
    return _realisasi().ro.volume_target.order_by("-revisi__nomor").first()


CONTOH = {
    "anggaran:volume_ro_update": lambda: {"pk": _ro().pk},
    "anggaran:output_isi": lambda: {"pk": _ro().pk, "bulan": 1},
    "anggaran:output_aksi": lambda: {"pk": _realisasi().pk},
    "anggaran:output_bukti": lambda: {"pk": _realisasi().pk},
    "anggaran-volume-ro-detail": lambda: {"pk": _target().pk},
    "anggaran-realisasi-output-detail": lambda: {"pk": _realisasi().pk},
    "anggaran-realisasi-output-ajukan": lambda: {"pk": _realisasi().pk},
    "anggaran-realisasi-output-verifikasi": lambda: {"pk": _realisasi().pk},
    "anggaran-realisasi-output-kembalikan": lambda: {"pk": _realisasi().pk},
}
