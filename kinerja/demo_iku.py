"""Demo IKU of KPU Kota Serang: the IKU decree of the Renstra 2020–2024 and the manual of each of
its 13 indikator (``muat_iku``, called at the end of ``kinerja.demo.muat``).

Sources and choices:

- The 13 indikator, their satuan (%) and capaian rule (higher is better) are the demo's, from
  table 2.2 of the LKj 2023 (seed ``002``); the manual shows them from the indikator.
- The unit penanggung jawab of each manual is the sub-bagian that owns its sasaran (Bab I B).
- Invented (the seed has no IKU decree and no Manual IKU), marked as such: the decree's nomor,
  date and title, and each manual's definisi, tujuan, formula, sumber data, frekuensi and jenis,
  written plausibly from the indikator's wording and the Bab III narrative of its sasaran.
"""

from __future__ import annotations

import datetime as dt

from .model_iku import IkuIndikator, KeputusanIku, ManualIndikator
from .models import Indikator, Renstra

#: Invented decree.
KEPUTUSAN = {
    "nomor": "45/PL.01-Kpt/3673/2020 (contoh)",
    "tanggal": dt.date(2020, 7, 15),
    "tentang": "Penetapan Indikator Kinerja Utama Sekretariat KPU Kota Serang Tahun 2020–2024",
}

# nomor sasaran -> (definisi, tujuan, formula, sumber data, frekuensi, jenis); all invented
MANUAL = {
    1: ("Realisasi anggaran dan target kinerja yang tercapai sesuai tahapan penyelenggaraan Pemilu.",
        "Mengukur keselarasan perencanaan, penganggaran dan pelaksanaan tahapan Pemilu.",
        "Jumlah kegiatan yang realisasi anggaran dan kinerjanya sesuai rencana dibagi jumlah "
        "kegiatan yang direncanakan, dikali 100%.",
        "RKAKL/DIPA, laporan realisasi anggaran SAKTI dan laporan capaian kinerja triwulanan.",
        "triwulanan", "output"),
    2: ("Laporan keuangan dan BMN yang disusun tepat waktu dan dapat dipertanggungjawabkan.",
        "Menjamin akuntabilitas pengelolaan keuangan dan Barang Milik Negara.",
        "Jumlah laporan keuangan dan BMN yang tepat waktu dan valid dibagi jumlah laporan yang "
        "wajib disusun, dikali 100%.",
        "Laporan keuangan SAKTI, laporan BMN dan berita acara rekonsiliasi.", "bulanan", "output"),
    3: ("Data pemilih yang telah dimutakhirkan, valid dan akurat dalam penyusunan daftar pemilih.",
        "Menjamin hak pilih warga melalui daftar pemilih yang mutakhir.",
        "Jumlah tahapan pemutakhiran data pemilih yang selesai sesuai jadwal dibagi jumlah "
        "tahapan pemutakhiran, dikali 100%.",
        "Sidalih, berita acara rekapitulasi daftar pemilih dan data Disdukcapil Kota Serang.",
        "triwulanan", "outcome"),
    4: ("Fasilitas layanan perkantoran yang tersedia dan berfungsi baik untuk mendukung pegawai.",
        "Mendukung kelancaran tugas pegawai Sekretariat KPU Kota Serang.",
        "Jumlah fasilitas perkantoran yang berfungsi baik dibagi jumlah fasilitas yang "
        "dibutuhkan, dikali 100%.",
        "Daftar inventaris BMN dan laporan pemeliharaan kantor.", "semesteran", "input"),
    5: ("Laporan pengelolaan, pengadaan dan dokumentasi logistik Pemilu yang tersusun.",
        "Menjamin ketersediaan logistik Pemilu tepat jumlah, jenis dan waktu.",
        "Jumlah laporan logistik yang tersusun dibagi jumlah laporan logistik yang wajib "
        "disusun, dikali 100%.",
        "Peta kebutuhan logistik, dokumen pengadaan dan laporan distribusi logistik.",
        "triwulanan", "output"),
    6: ("Keputusan KPU Kota Serang dan informasi produk hukum yang disajikan cepat, tepat dan "
        "akurat pada laman JDIH.",
        "Menyediakan kepastian hukum dan keterbukaan informasi produk hukum.",
        "Jumlah keputusan dan produk hukum yang diunggah ke JDIH sesuai SOP dibagi jumlah "
        "produk hukum yang ditetapkan, dikali 100%.",
        "Register keputusan KPU Kota Serang dan laman JDIH KPU Kota Serang.", "bulanan",
        "output"),
    7: ("Data yang diolah berkualitas, relevan dan tepat waktu untuk mendukung keputusan.",
        "Menyediakan data dan informasi yang andal bagi pimpinan dan publik.",
        "Jumlah permintaan pengolahan data yang selesai tepat waktu dibagi jumlah permintaan "
        "pengolahan data, dikali 100%.",
        "Register permintaan data dan laporan Sub Bagian Perencanaan, Data dan Informasi.",
        "triwulanan", "output"),
    8: ("Fasilitasi pembentukan dan seleksi badan adhoc (PPK, PPS, KPPS) sesuai tahapan.",
        "Menjamin badan adhoc terbentuk tepat waktu untuk penyelenggaraan Pemilu.",
        "Jumlah badan adhoc yang terbentuk sesuai jadwal dibagi jumlah badan adhoc yang harus "
        "dibentuk, dikali 100%.",
        "Keputusan penetapan PPK/PPS/KPPS dan berita acara pelantikan.", "triwulanan",
        "output"),
    9: ("Ketepatan waktu penetapan jadwal pendaftaran dan verifikasi peserta Pemilu.",
        "Menjamin pendaftaran dan verifikasi peserta Pemilu sesuai petunjuk teknis.",
        "Jumlah tahapan pendaftaran dan verifikasi yang tepat waktu dibagi jumlah tahapan "
        "pendaftaran dan verifikasi, dikali 100%.",
        "SIPOL dan berita acara verifikasi peserta Pemilu.", "triwulanan", "output"),
    10: ("Pelaksanaan masa kampanye sesuai jadwal yang ditetapkan.",
         "Menjamin kampanye berjalan tertib sesuai jadwal nasional.",
         "Jumlah kegiatan kampanye yang terlaksana sesuai jadwal dibagi jumlah kegiatan "
         "kampanye yang dijadwalkan, dikali 100%.",
         "Berita acara penetapan jadwal kampanye dan laporan pelaksanaan kampanye.",
         "triwulanan", "output"),
    11: ("Sosialisasi melalui media massa dan media lain serta bimbingan teknis tingkat kota.",
         "Meningkatkan pemahaman pemilih dan badan adhoc tentang tahapan Pemilu.",
         "Jumlah kegiatan sosialisasi dan bimbingan teknis yang terlaksana dibagi jumlah yang "
         "direncanakan, dikali 100%.",
         "Laporan kegiatan sosialisasi dan bimbingan teknis, daftar hadir dan dokumentasi.",
         "triwulanan", "outcome"),
    12: ("Nilai penilaian mandiri Reformasi Birokrasi KPU Kota Serang paling rendah B.",
         "Mendorong perbaikan tata kelola dan akuntabilitas kinerja satker.",
         "Nilai B atau lebih tercapai = 100%; di bawah B dihitung sebanding nilai yang dicapai "
         "terhadap nilai minimal B.",
         "Hasil penilaian mandiri RB dan laporan hasil evaluasi AKIP.", "tahunan", "outcome"),
    13: ("Fasilitasi penyiapan tahapan pemungutan dan penghitungan suara.",
         "Menjamin pemungutan dan penghitungan suara terselenggara sesuai ketentuan.",
         "Jumlah kegiatan penyiapan pemungutan dan penghitungan suara yang terlaksana dibagi "
         "jumlah yang direncanakan, dikali 100%.",
         "Laporan bimbingan teknis KPPS, laporan SIREKAP dan berita acara rekapitulasi.",
         "triwulanan", "output"),
}  # fmt: skip


def muat_iku(*, stdout=None) -> None:
    """The IKU decree of the Renstra 2020–2024 naming its 13 indikator, and their manuals."""
    renstra = Renstra.objects.filter(tahun_mulai=2020).first()
    if renstra is None:
        return
    keputusan, _ = KeputusanIku.objects.get_or_create(renstra=renstra, defaults=KEPUTUSAN)
    indikator = Indikator.objects.filter(sasaran__tujuan__renstra=renstra).select_related(
        "sasaran__unit"
    )
    for ind in indikator:
        IkuIndikator.objects.get_or_create(keputusan=keputusan, indikator=ind)
        isi = MANUAL.get(ind.sasaran.nomor)
        if isi is None:
            continue
        definisi, tujuan, formula, sumber, frekuensi, jenis = isi
        ManualIndikator.objects.get_or_create(
            indikator=ind,
            defaults={
                "definisi": definisi,
                "tujuan": tujuan,
                "formula": formula,
                "sumber_data": sumber,
                "unit_penanggung_jawab": ind.sasaran.unit,
                "frekuensi": frekuensi,
                "jenis": jenis,
            },
        )
    if stdout is not None:
        stdout.write("  kinerja: keputusan IKU dan Manual IKU 2020–2024")
