"""Sample URL arguments for the access matrix (from the demo data)."""

from badan_adhoc.models import DokumenPendaftar, KlarifikasiParpol, Pendaftar, Rekrutmen


def _rekrutmen():
    return {"pk": Rekrutmen.objects.get(kode="pps-pemilu-2024").pk}


def _pendaftar():
    return {"pk": Pendaftar.objects.filter(rekrutmen__kode="pps-pemilu-2024").order_by("pk")[0].pk}


def _klarifikasi():
    return {"pk": KlarifikasiParpol.objects.order_by("pk")[0].pk}


def _dokumen():
    return {"pk": DokumenPendaftar.objects.order_by("pk")[0].pk}


CONTOH = {
    "badan_adhoc:rekrutmen_seleksi": _rekrutmen,
    "badan_adhoc:pendaftar_list": _rekrutmen,
    "badan_adhoc:pendaftar_export": _rekrutmen,
    "badan_adhoc:pendaftar_create": _rekrutmen,
    "badan_adhoc:pendaftar_import": _rekrutmen,
    "badan_adhoc:pendaftar_update": _pendaftar,
    "badan_adhoc:pendaftar_override": _pendaftar,
    "badan_adhoc:klarifikasi_upload": _pendaftar,
    "badan_adhoc:dokumen_upload": _pendaftar,
    "badan_adhoc:klarifikasi_decide": _klarifikasi,
    "badan_adhoc:klarifikasi_download": _klarifikasi,
    "badan_adhoc:dokumen_download": _dokumen,
}
