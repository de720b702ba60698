"""Celery application. With ``CELERY_BROKER_URL`` empty every task runs in-process (eager)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

app = Celery("kpu_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
