"""Pages of one applicant and the applicant list of a recruitment (filters, export, entry,
edit, override, scores, clarification, documents)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from kpu_site.batas import id_param
from kpu_site.excel import xlsx_tulis_response
from kpu_site.formulir import (
    LayananFormMixin,
    form_dengan_galat,
    galat_form_simpan,
    kesalahan_ke_field,
    kesalahan_ke_pesan,
    pesan_form_salah,
)
from kpu_site.halaman import PARAM, Halaman, jumlah_halaman, nomor_baca, nomor_batasi
from kpu_site.services import unduhan_record

from .. import selectors, services
from ..akses import boleh_kelola
from ..ekspor import pendaftar_xlsx_nama_berkas, pendaftar_xlsx_tulis
from ..forms import (
    DokumenForm,
    KeputusanKlarifikasiForm,
    KlarifikasiForm,
    KoreksiForm,
    NilaiForm,
    PendaftarForm,
    PendaftarSaringForm,
)
from ..model_berkas import StatusBerkas
from ..models import (
    DokumenPendaftar,
    KlarifikasiParpol,
    Pendaftar,
)
from ..selectors.berkas import berkas_pendaftar
from .rekrutmen import BacaMixin, KelolaMixin, _RekrutmenMixin

# --------------------------------------------------------------------------- pendaftar


class PendaftarListView(_RekrutmenMixin, BacaMixin, TemplateView):
    """Paginated by key underneath (``?setelah=<id>``): previous and next cost the same at
    any depth of 300,000 rows; the number of queries does not depend on the number of
    applicants. Page numbers and the jump: ``halaman``."""

    template_name = "badan_adhoc/pendaftar_list.html"
    ukuran = 50

    def saring(self):
        kecamatan = selectors.kecamatan_list().values_list("pk", "nama")
        form = PendaftarSaringForm(self.request.GET or None, kecamatan_choices=list(kecamatan))
        data = form.cleaned_data if form.is_valid() else {}
        self.saringan = {
            "status": data.get("status") or "",
            "alasan": data.get("alasan") or "",
            "kecamatan": data.get("kecamatan"),
            "wilayah": data.get("wilayah"),
            "q": (data.get("q") or "").strip(),
            "tanggapan": data.get("tanggapan") or "",
        }
        qs = selectors.pendaftar_filter(
            rekrutmen=self.rekrutmen, user=self.request.user, **self.saringan
        )
        return form, qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, qs = self.saring()
        rows, jumlah, halaman = self.halaman(qs)
        context.update(
            rekrutmen=self.rekrutmen,
            saring=form,
            pendaftar_list=rows,
            jumlah=jumlah.nilai,
            jumlah_lebih_dari=jumlah.lebih_dari,
            halaman=halaman,
            berikut=rows[-1].pk if halaman.ada_berikutnya and rows else None,
        )
        return context

    def halaman(self, qs) -> tuple[list, selectors.JumlahPendaftar, Halaman]:
        """The rows of the page asked for, the count, and the pager. ``?page=`` alone (a
        numbered link, the jump) is found by ``pendaftar_halaman_nomor``; the previous and next
        links also carry the key next to them (``?setelah=``/``?sebelum=``) and read the page
        by key alone. The count: exact from the cached per-recruitment summary when it can
        tell (then an empty result needs no page query either), else after the page (see
        ``pendaftar_jumlah``)."""
        params, u = self.request.GET, self.ukuran
        nomor, catatan = nomor_baca(params.get(PARAM))
        setelah, sebelum = id_param(params.get("setelah")), id_param(params.get("sebelum"))
        tersimpan = selectors.pendaftar_jumlah_dari_ringkasan(
            rekrutmen=self.rekrutmen, **self.saringan
        )
        jumlah = None if tersimpan is None else selectors.JumlahPendaftar(tersimpan)

        def hitung(baris_semua=None):
            return selectors.pendaftar_jumlah(
                qs, cari=bool(self.saringan["q"]), baris_semua=baris_semua
            )

        if tersimpan == 0:
            rows, ada_lagi = [], False
        elif setelah or sebelum:
            if setelah and not params.get(PARAM):
                nomor = selectors.pendaftar_nomor_halaman(qs, setelah=setelah, ukuran=u)
            rows, ada_lagi = selectors.pendaftar_halaman(
                qs, setelah=setelah, sebelum=sebelum, ukuran=u
            )
            if sebelum and len(rows) < u:
                nomor = 1  # nothing before these rows
            jumlah = jumlah or hitung()
        elif nomor == 1:
            rows, ada_lagi = selectors.pendaftar_halaman(qs, ukuran=u)
            jumlah = jumlah or hitung(rows if not ada_lagi else None)
        else:
            jumlah = jumlah or hitung()
            if jumlah.lebih_dari and nomor > jumlah_halaman(jumlah.nilai, u):
                jumlah = selectors.JumlahPendaftar(qs.count())  # a jump past the capped count
            nomor, catatan = nomor_batasi(nomor, jumlah_halaman(jumlah.nilai, u))
            rows, ada_lagi = selectors.pendaftar_halaman_nomor(
                qs, nomor=nomor, jumlah=None if jumlah.lebih_dari else jumlah.nilai, ukuran=u
            )
        jumlah = jumlah or selectors.JumlahPendaftar(0)
        semua = None if jumlah.lebih_dari else jumlah_halaman(jumlah.nilai, u)
        halaman = Halaman(
            nomor=min(nomor, semua or nomor),  # a key link followed after rows were removed
            jumlah=semua,
            ada_berikutnya=ada_lagi,
            catatan=catatan,
            sebelumnya={"sebelum": rows[0].pk} if rows and nomor > 2 else {},
            berikutnya={"setelah": rows[-1].pk} if rows else {},
            buang=("setelah", "sebelum"),
        )
        return rows, jumlah, halaman


class PendaftarExportView(PendaftarListView):
    """Every applicant of the filter as Excel, streamed (``ekspor.pendaftar_xlsx_tulis``): no
    row cap but Excel's own rows a sheet, past which the rows go on in a next sheet."""

    def get(self, request, *args, **kwargs):
        self.saring()
        unduhan_record(
            pengguna=request.user,
            objek=self.rekrutmen,
            ringkasan=f"Unduh daftar pendaftar {self.rekrutmen} (Excel)",
        )
        return xlsx_tulis_response(
            nama_berkas=pendaftar_xlsx_nama_berkas(self.rekrutmen),
            tulis=lambda berkas: pendaftar_xlsx_tulis(
                berkas, rekrutmen=self.rekrutmen, pengguna=request.user, **self.saringan
            ),
        )


class PendaftarDetailView(BacaMixin, DetailView):
    model = Pendaftar
    template_name = "badan_adhoc/pendaftar_detail.html"

    def get_queryset(self):
        return selectors.pendaftar_detail_qs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = self.object
        user = self.request.user
        rekrutmen = p.rekrutmen
        context.update(
            pendaftar=p,
            rekrutmen=rekrutmen,
            usia=selectors.usia_pada(p.tanggal_lahir, rekrutmen.tanggal_acuan),
            diperiksa=p.status_administrasi != Pendaftar.Status.BELUM,
            pemeriksaan=selectors.pemeriksaan_administrasi(p, rinci=boleh_kelola(user)),
            di_sipol=selectors.di_sipol(p.nik),
            klarifikasi_perlu=selectors.klarifikasi_parpol_perlu(p),
            dokumen=p.dokumen.select_related("diunggah_oleh"),
            berkas=berkas_pendaftar(p),
            status_berkas=StatusBerkas.Status.choices,
            klarifikasi=p.klarifikasi.select_related("diunggah_oleh", "diputuskan_oleh"),
            form_koreksi=form_dengan_galat(self.request, f"koreksi-{p.pk}", KoreksiForm)
            or KoreksiForm(initial={"status": p.koreksi_status or "ms"}),
            form_klarifikasi=KlarifikasiForm(),
            form_dokumen=DokumenForm(),
            tanggapan=selectors.tanggapan_pendaftar_list(p),
            form_nilai=NilaiForm(
                initial={"nilai_cat": p.nilai_cat, "nilai_wawancara": p.nilai_wawancara}
            )
            if not rekrutmen.per_tps and p.status_administrasi == "ms"
            else None,
        )
        return context


class _PendaftarFormMixin(KelolaMixin):
    form_class = PendaftarForm
    template_name = "badan_adhoc/pendaftar_form.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "wilayah_tujuan_qs": selectors.wilayah_tujuan_qs(self.rekrutmen).order_by("kode")
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"rekrutmen": self.rekrutmen}


class PendaftarCreateView(_RekrutmenMixin, _PendaftarFormMixin, LayananFormMixin, FormView):
    def layanan(self, form):
        p = services.pendaftar_create(
            rekrutmen=self.rekrutmen, data=form.cleaned_data, pengguna=self.request.user
        )
        messages.success(self.request, f"Pendaftar {p.nama} disimpan.")
        return redirect("badan_adhoc:pendaftar_detail", pk=p.pk)


class PendaftarUpdateView(_PendaftarFormMixin, LayananFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        self.pendaftar = get_object_or_404(Pendaftar, pk=kwargs["pk"])
        self.rekrutmen = self.pendaftar.rekrutmen
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Pendaftar.objects.get(pk=self.pendaftar.pk)
        return kwargs

    def layanan(self, form):
        services.pendaftar_update(
            pendaftar=self.pendaftar, data=form.cleaned_data, pengguna=self.request.user
        )
        messages.success(self.request, "Data pendaftar diperbarui.")
        return redirect("badan_adhoc:pendaftar_detail", pk=self.pendaftar.pk)


class AksiView(KelolaMixin, View):
    """A POST-only action on one ``model`` row through ``aksi(obj, cleaned_data)``; the form's
    errors and the service's refusal come back as messages on the page ``kembali`` names, or,
    when ``formulir(obj)`` names the form on that page, on its fields (``kesalahan_ke_field``;
    the page rebuilds it with ``form_dengan_galat``)."""

    model = None
    form_class = None

    #: the fields ``formulir``'s page shows as inputs (``None``: all of the form's)
    field_di_halaman: tuple[str, ...] | None = None

    def formulir(self, obj) -> str | None:
        return None

    def aksi(self, obj, data) -> None:
        raise NotImplementedError

    def kembali(self, obj):
        raise NotImplementedError

    def post(self, request, pk):
        obj = get_object_or_404(self.model, pk=pk)
        form = self.form_class(request.POST, request.FILES)
        formulir = self.formulir(obj)
        if form.is_valid():
            if formulir:
                fields = self.field_di_halaman or tuple(form.fields)
                data = {k: request.POST.get(k, "") for k in fields}
                with kesalahan_ke_field(request, formulir=formulir, data=data):
                    self.aksi(obj, form.cleaned_data)
            else:
                with kesalahan_ke_pesan(request):
                    self.aksi(obj, form.cleaned_data)
        elif formulir:
            galat_form_simpan(request, formulir=formulir, form=form, fields=self.field_di_halaman)
        else:
            pesan_form_salah(request, form)
        return self.kembali(obj)


class _AksiPendaftarView(AksiView):
    """Actions on an applicant; back to its detail page."""

    model = Pendaftar

    def kembali(self, obj):
        return redirect("badan_adhoc:pendaftar_detail", pk=obj.pk)


class PendaftarKoreksiView(_AksiPendaftarView):
    form_class = KoreksiForm

    def formulir(self, pendaftar):
        return f"koreksi-{pendaftar.pk}"

    def aksi(self, pendaftar, data):
        services.pendaftar_override(
            pendaftar=pendaftar,
            status=data["status"],
            alasan=data["alasan"],
            pengguna=self.request.user,
        )
        messages.success(self.request, "Koreksi hasil seleksi disimpan dan dicatat di jejak audit.")


class PendaftarNilaiView(_AksiPendaftarView):
    form_class = NilaiForm

    def aksi(self, pendaftar, data):
        services.nilai_set(pendaftar=pendaftar, **data, pengguna=self.request.user)
        messages.success(self.request, "Nilai disimpan.")


class KlarifikasiUploadView(_AksiPendaftarView):
    form_class = KlarifikasiForm

    def aksi(self, pendaftar, data):
        services.klarifikasi_upload(
            pendaftar=pendaftar,
            berkas=data["berkas"],
            keterangan=data["keterangan"],
            pengguna=self.request.user,
        )
        messages.success(self.request, "Dokumen klarifikasi diunggah; menunggu keputusan.")


class DokumenUploadView(_AksiPendaftarView):
    form_class = DokumenForm

    def aksi(self, pendaftar, data):
        services.dokumen_upload(
            pendaftar=pendaftar,
            jenis=data["jenis"],
            berkas=data["berkas"],
            pengguna=self.request.user,
        )
        messages.success(self.request, "Dokumen diunggah.")


class KlarifikasiPutusView(AksiView):
    model = KlarifikasiParpol
    form_class = KeputusanKlarifikasiForm
    field_di_halaman = ("catatan",)  # "terima" is the button pressed

    def formulir(self, klarifikasi):
        return f"klarifikasi-{klarifikasi.pk}"

    def aksi(self, klarifikasi, data):
        services.klarifikasi_decide(
            klarifikasi=klarifikasi,
            terima=data["terima"],
            catatan=data["catatan"],
            pengguna=self.request.user,
        )
        messages.success(self.request, "Keputusan klarifikasi disimpan.")

    def kembali(self, klarifikasi):
        return redirect("badan_adhoc:pendaftar_detail", pk=klarifikasi.pendaftar_id)


class BerkasUnduhView(KelolaMixin, View):
    """Applicant documents are personal data: staff of the recruitment only."""

    jenis = "dokumen"

    def get(self, request, pk):
        model = DokumenPendaftar if self.jenis == "dokumen" else KlarifikasiParpol
        obj = get_object_or_404(model, pk=pk)
        if not obj.berkas:
            raise Http404
        unduhan_record(pengguna=request.user, objek=obj, ringkasan=f"Unduh {obj}")
        return FileResponse(obj.berkas.open("rb"), as_attachment=True, filename=obj.nama_asli)
