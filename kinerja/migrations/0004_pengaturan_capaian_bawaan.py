"""The capaian settings row (pk=1) with its defaults, so that no page read has to create it."""

from django.db import migrations


def pengaturan_buat(apps, schema_editor):
    PengaturanCapaian = apps.get_model("kinerja", "PengaturanCapaian")
    PengaturanCapaian.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0003_temuan_dijelaskan")]

    operations = [migrations.RunPython(pengaturan_buat, migrations.RunPython.noop)]
