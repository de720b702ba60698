"""Sample URL arguments from the demo data for the access matrix test."""

from sekretariat.models import Pegawai

CONTOH = {
    "sekretariat:riwayat_pendidikan_create": lambda: {
        "pk": Pegawai.objects.order_by("pk").first().pk
    },
}
