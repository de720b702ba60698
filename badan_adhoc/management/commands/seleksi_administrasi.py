import json

from django.core.management.base import BaseCommand, CommandError

from badan_adhoc.models import ALASAN_TMS, PERINGATAN, Rekrutmen
from badan_adhoc.services import pendaftar_screen

from ._dasar import PerintahImpor


class Command(BaseCommand):
    requires_system_checks = PerintahImpor.requires_system_checks
    help = "Seleksi administrasi semua pendaftar sebuah rekrutmen (MS/TMS dengan alasannya)."

    def add_arguments(self, parser):
        parser.add_argument("kode_rekrutmen")
        parser.add_argument("--json", action="store_true", help="cetak satu objek JSON")

    def handle(self, *args, **options):
        rekrutmen = Rekrutmen.objects.filter(kode=options["kode_rekrutmen"]).first()
        if rekrutmen is None:
            raise CommandError(f"Rekrutmen {options['kode_rekrutmen']} tidak ada.")
        hasil = pendaftar_screen(rekrutmen=rekrutmen)
        if options["json"]:
            self.stdout.write(json.dumps(hasil))
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"{rekrutmen}: {hasil['jumlah']} pendaftar, {hasil['ms']} MS, {hasil['tms']} TMS."
            )
        )
        for kode, label in ALASAN_TMS.items():
            self.stdout.write(f"  {label}: {hasil['alasan'][kode]}")
        for kode, label in PERINGATAN.items():
            self.stdout.write(f"  peringatan – {label}: {hasil['peringatan'][kode]}")
