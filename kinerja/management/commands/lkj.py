from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kinerja.lkj import services
from kinerja.lkj.models import LaporanKinerja


class Command(BaseCommand):
    help = (
        "Menyusun Laporan Kinerja (LKj) suatu tahun menjadi PDF, di proses ini (tanpa worker), "
        "dengan layanan yang sama seperti halaman web. Keluar dengan kode bukan nol bila gagal."
    )

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)
        parser.add_argument("--output", "-o", required=True, help="berkas PDF tujuan")

    def handle(self, *args, tahun, output, **options):
        try:
            laporan = services.laporan_request(tahun=tahun, pengguna=None, antrekan=False)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        hasil = services.laporan_render(laporan_id=laporan.pk)
        if hasil is None or hasil.status != LaporanKinerja.Status.SELESAI:
            pesan = hasil.pesan_galat if hasil else "laporan tidak dapat diproses"
            raise CommandError(f"Gagal menyusun LKj {tahun}: {pesan}")
        with hasil.berkas.open("rb") as src:
            Path(output).write_bytes(src.read())
        self.stdout.write(
            self.style.SUCCESS(
                f"{hasil} {'(DRAF) ' if hasil.draf else ''}ditulis ke {output}: "
                f"{hasil.jumlah_halaman} halaman, SHA-256 {hasil.sha256}"
            )
        )
