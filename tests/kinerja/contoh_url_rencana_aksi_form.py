"""Sample URL arguments of the Rencana Aksi forms (the demo's PK 2023 and its monitoring)."""

from kinerja.models import AksiRencana, MonitoringBaris, MonitoringRencanaAksi, RencanaAksi
from kinerja.selectors import pk_berlaku


def _baris():
    return {"pk": pk_berlaku(tahun=2023).baris.order_by("pk").first().pk}


def _ttd():
    ttd = MonitoringRencanaAksi.objects.filter(status="ditandatangani").order_by("pk").first()
    return {"pk": ttd.pk}


CONTOH = {
    "kinerja:rencana_aksi_baris": _baris,
    "kinerja:rencana_aksi_aksi_tambah": lambda: {
        "pk": RencanaAksi.objects.order_by("pk").first().pk
    },
    "kinerja:rencana_aksi_aksi_hapus": lambda: {
        "pk": AksiRencana.objects.order_by("pk").first().pk
    },
    "kinerja:monitoring_ra_buat": lambda: {"tahun": 2023, "triwulan": "tw1"},
    "kinerja:monitoring_ra_baris_ubah": lambda: {
        "pk": MonitoringBaris.objects.filter(indikator__sasaran__unit__kode="perencanaan")
        .order_by("pk")
        .first()
        .pk
    },
    "kinerja:monitoring_ra_tandatangani": _ttd,
    "kinerja:monitoring_ra_perubahan": _ttd,
}
