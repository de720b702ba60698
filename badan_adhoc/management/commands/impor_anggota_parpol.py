from badan_adhoc.services import anggota_parpol_import

from ._dasar import PerintahImpor


class Command(PerintahImpor):
    jenis_impor = "anggota_parpol"
    help = "Ganti daftar anggota partai politik dengan ekspor SIPOL (kolom: nik,nama,partai)."

    def handle(self, *args, **options):
        hasil = self.jalankan_impor(anggota_parpol_import, options["berkas"])
        self.stdout.write(self.style.SUCCESS(f"Anggota parpol: {hasil.baru} baris."))
