"""Pantarlih (Petugas Pemutakhiran Data Pemilih) as a fourth ad hoc body: the choice (the
column widened to hold ``pantarlih``), its seats (1 per TPS) and its rate (Rp 1.000.000 per
month, NOTES.md) for 2023 and 2024, as data."""

from decimal import Decimal

from django.db import migrations, models

DASAR = "Surat Menkeu S-647/MK.02/2022"


def seed(apps, schema_editor):
    NormaKursi = apps.get_model("badan_adhoc", "NormaKursi")
    TarifHonor = apps.get_model("badan_adhoc", "TarifHonor")
    NormaKursi.objects.get_or_create(
        jenis_badan="pantarlih", defaults={"satuan": "tps", "jumlah": 1}
    )
    for tahun in (2023, 2024):
        TarifHonor.objects.get_or_create(
            jenis_badan="pantarlih",
            jabatan="anggota",
            tahun=tahun,
            defaults={"besaran": Decimal(1_000_000), "dasar": DASAR},
        )


def unseed(apps, schema_editor):
    apps.get_model("badan_adhoc", "NormaKursi").objects.filter(jenis_badan="pantarlih").delete()
    apps.get_model("badan_adhoc", "TarifHonor").objects.filter(jenis_badan="pantarlih").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("badan_adhoc", "0011_impor_dekat_copy"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalnormakursi",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                db_index=True,
                max_length=10,
                verbose_name="badan",
            ),
        ),
        migrations.AlterField(
            model_name="historicalrekrutmen",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                max_length=10,
                verbose_name="badan",
            ),
        ),
        migrations.AlterField(
            model_name="historicaltarifhonor",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                max_length=10,
                verbose_name="badan",
            ),
        ),
        migrations.AlterField(
            model_name="normakursi",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                max_length=10,
                unique=True,
                verbose_name="badan",
            ),
        ),
        migrations.AlterField(
            model_name="rekrutmen",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                max_length=10,
                verbose_name="badan",
            ),
        ),
        migrations.AlterField(
            model_name="tarifhonor",
            name="jenis_badan",
            field=models.CharField(
                choices=[
                    ("ppk", "PPK"),
                    ("pps", "PPS"),
                    ("kpps", "KPPS"),
                    ("pantarlih", "Pantarlih"),
                ],
                max_length=10,
                verbose_name="badan",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
