"""What the two kinerja import commands share: the arguments, the run, the output."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kpu_site.batas import tahun_periksa
from kpu_site.impor import ImporGagal
from kpu_site.impor_halaman import pemetaan_opsi, profil_argumen


class ImporKinerjaCommand(BaseCommand):
    """A subclass names its import (``jenis``) and the module's pair (``periksa``/``simpan``,
    both called with ``pengguna``: ``None`` = the system)."""

    jenis = ""

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas CSV atau XLSX")
        parser.add_argument("--tahun", type=int, required=True)
        profil_argumen(parser)
        parser.add_argument(
            "--pratinjau", action="store_true", help="hanya periksa; tidak menyimpan apa pun"
        )
        parser.add_argument(
            "--pengguna",
            default="",
            help="username yang tercatat sebagai pengubah (aturannya ikut berlaku); kosong: sistem",
        )

    def periksa(self, **kwargs):
        raise NotImplementedError

    def simpan(self, **kwargs):
        raise NotImplementedError

    def handle(self, *args, berkas, tahun, pratinjau=False, pengguna="", **options):
        if salah := tahun_periksa(tahun):
            raise CommandError(f"Tahun: {salah}")
        path = Path(berkas)
        if not path.is_file():
            raise CommandError(f"Berkas {berkas} tidak ditemukan.")
        user = None
        if pengguna:
            user = get_user_model().objects.filter(username=pengguna).first()
            if user is None:
                raise CommandError(f"Pengguna '{pengguna}' tidak ditemukan.")
        try:
            argumen = {
                "pengguna": user,
                "tahun": tahun,
                "berkas": path,
                "nama_berkas": path.name,
                "pemetaan": pemetaan_opsi(self.jenis, options),
            }
            if pratinjau:
                hasil = self.periksa(**argumen)
                if not hasil.ok:
                    raise ImporGagal(hasil.kesalahan)
            else:
                hasil = self.simpan(**argumen)
        except ImporGagal as exc:
            for k in exc.kesalahan:
                self.stderr.write(str(k))
            raise CommandError(
                f"Impor dibatalkan: {len(exc.kesalahan)} kesalahan; tidak ada yang disimpan."
            ) from None
        kata = "akan diubah (pratinjau, tidak disimpan)" if pratinjau else "diimpor"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(hasil.baris)} baris {kata}; {len(hasil.dilewati)} baris sama dengan data "
                "tersimpan dilewati."
            )
        )
