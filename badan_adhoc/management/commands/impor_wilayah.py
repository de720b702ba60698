from badan_adhoc.services import wilayah_import

from ._dasar import PerintahImpor


class Command(PerintahImpor):
    jenis_impor = "wilayah"
    help = "Impor kecamatan dan desa/kelurahan (kolom: kode,nama,jenis,kode_induk)."

    def handle(self, *args, **options):
        hasil = self.jalankan_impor(wilayah_import, options["berkas"])
        self.stdout.write(
            self.style.SUCCESS(f"Wilayah: {hasil.baru} baru, {hasil.diperbarui} diperbarui.")
        )
