"""Sample URL arguments for the access matrix test (from the demo data)."""


def _dipa():
    from anggaran.models import DokumenAnggaran

    return {"pk": DokumenAnggaran.objects.get(jenis="dipa", tahun=2023).pk}


def _revisi():
    """A revision proper (not the pagu awal), whose IKPA flag can be changed."""
    from anggaran.models import Revisi

    return {"pk": Revisi.objects.filter(dokumen__tahun=2023, nomor__gte=1).first().pk}


def _mutasi_up():
    """A movement of the 2023 UP/TUP register (recorded here when the demo has none)."""
    from datetime import date
    from decimal import Decimal

    from anggaran import services_up
    from anggaran.models import DokumenAnggaran, MutasiUp

    mutasi = MutasiUp.objects.filter(dokumen__tahun=2023).first()
    if mutasi is None:
        mutasi = services_up.mutasi_up_create(
            pengguna=None,
            dokumen=DokumenAnggaran.objects.get(jenis="dipa", tahun=2023),
            jenis="up",
            nomor="UP-CONTOH",
            tanggal=date(2023, 1, 16),
            nilai=Decimal("100000000"),
        )
    return {"pk": mutasi.pk}


def _dispensasi():
    """An SPM dispensation of 2023 (recorded here when the demo has none)."""
    from datetime import date

    from anggaran import services_up
    from anggaran.models import DispensasiSpm, DokumenAnggaran

    dispensasi = DispensasiSpm.objects.filter(dokumen__tahun=2023).first()
    if dispensasi is None:
        dispensasi = services_up.dispensasi_create(
            pengguna=None,
            dokumen=DokumenAnggaran.objects.get(jenis="dipa", tahun=2023),
            nomor="S-CONTOH",
            tanggal=date(2023, 3, 6),
            jumlah_spm=1,
            alasan="Contoh",
        )
    return {"pk": dispensasi.pk}


CONTOH = {
    "anggaran:dokumen_kunci": _dipa,
    "anggaran:dokumen_buka": _dipa,
    "anggaran:laporan": lambda: {"tahun": 2023},
    "anggaran:ikpa": lambda: {"tahun": 2023},
    "anggaran:ikpa_parameter": lambda: {"tahun": 2023},
    "anggaran:revisi_ikpa_update": _revisi,
    "anggaran:mutasi_up_update": _mutasi_up,
    "anggaran:mutasi_up_delete": _mutasi_up,
    "anggaran:dispensasi_update": _dispensasi,
    "anggaran:dispensasi_delete": _dispensasi,
    "anggaran-mutasiup-detail": _mutasi_up,
    "anggaran-dispensasispm-detail": _dispensasi,
    "anggaran:verifikasi": lambda: {"jenis": "mutasi-up", **_mutasi_up()},
    "anggaran-mutasiup-verifikasi": _mutasi_up,
    "anggaran-dispensasispm-verifikasi": _dispensasi,
}
