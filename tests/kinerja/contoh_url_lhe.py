"""Sample URL arguments of the LHE pages (the demo's LHE 2022, its open finding no. 3 and the
follow-up with a file)."""

from kinerja.model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut


def _lhe():
    return {"pk": LaporanHasilEvaluasi.objects.get(tahun=2022).pk}


def _temuan_terbuka():
    return {"pk": TemuanEvaluasi.objects.get(lhe__tahun=2022, nomor=2).pk}


CONTOH = {
    "kinerja:lhe_detail": _lhe,
    "kinerja:lhe_ubah": _lhe,
    "kinerja:lhe_unduh": _lhe,
    "kinerja:lhe_rekap": _lhe,
    "kinerja:temuan_lhe_buat": _lhe,
    "kinerja:temuan_lhe_ubah": _temuan_terbuka,
    "kinerja:tindak_lanjut_tambah": _temuan_terbuka,
    "kinerja:temuan_lhe_terima": _temuan_terbuka,
    "kinerja:tindak_lanjut_unduh": lambda: {
        "pk": TindakLanjut.objects.exclude(berkas="").first().pk
    },
}
