app_name = "badan_adhoc"

urlpatterns: list = []
