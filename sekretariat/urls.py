app_name = "sekretariat"

urlpatterns: list = []
