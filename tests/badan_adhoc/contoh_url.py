"""Sample URL arguments for the access matrix (from the demo data)."""

from badan_adhoc.models import (
    AnggotaBadan,
    DokumenPendaftar,
    KlarifikasiParpol,
    Pendaftar,
    Rekrutmen,
)


def _rekrutmen():
    return {"pk": Rekrutmen.objects.get(kode="pps-pemilu-2024").pk}


def _pendaftar():
    return {"pk": Pendaftar.objects.filter(rekrutmen__kode="pps-pemilu-2024").order_by("pk")[0].pk}


def _klarifikasi():
    return {"pk": KlarifikasiParpol.objects.order_by("pk")[0].pk}


def _dokumen():
    return {"pk": DokumenPendaftar.objects.order_by("pk")[0].pk}


def _dokumen_rekrutmen():
    """A finished announcement of the demo's PPS recruitment, published (stored bytes; the
    matrix test does not render)."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from badan_adhoc.dokumen.models import DokumenRekrutmen

    dokumen = DokumenRekrutmen.objects.filter(kunci="m" * 64).first()
    if dokumen is None:
        dokumen = DokumenRekrutmen(
            rekrutmen=Rekrutmen.objects.get(kode="pps-pemilu-2024"),
            jenis="pengumuman_pdf",
            parameter={"tahap": "administrasi", "kecamatan": None},
            judul="Pengumuman uji matriks akses",
            kunci="m" * 64,
            status="selesai",
            progres=100,
            sha256="0" * 64,
            diterbitkan_pada=timezone.now(),
        )
        dokumen.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
        dokumen.save()
    return {"pk": dokumen.pk}


def _tanggapan():
    """A public comment of the demo with an attachment (``badan_adhoc.demo_tanggapan``)."""
    from badan_adhoc.model_tanggapan import TanggapanMasyarakat

    return {"pk": TanggapanMasyarakat.objects.exclude(lampiran="").order_by("pk")[0].pk}


def _anggota():
    return {
        "pk": AnggotaBadan.objects.filter(rekrutmen__kode="pps-pemilu-2024", status="aktif")
        .order_by("pk")[0]
        .pk
    }


def _item_berkas():
    from badan_adhoc.model_berkas import ItemBerkas

    return {"pk": ItemBerkas.objects.filter(rekrutmen__kode="pps-pemilu-2024").order_by("pk")[0].pk}


CONTOH = {
    "badan_adhoc:peringkat": _rekrutmen,
    "badan_adhoc:rekrutmen_tahap": _rekrutmen,
    "badan_adhoc:nilai_import": _rekrutmen,
    "badan_adhoc:nilai_export": _rekrutmen,
    "badan_adhoc:pendaftar_export_impor": _rekrutmen,
    "badan_adhoc:pengumuman_pdf": _rekrutmen,
    "badan_adhoc:pengumuman_excel": _rekrutmen,
    "badan_adhoc:anggota_list": _rekrutmen,
    "badan_adhoc:penetapan": _rekrutmen,
    "badan_adhoc:honor": _rekrutmen,
    "badan_adhoc:pola_nomor_ubah": lambda: {"jenis": "hasil_akhir"},
    "badan_adhoc-polanomor-detail": lambda: {"jenis": "hasil_akhir"},
    "badan_adhoc:paw": _anggota,
    "badan_adhoc:anggota_jabatan": _anggota,
    "badan_adhoc:rekrutmen_seleksi": _rekrutmen,
    "badan_adhoc:rekrutmen_tahapan": _rekrutmen,
    "badan_adhoc:pendaftar_list": _rekrutmen,
    "badan_adhoc:pendaftar_export": _rekrutmen,
    "badan_adhoc:pendaftar_create": _rekrutmen,
    "badan_adhoc:pendaftar_import": _rekrutmen,
    "badan_adhoc:pendaftar_update": _pendaftar,
    "badan_adhoc:pendaftar_override": _pendaftar,
    "badan_adhoc:pendaftar_nilai": _pendaftar,
    "badan_adhoc:klarifikasi_upload": _pendaftar,
    "badan_adhoc:dokumen_upload": _pendaftar,
    "badan_adhoc:klarifikasi_decide": _klarifikasi,
    "badan_adhoc:klarifikasi_download": _klarifikasi,
    "badan_adhoc:dokumen_download": _dokumen,
    "badan_adhoc:rekrutmen_dokumen": _rekrutmen,
    "badan_adhoc:rekrutmen_dokumen_minta": _rekrutmen,
    "badan_adhoc:dokumen_rekrutmen_detail": _dokumen_rekrutmen,
    "badan_adhoc:dokumen_rekrutmen_unduh": _dokumen_rekrutmen,
    "badan_adhoc:dokumen_rekrutmen_terbitkan": _dokumen_rekrutmen,
    "badan_adhoc:dokumen_rekrutmen_nomori": _dokumen_rekrutmen,
    "badan_adhoc-dokumenrekrutmen-detail": _dokumen_rekrutmen,
    "badan_adhoc-dokumenrekrutmen-progres": _dokumen_rekrutmen,
    "badan_adhoc-dokumenrekrutmen-unduh": _dokumen_rekrutmen,
    "badan_adhoc-dokumenrekrutmen-terbitkan": _dokumen_rekrutmen,
    "badan_adhoc-dokumenrekrutmen-nomori": _dokumen_rekrutmen,
    "publik:pengumuman_unduh": _dokumen_rekrutmen,
    "publik:tanggapan_form": _rekrutmen,
    "badan_adhoc:tanggapan_tindak_lanjut": _tanggapan,
    "badan_adhoc:tanggapan_lampiran": _tanggapan,
    "badan_adhoc-tanggapan-detail": _tanggapan,
    "badan_adhoc-tanggapan-tindak-lanjut": _tanggapan,
    "badan_adhoc:pendaftar_berkas": _pendaftar,
    "badan_adhoc-berkaspendaftar-detail": _pendaftar,
    "badan_adhoc-berkaspendaftar-simpan": _pendaftar,
    "badan_adhoc-berkasrekrutmen-detail": _rekrutmen,
    "badan_adhoc:item_berkas": _rekrutmen,
    "badan_adhoc-itemberkas-detail": _item_berkas,
}
