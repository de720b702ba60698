"""Seed the IKPA parameters of 2023 (PER-5/PB/2022) and 2024 (PER-5/PB/2024).

Weights from NOTES (2023–2024: revisi DIPA 10, deviasi halaman III 15, penyerapan 20, belanja
kontraktual 10, penyelesaian tagihan 10, UP/TUP 10, capaian output 25); the deviation is
weighted by the expenditure type's share of the pagu from 2024. The absorption targets and
component parameters are the app's reading of the juknis: they are data, editable per year.
"""

from django.db import migrations

TARGET = {
    "51": [20, 50, 75, 95],
    "52": [15, 50, 70, 90],
    "53": [10, 40, 70, 90],
    "57": [25, 50, 75, 95],
}

RINCIAN = {
    "kontraktual": {
        "batas_nilai": 50000000,
        "bobot_kontrak_dini": 40,
        "bobot_akselerasi_modal": 40,
        "bobot_distribusi": 20,
        "poin_kontrak_dini": 120,
        "poin_kontrak_tw1": 110,
        "modal_batas_atas": 200000000,
        "poin_modal_per_triwulan": [120, 110, 100, 90],
    },
    "tagihan": {"batas_hari_kerja": 17},
    "up_tup": {
        "bobot_ketepatan": 50,
        "bobot_besaran_gup": 25,
        "bobot_setoran_tup": 25,
        "batas_gup_persen": 50,
    },
    "output": {"bobot_ketepatan_lapor": 30, "bobot_capaian": 70, "batas_tanggal_lapor": 5},
    "dispensasi": {"pengurang_per_spm": "0.25", "pengurang_maks": "1.00"},
}


def isi(apps, schema_editor):
    ParameterIkpa = apps.get_model("anggaran", "ParameterIkpa")
    for tahun, dasar, tertimbang in (
        (2023, "PER-5/PB/2022", False),
        (2024, "PER-5/PB/2024", True),
    ):
        ParameterIkpa.objects.get_or_create(
            tahun=tahun,
            defaults={
                "dasar_hukum": dasar,
                "bobot_revisi": 10,
                "bobot_deviasi": 15,
                "bobot_penyerapan": 20,
                "bobot_kontraktual": 10,
                "bobot_tagihan": 10,
                "bobot_up_tup": 10,
                "bobot_output": 25,
                "deviasi_tertimbang": tertimbang,
                "target_penyerapan": TARGET,
                "rincian": RINCIAN,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("anggaran", "0004_ikpa")]

    operations = [migrations.RunPython(isi, migrations.RunPython.noop)]
