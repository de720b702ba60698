"""Excel downloads of the tables the wilayah page and the ranking page import (wilayah, TPS,
the SIPOL party members, the scores), in each import's own columns, so a user fixes rows in
Excel and imports the file back unchanged (``ekspor``: the rows, streamed from the database).
The same access as the import pages: staff of the recruitment only."""

from __future__ import annotations

from django.http import Http404
from django.views import View

from kpu_site.excel import xlsx_response, xlsx_tulis_response
from kpu_site.services import unduhan_record

from .. import ekspor
from .rekrutmen import KelolaMixin, _RekrutmenMixin

__all__ = [
    "AnggotaParpolEksporView",
    "NilaiEksporView",
    "PendaftarImporUlangView",
    "TPSEksporView",
    "WilayahEksporView",
]


class _EksporView(KelolaMixin, View):
    judul = ""
    nama_berkas = ""
    kolom: list[str] = []
    format_kolom: dict[int, str] | None = None

    def baris(self):
        raise NotImplementedError

    def get_judul(self) -> str:
        return self.judul

    def get(self, request, *args, **kwargs):
        judul = self.get_judul()
        unduhan_record(pengguna=request.user, ringkasan=f"Unduh Excel: {judul}")
        return xlsx_response(
            nama_berkas=self.nama_berkas,
            judul=judul,
            kolom=self.kolom,
            baris=self.baris(),
            format_kolom=self.format_kolom,
        )


class WilayahEksporView(_EksporView):
    judul = "Kecamatan dan desa/kelurahan"
    nama_berkas = "wilayah"
    kolom = ekspor.KOLOM_WILAYAH

    def baris(self):
        return ekspor.wilayah_ekspor_baris()


class TPSEksporView(_EksporView):
    judul = "TPS"
    nama_berkas = "tps"
    kolom = ekspor.KOLOM_TPS
    format_kolom = {2: "angka"}

    def baris(self):
        return ekspor.tps_ekspor_baris()


class AnggotaParpolEksporView(_EksporView):
    judul = "Anggota partai politik (SIPOL)"
    nama_berkas = "anggota-parpol"
    kolom = ekspor.KOLOM_PARPOL

    def baris(self):
        return ekspor.anggota_parpol_ekspor_baris()


class NilaiEksporView(_RekrutmenMixin, _EksporView):
    kolom = ekspor.KOLOM_NILAI

    def get(self, request, *args, **kwargs):
        if self.rekrutmen.per_tps:  # as the score import: PPK and PPS only
            raise Http404("Rekrutmen ini tanpa tes dan wawancara.")
        self.nama_berkas = f"nilai-{self.rekrutmen.kode}"
        return super().get(request, *args, **kwargs)

    def get_judul(self) -> str:
        return f"Nilai tes tertulis dan wawancara {self.rekrutmen}"

    def baris(self):
        return ekspor.nilai_ekspor_baris(self.rekrutmen)


class PendaftarImporUlangView(_RekrutmenMixin, KelolaMixin, View):
    """ "Unduh untuk impor ulang": every applicant of the recruitment in the applicant import's
    columns and its checklist columns (``ekspor.pendaftar_impor_ulang_tulis``), to fix rows in
    Excel and import the file back (unchanged rows are skipped). Personal data in full: staff
    of the recruitment only; the applicant page's "Unduh Excel" stays as it is."""

    def get(self, request, *args, **kwargs):
        unduhan_record(
            pengguna=request.user,
            objek=self.rekrutmen,
            ringkasan=f"Unduh pendaftar {self.rekrutmen} untuk impor ulang (Excel)",
        )
        return xlsx_tulis_response(
            nama_berkas=ekspor.pendaftar_impor_ulang_nama_berkas(self.rekrutmen),
            tulis=lambda berkas: ekspor.pendaftar_impor_ulang_tulis(
                berkas, rekrutmen=self.rekrutmen
            ),
        )
