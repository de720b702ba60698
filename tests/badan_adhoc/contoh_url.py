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


def _anggota():
    return {
        "pk": AnggotaBadan.objects.filter(rekrutmen__kode="pps-pemilu-2024", status="aktif")
        .order_by("pk")[0]
        .pk
    }


CONTOH = {
    "badan_adhoc:peringkat": _rekrutmen,
    "badan_adhoc:rekrutmen_tahap": _rekrutmen,
    "badan_adhoc:nilai_import": _rekrutmen,
    "badan_adhoc:pengumuman_pdf": _rekrutmen,
    "badan_adhoc:pengumuman_excel": _rekrutmen,
    "badan_adhoc:anggota_list": _rekrutmen,
    "badan_adhoc:penetapan": _rekrutmen,
    "badan_adhoc:honor": _rekrutmen,
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
}
