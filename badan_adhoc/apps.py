from django.apps import AppConfig


class BadanAdhocConfig(AppConfig):
    name = "badan_adhoc"
    verbose_name = "Badan Ad Hoc"
