"""Demo performance tree (pohon kinerja) of KPU Kota Serang under the Renstra 2020–2024
(``muat``, called at the end of ``kinerja.demo.muat``).

Sources and choices:

- Under each of the 13 sasaran strategis one sasaran of the sub-bagian that owns it
  (``Sasaran.unit``: Hukum dan SDM 2, Keuangan 3, Perencanaan 3, Teknis 5), valid 2022–2024.
  Their wording follows the activities the LKj 2023 (seed ``002``, Bab I and Bab III) reports
  for that sasaran: RKAKL/DIPA and its revisions, SAKTI/SIMAK-BMN reports and the BMN auction,
  coklit and synchronisation with Disdukcapil, the logistics needs map, JDIH, the KPPS
  selection, SIPOL, the campaign schedule, socialisation and bimtek, the RB self-assessment.
- Each has a percentage indikator whose 2022 and 2023 targets are those of its sasaran
  strategis's indikator (the sub-bagian carries the same target), and some a second,
  counted indikator.
- Invented (the seed names activities, not a cascade): the wording of each sub-bagian sasaran
  and staff activity, the kode (``SSB n.1``, ``KS n.1.m``), the counted indikator and their
  targets, and which sasaran have staff activities.
"""

from __future__ import annotations

from decimal import Decimal

from .model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from .models import Renstra, Sasaran, TargetTahunan

# nomor sasaran strategis -> (sasaran sub bagian, persen indikator, counted indikator or None
# as (uraian, satuan, target 2022, target 2023), staff activities)
POHON = {
    1: (
        "Tersusunnya dokumen perencanaan dan anggaran (RKAKL/DIPA) beserta revisinya tepat waktu",
        "Persentase dokumen perencanaan dan revisi anggaran yang disusun tepat waktu",
        ("Jumlah dokumen perencanaan dan penganggaran yang disusun", "dokumen", 4, 5),
        [
            "Menyusun RKAKL dan DIPA Satker KPU Kota Serang",
            "Menyusun usulan revisi anggaran sesuai perubahan tahapan",
            "Menyusun laporan capaian kinerja triwulanan",
        ],
    ),
    2: (
        "Tersusunnya laporan keuangan dan BMN yang tepat waktu dan sesuai SAKTI",
        "Persentase laporan keuangan dan BMN yang disusun tepat waktu dan valid",
        ("Jumlah laporan rekonsiliasi keuangan dan BMN", "laporan", 12, 12),
        [
            "Melakukan rekonsiliasi bulanan SAKTI dan SIMAK-BMN",
            "Menyiapkan lelang kendaraan roda dua melalui KPKNL Serang",
        ],
    ),
    3: (
        "Tersedianya data pemilih hasil pencocokan dan sinkronisasi dengan Disdukcapil",
        "Persentase data pemilih yang disinkronkan dengan data kependudukan",
        None,
        [
            "Menyinkronkan data Sidalih dengan data Disdukcapil Kota Serang",
            "Menindaklanjuti temuan data pemilih hasil coklit lapangan",
        ],
    ),
    4: (
        "Terpeliharanya sarana prasarana kantor dan perangkat TI yang berfungsi baik",
        "Persentase sarana prasarana dan perangkat TI yang berfungsi baik",
        None,
        ["Memelihara jaringan dan perangkat komputer kantor"],
    ),
    5: (
        "Tersusunnya peta kebutuhan, pengadaan dan laporan logistik Pemilu",
        "Persentase laporan pengelolaan dan pengadaan logistik yang tersusun",
        ("Jumlah laporan logistik Pemilu yang disusun", "laporan", 3, 4),
        [],
    ),
    6: (
        "Terunggahnya produk hukum KPU Kota Serang pada laman JDIH secara cepat dan akurat",
        "Persentase produk hukum yang diunggah ke JDIH paling lambat satu hari kerja",
        None,
        ["Mengunggah keputusan KPU Kota Serang ke laman JDIH"],
    ),
    7: (
        "Tersajinya data dan informasi kepemiluan yang berkualitas dan tepat waktu",
        "Persentase data dan informasi yang diolah dan disajikan tepat waktu",
        None,
        [],
    ),
    8: (
        "Terlaksananya seleksi PPK, PPS dan KPPS sesuai jadwal tahapan",
        "Persentase tahapan seleksi badan adhoc yang selesai sesuai jadwal",
        None,
        ["Menyiapkan bimbingan teknis anggota KPPS di tiga lokasi"],
    ),
    9: (
        "Terfasilitasinya pendaftaran dan verifikasi partai politik melalui SIPOL",
        "Persentase berkas pendaftaran dan verifikasi yang diproses sesuai jadwal",
        None,
        [],
    ),
    10: (
        "Tersusunnya jadwal dan berita acara kampanye Pemilu di Kota Serang",
        "Persentase kegiatan kampanye yang terlaksana sesuai jadwal",
        None,
        [],
    ),
    11: (
        "Terlaksananya sosialisasi melalui media massa dan bimbingan teknis tahapan",
        "Persentase kegiatan sosialisasi dan bimbingan teknis yang terlaksana",
        ("Jumlah kegiatan sosialisasi dan bimbingan teknis", "kegiatan", 6, 8),
        ["Menyiapkan materi sosialisasi tahapan Pemilu di media massa"],
    ),
    12: (
        "Terlaksananya penilaian mandiri reformasi birokrasi dan pembinaan SDM",
        "Persentase komponen penilaian mandiri RB yang terpenuhi dengan bukti dukung",
        None,
        ["Menghimpun bukti dukung penilaian mandiri reformasi birokrasi"],
    ),
    13: (
        "Terlaksananya fasilitasi pemungutan dan penghitungan suara di TPS",
        "Persentase TPS yang terfasilitasi perlengkapan pemungutan suara tepat waktu",
        None,
        [],
    ),
}

TAHUN = (2022, 2023)


def _target(ind: IndikatorUnit, tahun: int, nilai) -> None:
    TargetIndikatorUnit.objects.get_or_create(
        indikator=ind, tahun=tahun, defaults={"target": Decimal(str(nilai))}
    )


def muat(*, stdout) -> None:
    renstra = Renstra.objects.filter(tahun_mulai=2020).first()
    if renstra is None:
        return
    sasaran = {
        s.nomor: s for s in Sasaran.objects.filter(tujuan__renstra=renstra).select_related("unit")
    }
    induk_target = {
        (t.indikator.sasaran_id, t.tahun): t.target
        for t in TargetTahunan.objects.filter(
            indikator__sasaran__tujuan__renstra=renstra, tahun__in=TAHUN
        ).select_related("indikator")
    }
    jumlah = 0
    for nomor, (uraian, persen, cacah, kegiatan) in POHON.items():
        s = sasaran.get(nomor)
        if s is None or s.unit is None:
            continue
        simpul, _ = SasaranUnit.objects.get_or_create(
            renstra=renstra,
            kode=f"SSB {nomor}.1",
            defaults={
                "tingkat": SasaranUnit.Tingkat.SUB_BAGIAN,
                "unit": s.unit,
                "uraian": uraian,
                "mendukung_sasaran": s,
                "tahun_mulai": 2022,
                "tahun_selesai": 2024,
            },
        )
        jumlah += 1
        ind, _ = IndikatorUnit.objects.get_or_create(
            sasaran_unit=simpul,
            kode=f"IKSB {nomor}.1.1",
            defaults={"uraian": persen, "satuan": "persen", "presisi": 2},
        )
        for tahun in TAHUN:
            _target(ind, tahun, induk_target.get((s.pk, tahun), Decimal("100")))
        if cacah:
            teks, satuan, t22, t23 = cacah
            ind2, _ = IndikatorUnit.objects.get_or_create(
                sasaran_unit=simpul,
                kode=f"IKSB {nomor}.1.2",
                defaults={"uraian": teks, "satuan": satuan, "presisi": 0},
            )
            _target(ind2, 2022, t22)
            _target(ind2, 2023, t23)
        for m, teks in enumerate(kegiatan, start=1):
            SasaranUnit.objects.get_or_create(
                renstra=renstra,
                kode=f"KS {nomor}.1.{m}",
                defaults={
                    "tingkat": SasaranUnit.Tingkat.KEGIATAN_STAF,
                    "unit": s.unit,
                    "uraian": teks,
                    "mendukung_unit": simpul,
                    "tahun_mulai": 2022,
                    "tahun_selesai": 2024,
                },
            )
            jumlah += 1
    stdout.write(f"  kinerja: pohon kinerja 2022–2024 ({jumlah} sasaran sub bagian/kegiatan staf)")
