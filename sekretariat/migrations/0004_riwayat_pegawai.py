"""When each pegawai joined and left the satker, and their education over time.

Data for the rows that exist (no source records these dates, so the migration takes the
nearest fact the database holds, and the Hukum dan SDM staff correct them on the form):

- ``tmt_masuk`` = the start of the pegawai's earliest riwayat jabatan (they served here from
  then at the latest); with no riwayat (every PPNPN, a PNS never appointed) 1 January 2000, a
  date before any report year the application keeps, so they keep counting in every past
  year as they did before.
- A pegawai marked not active (the ``aktif`` flag, removed here: "active" is now read from
  the dates) gets ``tmt_keluar`` = the end of their latest closed riwayat jabatan, or the day
  of the migration when there is none, and the reason ``berhenti`` (the real reason is not
  recorded anywhere; correct it to pindah/pensiun/meninggal on the form).
- ``pendidikan`` becomes one ``RiwayatPendidikan`` row each, dated ``tmt_masuk`` (the level
  is taken as held when they joined; later diplomas are added with their own date).
"""

import datetime

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

AWAL = datetime.date(2000, 1, 1)


def isi_riwayat(apps, schema_editor):
    Pegawai = apps.get_model("sekretariat", "Pegawai")
    RiwayatJabatan = apps.get_model("sekretariat", "RiwayatJabatan")
    RiwayatPendidikan = apps.get_model("sekretariat", "RiwayatPendidikan")
    hari_ini = timezone.localdate()
    for p in Pegawai.objects.all():
        riwayat = RiwayatJabatan.objects.filter(pegawai_id=p.pk)
        pertama = riwayat.order_by("tanggal_mulai").first()
        p.tmt_masuk = pertama.tanggal_mulai if pertama else AWAL
        if not p.aktif:
            terakhir = (
                riwayat.filter(tanggal_selesai__isnull=False).order_by("-tanggal_selesai").first()
            )
            keluar = terakhir.tanggal_selesai if terakhir else hari_ini
            p.tmt_keluar = max(keluar, p.tmt_masuk + datetime.timedelta(days=1))
            p.alasan_keluar = "berhenti"
        p.save(update_fields=["tmt_masuk", "tmt_keluar", "alasan_keluar"])
        RiwayatPendidikan.objects.create(
            pegawai_id=p.pk, jenjang=p.pendidikan, tanggal_ijazah=p.tmt_masuk
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sekretariat", "0003_jenis_kelamin_huruf_besar"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalRiwayatPendidikan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        choices=[
                            ("sd", "SD"),
                            ("smp", "SLTP/SMP"),
                            ("slta", "SLTA/SMA/SMK"),
                            ("d1", "Diploma I"),
                            ("d2", "Diploma II"),
                            ("d3", "Diploma III"),
                            ("d4", "Diploma IV"),
                            ("s1", "Strata 1"),
                            ("s2", "Strata 2"),
                            ("s3", "Strata 3"),
                        ],
                        max_length=4,
                        verbose_name="jenjang",
                    ),
                ),
                (
                    "institusi",
                    models.CharField(blank=True, max_length=200, verbose_name="institusi"),
                ),
                (
                    "program_studi",
                    models.CharField(blank=True, max_length=200, verbose_name="program studi"),
                ),
                ("tanggal_ijazah", models.DateField(verbose_name="tanggal ijazah")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
            ],
            options={
                "verbose_name": "historical riwayat pendidikan",
                "verbose_name_plural": "historical riwayat pendidikan",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="RiwayatPendidikan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "jenjang",
                    models.CharField(
                        choices=[
                            ("sd", "SD"),
                            ("smp", "SLTP/SMP"),
                            ("slta", "SLTA/SMA/SMK"),
                            ("d1", "Diploma I"),
                            ("d2", "Diploma II"),
                            ("d3", "Diploma III"),
                            ("d4", "Diploma IV"),
                            ("s1", "Strata 1"),
                            ("s2", "Strata 2"),
                            ("s3", "Strata 3"),
                        ],
                        max_length=4,
                        verbose_name="jenjang",
                    ),
                ),
                (
                    "institusi",
                    models.CharField(blank=True, max_length=200, verbose_name="institusi"),
                ),
                (
                    "program_studi",
                    models.CharField(blank=True, max_length=200, verbose_name="program studi"),
                ),
                ("tanggal_ijazah", models.DateField(verbose_name="tanggal ijazah")),
            ],
            options={
                "verbose_name": "riwayat pendidikan",
                "verbose_name_plural": "riwayat pendidikan",
                "ordering": ["pegawai", "tanggal_ijazah", "pk"],
            },
        ),
        migrations.AddField(
            model_name="historicalpegawai",
            name="alasan_keluar",
            field=models.CharField(
                blank=True,
                choices=[
                    ("pindah", "Pindah tugas"),
                    ("pensiun", "Pensiun"),
                    ("meninggal", "Meninggal dunia"),
                    ("berhenti", "Berhenti"),
                ],
                max_length=10,
                verbose_name="alasan keluar",
            ),
        ),
        migrations.AddField(
            model_name="historicalpegawai",
            name="tmt_keluar",
            field=models.DateField(
                blank=True,
                help_text="Hari pertama tidak lagi bertugas di satker ini. Kosongkan bila masih.",
                null=True,
                verbose_name="TMT keluar",
            ),
        ),
        migrations.AddField(
            model_name="historicalpegawai",
            name="tmt_masuk",
            field=models.DateField(
                blank=True,
                default=datetime.date(2000, 1, 1),
                help_text="Mulai bertugas di satker ini. Kosong: sama dengan TMT.",
                verbose_name="TMT masuk",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="pegawai",
            name="alasan_keluar",
            field=models.CharField(
                blank=True,
                choices=[
                    ("pindah", "Pindah tugas"),
                    ("pensiun", "Pensiun"),
                    ("meninggal", "Meninggal dunia"),
                    ("berhenti", "Berhenti"),
                ],
                max_length=10,
                verbose_name="alasan keluar",
            ),
        ),
        migrations.AddField(
            model_name="pegawai",
            name="tmt_keluar",
            field=models.DateField(
                blank=True,
                help_text="Hari pertama tidak lagi bertugas di satker ini. Kosongkan bila masih.",
                null=True,
                verbose_name="TMT keluar",
            ),
        ),
        migrations.AddField(
            model_name="pegawai",
            name="tmt_masuk",
            field=models.DateField(
                blank=True,
                default=datetime.date(2000, 1, 1),
                help_text="Mulai bertugas di satker ini. Kosong: sama dengan TMT.",
                verbose_name="TMT masuk",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalriwayatpendidikan",
            name="history_user",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalriwayatpendidikan",
            name="pegawai",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sekretariat.pegawai",
                verbose_name="pegawai",
            ),
        ),
        migrations.AddField(
            model_name="riwayatpendidikan",
            name="pegawai",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="riwayat_pendidikan",
                to="sekretariat.pegawai",
                verbose_name="pegawai",
            ),
        ),
        migrations.AddConstraint(
            model_name="riwayatpendidikan",
            constraint=models.UniqueConstraint(
                fields=("pegawai", "jenjang", "tanggal_ijazah"),
                name="sekretariat_riwayatpendidikan_unik",
                violation_error_message="Ijazah ini sudah tercatat.",
            ),
        ),
        migrations.RunPython(isi_riwayat, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="historicalpegawai",
            name="aktif",
        ),
        migrations.RemoveField(
            model_name="pegawai",
            name="aktif",
        ),
        migrations.AddConstraint(
            model_name="pegawai",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("tmt_keluar__isnull", True),
                    ("tmt_keluar__gt", models.F("tmt_masuk")),
                    _connector="OR",
                ),
                name="sekretariat_pegawai_keluar_setelah_masuk",
                violation_error_message="TMT keluar harus setelah TMT masuk.",
            ),
        ),
        migrations.AddConstraint(
            model_name="pegawai",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("tmt_keluar__isnull", True), ("alasan_keluar", "")),
                    models.Q(
                        ("tmt_keluar__isnull", False),
                        models.Q(("alasan_keluar", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="sekretariat_pegawai_alasan_keluar",
                violation_error_message="Alasan keluar diisi bila dan hanya bila TMT keluar diisi.",
            ),
        ),
    ]
