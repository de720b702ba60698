from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from anggaran import selectors
from anggaran.impor import realisasi_impor
from anggaran.models import DokumenAnggaran
from kpu_site.batas import tahun_periksa
from kpu_site.impor import ImporGagal
from kpu_site.impor_halaman import pemetaan_opsi, profil_argumen


class Command(BaseCommand):
    help = (
        "Impor realisasi dari ekspor sistem keuangan (CSV/XLSX) ke DIPA tahun tertentu. "
        "Semua baris atau tidak sama sekali; baris yang sudah ada (SP2D + akun) dilewati."
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("berkas")
        parser.add_argument(
            "--nomor",
            help="Nomor dokumen (mis. nomor NPHD hibah); bawaan: DIPA tahun itu.",
        )
        profil_argumen(parser)

    def handle(self, *args, tahun, berkas, nomor=None, **options):
        salah_tahun = tahun_periksa(tahun)
        if salah_tahun:
            raise CommandError(f"Tahun: {salah_tahun}")
        if nomor:
            dokumen = DokumenAnggaran.objects.filter(tahun=tahun, nomor=nomor).first()
        else:
            dokumen = selectors.dipa_of_tahun(tahun=tahun)
        if dokumen is None:
            raise CommandError(f"Dokumen anggaran tahun {tahun} tidak ditemukan.")
        path = Path(berkas)
        if not path.is_file():
            raise CommandError(f"Berkas {berkas} tidak ditemukan.")
        try:
            hasil = realisasi_impor(
                pengguna=None,
                dokumen=dokumen,
                berkas=path,
                nama_berkas=path.name,
                pemetaan=pemetaan_opsi("realisasi", options),
            )
        except ImporGagal as exc:
            for k in exc.kesalahan:
                self.stderr.write(str(k))
            raise CommandError(
                f"Impor dibatalkan: {len(exc.kesalahan)} kesalahan; tidak ada yang disimpan."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(hasil.baris)} baris diimpor ke {dokumen.nomor} "
                f"(total {hasil.total_nilai}); {len(hasil.dilewati)} baris sudah ada dilewati."
            )
        )
