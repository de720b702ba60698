from django.core.management.base import CommandError

from badan_adhoc.models import Rekrutmen
from badan_adhoc.selectors import seleksi_ringkasan
from badan_adhoc.services import pendaftar_import, pendaftar_screen

from ._dasar import PerintahImpor


class Command(PerintahImpor):
    jenis_impor = "pendaftar"
    help = (
        "Impor pendaftar sebuah rekrutmen (kolom: nik,nama,jenis_kelamin,tempat_lahir,"
        "tanggal_lahir,pendidikan,kode_domisili,alamat,no_hp,email,kode_wilayah_tujuan)."
    )

    def add_arguments(self, parser):
        parser.add_argument("kode_rekrutmen")
        super().add_arguments(parser)
        parser.add_argument(
            "--ganti", action="store_true", help="hapus pendaftar lama rekrutmen ini lebih dulu"
        )
        parser.add_argument(
            "--seleksi", action="store_true", help="jalankan seleksi administrasi sesudahnya"
        )
        parser.add_argument(
            "--json", action="store_true", help="cetak ringkasan seleksi sebagai satu objek JSON"
        )

    def handle(self, *args, **options):
        rekrutmen = Rekrutmen.objects.filter(kode=options["kode_rekrutmen"]).first()
        if rekrutmen is None:
            raise CommandError(f"Rekrutmen {options['kode_rekrutmen']} tidak ada.")
        hasil = self.jalankan_impor(
            pendaftar_import, options["berkas"], rekrutmen=rekrutmen, ganti=options["ganti"]
        )
        ringkasan = (
            pendaftar_screen(rekrutmen=rekrutmen)
            if options["seleksi"]
            else seleksi_ringkasan(rekrutmen)
        )
        if options["json"]:
            self.tulis_json(ringkasan)
        else:
            sama = f", {hasil.sama} sama, dilewati" if hasil.sama else ""
            self.stdout.write(self.style.SUCCESS(f"Pendaftar diimpor: {hasil.baru} baris{sama}."))
            if options["seleksi"]:
                self.stdout.write(f"MS {ringkasan['ms']}, TMS {ringkasan['tms']}.")
