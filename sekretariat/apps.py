from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SekretariatConfig(AppConfig):
    name = "sekretariat"
    verbose_name = "Sekretariat"

    def ready(self):
        from .context_processors import satker_nama_lupakan
        from .models import Satker

        post_save.connect(satker_nama_lupakan, sender=Satker, dispatch_uid="satker_nama_simpan")
        post_delete.connect(satker_nama_lupakan, sender=Satker, dispatch_uid="satker_nama_hapus")
