"""Sample arguments for the LKj pages in the access matrix: a final version with a file, and a
finished DRAF version for the version page and its download."""

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


def _laporan_draf():
    """A finished DRAF version: the Auditor opens it (page and PDF) to review it (reviu APIP,
    issue 18 item 5), so the README row's ✓ for the Auditor is checked on a draft, not only on
    a final version as before."""
    from kinerja.lkj.models import LaporanKinerja

    laporan = LaporanKinerja.objects.filter(tahun=2022, versi=2).first()
    if laporan is None:
        laporan = LaporanKinerja(
            tahun=2022, versi=2, status="selesai", draf=True, progres=100, sha256="1" * 64
        )
        laporan.berkas.save("uji-draf.pdf", ContentFile(b"%PDF-1.4 draf"), save=False)
        laporan.save()
    return {"pk": laporan.pk}


CONTOH = {
    "kinerja:lkj_tahun": lambda: {"tahun": 2023},
    "kinerja:lkj_minta": lambda: {"tahun": 2023},
    "kinerja:lkj_naskah": lambda: {"tahun": 2023},
    "kinerja:lkj_temuan_jelaskan": lambda: {"tahun": 2023},
    "kinerja:lkj_pratinjau": lambda: {"tahun": 2023},
    "kinerja:lkj_detail": _laporan_draf,
    "kinerja:lkj_unduh": _laporan_draf,
    "kinerja:lkj_finalkan": _laporan_final,
    "kinerja-laporan-detail": _laporan_final,
    "kinerja-laporan-unduh": _laporan_final,
    "kinerja-laporan-finalkan": _laporan_final,
}
