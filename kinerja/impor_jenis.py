"""The kinerja imports, for column-mapping profiles and templates (``kpu_site.impor_jenis``):
the Perjanjian Kinerja targets and the quarterly realisasi (``kinerja/impor.py``). Numbers are
read in the Indonesian format (``99,56``) by the import itself, so no value rule is suggested;
the examples fit the demo's Renstra 2020–2024 (year 2024: no PK signed, no realisasi yet)."""

from __future__ import annotations

from kpu_site.impor_jenis import SETIAP_SUB_BAGIAN, JenisImpor, KolomImpor

KODE_CONTOH = ("IKSS 1", "IKSS 3")

JENIS = (
    JenisImpor(
        kode="target_kinerja",
        judul="Target Perjanjian Kinerja",
        unit="perencanaan",
        keterangan="Ke draft PK tahun yang dipilih; indikator dicocokkan menurut kodenya.",
        kolom=(
            KolomImpor(
                "kode_indikator",
                "Kode indikator",
                True,
                sinonim=("kode", "kode_ik", "kode_iku", "kode_ikss", "no_indikator"),
                contoh=KODE_CONTOH,
            ),
            KolomImpor(
                "target",
                "Target",
                True,
                sinonim=("target_pk", "target_kinerja", "target_tahunan", "batas_bawah"),
                contoh=("99,50", "97,25"),
            ),
            KolomImpor(
                "batas_atas",
                "Batas atas (indikator rentang)",
                sinonim=("target_atas", "target_maksimal"),
            ),
            KolomImpor("tahun", "Tahun (boleh kosong)", sinonim=("tahun_pk",)),
        ),
    ),
    JenisImpor(
        kode="realisasi_kinerja",
        judul="Realisasi kinerja triwulanan",
        unit=SETIAP_SUB_BAGIAN,
        keterangan="Tiap baris hanya untuk indikator sub bagian pengimpor; bukti dukung "
        "diunggah di halaman realisasi.",
        kolom=(
            KolomImpor(
                "kode_indikator",
                "Kode indikator",
                True,
                sinonim=("kode", "kode_ik", "kode_iku", "kode_ikss", "no_indikator"),
                contoh=KODE_CONTOH,
            ),
            KolomImpor(
                "triwulan",
                "Triwulan (1–4 atau TW I–TW IV)",
                True,
                sinonim=("tw", "periode", "trw"),
                contoh=("1", "TW II"),
            ),
            KolomImpor(
                "realisasi",
                "Realisasi",
                True,
                sinonim=("nilai", "nilai_realisasi", "capaian_fisik"),
                contoh=("25,50", "48,75"),
            ),
            KolomImpor(
                "analisis",
                "Analisis / catatan",
                sinonim=("catatan", "keterangan", "analisis_capaian"),
                contoh=("Sesuai rencana aksi triwulan I.", ""),
            ),
            KolomImpor("tahun", "Tahun (boleh kosong)"),
        ),
    ),
)
