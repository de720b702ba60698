"""Sample arguments for the LKj pages in the access matrix: a final version with a file
(the Auditor may see final versions only)."""

from django.core.files.base import ContentFile


def _laporan_final():
    from kinerja.lkj.models import LaporanKinerja

    laporan = LaporanKinerja.objects.filter(tahun=2022, versi=1).first()
    if laporan is None:
        laporan = LaporanKinerja(
            tahun=2022, versi=1, status="final", draf=False, progres=100, sha256="0" * 64
        )
        laporan.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
        laporan.save()
    return {"pk": laporan.pk}


CONTOH = {
    "kinerja:lkj_tahun": lambda: {"tahun": 2023},
    "kinerja:lkj_minta": lambda: {"tahun": 2023},
    "kinerja:lkj_naskah": lambda: {"tahun": 2023},
    "kinerja:lkj_temuan_jelaskan": lambda: {"tahun": 2023},
    "kinerja:lkj_pratinjau": lambda: {"tahun": 2023},
    "kinerja:lkj_detail": _laporan_final,
    "kinerja:lkj_unduh": _laporan_final,
    "kinerja:lkj_finalkan": _laporan_final,
    "kinerja-laporan-detail": _laporan_final,
    "kinerja-laporan-unduh": _laporan_final,
    "kinerja-laporan-finalkan": _laporan_final,
}
