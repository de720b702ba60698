"""Issue 19 item 2 (second part): the SK penetapan with its lampiran, the SK of each PAW, and
the berita acara of the written test, the interview/final result and the public comments, as
numbered documents with the satker's own letterhead and counts computed from the data.

The crafted recruitment (``pps_diseleksi`` of test_penetapan): 11 MS applicants in one
kelurahan with 3 seats. Calon 00–09 take the CAT (Calon 10 is absent): 9 (3 × 3 seats) are
called to the interview; Calon 00–07 are interviewed (Calon 08 is absent): 6 (2 × 3) ranked,
3 terpilih (Calon 00, 01, 02: totals 170, 169, 168), 3 cadangan (Calon 03, 04, 05). Calon 00
becomes ketua; Calon 01 resigns and Calon 03 (the first reserve) replaces them. Three public
comments: one not handled, one without effect, one that changed a result."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from badan_adhoc.dokumen.berita_acara_tahap import (
    ba_akhir_hitung,
    ba_tanggapan_hitung,
    ba_tes_tertulis_hitung,
)
from badan_adhoc.dokumen.penomoran import dokumen_terbitkan_bernomor
from badan_adhoc.dokumen.services import dokumen_render, dokumen_request
from badan_adhoc.dokumen.sk import sk_penetapan_hitung, sk_penetapan_pdf
from badan_adhoc.model_tanggapan import TanggapanMasyarakat
from badan_adhoc.models import AnggotaBadan, Pendaftar, Wilayah
from badan_adhoc.services import (
    anggota_jabatan_set,
    paw_create,
    penetapan_create,
    peringkat_compute,
    wawancara_select,
)
from kpu_site.peran import Peran
from tests.badan_adhoc.test_penetapan import _nilai, pps_diseleksi  # noqa: F401  (fixture)
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db
HARI = date(2026, 11, 2)


@pytest.fixture
def rekrutmen(pps_diseleksi, staf_teknis):  # noqa: F811
    r = pps_diseleksi
    _nilai(r, staf_teknis, "nilai_cat", {i: 90 - i for i in range(10)})
    wawancara_select(rekrutmen=r, pengguna=staf_teknis)
    _nilai(r, staf_teknis, "nilai_wawancara", {i: 80 for i in range(8)})
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    penetapan_create(
        rekrutmen=r,
        nomor_sk="12/PP.04-Kpt/2023",
        tanggal_sk=date(2023, 1, 16),
        pengguna=staf_teknis,
    )
    anggota_jabatan_set(
        anggota=AnggotaBadan.objects.get(nama="Calon 00"), jabatan="ketua", pengguna=staf_teknis
    )
    return r


@pytest.fixture
def paw(rekrutmen, staf_teknis):
    return paw_create(
        anggota=AnggotaBadan.objects.get(nama="Calon 01"),
        alasan="mengundurkan_diri",
        tanggal_berhenti=date(2023, 6, 30),
        keterangan="pindah domisili",
        nomor_sk="20/PP.04-Kpt/2023",
        tanggal_sk=date(2023, 6, 28),
        pengguna=staf_teknis,
    )


def _tanggapan(rekrutmen):
    hasil = ["", "tidak_berpengaruh", "mengubah_hasil"]
    for i, h in enumerate(hasil):
        TanggapanMasyarakat.objects.create(
            rekrutmen=rekrutmen,
            pendaftar=Pendaftar.objects.get(nama=f"Calon 0{i}"),
            nama="Warga",
            kontak="0812",
            isi="Tanggapan uji",
            hasil=h,
            hasil_alasan="diklarifikasi" if h else "",
        )


def _terbit(rekrutmen, pengguna, jenis, parameter=None):
    d, _ = dokumen_request(
        rekrutmen=rekrutmen,
        jenis=jenis,
        parameter=parameter or {},
        pengguna=pengguna,
        antrekan=False,
    )
    draf = dokumen_render(dokumen_id=d.pk)
    assert draf.status == "selesai", draf.pesan_galat if hasattr(draf, "pesan_galat") else draf
    terbit = dokumen_terbitkan_bernomor(
        dokumen=draf, pengguna=pengguna, tanggal=HARI, antrekan=False
    )
    return dokumen_render(dokumen_id=terbit.pk)


def _teks(dokumen) -> tuple[bytes, str]:
    with dokumen.berkas.open("rb") as f:
        data = f.read()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return data, "\n".join(h.extract_text() or "" for h in pdf.pages)


def _periksa_kop(data: bytes, teks: str, nomor: str) -> None:
    assert f"Nomor: {nomor}" in teks
    assert "KABUPATEN LEBAK" in teks and "Rangkasbitung" in teks
    assert "Lebak, 2 November 2026" in teks and "Dr. Ahmad Lebak, S.H." in teks
    assert "kota serang" not in teks.casefold()
    assert teks_di_luar(data) == []


def test_hitungan_tahap_tepat(rekrutmen, paw):
    assert ba_tes_tertulis_hitung(rekrutmen) == {
        "dipanggil": 11,
        "mengikuti": 10,
        "tidak_hadir": 1,
        "lolos_wawancara": 9,
    }
    akhir = ba_akhir_hitung(rekrutmen)
    assert akhir == {
        "dipanggil": 9,
        "mengikuti": 8,
        "diperingkat": 6,
        "terpilih": 3,
        "cadangan": 3,
        "wilayah": 1,
        "per_wilayah": [
            {
                "wilayah": "Cimuncang",
                "dipanggil": 9,
                "mengikuti": 8,
                "diperingkat": 6,
                "terpilih": 3,
                "cadangan": 3,
            }
        ],
    }
    # the PAW replacement has its own decree: the appointment lists the 3 appointed members
    assert sk_penetapan_hitung(rekrutmen) == {"anggota": 3, "wilayah": 1}
    _tanggapan(rekrutmen)
    t = ba_tanggapan_hitung(rekrutmen)
    assert (t["jumlah"], t["ditangani"], t["tidak_berpengaruh"], t["mengubah_hasil"]) == (
        3,
        2,
        1,
        1,
    )
    assert t["belum"] == 1


def test_sk_penetapan_bernomor_dengan_lampiran(rekrutmen, paw, lebak, staf_teknis):
    terbit = _terbit(rekrutmen, staf_teknis, "sk_penetapan")
    assert terbit.nomor_terbit.jenis_nomor == "sk_penetapan"
    assert terbit.nomor_terbit.nomor == "1/PP.04.1-Pu/3602/2026"
    data, teks = _teks(terbit)
    _periksa_kop(data, teks, "1/PP.04.1-Pu/3602/2026")
    assert "KEPUTUSAN KPU KABUPATEN LEBAK" in teks
    assert "PENETAPAN ANGGOTA PANITIA PEMUNGUTAN SUARA (PPS)" in teks
    assert "Menimbang" in teks and "Mengingat" in teks and "MEMUTUSKAN:" in teks
    assert "sebanyak 3 orang pada 1 desa/kelurahan" in teks
    assert "NOMOR 1/PP.04.1-Pu/3602/2026" in teks  # the lampiran's heading
    lampiran = teks[teks.index("LAMPIRAN") :]
    # ketua first, then by name; the resigned member stays in the decree that appointed them
    assert lampiran.index("Calon 00 Ketua Cimuncang") < lampiran.index("Calon 01 Anggota")
    assert "Calon 02 Anggota Cimuncang" in lampiran
    assert "Calon 03" not in lampiran  # the PAW replacement: its own decree
    for p in Pendaftar.objects.filter(nama__in=["Calon 00", "Calon 01", "Calon 02"]):
        assert p.nik not in teks  # a public document: no NIK


def test_sk_paw_menyebut_yang_diganti_alasan_dan_pengganti(rekrutmen, paw, lebak, staf_teknis):
    with pytest.raises(ValidationError) as e:
        dokumen_request(
            rekrutmen=rekrutmen,
            jenis="sk_paw",
            parameter={"anggota": AnggotaBadan.objects.get(nama="Calon 00").pk},
            pengguna=staf_teknis,
            antrekan=False,
        )
    assert "bukan pengganti antarwaktu (PAW)" in e.value.message_dict["anggota"][0]
    terbit = _terbit(rekrutmen, staf_teknis, "sk_paw", {"anggota": str(paw.pk)})
    assert terbit.nomor_terbit.jenis_nomor == "sk_paw"
    data, teks = _teks(terbit)
    _periksa_kop(data, teks, "1/PP.04.1-Pu/3602/2026")
    satu_baris = " ".join(teks.split())
    assert "Memberhentikan Saudara/i Calon 01" in satu_baris
    assert "terhitung tanggal 30 Juni 2023 karena mengundurkan diri" in satu_baris
    assert "(pindah domisili)" in satu_baris
    assert "Mengangkat Saudara/i Calon 03" in satu_baris
    assert "1 Juli 2023 sampai dengan tanggal 4 April 2024" in satu_baris
    assert "peringkat 4" in satu_baris


def test_berita_acara_tahap_bernomor_dengan_tanggapan(rekrutmen, lebak, staf_teknis):
    _tanggapan(rekrutmen)
    tes = _terbit(rekrutmen, staf_teknis, "ba_tes_tertulis")
    assert tes.nomor_terbit.jenis_nomor == "ba_tes_tertulis"
    data, teks = _teks(tes)
    # the default pattern is one book for every type: 1, 2, 3, then the re-issue 4
    _periksa_kop(data, teks, "1/PP.04.1-Pu/3602/2026")
    assert "Mengikuti tes tertulis (memiliki nilai) 10" in teks
    assert "Tidak mengikuti tes tertulis 1" in teks
    assert "Tanggapan diterima 3" in teks and "Mengubah hasil seleksi 1" in teks

    akhir = _terbit(rekrutmen, staf_teknis, "ba_akhir")
    assert akhir.nomor_terbit.jenis_nomor == "ba_akhir"
    data, teks = _teks(akhir)
    _periksa_kop(data, teks, "2/PP.04.1-Pu/3602/2026")
    assert "Cimuncang 9 8 6 3 3" in teks and "Jumlah 9 8 6 3 3" in teks
    assert "Tanggapan diterima 3" in teks

    bt = _terbit(rekrutmen, staf_teknis, "ba_tanggapan")
    assert bt.nomor_terbit.jenis_nomor == "ba_tanggapan"
    data, teks = _teks(bt)
    _periksa_kop(data, teks, "3/PP.04.1-Pu/3602/2026")
    assert "Tanggapan diterima 3" in teks and "Sudah ditindaklanjuti 2" in teks
    assert "Tidak berpengaruh pada hasil 1" in teks and "Belum ditindaklanjuti 1" in teks
    assert "Warga" not in teks and "0812" not in teks  # no commenter's identity

    # a comment handled afterwards: a new draft (not the old one) and a re-issue replaces it
    TanggapanMasyarakat.objects.filter(hasil="").update(
        hasil="tidak_berpengaruh", hasil_alasan="diklarifikasi"
    )
    bt2 = _terbit(rekrutmen, staf_teknis, "ba_tanggapan")
    assert bt2.nomor_terbit.nomor == "4/PP.04.1-Pu/3602/2026"
    assert "Belum ditindaklanjuti 0" in _teks(bt2)[1]
    bt.refresh_from_db()
    assert bt.diganti_oleh == bt2


def test_ba_administrasi_mencetak_tanggapan_bila_ada(rekrutmen, lebak, staf_teknis):
    data, teks = _teks(_terbit(rekrutmen, staf_teknis, "ba_administrasi"))
    assert "Tanggapan masyarakat" not in teks
    _tanggapan(rekrutmen)
    data, teks = _teks(_terbit(rekrutmen, staf_teknis, "ba_administrasi"))
    assert "Tanggapan diterima 3" in teks and "Sudah ditindaklanjuti 2" in teks
    assert teks_di_luar(data) == []


def test_kpps_tanpa_berita_acara_tes(diseleksi, staf_teknis):
    with pytest.raises(ValidationError) as e:
        dokumen_request(
            rekrutmen=diseleksi,
            jenis="ba_tes_tertulis",
            parameter={},
            pengguna=staf_teknis,
            antrekan=False,
        )
    assert e.value.message_dict["jenis"] == [
        "KPPS hanya melalui seleksi administrasi: tidak ada berita acara tes tertulis."
    ]


def test_hanya_staf_rekrutmen_meminta_sk(rekrutmen, pengguna_buat):
    lain = pengguna_buat("staf.keuangan.uji", Peran.STAF, "keuangan")
    with pytest.raises(PermissionDenied):
        dokumen_request(
            rekrutmen=rekrutmen, jenis="sk_penetapan", parameter={}, pengguna=lain, antrekan=False
        )


def test_query_sk_dan_ba_tidak_bertambah_dengan_anggota(rekrutmen, lebak):
    def hitung_query():
        with CaptureQueriesContext(connection) as q:
            sk_penetapan_pdf(rekrutmen)
            ba_akhir_hitung(rekrutmen)
        return len(q)

    sebelum = hitung_query()
    contoh = AnggotaBadan.objects.get(nama="Calon 02")
    for kode in ("36.73.01.1002", "36.73.02.1001"):
        w = Wilayah.objects.get(kode=kode)
        for i in range(5):
            AnggotaBadan.objects.create(
                rekrutmen=rekrutmen,
                nama=f"Tambahan {kode} {i}",
                wilayah=w,
                jabatan="anggota",
                nomor_sk=contoh.nomor_sk,
                tanggal_sk=contoh.tanggal_sk,
                mulai=contoh.mulai,
                selesai=contoh.selesai,
            )
    assert sk_penetapan_hitung(rekrutmen) == {"anggota": 13, "wilayah": 3}
    assert hitung_query() == sebelum


def test_halaman_anggota_meminta_sk_paw(rekrutmen, paw, lebak, staf_teknis, pengguna_buat, masuk):
    from django.urls import reverse

    from badan_adhoc.dokumen.models import DokumenRekrutmen

    halaman = masuk(staf_teknis).get(reverse("badan_adhoc:anggota_list", args=[rekrutmen.pk]))
    assert halaman.text.count(">SK PAW</button>") == 1  # only the replacement's row
    url = reverse("badan_adhoc:rekrutmen_dokumen_minta", args=[rekrutmen.pk])
    lain = pengguna_buat("staf.keuangan.uji", Peran.STAF, "keuangan")
    data = {"jenis": "sk_paw", "anggota": str(paw.pk)}
    assert masuk(lain).post(url, data).status_code == 403
    r = masuk(staf_teknis).post(url, {"jenis": "sk_paw"}, follow=True)
    assert "SK PAW disusun per pengganti" in r.text
    assert not DokumenRekrutmen.objects.exists()
    r = masuk(staf_teknis).post(url, data)
    d = DokumenRekrutmen.objects.get()
    assert r.status_code == 302 and d.parameter == {"anggota": paw.pk}
    assert d.judul == "Keputusan PAW PPS Calon 03 (Cimuncang) – PPS Pemilu 2024"
    api = masuk(staf_teknis).post(
        "/api/adhoc/dokumen/",
        {"rekrutmen": rekrutmen.pk, "jenis": "sk_paw", "anggota": paw.pk},
        format="json",
    )
    assert api.status_code == 200 and api.json()["id"] == d.pk  # the same document


def test_pengumuman_hasil_tes_tertulis_bernomor(rekrutmen, lebak, staf_teknis):
    """The written-test announcement: every MS applicant of the wilayah, best score first, the
    9 called to the interview 'Lolos', Calon 09 'Tidak lolos', Calon 10 (no score) 'Tidak
    hadir' last; numbered as its own type, in PDF and in Excel."""
    from openpyxl import load_workbook

    from badan_adhoc.pengumuman import pengumuman_xlsx_tulis

    d = _terbit(rekrutmen, staf_teknis, "pengumuman_pdf", {"tahap": "tes"})
    assert d.nomor_terbit.jenis_nomor == "hasil_tes_tertulis"
    assert d.nomor_terbit.nomor == "1/PP.04.1-Pu/3602/2026"
    data, teks = _teks(d)
    _periksa_kop(data, teks, "1/PP.04.1-Pu/3602/2026")
    assert "Pengumuman Hasil Tes Tertulis PPS Pemilu 2024" in teks
    assert "Berdasarkan hasil tes tertulis PPS Pemilu 2024" in teks
    baris = [" ".join(b.split()) for b in teks.splitlines() if "Calon" in b]
    harapan = [f"{i + 1} Calon {i:02d} L Cimuncang {90 - i},0 Lolos" for i in range(9)]
    harapan += ["10 Calon 09 L Cimuncang 81,0 Tidak lolos", "11 Calon 10 L Cimuncang Tidak hadir"]
    assert baris == harapan

    berkas = io.BytesIO()
    assert pengumuman_xlsx_tulis(berkas, rekrutmen=rekrutmen, tahap="tes", kecamatan_id=None) == 11
    ws = load_workbook(io.BytesIO(berkas.getvalue())).active
    rows = [r for r in ws.iter_rows(values_only=True)][2:]
    assert [r[1:] for r in rows[-3:]] == [
        (9, "Calon 08", "L", "Cimuncang", "Lolos", "Nilai 82,0"),
        (10, "Calon 09", "L", "Cimuncang", "Tidak lolos", "Nilai 81,0"),
        (11, "Calon 10", "L", "Cimuncang", "Tidak hadir", None),
    ]


def test_kpps_tanpa_pengumuman_tes(diseleksi, staf_teknis):
    with pytest.raises(ValidationError) as e:
        dokumen_request(
            rekrutmen=diseleksi,
            jenis="pengumuman_pdf",
            parameter={"tahap": "tes"},
            pengguna=staf_teknis,
            antrekan=False,
        )
    assert e.value.message_dict["tahap"] == [
        "KPPS hanya melalui seleksi administrasi: tidak ada pengumuman hasil tes tertulis."
    ]


def test_sk_penetapan_kpps_per_kecamatan(rekrutmen_kpps, lebak, staf_teknis):
    """KPPS: one decree per kecamatan (a regency's lampiran runs to thousands of names): the
    decree of Kecamatan Kasemen (1 TPS: 7 seats for 9 applicants) counts and lists only its 7
    members; Serang's (Kotabaru, 2 TPS: 14 seats) only its own 9."""
    from badan_adhoc.services import pendaftar_import
    from tests.badan_adhoc.test_penetapan import KEPALA

    baris = [
        f"36730{k + 1}100{i:03d}0{i:04d},K{k} {i:02d},L,Serang,1990-01-01,SMA,{kel},x,1,,{kel}\n"
        for k, kel in enumerate(["36.73.01.1002", "36.73.02.1001"])
        for i in range(9)
    ]
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=(KEPALA + "".join(baris)).encode(), nama_berkas="k.csv"
    )
    Pendaftar.objects.update(status_administrasi="ms")
    peringkat_compute(rekrutmen=rekrutmen_kpps, pengguna=staf_teknis)
    penetapan_create(
        rekrutmen=rekrutmen_kpps, nomor_sk="1/KPPS", tanggal_sk=date(2024, 1, 23), pengguna=None
    )
    kasemen = Wilayah.objects.get(kode="36.73.02")
    d = _terbit(rekrutmen_kpps, staf_teknis, "sk_penetapan", {"kecamatan": kasemen.pk})
    assert d.parameter["kecamatan"] == kasemen.pk
    assert d.judul.startswith(
        "Keputusan Penetapan Anggota KPPS Kecamatan Kasemen – KPPS Pemilu 2024"
    )
    data, teks = _teks(d)
    _periksa_kop(data, teks, "1/PP.04.1-Pu/3602/2026")
    assert "sebanyak 7 orang pada 1 desa/kelurahan di Kecamatan Kasemen" in " ".join(teks.split())
    lampiran = teks[teks.index("LAMPIRAN") :]
    assert lampiran.count("K1 0") == 7 and "K0 0" not in lampiran
    # without a kecamatan: the first (Serang), never the whole regency in one decree
    d = _terbit(rekrutmen_kpps, staf_teknis, "sk_penetapan")
    lampiran = _teks(d)[1].split("LAMPIRAN", 1)[1]
    assert lampiran.count("K0 0") == 9 and "K1 0" not in lampiran
