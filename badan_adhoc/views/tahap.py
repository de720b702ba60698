"""Pages of the stages after screening: scores, ranking, announcements, appointment, PAW,
honorarium."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from kpu_site.formatting import angka
from kpu_site.formulir import LayananFormMixin, kesalahan_ke_pesan

from .. import selectors, services
from ..forms import JabatanForm, PAWForm, PenetapanForm
from ..models import AnggotaBadan, Rekrutmen, Wilayah
from ..services.penetapan import cadangan_berikut, jabatan_pilihan, nilai_akhir
from .pendaftar import AksiView
from .rekrutmen import BacaMixin, KelolaMixin, _ImporView, _RekrutmenMixin


class NilaiImporView(_RekrutmenMixin, _ImporView):
    jenis_impor = "nilai"
    kolom = ("nik", "nilai_cat", "nilai_wawancara")

    @property
    def judul(self):
        return f"Impor nilai tes tertulis / wawancara – {self.rekrutmen}"

    def jalankan(self, form, berkas):
        n = services.nilai_import(
            rekrutmen=self.rekrutmen,
            berkas=berkas,
            nama_berkas=berkas.name,
            pengguna=self.request.user,
            pemetaan=self.pemetaan,
        )
        return services.impor.HasilImpor(baru=0, diperbarui=n)

    def sukses_url(self):
        from django.urls import reverse

        return reverse("badan_adhoc:peringkat", args=[self.rekrutmen.pk])


def _wilayah_pilihan(
    rekrutmen: Rekrutmen, request, *, semua: bool = False
) -> tuple[list, Wilayah | None]:
    """The units of the recruitment and the one chosen with ``?wilayah=``; without a valid
    choice the first unit, or ``None`` (= all units) when ``semua``."""
    pilihan = list(selectors.wilayah_tujuan_qs(rekrutmen).select_related("induk").order_by("kode"))
    try:
        wid = int(request.GET.get("wilayah") or 0)
    except ValueError:
        wid = 0
    bawaan = None if semua or not pilihan else pilihan[0]
    terpilih = next((w for w in pilihan if w.pk == wid), bawaan)
    return pilihan, terpilih


class PeringkatView(_RekrutmenMixin, BacaMixin, TemplateView):
    """Ranking of one wilayah (select with ``?wilayah=``), with the funnel counts."""

    template_name = "badan_adhoc/peringkat.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        r = self.rekrutmen
        pilihan, wilayah = _wilayah_pilihan(r, self.request)
        rows = list(selectors.peringkat_wilayah(r, wilayah.pk)) if wilayah else []
        for p in rows:
            p.nilai_akhir = nilai_akhir(p) if p.nilai_wawancara is not None else None
        kursi = selectors.kursi_per_wilayah(r).get(wilayah.pk, 0) if wilayah else 0
        context.update(
            rekrutmen=r,
            wilayah_list=pilihan,
            wilayah=wilayah,
            kursi=kursi,
            rows=rows,
            corong=selectors.peringkat_corong(r),
            kpps=r.per_tps,  # KPPS, Pantarlih
        )
        return context


class TahapView(KelolaMixin, View):
    """POST ``aksi=wawancara`` (call to interview) or ``aksi=peringkat`` (rank)."""

    def post(self, request, pk):
        r = get_object_or_404(Rekrutmen, pk=pk)
        with kesalahan_ke_pesan(request):
            if request.POST.get("aksi") == "wawancara":
                n = services.wawancara_select(rekrutmen=r, pengguna=request.user)
                messages.success(request, f"{angka(n)} pendaftar dipanggil wawancara.")
            else:
                h = services.peringkat_compute(rekrutmen=r, pengguna=request.user)
                messages.success(
                    request,
                    f"Peringkat dihitung: {angka(h['terpilih'])} terpilih, {angka(h['cadangan'])} cadangan.",
                )
        return redirect("badan_adhoc:peringkat", pk=pk)


class AnggotaListView(_RekrutmenMixin, BacaMixin, TemplateView):
    """Members of a recruitment, all or of one unit (``?wilayah=``), at most ``batas`` rows."""

    template_name = "badan_adhoc/anggota_list.html"
    batas = 500

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        r = self.rekrutmen
        pilihan, wilayah = _wilayah_pilihan(r, self.request, semua=True)
        anggota = list(
            selectors.anggota_list(r, wilayah_id=wilayah.pk if wilayah else None)[: self.batas]
        )
        ringkasan = selectors.anggota_ringkasan(r)
        context.update(
            rekrutmen=r,
            wilayah_list=pilihan,
            wilayah=wilayah,
            anggota_list=anggota,
            terpotong=len(anggota) == self.batas,
            jumlah_aktif=ringkasan["aktif"],
            jumlah_berhenti=ringkasan["berhenti"],
            jumlah_terpilih_belum=ringkasan["terpilih_belum"],
            kursi=selectors.kursi_total(r),
            jabatan_pilihan=jabatan_pilihan(r),  # one choice (Pantarlih): no form
        )
        return context


class PenetapanView(_RekrutmenMixin, KelolaMixin, LayananFormMixin, FormView):
    form_class = PenetapanForm
    template_name = "badan_adhoc/penetapan_form.html"

    def get_initial(self):
        return {
            "mulai": self.rekrutmen.masa_kerja_mulai,
            "selesai": self.rekrutmen.masa_kerja_selesai,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"rekrutmen": self.rekrutmen}

    def layanan(self, form):
        n = services.penetapan_create(
            rekrutmen=self.rekrutmen, **form.cleaned_data, pengguna=self.request.user
        )
        messages.success(self.request, f"{angka(n)} anggota ditetapkan.")
        return redirect("badan_adhoc:anggota_list", pk=self.rekrutmen.pk)


class PAWView(KelolaMixin, LayananFormMixin, FormView):
    form_class = PAWForm
    template_name = "badan_adhoc/paw_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.anggota = get_object_or_404(
            AnggotaBadan.objects.select_related("rekrutmen", "wilayah"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "anggota": self.anggota,
            "rekrutmen": self.anggota.rekrutmen,
            "cadangan": cadangan_berikut(self.anggota),
        }

    def layanan(self, form):
        pengganti = services.paw_create(
            anggota=self.anggota, **form.cleaned_data, pengguna=self.request.user
        )
        messages.success(self.request, f"{pengganti.nama} menggantikan {self.anggota.nama}.")
        return redirect("badan_adhoc:anggota_list", pk=self.anggota.rekrutmen_id)


class AnggotaJabatanView(AksiView):
    model = AnggotaBadan
    form_class = JabatanForm

    def aksi(self, anggota, data):
        services.anggota_jabatan_set(
            anggota=anggota, jabatan=data["jabatan"], pengguna=self.request.user
        )
        messages.success(self.request, f"Jabatan {anggota.nama} diperbarui.")

    def kembali(self, anggota):
        return redirect("badan_adhoc:anggota_list", pk=anggota.rekrutmen_id)


class HonorView(_RekrutmenMixin, BacaMixin, TemplateView):
    template_name = "badan_adhoc/honor.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        r = self.rekrutmen
        rekap = selectors.honor_per_tahun(r)
        context.update(
            rekrutmen=r,
            rows=rekap.bulan,
            per_tahun=rekap.per_tahun,
            total_proyeksi=rekap.total_proyeksi,
            total_aktual=rekap.total_aktual,
            tarif=selectors.tarif_honor_list(r.jenis_badan),
        )
        return context
