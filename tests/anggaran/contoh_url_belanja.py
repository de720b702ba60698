"""Sample URL arguments of the contract and invoice pages for the access matrix test (a
contract and an invoice of the demo's 2023 DIPA, recorded here when the demo has none)."""


def _tagihan():
    from anggaran.models import Tagihan

    tagihan = Tagihan.objects.filter(kontrak__dokumen__tahun=2023).first()
    if tagihan is None:
        from datetime import date
        from decimal import Decimal

        from anggaran.models import DokumenAnggaran, Kontrak, Pos

        dipa = DokumenAnggaran.objects.get(jenis="dipa", tahun=2023)
        kontrak = Kontrak.objects.create(
            dokumen=dipa,
            akun=Pos.objects.filter(dokumen=dipa, tingkat="akun", kode__startswith="52").first(),
            nomor="K-CONTOH",
            tanggal=date(2023, 2, 1),
            tanggal_selesai=date(2023, 3, 1),
            penyedia="Contoh",
            uraian="Contoh",
            nilai=Decimal("1000000"),
        )
        tagihan = Tagihan.objects.create(
            kontrak=kontrak, nomor="T-CONTOH", tanggal_bast=date(2023, 3, 1), nilai=Decimal("1")
        )
    return tagihan


def _kontrak():
    return {"pk": _tagihan().kontrak_id}


CONTOH = {
    "anggaran:kontrak_update": _kontrak,
    "anggaran:kontrak_delete": _kontrak,
    "anggaran:tagihan_create": _kontrak,
    "anggaran:tagihan_update": lambda: {"pk": _tagihan().pk},
    "anggaran:tagihan_delete": lambda: {"pk": _tagihan().pk},
    "anggaran-kontrak-detail": _kontrak,
    "anggaran-tagihan-detail": lambda: {"pk": _tagihan().pk},
    "anggaran-kontrak-verifikasi": _kontrak,
    "anggaran-tagihan-verifikasi": lambda: {"pk": _tagihan().pk},
}
