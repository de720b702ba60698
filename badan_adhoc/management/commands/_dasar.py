"""Shared plumbing of the import commands: open the file, report every error, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kpu_site.impor import ImporGagal, kesalahan_teks
from kpu_site.impor_halaman import profil_argumen
from kpu_site.selectors import pemetaan_profil


class PerintahImpor(BaseCommand):
    # The system checks (``manage.py check``) took longer than a 200,000-row import's own
    # work; they belong to deployment (``check --deploy``, CI), not to every data command.
    requires_system_checks: list[str] = []
    # the import's kode (``badan_adhoc/impor_jenis.py``): ``--profil`` names one of its
    # saved column mappings
    jenis_impor = ""
    _profil = ""

    def add_arguments(self, parser):
        parser.add_argument("berkas", help="berkas CSV atau XLSX")
        profil_argumen(parser)

    def execute(self, *args, **options):
        self._profil = options.get("profil") or ""
        return super().execute(*args, **options)

    def jalankan_impor(self, fungsi, berkas: str, **kwargs):
        path = Path(berkas)
        if not path.is_file():
            raise CommandError(f"Berkas {berkas} tidak ditemukan.")
        try:
            pemetaan = pemetaan_profil(jenis=self.jenis_impor, nama=self._profil)
            with path.open("rb") as fh:
                return fungsi(berkas=fh, nama_berkas=path.name, pemetaan=pemetaan, **kwargs)
        except ImporGagal as exc:
            for teks in kesalahan_teks(exc.kesalahan, batas=200):
                self.stderr.write(teks)
            raise CommandError(
                f"Impor dibatalkan: {len(exc.kesalahan)} kesalahan; tidak ada data yang ditulis."
            ) from None

    def tulis_json(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))
