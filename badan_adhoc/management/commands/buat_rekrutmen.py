from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from badan_adhoc.services import rekrutmen_create


def _tanggal(text):
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise CommandError(f"Tanggal '{text}' tidak sah (gunakan TTTT-BB-HH).") from None


class Command(BaseCommand):
    help = "Buat rekrutmen PPK/PPS/KPPS/Pantarlih; kursi dihitung dari wilayah dan norma kursi."

    def add_arguments(self, parser):
        parser.add_argument("kode")
        parser.add_argument("--jenis", required=True, choices=["ppk", "pps", "kpps", "pantarlih"])
        parser.add_argument("--nama", required=True)
        parser.add_argument("--tanggal-acuan", required=True, help="TTTT-BB-HH (acuan usia)")
        parser.add_argument(
            "--pemilihan", default="", help="mis. 'Pemilu 2024' (untuk cek NIK ganda antar badan)"
        )
        parser.add_argument("--masa-mulai", default="", help="awal masa kerja TTTT-BB-HH")
        parser.add_argument("--masa-selesai", default="", help="akhir masa kerja TTTT-BB-HH")

    def handle(self, *args, **options):
        try:
            rekrutmen = rekrutmen_create(
                kode=options["kode"],
                jenis_badan=options["jenis"],
                nama=options["nama"],
                tanggal_acuan=_tanggal(options["tanggal_acuan"]),
                pemilihan=options["pemilihan"],
                masa_kerja_mulai=_tanggal(options["masa_mulai"]),
                masa_kerja_selesai=_tanggal(options["masa_selesai"]),
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        from badan_adhoc.selectors import kursi_total

        self.stdout.write(
            self.style.SUCCESS(
                f"Rekrutmen {rekrutmen.kode} dibuat: {kursi_total(rekrutmen)} kursi."
            )
        )
