from django.core.management.base import BaseCommand

from kpu_site import demo


class Command(BaseCommand):
    help = "Memuat data demo (Sekretariat KPU Kota Serang 2023) dan akun demo; aman diulang."

    def add_arguments(self, parser):
        parser.add_argument(
            "--lkj-draf",
            action="store_true",
            help="Biarkan LKj 2023 berupa draf yang sudah direviu (belum final, tahun 2023 belum "
            "dikunci), untuk mencoba finalisasi.",
        )

    def handle(self, *args, **options):
        rows = demo.muat(stdout=self.stdout, lkj_final=not options["lkj_draf"])
        self.stdout.write(
            self.style.SUCCESS("Data demo siap. Akun demo (kata sandi sama untuk semua):")
        )
        self.stdout.write(f"  kata sandi: {demo.KATA_SANDI_DEMO}")
        width = max(len(r[0]) for r in rows)
        for username, peran, unit in rows:
            self.stdout.write(f"  {username.ljust(width)}  {peran:<18} {unit}")
