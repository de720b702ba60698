"""Demo organisation: Sekretariat KPU Kota Serang 2023 (seed 002, Bab I B–D).

Idempotent: every row is looked up before it is written, so a second run changes nothing.

Choices where the source disagrees with itself or is silent (seed 002 was typed by hand):

- PNS: the report says 10 PNS = 1 Sekretaris + 4 Kasubag + 1 JF + "4 (enam)" staf pelaksana.
  We keep 4 pelaksana (the total 10 only holds with 4).
- PNS by education: the report lists Diploma 1 + S1 6 + S2 2 = 9, not 10. We take D III 1,
  S1 7, S2 2 (= 10): one S1 was left out of the typed list.
- The three replacements of 17 Oktober 2023 (SK Sekretaris Jenderal KPU 1921 Tahun 2023):
  Rina Herlina -> Andrie Minggon Munggaran (Keuangan, Umum dan Logistik), Erlin Herlina ->
  Dede Kusmana (Perencanaan, Data dan Informasi), Encep Supriyadi -> Ratih Permata WM (Hukum
  dan SDM). The report also cites SK 1921 for Tomi Irawan (Teknis), whom it says held the
  post "sejak Januari 2023" and did not replace: we record Tomi under the January 2023 SK only.
  To keep 10 PNS, the three incoming Kasubag come from other satker (TMT masuk 17 Oktober
  2023) and the three outgoing ones moved out that day (TMT keluar 17 Oktober 2023, pindah).
- The Sekretaris is "Hendro Sulisty" in the source's signature (cut short); we use
  "Hendro Sulistyo", as the demo account does.
- Invented (the source gives no names/details): the 4 staf pelaksana, the 12 PPNPN, the 5
  commissioners and their period, all NIPs, birth dates, TMTs, golongan, and the SK numbers
  other than 1921/2023. PPNPN: 6 tenaga administrasi, 3 security, 2 pramubakti, 1 pengemudi;
  education SLTA 4, S1 8, as the report gives.
- Invented, so that the years differ (staff history): Mahpudin finished his S2 on 26 Agustus
  2023 (S1 before), and Iwan Kurniawan (security) joined on 2 Januari 2023. At 31 Desember
  2022 the satker thus had 10 PNS (D III 1, S1 8, S2 1) and 11 PPNPN (SLTA 4, S1 7): 21
  pegawai; at 31 Desember 2023 10 PNS (D III 1, S1 7, S2 2) and 12 PPNPN: 22, as the report.
  TMT masuk is the TMT (CPNS or contract start) except for the Sekretaris (his appointment,
  2 Maret 2020) and the incoming Kasubag.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from . import services
from .models import Divisi, Jabatan, Komisioner, Pegawai, RiwayatJabatan, Satker, UnitOrganisasi

J = UnitOrganisasi.Jenis

TUGAS_SEKRETARIAT = """Membantu penyusunan program dan anggaran Pemilu
Memberikan dukungan teknis administratif
Membantu pelaksanaan tugas KPU Kabupaten/Kota dalam menyelenggarakan Pemilu
Membantu pendistribusian perlengkapan penyelenggaraan Pemilu Anggota DPR, DPD, Presiden dan Wakil Presiden, serta DPRD
Membantu perumusan dan penyusunan rancangan keputusan KPU Kabupaten/Kota
Membantu penyusunan laporan penyelenggaraan kegiatan dan pertanggungjawaban KPU Kabupaten/Kota
Membantu pelaksanaan tugas-tugas lain sesuai dengan peraturan perundang-undangan"""

UNIT_DEMO = [
    # kode, nama, jenis, urutan, tugas (one per line)
    ("sekretariat", "Sekretariat KPU Kota Serang", J.SEKRETARIAT, 0, TUGAS_SEKRETARIAT),
    (
        "keuangan",
        "Sub Bagian Keuangan, Umum dan Logistik",
        J.SUB_BAGIAN,
        1,
        "Analisis dan penyiapan pelaksanaan pengelolaan keuangan\n"
        "Pengelolaan perlengkapan dan rumah tangga\n"
        "Urusan umum dan logistik pemilu dan pemilihan di lingkungan KPU Kota Serang",
    ),
    (
        "teknis",
        "Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
        J.SUB_BAGIAN,
        2,
        "Analisis dan penyiapan teknis penyelenggaraan pemilu dan pemilihan\n"
        "Partisipasi masyarakat dan hubungan masyarakat di lingkungan KPU Kota Serang",
    ),
    (
        "perencanaan",
        "Sub Bagian Perencanaan, Data dan Informasi",
        J.SUB_BAGIAN,
        3,
        "Analisis dan penyiapan penyusunan rencana, program dan anggaran\n"
        "Pengelolaan data dan informasi di lingkungan KPU Kota Serang",
    ),
    (
        "hukum_sdm",
        "Sub Bagian Hukum dan Sumber Daya Manusia",
        J.SUB_BAGIAN,
        4,
        "Penyusunan dan pengkajian produk hukum\n"
        "Dokumentasi dan informasi hukum\n"
        "Pemberian advokasi dan pendapat hukum, fasilitasi penyelesaian sengketa pemilu dan "
        "pemilihan\n"
        "Pengelolaan sumber daya manusia di lingkungan KPU Kota Serang",
    ),
    (
        "jf",
        "Kelompok Jabatan Fungsional",
        J.KELOMPOK_JF,
        5,
        "Memberikan pelayanan fungsional dalam pelaksanaan tugas dan fungsi jabatan pimpinan "
        "tinggi pratama sesuai dengan bidang keahlian (PKPU 14 Tahun 2020 Pasal 236)",
    ),
]

# divisi name, urutan, mitra unit kode
DIVISI_DEMO = [
    ("Divisi Keuangan, Umum, Rumah Tangga dan Logistik", 1, "keuangan"),
    ("Divisi Teknis Penyelenggaraan", 2, "teknis"),
    ("Divisi Perencanaan, Data dan Informasi", 3, "perencanaan"),
    ("Divisi Hukum dan Pengawasan", 4, "hukum_sdm"),
    ("Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM", 5, "teknis"),
]

S, F, P = Jabatan.Jenis.STRUKTURAL, Jabatan.Jenis.FUNGSIONAL, Jabatan.Jenis.PELAKSANA

# key, unit kode, jenis, nama
JABATAN_DEMO = [
    ("sekretaris", "sekretariat", S, "Sekretaris"),
    ("kasubag_keuangan", "keuangan", S, "Kepala Sub Bagian Keuangan, Umum dan Logistik"),
    (
        "kasubag_teknis",
        "teknis",
        S,
        "Kepala Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
    ),
    ("kasubag_perencanaan", "perencanaan", S, "Kepala Sub Bagian Perencanaan, Data dan Informasi"),
    ("kasubag_hukum_sdm", "hukum_sdm", S, "Kepala Sub Bagian Hukum dan Sumber Daya Manusia"),
    ("jf_pkp", "jf", F, "Penata Kelola Pemilu Ahli Muda"),
    ("bendahara", "keuangan", P, "Bendahara Pengeluaran"),
    ("pelaksana_teknis", "teknis", P, "Pengelola Teknis Penyelenggaraan Pemilu"),
    ("pelaksana_data", "perencanaan", P, "Pengelola Data dan Informasi"),
    ("pelaksana_sdm", "hukum_sdm", P, "Pengadministrasi Kepegawaian"),
]

TANGGAL_PENGGANTIAN = date(2023, 10, 17)

L, PR = Pegawai.JenisKelamin.LAKI_LAKI, Pegawai.JenisKelamin.PEREMPUAN
E = Pegawai.Pendidikan

# PNS: nama, NIP, sex, birth date, TMT CPNS, education on joining, unit, golongan, TMT masuk
# (None: the TMT)
PNS_DEMO = [
    ("Hendro Sulistyo, S.Sos., M.Si.", "197205141998031001", L, date(1972, 5, 14), date(1998, 3, 1), E.S2, "sekretariat", "Pembina (IV/a)", date(2020, 3, 2)),
    ("Rina Herlina, S.E.", "197911202006122002", PR, date(1979, 11, 20), date(2006, 12, 1), E.S1, "keuangan", "Penata Tk. I (III/d)", None),
    ("Andrie Minggon Munggaran, S.E.", "198409022009011003", L, date(1984, 9, 2), date(2009, 1, 1), E.S1, "keuangan", "Penata Tk. I (III/d)", TANGGAL_PENGGANTIAN),
    ("Tomi Irawan, S.IP.", "198107082008021001", L, date(1981, 7, 8), date(2008, 2, 1), E.S1, "teknis", "Penata Tk. I (III/d)", None),
    ("Erlin Herlina, S.Kom.", "198003152006042003", PR, date(1980, 3, 15), date(2006, 4, 1), E.S1, "perencanaan", "Penata Tk. I (III/d)", None),
    ("Dede Kusmana, S.T.", "198511232010121002", L, date(1985, 11, 23), date(2010, 12, 1), E.S1, "perencanaan", "Penata (III/c)", TANGGAL_PENGGANTIAN),
    ("Encep Supriyadi, S.H.", "197806062005011004", L, date(1978, 6, 6), date(2005, 1, 1), E.S1, "hukum_sdm", "Penata Tk. I (III/d)", None),
    ("Ratih Permata WM, S.H.", "198702172011012005", PR, date(1987, 2, 17), date(2011, 1, 1), E.S1, "hukum_sdm", "Penata (III/c)", TANGGAL_PENGGANTIAN),
    ("Mahpudin, S.Ag., M.Si.", "197609282007011002", L, date(1976, 9, 28), date(2007, 1, 1), E.S1, "jf", "Penata Tk. I (III/d)", None),
    ("Siti Nurhasanah, A.Md.", "199004122014022001", PR, date(1990, 4, 12), date(2014, 2, 1), E.D3, "keuangan", "Pengatur Tk. I (II/d)", None),
    ("Yuliana Safitri, S.Sos.", "199107302019032002", PR, date(1991, 7, 30), date(2019, 3, 1), E.S1, "teknis", "Penata Muda (III/a)", None),
    ("Rizky Pratama, S.Kom.", "199302052019031003", L, date(1993, 2, 5), date(2019, 3, 1), E.S1, "perencanaan", "Penata Muda (III/a)", None),
    ("Agus Setiawan, S.H.", "198812192015031001", L, date(1988, 12, 19), date(2015, 3, 1), E.S1, "hukum_sdm", "Penata Muda Tk. I (III/b)", None),
]  # fmt: skip

JP = Pegawai.JenisPpnpn
# PPNPN: nama, kind, sex, birth date, contract start, education, unit
PPNPN_DEMO = [
    ("Fitri Handayani, S.E.", JP.ADMINISTRASI, PR, date(1994, 6, 3), date(2018, 1, 2), E.S1, "keuangan"),
    ("Hendra Gunawan, S.AP.", JP.ADMINISTRASI, L, date(1992, 10, 11), date(2017, 1, 2), E.S1, "sekretariat"),
    ("Lina Marlina, S.Sos.", JP.ADMINISTRASI, PR, date(1995, 1, 25), date(2019, 1, 2), E.S1, "teknis"),
    ("Rahmat Hidayat, S.IP.", JP.ADMINISTRASI, L, date(1996, 8, 14), date(2020, 1, 2), E.S1, "teknis"),
    ("Ahmad Baihaki, S.Kom.", JP.ADMINISTRASI, L, date(1997, 3, 9), date(2021, 1, 4), E.S1, "perencanaan"),
    ("Dian Puspitasari, S.H.", JP.ADMINISTRASI, PR, date(1996, 12, 1), date(2021, 1, 4), E.S1, "hukum_sdm"),
    ("Ujang Suherman", JP.SECURITY, L, date(1985, 4, 17), date(2012, 1, 2), E.SLTA, "keuangan"),
    ("Jaenudin", JP.SECURITY, L, date(1988, 9, 5), date(2015, 1, 2), E.SLTA, "keuangan"),
    ("Iwan Kurniawan, S.Pd.", JP.SECURITY, L, date(1993, 11, 30), date(2023, 1, 2), E.S1, "keuangan"),
    ("Sarinah", JP.PRAMUBAKTI, PR, date(1983, 2, 22), date(2011, 1, 3), E.SLTA, "keuangan"),
    ("Eka Wulandari, S.Pd.", JP.PRAMUBAKTI, PR, date(1995, 7, 7), date(2020, 1, 2), E.S1, "keuangan"),
    ("Dadang Sutisna", JP.PENGEMUDI, L, date(1980, 5, 19), date(2010, 1, 4), E.SLTA, "keuangan"),
]  # fmt: skip

SEKJEN = "Sekretaris Jenderal KPU RI"
SEKRETARIS_SATKER = "Sekretaris KPU Kota Serang"
SK_JANUARI_2023 = ("1562 Tahun 2022", date(2022, 12, 28), SEKJEN)
SK_1921 = ("1921 Tahun 2023", date(2023, 10, 17), SEKJEN)

# NIP (or name), jabatan key, (nomor, tanggal, penerbit), start
RIWAYAT_DEMO = [
    ("197205141998031001", "sekretaris", ("245 Tahun 2020", date(2020, 2, 24), SEKJEN), date(2020, 3, 2)),
    ("197911202006122002", "kasubag_keuangan", SK_JANUARI_2023, date(2023, 1, 2)),
    ("198107082008021001", "kasubag_teknis", SK_JANUARI_2023, date(2023, 1, 2)),
    ("198003152006042003", "kasubag_perencanaan", SK_JANUARI_2023, date(2023, 1, 2)),
    ("197806062005011004", "kasubag_hukum_sdm", SK_JANUARI_2023, date(2023, 1, 2)),
    ("197609282007011002", "jf_pkp", ("88 Tahun 2022", date(2022, 1, 14), SEKJEN), date(2022, 2, 1)),
    ("199004122014022001", "bendahara", ("12/KP.01-Kpt/3673/Sek/I/2022", date(2022, 1, 3), SEKRETARIS_SATKER), date(2022, 1, 3)),
    ("199107302019032002", "pelaksana_teknis", ("27/KP.01-Kpt/3673/Sek/III/2020", date(2020, 3, 2), SEKRETARIS_SATKER), date(2020, 3, 2)),
    ("199302052019031003", "pelaksana_data", ("27/KP.01-Kpt/3673/Sek/III/2020", date(2020, 3, 2), SEKRETARIS_SATKER), date(2020, 3, 2)),
    ("198812192015031001", "pelaksana_sdm", ("5/KP.01-Kpt/3673/Sek/I/2021", date(2021, 1, 4), SEKRETARIS_SATKER), date(2021, 1, 4)),
]  # fmt: skip

# The replacements of 17 Oktober 2023: (incoming NIP, jabatan key)
PENGGANTIAN_DEMO = [
    ("198409022009011003", "kasubag_keuangan"),
    ("198511232010121002", "kasubag_perencanaan"),
    ("198702172011012005", "kasubag_hukum_sdm"),
]
# ... and the Kasubag they replaced, who moved to another satker that day
PINDAH_DEMO = ["197911202006122002", "198003152006042003", "197806062005011004"]

# Diplomas after joining: NIP, jenjang, date, institusi, program studi
IJAZAH_DEMO = [
    (
        "197609282007011002",
        E.S2,
        date(2023, 8, 26),
        "Universitas Sultan Ageng Tirtayasa",
        "Magister Ilmu Administrasi",
    ),
]

SK_KOMISIONER = ("112/PP.06-Kpt/05/KPU/V/2019", date(2019, 5, 13))
MULAI_KOMISIONER = date(2019, 5, 20)
# nama, sex, ketua, divisi name
KOMISIONER_DEMO = [
    ("Muhammad Ridwan Fauzi, S.Sos.", L, True, "Divisi Keuangan, Umum, Rumah Tangga dan Logistik"),
    ("Dewi Anggraeni, S.H., M.H.", PR, False, "Divisi Hukum dan Pengawasan"),
    ("Asep Saepuloh, S.Pd.I.", L, False, "Divisi Teknis Penyelenggaraan"),
    ("Nurul Hidayah, S.Kom.", PR, False, "Divisi Perencanaan, Data dan Informasi"),
    ("Fajar Maulana, S.IP.", L, False, "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM"),
]  # fmt: skip


def _satker() -> None:
    if Satker.objects.exists():
        return
    services.satker_save(
        nama="Sekretariat Komisi Pemilihan Umum Kota Serang",
        tingkat=Satker.Tingkat.KOTA,
        nama_wilayah="Kota Serang",
        kode_satker="670714",
        kode_wilayah="36.73",
        alamat="Jl. Ayip Usman No. 61, Kaligandu, Kec. Serang, Kota Serang, Banten",
    )


def _units() -> dict[str, UnitOrganisasi]:
    units: dict[str, UnitOrganisasi] = {}
    induk = None
    for kode, nama, jenis, urutan, tugas in UNIT_DEMO:
        unit, _ = UnitOrganisasi.objects.get_or_create(
            kode=kode,
            defaults={
                "nama": nama,
                "jenis": jenis,
                "urutan": urutan,
                "induk": induk,
                "tugas": tugas,
            },
        )
        if not unit.tugas:
            unit.tugas = tugas
            unit.save(update_fields=["tugas"])
        if kode == "sekretariat":
            induk = unit
        units[kode] = unit
    return units


def muat(*, stdout) -> None:
    _satker()
    units = _units()

    divisi = {}
    for nama, urutan, mitra in DIVISI_DEMO:
        divisi[nama] = Divisi.objects.filter(nama=nama).first() or services.divisi_save(
            nama=nama, urutan=urutan, mitra=units[mitra]
        )

    jabatan = {}
    for urutan, (key, unit_kode, jenis, nama) in enumerate(JABATAN_DEMO):
        unit = units[unit_kode]
        jabatan[key] = Jabatan.objects.filter(unit=unit, nama=nama).first() or (
            services.jabatan_save(nama=nama, jenis=jenis, unit=unit, urutan=urutan)
        )

    pegawai = {}
    for nama, nip, kelamin, lahir, tmt, pendidikan, unit_kode, golongan, masuk in PNS_DEMO:
        pegawai[nip] = Pegawai.objects.filter(nip=nip).first() or services.pegawai_save(
            nama=nama,
            status=Pegawai.Status.PNS,
            nip=nip,
            jenis_kelamin=kelamin,
            tanggal_lahir=lahir,
            tmt=tmt,
            tmt_masuk=masuk,
            pendidikan=pendidikan,
            unit=units[unit_kode],
            golongan=golongan,
        )
    for nip, jenjang, tanggal_ijazah, institusi, prodi in IJAZAH_DEMO:
        if not pegawai[nip].riwayat_pendidikan.filter(jenjang=jenjang).exists():
            services.riwayat_pendidikan_create(
                pegawai=pegawai[nip],
                jenjang=jenjang,
                tanggal_ijazah=tanggal_ijazah,
                institusi=institusi,
                program_studi=prodi,
            )
    for nama, jenis, kelamin, lahir, mulai, pendidikan, unit_kode in PPNPN_DEMO:
        if not Pegawai.objects.filter(nama=nama, status=Pegawai.Status.PPNPN).exists():
            services.pegawai_save(
                nama=nama,
                status=Pegawai.Status.PPNPN,
                jenis_ppnpn=jenis,
                jenis_kelamin=kelamin,
                tanggal_lahir=lahir,
                tmt=mulai,
                pendidikan=pendidikan,
                unit=units[unit_kode],
            )

    for nip, key, (nomor, tanggal_sk, penerbit), mulai in RIWAYAT_DEMO:
        p, j = pegawai[nip], jabatan[key]
        if not RiwayatJabatan.objects.filter(pegawai=p, jabatan=j, tanggal_mulai=mulai).exists():
            services.riwayat_jabatan_save(
                pegawai=p,
                jabatan=j,
                nomor_sk=nomor,
                tanggal_sk=tanggal_sk,
                penerbit_sk=penerbit,
                tanggal_mulai=mulai,
            )
    nomor, tanggal_sk, penerbit = SK_1921
    for nip, key in PENGGANTIAN_DEMO:
        p, j = pegawai[nip], jabatan[key]
        if not RiwayatJabatan.objects.filter(
            pegawai=p, jabatan=j, tanggal_mulai=TANGGAL_PENGGANTIAN
        ).exists():
            services.riwayat_jabatan_save(
                pegawai=p,
                jabatan=j,
                nomor_sk=nomor,
                tanggal_sk=tanggal_sk,
                penerbit_sk=penerbit,
                tanggal_mulai=TANGGAL_PENGGANTIAN,
                tutup_sebelumnya=True,
            )
    for nip in PINDAH_DEMO:
        p = Pegawai.objects.get(pk=pegawai[nip].pk)
        if p.tmt_keluar is None:
            services.pegawai_save(
                pegawai=p,
                tmt_keluar=TANGGAL_PENGGANTIAN,
                alasan_keluar=Pegawai.AlasanKeluar.PINDAH,
            )

    nomor_sk, tanggal_sk = SK_KOMISIONER
    for nama, kelamin, ketua, divisi_nama in KOMISIONER_DEMO:
        if not Komisioner.objects.filter(nama=nama, tanggal_mulai=MULAI_KOMISIONER).exists():
            services.komisioner_save(
                nama=nama,
                jenis_kelamin=kelamin,
                ketua=ketua,
                divisi=divisi[divisi_nama],
                tanggal_mulai=MULAI_KOMISIONER,
                nomor_sk=nomor_sk,
                tanggal_sk=tanggal_sk,
            )
    stdout.write(
        f"Organisasi: {Pegawai.objects.bertugas(timezone.localdate()).count()} pegawai aktif, "
        f"{Komisioner.objects.count()} komisioner."
    )
