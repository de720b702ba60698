"""Budget documents (DIPA, hibah), their revisions and RPD, and the lines of the tree."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.excel import xlsx_response
from kpu_site.formulir import LayananFormMixin
from kpu_site.halaman import halaman_ambil, halaman_dari_page
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif, tahun_kosong

from .. import forms, grafik, selectors, services
from ..akses import boleh_isi_output, boleh_kunci, boleh_tulis
from ..models import Pos, Revisi
from ._dasar import BacaMixin, DokumenMixin, TulisMixin

# --- documents and the tree ---------------------------------------------------------------


class DokumenListView(BacaMixin, TemplateView):
    template_name = "anggaran/dokumenanggaran_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = tahun_aktif(self.request)
        semua = self.request.GET.get("semua") == "1"
        context["tahun"], context["semua"] = tahun, semua
        ringkasan = selectors.ringkasan_dokumen(
            selectors.dokumen_list(tahun=None if semua else tahun)
        )
        context["ringkasan"] = ringkasan
        if not semua and not ringkasan:
            context["tahun_kosong"] = tahun_kosong(self.request, tahun, app="anggaran")
        context["sumber_dana"] = selectors.ringkasan_per_sumber_dana(
            tahun=tahun, ringkasan=ringkasan
        )
        return context


class DokumenCreateView(TulisMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_dokumenanggaran"
    template_name = "anggaran/dokumenanggaran_form.html"
    form_class = forms.DokumenForm

    def layanan(self, form):
        dokumen = services.dokumen_create(pengguna=self.request.user, **form.cleaned_data)
        messages.success(self.request, f"{dokumen} dibuat dengan pagu awal (revisi ke-0).")
        return redirect("anggaran:dokumen_detail", pk=dokumen.pk)


class DokumenUpdateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_dokumenanggaran"
    template_name = "anggaran/dokumenanggaran_form.html"
    form_class = forms.DokumenUbahForm

    def get_initial(self):
        d = self.get_dokumen()
        return {"nomor": d.nomor, "tanggal": d.tanggal, "uraian": d.uraian, "pemberi": d.pemberi}

    def layanan(self, form):
        services.dokumen_update(
            pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
        )
        messages.success(self.request, "Data dokumen disimpan.")
        return redirect("anggaran:dokumen_detail", pk=self.get_dokumen().pk)


class DokumenKunciView(IzinMixin, View):
    permission_required = "anggaran.change_dokumenanggaran"
    http_method_names = ["post"]

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_kunci(self.request.user)

    def post(self, request, pk):
        dokumen = selectors.dokumen_get(pk=pk)
        services.dokumen_lock(dokumen=dokumen, pengguna=request.user)
        messages.success(
            request, f"{dokumen} dikunci: data anggarannya tidak dapat diubah sampai dibuka."
        )
        return redirect("anggaran:dokumen_detail", pk=pk)


class DokumenBukaView(DokumenKunciView):
    """Unlock a document locked on its own page (the year lock is opened in Pengaturan)."""

    def post(self, request, pk):
        dokumen = services.dokumen_unlock(
            dokumen=selectors.dokumen_get(pk=pk), pengguna=request.user
        )
        messages.success(request, f"Kunci {dokumen} dibuka.")
        return redirect("anggaran:dokumen_detail", pk=pk)


class DokumenDetailView(BacaMixin, DokumenMixin, TemplateView):
    """The budget tree with pagu/realisasi/sisa/serapan per node, as of a revision."""

    template_name = "anggaran/dokumenanggaran_detail.html"

    def _pohon(self):
        dokumen = self.get_dokumen()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=self.request.GET.get("revisi"))
        return selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)

    # Without a chosen depth the tree opens with the program and kegiatan lines showing and
    # the lower levels closed (opened with ▸, or by choosing a depth: the no-JavaScript way).
    KEDALAMAN_TERBUKA = 1

    def _kedalaman(self) -> int:
        try:
            return max(0, min(7, int(self.request.GET.get("kedalaman", "7"))))
        except ValueError:
            return 7

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            pohon = self._pohon()
            maks = self._kedalaman()
            rows = [
                [
                    s.pos.kode_lengkap,
                    s.tingkat_label,
                    s.pos.uraian,
                    s.volume,
                    s.pos.satuan,
                    s.harga,
                    s.pagu,
                    *((s.realisasi, s.sisa, s.serapan) if s.realisasi_dicatat else (None,) * 3),
                ]
                for s in pohon.urut
                if s.kedalaman <= maks
            ]
            rows.append(
                [
                    "",
                    "",
                    "JUMLAH",
                    None,
                    "",
                    None,
                    pohon.pagu,
                    pohon.realisasi,
                    pohon.sisa,
                    pohon.serapan,
                ]
            )
            unduhan_record(
                pengguna=request.user,
                ringkasan=f"Unduh Excel: {pohon.dokumen} — {pohon.revisi}",
            )
            return xlsx_response(
                nama_berkas=f"pohon-anggaran-{pohon.dokumen.tahun}-{pohon.dokumen.jenis}",
                judul=f"{pohon.dokumen} — {pohon.revisi}",
                kolom=[
                    "Kode",
                    "Tingkat",
                    "Uraian",
                    "Volume",
                    "Satuan",
                    "Harga",
                    "Pagu",
                    "Realisasi",
                    "Sisa",
                    "Serapan %",
                ],
                baris=rows,
                format_kolom={5: "rupiah", 6: "rupiah", 7: "rupiah", 8: "rupiah", 9: "persen"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pohon = self._pohon()
        maks = self._kedalaman()
        context.update(
            pohon=pohon,
            baris=[s for s in pohon.urut if s.kedalaman <= maks],
            kedalaman=maks,
            terlipat="kedalaman" not in self.request.GET,
            kedalaman_terbuka=self.KEDALAMAN_TERBUKA,
            pilihan_kedalaman=list(enumerate(Pos.Tingkat.labels)),
            revisi_semua=selectors.revisi_list(dokumen=pohon.dokumen),
            boleh_kunci=boleh_kunci(self.request.user),
        )
        return context


# --- revisions and RPD ------------------------------------------------------------------


class RevisiDetailView(BacaMixin, DetailView):
    model = Revisi
    template_name = "anggaran/revisi_detail.html"
    context_object_name = "revisi"

    def get_queryset(self):
        return Revisi.objects.select_related("dokumen", "dibuat_oleh")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revisi = self.object
        context["dokumen"] = revisi.dokumen
        context["perubahan"] = selectors.revisi_perubahan(revisi=revisi)
        context["rpd"] = revisi.rpd.order_by("bulan")
        return context


class RevisiCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_revisi"
    template_name = "anggaran/revisi_form.html"
    form_class = forms.RevisiForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def layanan(self, form):
        revisi = services.revisi_create(
            pengguna=self.request.user,
            dokumen=self.get_dokumen(),
            tanggal=form.cleaned_data["tanggal"],
            alasan=form.cleaned_data["alasan"],
            perubahan=[
                services.PerubahanPagu(pos=p, volume=v, harga=h)
                for p, v, h in form.cleaned_data["perubahan"]
            ],
            rpd=form.rpd(),
            dihitung_ikpa=form.cleaned_data["dihitung_ikpa"],
        )
        messages.success(self.request, f"{revisi} disimpan.")
        return redirect("anggaran:revisi_detail", pk=revisi.pk)


class RpdUpdateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_rencanapenarikan"
    template_name = "anggaran/rpd_form.html"
    form_class = forms.RpdForm

    def get_initial(self):
        revisi = selectors.revisi_terakhir(dokumen=self.get_dokumen())
        return {f"rpd_{r.bulan}": r.nilai for r in revisi.rpd.all()} if revisi else {}

    def layanan(self, form):
        revisi = selectors.revisi_terakhir(dokumen=self.get_dokumen())
        services.rpd_set(pengguna=self.request.user, revisi=revisi, nilai=form.rpd())
        messages.success(self.request, "RPD (halaman III) disimpan.")
        return redirect("anggaran:serapan", pk=self.get_dokumen().pk)


# --- lines of the tree ----------------------------------------------------------------------


class PosCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_pos"
    template_name = "anggaran/pos_form.html"
    form_class = forms.PosForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def get_initial(self):
        induk = self.request.GET.get("induk")
        return {"induk": induk} if induk else {}

    def layanan(self, form):
        pos = services.pos_create(
            pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
        )
        messages.success(self.request, f"{pos} ditambahkan.")
        return redirect("anggaran:pos_detail", pk=pos.pk)


class PosUpdateView(TulisMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_pos"
    template_name = "anggaran/pos_form.html"
    form_class = forms.PosUbahForm
    model = Pos

    def get_pos(self) -> Pos:
        if not hasattr(self, "_pos"):
            self._pos = selectors.pos_get(pk=self.kwargs["pk"])
        return self._pos

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"pos": self.get_pos()}

    def get_initial(self):
        pos = self.get_pos()
        return {"uraian": pos.uraian, "satuan": pos.satuan, "sasaran": list(pos.sasaran.all())}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            pos=self.get_pos(),
            dokumen=self.get_pos().dokumen,
            boleh_tulis=boleh_tulis(self.request.user),
        )
        return context

    def layanan(self, form):
        data = dict(form.cleaned_data)
        sasaran = data.pop("sasaran", None)
        services.pos_update(
            pengguna=self.request.user,
            pos=self.get_pos(),
            uraian=data["uraian"],
            satuan=data.get("satuan", ""),
        )
        if sasaran is not None:
            services.pos_sasaran_set(
                pengguna=self.request.user, pos=self.get_pos(), sasaran=list(sasaran)
            )
        messages.success(self.request, "Perubahan disimpan.")
        return redirect("anggaran:pos_detail", pk=self.get_pos().pk)


class PosDetailView(BacaMixin, TemplateView):
    """One line: its figures, its children, its monthly absorption and its transactions."""

    template_name = "anggaran/pos_detail.html"
    model = Pos

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pos = selectors.pos_get(pk=self.kwargs["pk"])
        pohon = selectors.pohon_anggaran(dokumen=pos.dokumen)
        simpul = pohon.per_id[pos.pk]
        bulanan = selectors.realisasi_bulanan(dokumen=pos.dokumen, pos=pos)
        transaksi = Paginator(selectors.realisasi_list(dokumen=pos.dokumen, pos=pos), 50)
        halaman, catatan = halaman_ambil(transaksi, self.request.GET.get("page"))
        context.update(
            pos=pos,
            dokumen=pos.dokumen,
            simpul=simpul,
            leluhur=pohon.leluhur(pos.pk),
            bulanan=bulanan,
            grafik=grafik.grafik_serapan_kumulatif(bulanan, judul="Realisasi kumulatif (juta Rp)"),
            halaman=halaman_dari_page(halaman, catatan),
            transaksi=halaman.object_list,
        )
        if pos.tingkat == Pos.Tingkat.RO:  # its volume target and months (views/output.py)
            (context["output"],) = selectors.output_ro_list(dokumen=pos.dokumen, ro=pos)
            context["output_boleh_isi"] = boleh_isi_output(self.request.user, pos)
        return context
