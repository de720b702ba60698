"""The announcement of the opening of registration (pengumuman pendaftaran, issue 19 item 2):
a numbered document naming the body and the election, the seats per wilayah (the seat norm
copied on the recruitment × the units), the requirements, the documents to hand in (the
recruitment's checklist, ``model_berkas.ItemBerkas``), the registration dates (the stage
*pendaftaran*) and the place. Everything comes from the data; the letterhead and signature are
the shared partials (``kop.py``)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from kpu_site import formatting

from ..model_berkas import ItemBerkas
from ..models import JenisBadan, Rekrutmen, TahapanRekrutmen
from ..selectors.rekrutmen import kursi_per_wilayah_qs, wilayah_tujuan_qs
from .jenis import dokumen_jenis, pdf_resmi
from .model_nomor import JenisNomor
from .penomoran import JENIS_BERNOMOR

JENIS_BERNOMOR[("pengumuman_pendaftaran", None)] = JenisNomor.PENGUMUMAN_PENDAFTARAN

#: The requirements of PKPU 8/2022 (as amended) art. 35 for members of PPK, PPS and KPPS
#: (the same list; Pantarlih alike), in the words of an announcement.
SYARAT = (
    "Warga Negara Indonesia.",
    "Berusia paling rendah 17 (tujuh belas) tahun pada tanggal acuan.",
    "Setia kepada Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, Negara "
    "Kesatuan Republik Indonesia, Bhinneka Tunggal Ika, dan cita-cita Proklamasi 17 Agustus 1945.",
    "Mempunyai integritas, pribadi yang kuat, jujur, dan adil.",
    "Tidak menjadi anggota partai politik atau sekurang-kurangnya dalam jangka waktu 5 (lima) "
    "tahun tidak menjadi anggota partai politik, dibuktikan dengan surat pernyataan.",
    "Berdomisili dalam wilayah kerja yang dilamar.",
    "Mampu secara jasmani, rohani, dan bebas dari penyalahgunaan narkotika.",
    "Berpendidikan paling rendah sekolah menengah atas atau sederajat.",
    "Tidak pernah dipidana penjara berdasarkan putusan pengadilan yang telah berkekuatan hukum "
    "tetap karena melakukan tindak pidana yang diancam pidana penjara 5 (lima) tahun atau lebih.",
    "Belum pernah menjabat 2 (dua) periode dalam jabatan yang sama sebagai anggota badan ad hoc.",
    "Tidak berada dalam ikatan perkawinan dengan sesama penyelenggara pemilu.",
)


def pendaftaran_hitung(rekrutmen: Rekrutmen) -> dict:
    """What the announcement states, read in four queries: seats per wilayah (those with
    seats) and in all, the checklist, the registration stage."""
    nama = dict(wilayah_tujuan_qs(rekrutmen).values_list("pk", "nama"))
    kursi = [(nama[pk], n) for pk, n in kursi_per_wilayah_qs(rekrutmen) if n]
    kursi.sort()
    tahap = TahapanRekrutmen.objects.filter(
        rekrutmen=rekrutmen, tahap=TahapanRekrutmen.Tahap.PENDAFTARAN
    ).first()
    return {
        "kursi": kursi,
        "kursi_total": sum(n for _w, n in kursi),
        "berkas": list(ItemBerkas.objects.filter(rekrutmen=rekrutmen).values_list("nama", "wajib")),
        "syarat": SYARAT,
        "jadwal": (
            f"{formatting.tanggal(tahap.mulai)} s.d. {formatting.tanggal(tahap.selesai)}"
            if tahap
            else "(jadwal pendaftaran belum diisi pada tahapan rekrutmen)"
        ),
    }


def tempat_pendaftaran(rekrutmen: Rekrutmen, kop: dict) -> str:
    """KPPS and Pantarlih register at the PPS of their desa/kelurahan; PPK and PPS at the
    secretariat of the KPU (its address from the satker record)."""
    if rekrutmen.per_tps:
        return "Sekretariat PPS di desa/kelurahan tempat pendaftar berdomisili."
    alamat = f", {kop['alamat']}" if kop.get("alamat") else ""
    return f"Kantor {kop['nama'] or 'Sekretariat KPU'}{alamat}."


def pendaftaran_judul(rekrutmen, parameter: dict) -> str:
    return f"Pengumuman Pendaftaran Calon Anggota {rekrutmen.nama}"


def pendaftaran_pdf(rekrutmen: Rekrutmen, *, terbitan: dict | None = None) -> tuple[bytes, int]:
    from kpu_site.pdf import html_ke_pdf

    from ..pengumuman import kop_ttd_konteks

    konteks = kop_ttd_konteks(terbitan)
    satuan = {JenisBadan.PPK: "Kecamatan"}.get(rekrutmen.jenis_badan, "Desa/Kelurahan")
    html = render_to_string(
        "badan_adhoc/pdf/pengumuman_pendaftaran.html",
        {
            "rekrutmen": rekrutmen,
            "judul": pendaftaran_judul(rekrutmen, {}),
            "hitung": pendaftaran_hitung(rekrutmen),
            "satuan": satuan,
            "tempat_daftar": tempat_pendaftaran(rekrutmen, konteks["kop"]),
            "dicetak": timezone.localtime(),
            **konteks,
        },
    )
    return html_ke_pdf(html)


@dokumen_jenis(
    "pengumuman_pendaftaran",
    label="Pengumuman pendaftaran (PDF)",
    ekstensi="pdf",
    publik=True,
    judul=pendaftaran_judul,
)
@pdf_resmi
def pendaftaran_tulis(dokumen, terbitan):
    return pendaftaran_pdf(dokumen.rekrutmen, terbitan=terbitan)
