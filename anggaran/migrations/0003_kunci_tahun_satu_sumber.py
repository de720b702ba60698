"""The year lock is one thing (kinerja's ``KunciTahun``): the document locks that finalising
the LKj used to set on every budget document of the year are removed. They are recognised by
their time: set within a minute after that year's final LKj was finalised. A document the
Sekretaris locked on its own page stays locked; a locked year stays locked by ``KunciTahun``.
"""

from datetime import timedelta

from django.db import migrations


def kunci_lkj_lepas(apps, schema_editor):
    DokumenAnggaran = apps.get_model("anggaran", "DokumenAnggaran")
    LaporanKinerja = apps.get_model("kinerja", "LaporanKinerja")
    final = LaporanKinerja.objects.filter(status="final").exclude(difinalkan_pada=None)
    for laporan in final:
        DokumenAnggaran.objects.filter(
            tahun=laporan.tahun,
            terkunci=True,
            dikunci_pada__gte=laporan.difinalkan_pada,
            dikunci_pada__lte=laporan.difinalkan_pada + timedelta(minutes=1),
        ).update(terkunci=False, dikunci_pada=None, dikunci_oleh=None)


class Migration(migrations.Migration):
    dependencies = [
        ("anggaran", "0002_pos_sasaran"),
        ("kinerja", "0002_laporan_kinerja"),
    ]

    operations = [migrations.RunPython(kunci_lkj_lepas, migrations.RunPython.noop)]
