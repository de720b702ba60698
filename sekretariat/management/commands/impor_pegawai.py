"""``manage.py impor_pegawai <berkas> [--profil "<nama>"] [--pratinjau]``: staff from a CSV/XLSX
(the staff export's columns, or a SIMPEG file through a saved profile); every row or none."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kpu_site.formatting import angka
from kpu_site.impor import ImporGagal, kesalahan_teks
from kpu_site.impor_halaman import pemetaan_opsi, profil_argumen
from sekretariat.impor import KODE_JENIS, pegawai_impor, pegawai_impor_periksa


class Command(BaseCommand):
    help = (
        "Impor pegawai PNS dan PPNPN (kolom unduhan daftar pegawai, atau SIMPEG lewat --profil); "
        "semua baris atau tidak sama sekali."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas CSV atau XLSX")
        profil_argumen(parser)
        parser.add_argument(
            "--pratinjau", action="store_true", help="hanya periksa, tidak menyimpan apa pun"
        )

    def handle(self, *args, **options):
        path = Path(options["berkas"])
        if not path.is_file():
            raise CommandError(f"Berkas {path} tidak ditemukan.")
        try:
            pemetaan = pemetaan_opsi(KODE_JENIS, options)
            with path.open("rb") as fh:
                if options["pratinjau"]:
                    hasil = pegawai_impor_periksa(
                        berkas=fh, nama_berkas=path.name, pemetaan=pemetaan
                    )
                    if not hasil.ok:
                        raise ImporGagal(hasil.kesalahan)
                else:
                    hasil = pegawai_impor(
                        pengguna=None, berkas=fh, nama_berkas=path.name, pemetaan=pemetaan
                    )
        except ImporGagal as exc:
            for teks in kesalahan_teks(exc.kesalahan, batas=200):
                self.stderr.write(teks)
            raise CommandError(
                f"Impor dibatalkan: {len(exc.kesalahan)} kesalahan; tidak ada data yang ditulis."
            ) from None
        awal = "Pratinjau (tidak disimpan)" if options["pratinjau"] else "Pegawai"
        self.stdout.write(
            self.style.SUCCESS(
                f"{awal}: {angka(hasil.jumlah_baru)} baru, {angka(hasil.jumlah_ubah)} diubah, "
                f"{angka(len(hasil.dilewati))} sama (dilewati)."
            )
        )
