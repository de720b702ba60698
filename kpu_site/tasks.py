from celery import shared_task

from . import services


@shared_task(name="kpu_site.pemeriksaan_worker_process", acks_late=True)
def pemeriksaan_worker_process(pemeriksaan_id: int) -> bool:
    return services.pemeriksaan_worker_process(pemeriksaan_id=pemeriksaan_id)
