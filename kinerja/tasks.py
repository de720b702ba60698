"""Celery tasks of the kinerja app (found by ``autodiscover_tasks``)."""

from .lkj.tasks import laporan_render

__all__ = ["laporan_render"]
