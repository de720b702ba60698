"""Realisasi of a budget document: list, entry and the atomic file import."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView, ListView

from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import LayananFormMixin
from kpu_site.halaman import HalamanMixin
from kpu_site.impor import ImporGagal, kesalahan_teks
from kpu_site.services import unduhan_record

from .. import forms, selectors, services
from ..impor import realisasi_impor, realisasi_impor_periksa
from ._dasar import BacaMixin, DokumenMixin, TulisMixin

# --- realisasi -------------------------------------------------------------------------------


class RealisasiListView(BacaMixin, DokumenMixin, HalamanMixin, ListView):
    template_name = "anggaran/realisasi_list.html"
    paginate_by = 50
    context_object_name = "transaksi"

    def get_queryset(self):
        try:
            bulan = int(self.request.GET.get("bulan") or 0) or None
        except ValueError:
            bulan = None
        return selectors.realisasi_list(
            dokumen=self.get_dokumen(), q=self.request.GET.get("q", "").strip(), bulan=bulan
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            dokumen = self.get_dokumen()
            unduhan_record(
                pengguna=request.user,
                ringkasan=f"Unduh Excel: Realisasi {dokumen}",
            )
            return xlsx_response(
                nama_berkas=f"realisasi-{dokumen.tahun}-{dokumen.jenis}",
                judul=f"Realisasi {dokumen}",
                kolom=[
                    "Tanggal",
                    "Nomor SP2D",
                    "Nomor SPM",
                    "Kode akun",
                    "Uraian",
                    "Nilai",
                    "Asal",
                ],
                baris=(
                    [
                        r.tanggal,
                        r.nomor_sp2d,
                        r.nomor_spm,
                        r.akun.kode_lengkap,
                        r.uraian,
                        r.nilai,
                        r.get_asal_display(),
                    ]
                    for r in self.get_queryset().iterator(chunk_size=2000)
                ),
                format_kolom={0: "tanggal", 5: "rupiah"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pilihan_bulan"] = [(b, nama_bulan(b)) for b in range(1, 13)]
        context["impor_terakhir"] = selectors.impor_list(dokumen=self.get_dokumen())[:5]
        return context


class RealisasiCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_realisasi"
    template_name = "anggaran/realisasi_form.html"
    form_class = forms.RealisasiForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "dokumen": self.get_dokumen(),
            "boleh_lampaui": self.request.user.has_perm("anggaran.setujui_pelampauan"),
        }

    def get_initial(self):
        akun = self.request.GET.get("akun")
        return {"akun": akun} if akun else {}

    def layanan(self, form):
        realisasi = services.realisasi_create(pengguna=self.request.user, **form.cleaned_data)
        messages.success(self.request, f"Realisasi SP2D {realisasi.nomor_sp2d} dicatat.")
        return redirect("anggaran:pos_detail", pk=realisasi.akun_id)


def _folder_sementara() -> Path:
    """Uploaded files waiting for confirmation; ones older than a day are removed."""
    folder = Path(settings.MEDIA_ROOT) / "impor_sementara"
    folder.mkdir(parents=True, exist_ok=True)
    batas = time.time() - 24 * 3600
    for lama in folder.iterdir():
        if lama.is_file() and lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    return folder


class ImporBerkasView(TulisMixin, DokumenMixin, FormView):
    """Upload → preview (every row checked, nothing written) → confirm (all or nothing).

    A subclass names its checking and writing functions (``periksa``, ``impor``: the
    ``*_impor_periksa``/``*_impor`` pair of an import module), the page to return to
    (``url_impor``) and the page after a successful import (``url_selesai``), and says what
    was imported (``pesan_selesai``)."""

    form_class = forms.ImporForm
    BATAS_PRATINJAU = 100
    BATAS_KESALAHAN = 500
    periksa = None
    impor = None
    url_impor = ""
    url_selesai = ""

    def pesan_selesai(self, hasil) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._konfirmasi(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        berkas = form.cleaned_data["berkas"]
        data = berkas.read()
        hasil = type(self).periksa(dokumen=self.get_dokumen(), berkas=data, nama_berkas=berkas.name)
        token = ""
        if hasil.ok and hasil.baris:
            token = uuid.uuid4().hex
            (_folder_sementara() / token).write_bytes(data)
            self.request.session[f"impor_anggaran_{token}"] = {
                "nama": berkas.name,
                "dokumen": self.get_dokumen().pk,
                "impor": self.url_impor,
            }
        return self.render_to_response(
            self.get_context_data(
                form=form,
                hasil=hasil,
                pratinjau=hasil.baris[: self.BATAS_PRATINJAU],
                kesalahan=hasil.kesalahan[: self.BATAS_KESALAHAN],
                kesalahan_lain=max(0, len(hasil.kesalahan) - self.BATAS_KESALAHAN),
                token=token,
            )
        )

    def _konfirmasi(self, request):
        token = request.POST.get("token", "")
        info = request.session.pop(f"impor_anggaran_{token}", None)
        dokumen = self.get_dokumen()
        path = _folder_sementara() / token if token.isalnum() else None
        if (
            not info
            or info["dokumen"] != dokumen.pk
            or info.get("impor", self.url_impor) != self.url_impor
            or path is None
            or not path.is_file()
        ):
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkas sekali lagi.")
            return redirect(self.url_impor, pk=dokumen.pk)
        try:
            hasil = type(self).impor(
                pengguna=request.user,
                dokumen=dokumen,
                berkas=path.read_bytes(),
                nama_berkas=info["nama"],
            )
        except (ImporGagal, ValidationError) as exc:
            pesan = (
                kesalahan_teks(exc.kesalahan, batas=20)
                if isinstance(exc, ImporGagal)
                else exc.messages
            )
            messages.error(
                request, "Impor dibatalkan, tidak ada yang disimpan: " + "; ".join(pesan)
            )
            return redirect(self.url_impor, pk=dokumen.pk)
        finally:
            path.unlink(missing_ok=True)
        messages.success(request, self.pesan_selesai(hasil))
        for peringatan in getattr(hasil, "peringatan", ()):  # accepted, flagged (a late PTUP)
            messages.warning(request, str(peringatan))
        return redirect(self.url_selesai, pk=dokumen.pk)


class RealisasiImporView(ImporBerkasView):
    permission_required = "anggaran.add_realisasi"
    template_name = "anggaran/realisasi_impor.html"
    periksa = realisasi_impor_periksa
    impor = realisasi_impor
    url_impor = "anggaran:realisasi_impor"
    url_selesai = "anggaran:realisasi_list"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} baris realisasi diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )
