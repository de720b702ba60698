from django.apps import AppConfig


class BadanAdhocConfig(AppConfig):
    name = "badan_adhoc"
    verbose_name = "Badan Ad Hoc"

    def ready(self) -> None:
        # The kinds of recruitment documents register themselves (``dokumen.jenis``).
        from .dokumen import (
            berita_acara,  # noqa: F401
            berita_acara_tahap,  # noqa: F401
            pengumuman_daftar,  # noqa: F401
            render,  # noqa: F401
            sk,  # noqa: F401
        )
