"""The letterhead (kop) and the signature block of every recruitment document, from the data:
the satker's name, kabupaten/kota, address and logo (``sekretariat.selectors.satker_get``) and
the signatory holding the post on the document's date (the Ketua KPU from the commissioners'
periods, or the Sekretaris from the riwayat jabatan). Nothing about a particular satker is in a
template (``templates/badan_adhoc/pdf/_kop.html``, ``_ttd.html``)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from kpu_site import formatting
from sekretariat import selectors as org

KETUA = "ketua"
SEKRETARIS = "sekretaris"
PERAN_PENANDATANGAN = {KETUA: "Ketua", SEKRETARIS: "Sekretaris"}
_BACA = object()  # "read the satker" (None: there is none)


def komisi_nama(satker=_BACA) -> str:
    """``KPU Kabupaten Lebak`` (the commission of the satker's kabupaten/kota)."""
    satker = org.satker_get() if satker is _BACA else satker
    return f"KPU {satker.nama_wilayah}" if satker else "KPU"


def tempat(satker=_BACA) -> str:
    """The place of signing: the satker's kabupaten/kota without its prefix ("Lebak")."""
    satker = org.satker_get() if satker is _BACA else satker
    if satker is None:
        return ""
    return satker.nama_wilayah.removeprefix("Kota ").removeprefix("Kabupaten ")


def kop_konteks(satker=_BACA) -> dict:
    """What ``_kop.html`` prints: the commission and its kabupaten/kota, the secretariat's
    name, address and logo (the KPU logo before a satker's own is uploaded)."""
    satker = org.satker_get() if satker is _BACA else satker
    return {
        "komisi": "KOMISI PEMILIHAN UMUM",
        "wilayah": satker.nama_wilayah.upper() if satker else "",
        "nama": satker.nama if satker else "",
        "alamat": satker.alamat if satker else "",
        "logo_url": satker.logo.url if satker and satker.logo else "/static/img/logo-kpu.svg",
        "kode_satker": satker.kode_satker if satker else "",
        "tempat": tempat(satker),
    }


def _pemegang(peran: str, tanggal: date) -> tuple[str, str] | None:
    """``(nama, nip)`` of who holds ``peran`` on ``tanggal``, or None."""
    if peran == SEKRETARIS:
        p = org.pejabat_sekretaris(tanggal=tanggal)
        return (p.nama, p.nip or "") if p else None
    k = org.ketua_komisioner(tanggal=tanggal)
    return (k.nama, "") if k else None


def jabatan_teks(peran: str, satker=_BACA) -> str:
    """``Ketua KPU Kabupaten Lebak`` / ``Sekretaris KPU Kabupaten Lebak``."""
    return f"{PERAN_PENANDATANGAN.get(peran, 'Ketua')} {komisi_nama(satker)}"


def penandatangan_tentukan(*, peran: str, tanggal: date, nama: str = "") -> dict:
    """The signatory of a document dated ``tanggal``: ``{"nama", "nip", "jabatan"}``. ``nama``
    (optional) is who the user means to sign: refused with a message naming who holds the post
    on that date. Nobody in the post: refused, saying so."""
    if peran not in PERAN_PENANDATANGAN:
        raise ValidationError({"penandatangan": f"Penandatangan tidak dikenal: {peran!r}."})
    jabatan = jabatan_teks(peran)
    pemegang = _pemegang(peran, tanggal)
    tgl = formatting.tanggal(tanggal)
    if pemegang is None:
        sumber = "data komisioner" if peran == KETUA else "riwayat jabatan pegawai"
        raise ValidationError(
            {
                "penandatangan": f"Tidak ada {jabatan} yang menjabat pada {tgl}: "
                f"lengkapi {sumber} sebelum menerbitkan dokumen bertanggal {tgl}."
            }
        )
    if nama and nama.strip().casefold() != pemegang[0].strip().casefold():
        raise ValidationError(
            {
                "penandatangan": f"{nama.strip()} bukan {jabatan} pada {tgl}; "
                f"yang menjabat pada tanggal itu: {pemegang[0]}"
            }
        )
    return {"nama": pemegang[0], "nip": pemegang[1], "jabatan": jabatan}


def ttd_konteks(
    *, peran: str = KETUA, tanggal: date, penandatangan: dict | None = None, satker=_BACA
) -> dict:
    """What ``_ttd.html`` prints: place, date, the post and the name. ``penandatangan`` is the
    one frozen at issue; without it (a draft) the holder on ``tanggal``, or a blank line."""
    satker = org.satker_get() if satker is _BACA else satker
    if penandatangan is None:
        pemegang = _pemegang(peran, tanggal)
        penandatangan = {
            "nama": pemegang[0] if pemegang else "",
            "nip": pemegang[1] if pemegang else "",
            "jabatan": jabatan_teks(peran, satker),
        }
    t = tempat(satker)
    return {
        "tempat_tanggal": (f"{t}, " if t else "") + formatting.tanggal(tanggal),
        **penandatangan,
    }
