from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KpuSiteConfig(AppConfig):
    name = "kpu_site"
    verbose_name = "Inti aplikasi"

    def ready(self) -> None:
        from . import audit, peran, tahun

        audit.connect()
        tahun.connect()
        post_migrate.connect(peran.peran_sync_after_migrate, dispatch_uid="peran_sync")
