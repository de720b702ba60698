"""Reads of the badan_adhoc app (HackSoft selectors), by stage:

- ``rekrutmen``: recruitments, seats (``kursi_per_wilayah``, ``kursi_total``), the screening
  summary and the per-wilayah/per-kecamatan dashboard figures (cached per data version), wilayah;
- ``pendaftar``: the applicant list's filters, exact count and keyset pages, detail, announcements;
- ``penetapan``: ranking funnel, members, honorarium.
"""

from .pendaftar import (  # noqa: F401
    BATAS_HITUNG_CARI,
    BarisPemeriksaan,
    JumlahPendaftar,
    di_sipol,
    klarifikasi_menunggu_list,
    klarifikasi_parpol_perlu,
    pemeriksaan_administrasi,
    pendaftar_belum_diperiksa_jumlah,
    pendaftar_detail_qs,
    pendaftar_di_kecamatan,
    pendaftar_filter,
    pendaftar_halaman,
    pendaftar_halaman_nomor,
    pendaftar_halaman_qs,
    pendaftar_jumlah,
    pendaftar_jumlah_dari_ringkasan,
    pendaftar_nomor_halaman,
    pendaftar_qs,
    pendaftar_saring_hasil,
    pengumuman_grup,
    usia_pada,
)
from .penetapan import (  # noqa: F401
    BarisHonor,
    HonorTahun,
    RekapHonor,
    anggota_list,
    anggota_ringkasan,
    honor_per_tahun,
    honor_rekap,
    peringkat_corong,
    peringkat_wilayah,
    periode_masa_kerja,
    tarif_honor_list,
    tarif_honor_map,
)
from .rekrutmen import (  # noqa: F401
    BarisWilayah,
    anggota_parpol_jumlah,
    kecamatan_list,
    kecamatan_rekap,
    kursi_per_wilayah,
    kursi_per_wilayah_qs,
    kursi_total,
    rekap_per_kecamatan,
    rekap_per_wilayah,
    rekap_per_wilayah_tersimpan,
    rekrutmen_list,
    rekrutmen_tahun_list,
    satuan_jumlah,
    seleksi_ringkasan,
    seleksi_ringkasan_tersimpan,
    wilayah_tujuan_qs,
)
from .tanggapan import (  # noqa: F401
    tanggapan_belum_per_rekrutmen,
    tanggapan_hitung,
    tanggapan_hitung_banyak,
    tanggapan_pendaftar_list,
    tanggapan_tahap_list,
)
