"""The output side of a DIPA (issue 20, part 1): the RO × month table with capaian, an RO's
volume target, one month's output realisasi (entry, evidence, workflow), the verification
queue of the Kasubag Keuangan and the import. Thin: reads through selectors, writes through
``services_output`` and ``impor_output``."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.dates import MONTHS_3
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.berkas import EKSTENSI, berkas_response
from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import LayananFormMixin, kesalahan_ke_field
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif

from .. import forms_output, selectors, services_output
from ..akses import boleh_isi_output, boleh_tulis, boleh_verifikasi_output
from ..impor_output import realisasi_output_impor, realisasi_output_impor_periksa
from ..models import Pos, RealisasiOutput
from ._dasar import BacaMixin, DokumenMixin, TulisMixin
from ._impor import ImporDuaLangkahMixin


def _ro_get(pk: int) -> Pos:
    """An RO line with its document and unit pengampu; any other line is a 404."""
    ro = selectors.pos_get(pk=pk)
    if ro.tingkat != Pos.Tingkat.RO:
        raise Http404("Target dan realisasi output diisi pada baris RO.")
    return ro


def _kembali(request, default: str) -> HttpResponseRedirect:
    tujuan = request.POST.get("next") or ""
    if tujuan and url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(tujuan)
    return HttpResponseRedirect(default)


class OutputTerbaruView(BacaMixin, View):
    """``/anggaran/output/`` → the output page of the working year's DIPA."""

    def get(self, request):
        tahun = tahun_aktif(request)
        dokumen = selectors.dipa_of_tahun(tahun=tahun)
        if dokumen is None:
            messages.info(request, f"Belum ada DIPA tahun {tahun}.")
            return redirect("anggaran:dokumen_list")
        return redirect("anggaran:output_list", pk=dokumen.pk)


class OutputRoListView(BacaMixin, DokumenMixin, TemplateView):
    """Every RO line: target, the twelve months, cumulative volume and capaian to the chosen
    month (``?bulan=``), pagu and realisasi anggaran with serapan; ``?unduh=xlsx``."""

    template_name = "anggaran/output/output_list.html"

    def _sampai(self) -> int:
        nilai = self.request.GET.get("bulan", "")
        return int(nilai) if nilai.isdigit() and 1 <= int(nilai) <= 12 else 12

    def _baris(self):
        dokumen = self.get_dokumen()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=self.request.GET.get("revisi"))
        return revisi, selectors.output_ro_list(
            dokumen=dokumen, revisi=revisi, sampai_bulan=self._sampai()
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            return self._xlsx()
        if request.GET.get("unduh") == "xlsx-bulan":
            return self._xlsx_bulan()
        return super().get(request, *args, **kwargs)

    def _xlsx_bulan(self):
        """The stored monthly realisasi, one row per RO and month in the import's columns
        (``impor_output``: kode_ro, bulan, volume, tanggal_lapor, keterangan; uraian and
        status besides): the file goes back into the import unchanged. The twelve-month
        report above (``_xlsx``) lacks the report dates, so it is no import file."""
        dokumen = self.get_dokumen()
        unduhan_record(
            pengguna=self.request.user,
            ringkasan=f"Unduh Excel: Realisasi output per bulan {dokumen}",
        )
        return xlsx_response(
            nama_berkas=f"realisasi-output-{dokumen.tahun}",
            judul=f"Realisasi volume RO per bulan {dokumen}",
            kolom=[
                "Kode RO",
                "Uraian",
                "Bulan",
                "Volume",
                "Tanggal lapor",
                "Keterangan",
                "Status",
            ],
            baris=(
                [
                    r.ro.kode_lengkap,
                    r.ro.uraian,
                    nama_bulan(r.bulan),
                    r.volume,
                    r.tanggal_lapor,
                    r.keterangan,
                    r.get_status_display(),
                ]
                for r in selectors.realisasi_output_list(dokumen=dokumen)
            ),
            format_kolom={4: "tanggal"},
        )

    def _xlsx(self):
        dokumen = self.get_dokumen()
        _revisi, baris = self._baris()
        sampai = nama_bulan(self._sampai())
        unduhan_record(
            pengguna=self.request.user, ringkasan=f"Unduh Excel: Output RO {dokumen} s.d. {sampai}"
        )
        return xlsx_response(
            nama_berkas=f"output-ro-{dokumen.tahun}",
            judul=f"Target dan realisasi volume RO {dokumen} s.d. {sampai}",
            kolom=[
                "Kode RO",
                "Uraian",
                "Unit pengampu",
                "Target",
                "Satuan",
                *(str(MONTHS_3[b]).title() for b in range(1, 13)),
                f"Realisasi s.d. {sampai}",
                "Capaian %",
                "Pagu",
                "Realisasi anggaran",
                "Serapan %",
            ],
            baris=[
                [
                    b.kode,
                    b.uraian,
                    str(b.unit or ""),
                    b.target,
                    b.satuan,
                    *(m.volume for m in b.bulan),
                    b.kumulatif,
                    b.capaian,
                    b.pagu,
                    b.realisasi,
                    b.serapan,
                ]
                for b in baris
            ],
            format_kolom={18: "persen", 19: "rupiah", 20: "rupiah", 21: "persen"},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        revisi, baris = self._baris()
        context.update(
            tab="output",
            revisi=revisi,
            revisi_semua=selectors.revisi_list(dokumen=self.get_dokumen()),
            baris=[(b, boleh_isi_output(user, b.pos)) for b in baris],
            sampai_bulan=self._sampai(),
            nama_sampai=nama_bulan(self._sampai()),
            pilihan_bulan=[(b, nama_bulan(b)) for b in range(1, 13)],
            boleh_verifikasi=boleh_verifikasi_output(user),
            boleh_impor=user.has_perm("anggaran.add_realisasioutput"),
            tanpa_target=sum(1 for b in baris if not b.punya_target),
        )
        return context


class VolumeRoUpdateView(TulisMixin, LayananFormMixin, FormView):
    """The target volume, satuan, unit pengampu and projection of one RO line."""

    permission_required = "anggaran.change_volumero"
    template_name = "anggaran/output/volume_ro_form.html"
    form_class = forms_output.VolumeRoForm
    model = Pos

    def get_ro(self) -> Pos:
        if not hasattr(self, "_ro"):
            self._ro = _ro_get(self.kwargs["pk"])
        return self._ro

    def get_initial(self):
        ro = self.get_ro()
        target = selectors.volume_ro_terakhir(ro=ro)
        initial = {"satuan": ro.satuan, "unit": ro.unit_id}
        if target is not None:
            initial["volume"] = selectors.volume_teks(target.volume)
            for b, v in enumerate(selectors.rencana_angka(target.rencana), start=1):
                initial[f"rencana_{b}"] = selectors.volume_teks(v)
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ro = self.get_ro()
        context.update(
            pos=ro,
            dokumen=ro.dokumen,
            revisi=selectors.revisi_terakhir(dokumen=ro.dokumen),
            boleh_tulis=boleh_tulis(self.request.user),
        )
        return context

    def layanan(self, form):
        ro = self.get_ro()
        data = form.cleaned_data
        target = services_output.volume_ro_set(
            pengguna=self.request.user,
            ro=ro,
            volume=data["volume"],
            satuan=data["satuan"],
            unit=data["unit"],
            rencana=form.rencana(),
        )
        messages.success(
            self.request,
            f"Target volume RO {ro.kode_lengkap} disimpan: "
            f"{selectors.volume_teks(target.volume)} {target.ro.satuan}.",
        )
        return redirect("anggaran:pos_detail", pk=ro.pk)


class RealisasiOutputIsiView(BacaMixin, LayananFormMixin, FormView):
    """One RO and month: its realisasi (status, evidence, the verifier's note) for every
    reader; the form for those who may enter it (Sub Bagian Keuangan, the RO's unit pengampu)
    while it is new, a draft or returned; the workflow buttons each user may press."""

    template_name = "anggaran/output/realisasi_output_isi.html"
    form_class = forms_output.RealisasiOutputForm

    def get_ro(self) -> Pos:
        if not hasattr(self, "_ro"):
            if not 1 <= self.kwargs["bulan"] <= 12:
                raise Http404("Bulan harus 1–12.")
            self._ro = _ro_get(self.kwargs["pk"])
        return self._ro

    def get_realisasi(self) -> RealisasiOutput | None:
        if not hasattr(self, "_realisasi"):
            self._realisasi = (
                RealisasiOutput.objects.filter(ro=self.get_ro(), bulan=self.kwargs["bulan"])
                .select_related("dibuat_oleh", "diverifikasi_oleh")
                .first()
            )
            if self._realisasi is not None:
                self._realisasi.ro = self.get_ro()
        return self._realisasi

    def boleh_isi(self) -> bool:
        ro, r = self.get_ro(), self.get_realisasi()
        return (
            boleh_isi_output(self.request.user, ro)
            and ro.dokumen.dapat_diubah
            and (r is None or r.dapat_diubah)
        )

    def post(self, request, *args, **kwargs):
        if not boleh_isi_output(request.user, self.get_ro()):
            raise PermissionDenied(
                f"Realisasi output RO {self.get_ro().kode_lengkap} diisi oleh Sub Bagian "
                "Keuangan" + (f" atau {self.get_ro().unit}." if self.get_ro().unit_id else ".")
            )
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        r = self.get_realisasi()
        return super().get_form_kwargs() | {"ada_bukti": bool(r and r.bukti)}

    def get_initial(self):
        r = self.get_realisasi()
        if r is None:
            return {}
        return {
            "volume": selectors.volume_teks(r.volume),
            "tanggal_lapor": r.tanggal_lapor,
            "keterangan": r.keterangan,
            "tautan_bukti": r.tautan_bukti,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ro, r, bulan = self.get_ro(), self.get_realisasi(), self.kwargs["bulan"]
        (baris,) = selectors.output_ro_list(dokumen=ro.dokumen, ro=ro, sampai_bulan=bulan)
        context.update(
            pos=ro,
            dokumen=ro.dokumen,
            tab="output",
            bulan=bulan,
            nama_bulan=nama_bulan(bulan),
            realisasi=r,
            baris=baris,
            bulan_ini=baris.bulan[bulan - 1],
            boleh_isi=self.boleh_isi(),
            aksi=services_output.realisasi_output_aksi_boleh(
                pengguna=self.request.user, realisasi=r
            ),
            bulan_lain=[(b.bulan, b.singkat, b.realisasi) for b in baris.bulan],
        )
        return context

    def layanan(self, form):
        data = form.cleaned_data
        r = self.get_realisasi()
        isian = {
            "volume": data["volume"],
            "tanggal_lapor": data["tanggal_lapor"],
            "keterangan": data["keterangan"],
            "tautan_bukti": data["tautan_bukti"],
            "bukti": data["bukti"],
        }
        if r is None:
            r = services_output.realisasi_output_create(
                pengguna=self.request.user, ro=self.get_ro(), bulan=self.kwargs["bulan"], **isian
            )
        else:
            r = services_output.realisasi_output_update(
                pengguna=self.request.user,
                realisasi=r,
                hapus_bukti=data.get("hapus_bukti", False),
                **isian,
            )
        pesan = f"Realisasi output {nama_bulan(r.bulan)} disimpan sebagai draft."
        if "ajukan" in self.request.POST:
            services_output.realisasi_output_submit(pengguna=self.request.user, realisasi=r)
            pesan = f"Realisasi output {nama_bulan(r.bulan)} disimpan dan diajukan ke Kasubag."
        messages.success(self.request, pesan)
        return redirect(self.request.path)


class RealisasiOutputAksiView(IzinMixin, View):
    """Workflow steps of one month: ajukan (who entered it), verifikasi and kembalikan (the
    Kasubag Keuangan, the Sekretaris)."""

    permission_required = "anggaran.view_realisasioutput"
    http_method_names = ["post"]

    def post(self, request, pk):
        r = selectors.realisasi_output_get(pk=pk)
        default = reverse("anggaran:output_isi", args=[r.ro_id, r.bulan])
        form = forms_output.OutputAksiForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Aksi tidak dikenal.")
            return _kembali(request, default)
        aksi, catatan = form.cleaned_data["aksi"], form.cleaned_data["catatan"]
        with kesalahan_ke_field(request, formulir=f"{aksi}-{r.pk}", data={"catatan": catatan}):
            if aksi == "ajukan":
                services_output.realisasi_output_submit(pengguna=request.user, realisasi=r)
                pesan = "Realisasi output diajukan ke Kasubag Keuangan untuk diverifikasi."
            elif aksi == "verifikasi":
                services_output.realisasi_output_verify(
                    pengguna=request.user, realisasi=r, catatan=catatan
                )
                pesan = "Realisasi output diverifikasi."
            else:
                services_output.realisasi_output_return(
                    pengguna=request.user, realisasi=r, catatan=catatan
                )
                pesan = "Realisasi output dikembalikan dengan catatan."
            messages.success(request, f"{r.ro.kode_lengkap} {nama_bulan(r.bulan)}: {pesan}")
        return _kembali(request, default)


# What kind a stored evidence file is: its generated name's extension (``kpu_site.berkas``).
_JENIS_DARI_EKSTENSI = {ext: jenis for jenis, daftar in EKSTENSI.items() for ext in daftar}


class RealisasiOutputBuktiView(IzinMixin, View):
    """The evidence of one month, served only through this permission-checked view."""

    permission_required = "anggaran.view_realisasioutput"
    model = RealisasiOutput

    def get(self, request, pk):
        r = selectors.realisasi_output_get(pk=pk)
        if r.bukti:
            jenis = _JENIS_DARI_EKSTENSI.get(PurePath(r.bukti.name).suffix.lower(), "")
            nama = f"bukti-output-{r.ro.kode_lengkap}-{r.bulan:02d}{PurePath(r.bukti.name).suffix}"
            response = berkas_response(r.bukti, jenis=jenis, nama=nama)
            unduhan_record(pengguna=request.user, objek=r, ringkasan=f"Unduh bukti {r}")
            return response
        if r.tautan_bukti:
            return HttpResponseRedirect(r.tautan_bukti)
        raise Http404("Realisasi output ini belum memiliki bukti dukung.")


class OutputAntreanView(IzinMixin, TemplateView):
    """The submitted months waiting for the Kasubag Keuangan's (or the Sekretaris's) check."""

    permission_required = "anggaran.verifikasi_output"
    template_name = "anggaran/output/antrean.html"

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_verifikasi_output(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["antrean"] = [
            (r, selectors.volume_teks(r.volume), nama_bulan(r.bulan), f"catatan-kembalikan-{r.pk}")
            for r in selectors.realisasi_output_antrean(pengguna=self.request.user)
        ]
        return context


class OutputImporView(ImporDuaLangkahMixin, IzinMixin, DokumenMixin, FormView):
    """Upload → preview → confirm of the monthly output realisasi (each row only for an RO the
    user may enter)."""

    permission_required = "anggaran.add_realisasioutput"
    template_name = "anggaran/output/impor.html"
    form_class = forms_output.ImporOutputForm
    kunci_sesi = "impor_output"
    url_ulang = "anggaran:output_impor"
    jenis_impor = "realisasi_output"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"tab": "output"}

    def opsi(self, form) -> dict:
        return {"ajukan": form.cleaned_data["ajukan"]}

    def periksa(self, data: bytes, nama: str):
        return realisasi_output_impor_periksa(
            pengguna=self.request.user,
            dokumen=self.get_dokumen(),
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
        )

    def simpan(self, data: bytes, nama: str, opsi: dict):
        return realisasi_output_impor(
            pengguna=self.request.user,
            dokumen=self.get_dokumen(),
            berkas=data,
            nama_berkas=nama,
            ajukan=bool(opsi.get("ajukan")),
            pemetaan=self.pemetaan,
        )

    def selesai(self, hasil):
        messages.success(
            self.request,
            f"{angka(len(hasil.baris))} baris realisasi output diimpor; "
            f"{angka(len(hasil.dilewati))} baris sama dilewati.",
        )
        return redirect("anggaran:output_list", pk=self.get_dokumen().pk)
