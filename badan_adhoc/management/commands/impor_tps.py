from badan_adhoc.services import tps_import

from ._dasar import PerintahImpor


class Command(PerintahImpor):
    jenis_impor = "tps"
    help = "Impor TPS (kolom: kode_kelurahan,nomor,jumlah_dpt)."

    def handle(self, *args, **options):
        hasil = self.jalankan_impor(tps_import, options["berkas"])
        self.stdout.write(
            self.style.SUCCESS(f"TPS: {hasil.baru} baru, {hasil.diperbarui} diperbarui.")
        )
