from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KpuSiteConfig(AppConfig):
    name = "kpu_site"
    verbose_name = "Inti aplikasi"

    def ready(self) -> None:
        from django.db.models.signals import pre_save
        from django.urls import register_converter

        from . import audit, batas, peran, tahun

        register_converter(tahun.TahunConverter, "tahun")
        pre_save.connect(batas.simpan_pastikan, dispatch_uid="batas_simpan_pastikan")
        audit.connect()
        tahun.connect()
        post_migrate.connect(peran.peran_sync_after_migrate, dispatch_uid="peran_sync")
