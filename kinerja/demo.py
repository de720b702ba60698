"""Demo performance data: Renstra 2020–2024, PK 2022 and 2023, realisasi 2022 and 2023.

Sources and choices (seed ``002``, the LKj 2023 of KPU Kota Serang):

- Visi, the 7 misi and the 5 tujuan: Bab II B, as written (typos of the source corrected).
- The 13 sasaran with one indikator each and their 2023 targets: table 2.2 (PK 2023). Table 2.1
  (the Renstra targets for 2023) gives the same figures, so the Renstra 2023 target = the PK.
- Realisasi 2023: the "Sasaran" (= realisasi) column of each Bab III table. Bab III sometimes
  prints another target than the PK (sasaran 4: 100 instead of 95) and a "%" that does not
  follow from its own figures (sasaran 3: 98 → 100 printed as 100; 5: 95 → 100 printed 95;
  6: 95 → 90 printed 100; 7: 95 → 95 printed 95; 11: 98 → 100 printed 90). Following
  NOTES.md, target = PK table 2.2, realisasi = Bab III, and the capaian is computed.
- Narratives 2023 (analisis, kendala, solusi): condensed from the Bab III text of each sasaran.
- Invented (the seed has no such figures), marked as such: the Renstra targets of 2020–2022
  and 2024, the PK 2022 (one target raised above the Renstra, so the "PK differs from the
  Renstra" analysis has something to show) and the realisasi 2022, chosen plausibly so the
  year-on-year comparison has something to show.
- Which sub-bagian owns each sasaran follows the tasks in Bab I B.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from sekretariat.models import UnitOrganisasi

from . import (
    demo_lhe,
    demo_lke,
    demo_pk_unit,
    demo_publikasi,
    demo_rencana_aksi,
    demo_reviu,
    demo_rkt,
)
from .demo_iku import muat_iku
from .demo_pohon import muat as muat_pohon
from .models import (
    BuktiDukung,
    Indikator,
    Misi,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)
from .selectors import pk_penandatangan_default

VISI = (
    "Menjadi Penyelenggara Pemilihan Umum yang Mandiri, Profesional, dan Berintegritas untuk "
    "Mewujudkan Pemilu yang LUBER dan JURDIL"
)

MISI = [
    "Meningkatkan kompetensi penyelenggara Pemilu Serentak dengan berpedoman kepada "
    "perundang-undangan dan kode etik penyelenggara Pemilu",
    "Menyusun peraturan di bidang Pemilu Serentak yang memberikan kepastian hukum, progresif, "
    "dan partisipatif",
    "Meningkatkan kualitas penyelenggaraan Pemilu Serentak yang efektif dan efisien, "
    "transparan, akuntabel, serta aksesibel",
    "Mengoptimalkan pemanfaatan teknologi informasi dalam menyelenggarakan Pemilu Serentak",
    "Meningkatkan partisipasi dan kualitas pemilih dalam Pemilu Serentak",
    "Meningkatkan integritas penyelenggara Pemilu dengan memberikan pemahaman secara intensif "
    "dan komprehensif khususnya mengenai kode etik penyelenggara Pemilu",
    "Meningkatkan kualitas pelayanan Pemilu Serentak untuk seluruh pemangku kepentingan",
]

TUJUAN = [
    "Terwujudnya lembaga KPU yang memiliki integritas, kompetensi, kredibilitas dan "
    "kapabilitas dalam menyelenggarakan Pemilu",
    "Terselenggaranya Pemilu sesuai dengan peraturan perundangan yang berlaku",
    "Meningkatkan partisipasi politik masyarakat dalam pelaksanaan demokrasi di Indonesia",
    "Meningkatkan kesadaran masyarakat untuk berpartisipasi dalam Pemilu",
    "Terselenggaranya Pemilu yang efektif dan efisien, transparan, akuntabel, dan aksesibel",
]

# nomor, tujuan, unit, sasaran, indikator, target PK 2023, realisasi 2023 (Bab III),
# target Renstra 2022 (invented), realisasi 2022 (invented)
SASARAN = [
    (1, 5, "perencanaan", "Terwujudnya Perencanaan dan Penganggaran Pemilu KPU Kota Serang",
     "Persentase tercapainya realisasi anggaran dan target kinerja sesuai dengan Tahapan "
     "Penyelenggaraan Pemilu", "100", "100", "100", "97.50"),
    (2, 5, "keuangan", "Terselesaikannya pengelolaan keuangan dan Barang Milik Negara sesuai "
     "dengan Peraturan Perundangan yang berlaku",
     "Persentase Laporan Realisasi dan Pengelolaan Keuangan dan Barang Milik Negara yang dapat "
     "dipertanggungjawabkan sesuai dengan Peraturan Perundangan yang berlaku",
     "100", "100", "100", "100"),
    (3, 2, "perencanaan", "Terwujudnya Data Pemilih yang Mutakhir dalam Penyusunan Daftar "
     "Pemilih pada Penyelenggaraan Pemilu",
     "Persentase pemutakhiran Data Pemilih yang mutakhir dan akurat dalam Penyusunan Daftar "
     "Pemilih pada Penyelenggaraan Pemilu", "98", "100", "95", "96"),
    (4, 5, "keuangan", "Terwujudnya Operasional Perkantoran dan Dukungan Sarana dan Prasarana "
     "guna meningkatkan Kelancaran Tugas KPU",
     "Persentase ketersediaan fasilitas layanan perkantoran untuk mendukung kinerja pegawai "
     "yang berfungsi dengan baik di lingkungan satker KPU Kota Serang", "95", "100", "95", "92"),
    (5, 2, "keuangan", "Terlaksananya Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik "
     "dalam Penyelenggaraan Pemilu",
     "Persentase Laporan Pengelolaan, Pengadaan dan Logistik dalam Penyelenggaraan Pemilu",
     "95", "100", "95", "95"),
    (6, 2, "hukum_sdm", "Terlaksananya Penyusunan Peraturan Pemilu serta Kebijakan/Regulasi dan "
     "Pengelolaan dan Pelayanan Informasi Hukum dengan Mengunggah pada Laman JDIH KPU Kota Serang",
     "Persentase Pembuatan Keputusan KPU Kota Serang dan Informasi Produk Hukum yang disajikan "
     "secara cepat, tepat dan akurat sesuai SOP dan Regulasi serta Tersusun secara Rapih",
     "95", "90", "90", "85"),
    (7, 5, "perencanaan", "Pembuatan Keputusan KPU Kota Serang dan Informasi Produk Hukum yang "
     "disajikan secara cepat, tepat dan akurat sesuai SOP dan Regulasi serta Tersusun secara Rapih",
     "Persentase Pengolahan Data yang berkualitas, relevan, tepat waktu", "95", "95", "90", "88"),
    (8, 2, "teknis", "Terlaksananya Pembentukan Badan Adhoc dalam Penyelenggaraan "
     "Pemilu/Pemilihan di KPU Kota Serang",
     "Persentase Fasilitasi Pembentukan/Seleksi Badan Adhoc dalam Tahapan Penyelenggaraan "
     "Pemilu di KPU Kota Serang", "100", "100", "100", "100"),
    (9, 2, "teknis", "Terlaksananya Pendaftaran dan Verifikasi Peserta Pemilu di KPU Kota Serang",
     "Persentase Ketepatan Waktu dalam Penetapan Jadwal Pendaftaran dan Verifikasi Peserta "
     "Pemilu sesuai Petunjuk Teknis Penyelenggaraan Pemilu", "100", "100", "100", "100"),
    (10, 3, "teknis", "Terlaksananya Masa Kampanye Pemilu dalam Penyelenggaraan "
     "Pemilu/Pemilihan di KPU Kota Serang",
     "Persentase Pelaksanaan Waktu Kampanye sesuai Jadwal yang sudah ditentukan dalam "
     "Penyelenggaraan Pemilu/Pemilihan di KPU Kota Serang", "100", "100", "100", "100"),
    (11, 4, "teknis", "Terlaksananya Sosialisasi/Penyuluhan/Bimbingan Teknis Tahapan "
     "Penyelenggaraan Pemilu/Pemilihan di KPU Kota Serang",
     "Persentase Sosialisasi melalui Media Massa dan Media Lainnya serta Bimbingan Teknis "
     "Tingkat Kota Serang", "98", "100", "95", "93"),
    (12, 1, "hukum_sdm", "Terwujudnya Reformasi Birokrasi di KPU Kota Serang",
     "Persentase KPU Kota Serang Mendapatkan Nilai minimal B untuk Penilaian Mandiri RB",
     "95", "100", "90", "90"),
    (13, 2, "teknis", "Terwujudnya Pemungutan dan Penghitungan Suara dalam Penyelenggaraan "
     "Pemilu/Pemilihan di KPU Kota Serang",
     "Persentase Fasilitasi Penyiapan Tahapan Pemungutan dan Penghitungan Suara dalam "
     "Penyelenggaraan Pemilu/Pemilihan di KPU Kota Serang", "100", "100", "100", "100"),
]  # fmt: skip

#: Invented: PK 2022 raised the sosialisasi target above the Renstra 2022 target.
PK_2022_BEDA = {11: Decimal("98")}

# nomor -> (analisis, kendala, solusi, program pendukung), condensed from Bab III
NARASI_2023 = {
    1: ("Kegiatan dilaksanakan sesuai tahapan dan jadwal Pemilu 2024; revisi anggaran dilakukan "
        "bila ada tambahan dan perubahan nilai sesuai aturan.", "", "",
        "Perencanaan Program dan Anggaran; penyusunan RKAKL Satker KPU Kota Serang"),
    2: ("Laporan BMN bulanan, semesteran dan tahunan direkonsiliasi dengan SAKTI; pelaporan dan "
        "pertanggungjawaban keuangan tepat waktu dan valid.", "",
        "Seluruh kendaraan roda dua dilelang melalui KPKNL Serang dan hasilnya disetor ke Kas Negara.",
        "Pengelolaan Keuangan dan Barang Milik Negara (SIMAK-BMN, SAKTI)"),
    3: ("Rekapitulasi data pemilih mutakhir, valid dan akurat; data Sidalih disinkronkan dengan "
        "Disdukcapil Kota Serang.",
        "Data Sidalih dan Disdukcapil berbeda: warga tercatat meninggal ternyata masih hidup dan "
        "sebaliknya; kematian banyak yang tidak dilaporkan.",
        "Klarifikasi/coklit ke alamat pemilih dan sinkronisasi dengan dinas kependudukan.",
        "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih"),
    4: ("Tersedia sarana jaringan, perangkat komputer dan laptop, serta operasional dan "
        "pemeliharaan kantor.", "", "Sarana dimanfaatkan oleh semua pegawai agar beban kerja terbagi.",
        "Operasional Perkantoran dan Dukungan Sarana Prasarana"),
    5: ("Peta kebutuhan logistik disusun; pengadaan dan laporan logistik Pemilu terpenuhi.", "", "",
        "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik"),
    6: ("Informasi dan publikasi tahapan ditampilkan paling lambat 1 hari kerja; permohonan "
        "informasi ditindaklanjuti melalui PPID sesuai SOP.",
        "Belum seluruh produk hukum terunggah tepat waktu ke laman JDIH.",
        "Percepatan unggah produk hukum ke JDIH sesuai SOP.",
        "Penyusunan peraturan dan pelayanan informasi hukum (JDIH)"),
    7: ("Produk hukum, advokasi dan penyelesaian sengketa disajikan cepat, tepat dan akurat "
        "melalui JDIH.", "", "", "Data dan Informasi"),
    8: ("Pembentukan badan adhoc sampai KPPS serentak sesuai jadwal nasional; pelantikan dan "
        "bimtek di UIN SMH Banten, Kampus Unsera dan Sagara.",
        "Banyak pendaftar KPPS tercatat sebagai anggota partai politik tanpa merasa menjadi anggota.",
        "Klarifikasi status keanggotaan partai politik pendaftar.", "Pembentukan Badan Adhoc"),
    9: ("Pendaftaran partai politik melalui SIPOL 29–31 Juli 2022 sesuai jadwal.", "", "",
        "Pendaftaran dan Verifikasi Peserta Pemilu"),
    10: ("Jadwal kampanye partai politik di Kota Serang ditetapkan dengan berita acara, serentak "
         "dengan jadwal nasional.", "", "", "Masa Kampanye Pemilu"),
    11: ("Sosialisasi tatap muka dan bimbingan teknis oleh anggota KPU Kota Serang menitikberatkan "
         "badan adhoc PPK, PPS dan KPPS.", "", "", "Sosialisasi/Penyuluhan/Bimbingan Teknis"),
    12: ("Sekretariat KPU Kota Serang mendapat nilai akuntabilitas kinerja B.", "", "",
         "Reformasi Birokrasi"),
    13: ("Bimbingan teknis bertahap untuk KPPS, termasuk penggunaan aplikasi SIREKAP.", "", "",
         "Pemungutan dan Penghitungan Suara"),
}  # fmt: skip

TAUTAN_JDIH = "https://jdih.kpu.go.id/banten/kotaserang"


def _d(text: str) -> Decimal:
    return Decimal(text)


def muat(*, stdout) -> None:
    """Phase 1: the plans, agreements, realisasi and the documents around them. The LKj 2023,
    its review, the publications and the LKE need the budget too: ``muat_akhir``."""
    units = {u.kode: u for u in UnitOrganisasi.objects.all()}
    renstra, _ = Renstra.objects.get_or_create(
        tahun_mulai=2020,
        defaults={
            "nama": "Rencana Strategis KPU Kota Serang 2020–2024",
            "tahun_selesai": 2024,
            "visi": VISI,
            "dasar_hukum": "Keputusan KPU Nomor 197 Tahun 2020 tentang Rencana Strategis KPU "
            "Tahun 2020–2024",
        },
    )
    for i, teks in enumerate(MISI, start=1):
        Misi.objects.get_or_create(renstra=renstra, urutan=i, defaults={"uraian": teks})
    tujuan = {}
    for i, teks in enumerate(TUJUAN, start=1):
        tujuan[i], _ = Tujuan.objects.get_or_create(
            renstra=renstra, urutan=i, defaults={"uraian": teks}
        )
    indikator = {}
    for nomor, t, unit, s_teks, i_teks, target23, _r23, target22, _r22 in SASARAN:
        sasaran, _ = Sasaran.objects.get_or_create(
            tujuan__renstra=renstra,
            nomor=nomor,
            defaults={"tujuan": tujuan[t], "uraian": s_teks, "unit": units[unit]},
        )
        ind, _ = Indikator.objects.get_or_create(
            sasaran=sasaran,
            kode=f"IKSS {nomor}",
            defaults={
                "uraian": i_teks,
                "satuan": Indikator.Satuan.PERSEN,
                "arah": Indikator.Arah.NAIK,
                "presisi": 2,
                "agregasi": Indikator.Agregasi.KUMULATIF,
            },
        )
        indikator[nomor] = ind
        targets = {
            2020: target22,
            2021: target22,
            2022: target22,
            2023: target23,
            2024: "100",
        }
        for tahun, nilai in targets.items():
            TargetTahunan.objects.get_or_create(
                indikator=ind, tahun=tahun, defaults={"target": _d(nilai)}
            )

    demo_rkt.muat(indikator=indikator, beda={2022: PK_2022_BEDA}, stdout=stdout)
    _pk_muat(2022, dt.date(2022, 1, 3), indikator, PK_2022_BEDA)
    _pk_muat(2023, dt.date(2023, 1, 2), indikator, {})

    sekarang = timezone.now()
    for nomor, *_awal, r23, _t22, r22 in SASARAN:
        ind = indikator[nomor]
        analisis, kendala, solusi, program = NARASI_2023[nomor]
        _realisasi_muat(ind, 2023, _d(r23), analisis, kendala, solusi, program, sekarang)
        _realisasi_muat(
            ind, 2022, _d(r22), "Data pembanding (contoh) untuk tahun 2022.", "", "", "", sekarang
        )
    contoh = Realisasi.objects.get(indikator=indikator[6], tahun=2023, periode="tahunan")
    if not contoh.bukti.exists():
        BuktiDukung.objects.create(
            realisasi=contoh, tautan=TAUTAN_JDIH, keterangan="Laman JDIH KPU Kota Serang"
        )
    stdout.write("  kinerja: Renstra 2020–2024, PK 2022–2023, realisasi 2022–2023")
    muat_iku(stdout=stdout)  # the IKU decree and the Manual IKU (kinerja/demo_iku.py)
    demo_rencana_aksi.muat(stdout=stdout)
    muat_pohon(stdout=stdout)  # the performance tree (kinerja/demo_pohon.py)
    demo_pk_unit.muat(stdout=stdout)  # the sub-bagian PKs 2023 (after the performance tree)
    demo_lhe.muat(stdout=stdout)  # the LHE 2022/2023 and follow-up (kinerja/demo_lhe.py)


def muat_akhir(
    *, stdout, lkj_final: bool = True, evaluasi: bool = True, publikasi: bool = True
) -> None:
    """Phase 2, after every app's demo and the demo accounts (``kpu_site.demo.muat``): the
    LKj 2023 reviewed as a draft and, unless ``lkj_final`` is off, finalised (kinerja/
    demo_reviu.py); the public page's documents (kinerja/demo_publikasi.py: nine PDFs); the
    LKE 2022–2023 last, its proposals read everything above.

    The tests' core demo leaves out the finalisation, the publications and (unless asked) the
    LKE: ``tests.conftest.demo_inti_muat``."""
    demo_reviu.muat(stdout=stdout, final=lkj_final)
    if publikasi:
        demo_publikasi.muat(stdout=stdout)
    if evaluasi:
        demo_lke.muat(stdout=stdout)


def _pk_muat(tahun, tanggal_pk, indikator, beda):
    if PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        return
    # names from the sekretariat app when it knows who held the posts on that date
    pejabat = pk_penandatangan_default(tanggal=tanggal_pk)
    perjanjian = PerjanjianKinerja.objects.create(
        tahun=tahun,
        revisi=0,
        status=PerjanjianKinerja.Status.DITANDATANGANI,
        pihak_pertama_nama=pejabat["pihak_pertama_nama"] or "Hendro Sulistyo",
        pihak_pertama_jabatan=pejabat["pihak_pertama_jabatan"],
        pihak_kedua_nama=pejabat["pihak_kedua_nama"] or "Ketua KPU Kota Serang",
        pihak_kedua_jabatan=pejabat["pihak_kedua_jabatan"],
        tempat="Serang",
        tanggal=tanggal_pk,
        ditandatangani_pada=timezone.make_aware(dt.datetime.combine(tanggal_pk, dt.time(10))),
    )
    for nomor, ind in indikator.items():
        renstra_target = TargetTahunan.objects.get(indikator=ind, tahun=tahun).target
        PKBaris.objects.create(
            perjanjian=perjanjian, indikator=ind, target=beda.get(nomor, renstra_target)
        )


def _realisasi_muat(ind, tahun, nilai, analisis, kendala, solusi, program, waktu):
    Realisasi.objects.get_or_create(
        indikator=ind,
        tahun=tahun,
        periode=Realisasi.Periode.TAHUNAN,
        defaults={
            "nilai": nilai,
            "analisis": analisis,
            "kendala": kendala,
            "solusi": solusi,
            "program_pendukung": program,
            "status": Realisasi.Status.DISETUJUI,
            "diajukan_pada": waktu,
            "diverifikasi_pada": waktu,
            "disetujui_pada": waktu,
        },
    )
