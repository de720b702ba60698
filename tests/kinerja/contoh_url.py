"""Sample URL arguments from the demo data for the access matrix test."""

from kinerja.models import BuktiDukung, Indikator, PerjanjianKinerja, PKBaris, Realisasi


def _pertama(model):
    return model.objects.order_by("pk").first().pk


def _isi():
    indikator = Indikator.objects.filter(sasaran__unit__kode="perencanaan").order_by("pk").first()
    return {"tahun": 2023, "indikator_pk": indikator.pk, "periode": "tahunan"}


CONTOH = {
    "kinerja:pk_detail": lambda: {"tahun": 2023},
    "kinerja:pk_cetak": lambda: {"tahun": 2023},
    "kinerja:pk_target_impor": lambda: {"tahun": 2023},
    "kinerja:realisasi_impor": lambda: {"tahun": 2023},
    "kinerja:rencana_aksi": lambda: {"tahun": 2023},
    "kinerja:monitoring_ra": lambda: {"tahun": 2023, "triwulan": "tw4"},
    "kinerja:realisasi_list": lambda: {"tahun": 2023},
    "kinerja:capaian": lambda: {"tahun": 2023},
    "kinerja:analisis": lambda: {"tahun": 2023},
    "kinerja:realisasi_isi": _isi,
    "kinerja:realisasi_validasi": _isi,
    "kinerja:pk_ubah": lambda: {"pk": _pertama(PerjanjianKinerja)},
    "kinerja:pk_tandatangani": lambda: {"pk": _pertama(PerjanjianKinerja)},
    "kinerja:pk_perubahan": lambda: {"pk": _pertama(PerjanjianKinerja)},
    "kinerja:pk_baris_ubah": lambda: {"pk": _pertama(PKBaris)},
    "kinerja:realisasi_aksi": lambda: {"pk": _pertama(Realisasi)},
    "kinerja:bukti_tambah": lambda: {"pk": _pertama(Realisasi)},
    "kinerja:bukti_unduh": lambda: {"pk": _pertama(BuktiDukung)},
    "kinerja:bukti_hapus": lambda: {"pk": _pertama(BuktiDukung)},
}
