"""The decrees of a recruitment (issue 19 item 2): the Keputusan KPU on the appointment of the
members (``sk_penetapan``, with its lampiran per wilayah) and one Keputusan per pergantian
antarwaktu (``sk_paw``). Numbered like the other official documents
(``penomoran.dokumen_terbitkan_bernomor``), signed by the Ketua on the document's date.

The lampiran is public: name, jabatan and wilayah, never the NIK. The members come from
``AnggotaBadan`` (``services.penetapan``): the appointment lists the members appointed by the
penetapan (not the PAW replacements, which have their own decree); a PAW decree names the
member who stopped (``menggantikan``), why, and the reserve who takes the seat.

Appointments and comments do not raise the applicants' data version, so the kinds whose text
depends on them carry a ``sidik`` (fingerprint of that data) in their parameters: a request
after a change renders a new draft instead of returning the old one."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils import timezone

from kpu_site.batas import id_param

from ..models import AnggotaBadan, JenisBadan
from .jenis import dokumen_jenis, pdf_resmi

NAMA_BADAN = {
    JenisBadan.PPK: "Panitia Pemilihan Kecamatan (PPK)",
    JenisBadan.PPS: "Panitia Pemungutan Suara (PPS)",
    JenisBadan.KPPS: "Kelompok Penyelenggara Pemungutan Suara (KPPS)",
    JenisBadan.PANTARLIH: "Petugas Pemutakhiran Data Pemilih (Pantarlih)",
}
SATUAN_WILAYAH = {JenisBadan.PPK: "kecamatan"}  # the others: desa/kelurahan


def sidik(*bagian) -> str:
    """A short fingerprint of the data a document's text depends on."""
    return hashlib.sha256(repr(bagian).encode()).hexdigest()[:12]


def badan_nama(rekrutmen) -> str:
    return NAMA_BADAN.get(rekrutmen.jenis_badan, rekrutmen.get_jenis_badan_display())


def satuan_wilayah(rekrutmen) -> str:
    return SATUAN_WILAYAH.get(rekrutmen.jenis_badan, "desa/kelurahan")


def dasar_hukum(rekrutmen) -> list[str]:
    """The "Mengingat" of the decrees (generic; a Pilkada adds the Pilkada law)."""
    dasar = ["Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"]
    if "pilkada" in rekrutmen.pemilihan.casefold():
        dasar.append(
            "Undang-Undang Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Wali Kota "
            "beserta perubahannya"
        )
    dasar.append(
        "Peraturan Komisi Pemilihan Umum tentang Pembentukan dan Tata Kerja Badan Ad Hoc "
        "Penyelenggara Pemilihan Umum beserta perubahannya"
    )
    return dasar


def _anggota_penetapan(rekrutmen, kecamatan: int | None = None):
    """The members appointed by the penetapan (a PAW replacement has its own decree), of one
    kecamatan when given (KPPS/Pantarlih: one decree per kecamatan)."""
    qs = AnggotaBadan.objects.filter(rekrutmen=rekrutmen, menggantikan__isnull=True)
    if kecamatan:
        qs = qs.filter(wilayah__induk_id=kecamatan)
    return qs


def sk_penetapan_hitung(rekrutmen, kecamatan: int | None = None) -> dict:
    """Appointed members and the wilayah they serve, in one query."""
    return _anggota_penetapan(rekrutmen, kecamatan).aggregate(
        anggota=Count("pk"), wilayah=Count("wilayah", distinct=True)
    )


def sk_penetapan_lampiran(rekrutmen, kecamatan: int | None = None) -> list[dict]:
    """The lampiran: per wilayah (by code), its members (ketua first, then by name); name,
    jabatan and wilayah only. One query however many members."""
    baris = (
        _anggota_penetapan(rekrutmen, kecamatan)
        .select_related("wilayah", "wilayah__induk")
        .order_by("wilayah__kode", "jabatan", "nama", "pk")
    )
    urutan_jabatan = {"ketua": 0, "sekretaris": 1, "anggota": 2, "pelaksana": 3}
    grup: dict[int, dict] = {}
    for a in baris:
        g = grup.get(a.wilayah_id)
        if g is None:
            induk = a.wilayah.induk
            nama = a.wilayah.nama + (f", Kec. {induk.nama}" if induk else "")
            g = grup[a.wilayah_id] = {"wilayah": nama, "kode": a.wilayah.kode, "anggota": []}
        g["anggota"].append(a)
    for g in grup.values():
        g["anggota"].sort(key=lambda a: (urutan_jabatan.get(a.jabatan, 9), a.nama.casefold()))
    return list(grup.values())


def sk_penetapan_parameter(rekrutmen, data: dict) -> dict:
    """``{"sidik"}``; KPPS/Pantarlih also ``{"kecamatan"}`` (one decree per kecamatan: a
    regency's KPPS lampiran runs to thousands of names)."""
    from .render import kecamatan_pilih

    kec = kecamatan_pilih(rekrutmen, (data or {}).get("kecamatan")) if rekrutmen.per_tps else None
    anggota = _anggota_penetapan(rekrutmen, kec.pk if kec else None)
    agregat = anggota.aggregate(n=Count("pk"), akhir=Max("pk"))
    if not agregat["n"]:
        di = f" di Kecamatan {kec.nama}" if kec else ""
        raise ValidationError(
            f"{rekrutmen.nama} belum memiliki anggota yang ditetapkan{di}: lakukan penetapan "
            "anggota dahulu, lalu minta SK penetapan."
        )
    jabatan = list(anggota.order_by("pk").values_list("pk", "jabatan", "nama"))
    parameter = {"sidik": sidik(agregat["n"], agregat["akhir"], jabatan)}
    return parameter | ({"kecamatan": kec.pk} if kec else {})


def _kecamatan_sk(parameter: dict):
    from ..pengumuman import kecamatan_get

    return kecamatan_get((parameter or {}).get("kecamatan"))


def sk_penetapan_judul(rekrutmen, parameter: dict) -> str:
    kec = _kecamatan_sk(parameter)
    di = f" Kecamatan {kec.nama}" if kec else ""
    return (
        f"Keputusan Penetapan Anggota {rekrutmen.get_jenis_badan_display()}{di} – {rekrutmen.nama}"
    )


def _konteks_dasar(rekrutmen, terbitan: dict | None) -> dict:
    from ..pengumuman import kop_ttd_konteks

    return {
        "rekrutmen": rekrutmen,
        "badan": badan_nama(rekrutmen),
        "badan_singkat": rekrutmen.get_jenis_badan_display(),
        "satuan": satuan_wilayah(rekrutmen),
        "mengingat": dasar_hukum(rekrutmen),
        "dicetak": timezone.localtime(),
        **kop_ttd_konteks(terbitan),
    }


def sk_penetapan_pdf(
    rekrutmen, *, kecamatan=None, terbitan: dict | None = None
) -> tuple[bytes, int]:
    """The decree with its lampiran; ``kecamatan`` (a Wilayah): that kecamatan's members."""
    from kpu_site.pdf import html_ke_pdf

    kid = kecamatan.pk if kecamatan else None
    lampiran = sk_penetapan_lampiran(rekrutmen, kid)
    html = render_to_string(
        "badan_adhoc/pdf/sk_penetapan.html",
        {
            **_konteks_dasar(rekrutmen, terbitan),
            "kecamatan": kecamatan,
            "hitung": sk_penetapan_hitung(rekrutmen, kid),
            "lampiran": lampiran,
            "tata": _lampiran_tata(lampiran),
        },
    )
    return html_ke_pdf(html)


def _lampiran_tata(lampiran: list[dict]) -> dict | None:
    """The lampiran's lists as lines of text (``pengumuman_tata``: a KPPS lampiran of a
    kecamatan has thousands of names, a table cell per value took seconds per thousand);
    None (a plain table) without the font to measure with."""
    from .. import pengumuman_tata as tata

    huruf = tata.huruf_daftar()
    if huruf is None:
        return None
    kolom = tata.kolom_buat([("No.", 36, True), ("Nama", 216), ("Jabatan", 81), ("Wilayah", 0)])
    for g in lampiran:
        g["blok"] = tata.daftar_blok(
            (
                [str(i), a.nama, str(a.get_jabatan_display()), a.wilayah.nama]
                for i, a in enumerate(g["anggota"], start=1)
            ),
            kolom=kolom,
            huruf=huruf,
        )
    return tata.tata_konteks(kolom)


@dokumen_jenis(
    "sk_penetapan",
    label="Keputusan penetapan anggota dengan lampiran (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=sk_penetapan_parameter,
    judul=sk_penetapan_judul,
)
@pdf_resmi
def sk_penetapan_tulis(dokumen, terbitan):
    kecamatan = _kecamatan_sk(dokumen.parameter)
    return sk_penetapan_pdf(dokumen.rekrutmen, kecamatan=kecamatan, terbitan=terbitan)


# --- PAW --------------------------------------------------------------------------------------


def sk_paw_anggota(rekrutmen, pengganti_id) -> AnggotaBadan:
    """The replacement member of a PAW of ``rekrutmen`` with who they replace (one query);
    a ``ValidationError`` on field ``anggota`` otherwise."""
    pk = id_param(pengganti_id) if not isinstance(pengganti_id, int) else pengganti_id
    pengganti = (
        AnggotaBadan.objects.filter(rekrutmen=rekrutmen, pk=pk or 0, menggantikan__isnull=False)
        .select_related("wilayah", "wilayah__induk", "menggantikan", "pendaftar")
        .first()
    )
    if pengganti_id in (None, ""):
        raise ValidationError(
            {
                "anggota": "SK PAW disusun per pengganti: pilih tombol SK PAW pada baris anggota "
                "pengganti di halaman Anggota dan PAW."
            }
        )
    if pengganti is None:
        raise ValidationError(
            {
                "anggota": f"Anggota {pengganti_id!r} bukan pengganti antarwaktu (PAW) pada "
                f"{rekrutmen.nama}: pilih anggota pengganti dari daftar anggota."
            }
        )
    return pengganti


def sk_paw_parameter(rekrutmen, data: dict) -> dict:
    pengganti = sk_paw_anggota(rekrutmen, (data or {}).get("anggota"))
    return {"anggota": pengganti.pk}


def sk_paw_judul(rekrutmen, parameter: dict) -> str:
    a = AnggotaBadan.objects.filter(pk=parameter.get("anggota")).select_related("wilayah").first()
    siapa = f" {a.nama} ({a.wilayah.nama})" if a else ""
    return f"Keputusan PAW {rekrutmen.get_jenis_badan_display()}{siapa} – {rekrutmen.nama}"


def sk_paw_pdf(rekrutmen, *, pengganti_id: int, terbitan: dict | None = None):
    from kpu_site.pdf import html_ke_pdf

    pengganti = sk_paw_anggota(rekrutmen, pengganti_id)
    lama = pengganti.menggantikan
    wilayah = pengganti.wilayah.nama + (
        f", Kecamatan {pengganti.wilayah.induk.nama}" if pengganti.wilayah.induk else ""
    )
    html = render_to_string(
        "badan_adhoc/pdf/sk_paw.html",
        {
            **_konteks_dasar(rekrutmen, terbitan),
            "pengganti": pengganti,
            "lama": lama,
            "wilayah": wilayah,
            "alasan": lama.get_alasan_berhenti_display().lower(),
            "peringkat": pengganti.pendaftar.peringkat if pengganti.pendaftar else None,
        },
    )
    return html_ke_pdf(html)


@dokumen_jenis(
    "sk_paw",
    label="Keputusan pergantian antarwaktu (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=sk_paw_parameter,
    judul=sk_paw_judul,
)
@pdf_resmi
def sk_paw_tulis(dokumen, terbitan):
    return sk_paw_pdf(
        dokumen.rekrutmen, pengganti_id=dokumen.parameter["anggota"], terbitan=terbitan
    )
