"""Create the six role groups. Their permissions are applied by ``kpu_site.peran.peran_sync``
after every migrate, so models of later apps are covered by the same declared policy."""

from django.db import migrations

PERAN = ["Admin", "Sekretaris", "Kasubag", "Staf", "Komisioner", "Auditor"]


def buat_peran(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for nama in PERAN:
        Group.objects.get_or_create(name=nama)


def hapus_peran(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=PERAN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kpu_site", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(buat_peran, hapus_peran)]
