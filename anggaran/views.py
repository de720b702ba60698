"""Pages of the anggaran app. Thin: read through selectors, write through services.

Every page is readable by every role holding ``anggaran.view_*``; write pages additionally
need ``akses.boleh_tulis`` (Sekretaris/Admin, Staf/Kasubag Keuangan). Any table can be
downloaded as Excel with ``?unduh=xlsx``.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.audit import jejak_catat
from kpu_site.excel import xlsx_response
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.impor import ImporGagal
from kpu_site.tahun import tahun_aktif

from . import forms, grafik, selectors, services
from .akses import TulisAnggaranMixin, boleh_kunci, boleh_tulis
from .impor import realisasi_impor, realisasi_impor_periksa
from .models import DokumenAnggaran, Pos, Revisi


def _tambah_kesalahan(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _unduh(request, *, nama: str, judul: str, kolom, baris, format_kolom=None):
    jejak_catat(pengguna=request.user, aksi="unduh", ringkasan=f"Unduh Excel: {judul}")
    return xlsx_response(
        nama_berkas=nama, judul=judul, kolom=kolom, baris=baris, format_kolom=format_kolom
    )


class BacaMixin(IzinMixin):
    permission_required = "anggaran.view_dokumenanggaran"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_tulis"] = boleh_tulis(self.request.user)
        return context


class TulisMixin(TulisAnggaranMixin, IzinMixin):
    pass


class DokumenMixin:
    """Views under ``<pk>/`` of a document."""

    model = DokumenAnggaran

    def get_dokumen(self) -> DokumenAnggaran:
        if not hasattr(self, "_dokumen"):
            self._dokumen = selectors.dokumen_get(pk=self.kwargs["pk"])
        return self._dokumen

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dokumen"] = self.get_dokumen()
        context.setdefault("boleh_tulis", boleh_tulis(self.request.user))
        return context


# --- documents and the tree ---------------------------------------------------------------


class DokumenListView(BacaMixin, TemplateView):
    template_name = "anggaran/dokumenanggaran_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = tahun_aktif(self.request)
        semua = self.request.GET.get("semua") == "1"
        context["tahun"], context["semua"] = tahun, semua
        context["ringkasan"] = selectors.ringkasan_dokumen(
            selectors.dokumen_list(tahun=None if semua else tahun)
        )
        context["sumber_dana"] = selectors.ringkasan_per_sumber_dana(tahun=tahun)
        return context


class DokumenCreateView(TulisMixin, FormView):
    permission_required = "anggaran.add_dokumenanggaran"
    template_name = "anggaran/dokumenanggaran_form.html"
    form_class = forms.DokumenForm

    def form_valid(self, form):
        try:
            dokumen = services.dokumen_create(pengguna=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, f"{dokumen} dibuat dengan pagu awal (revisi ke-0).")
        return redirect("anggaran:dokumen_detail", pk=dokumen.pk)


class DokumenUpdateView(TulisMixin, DokumenMixin, FormView):
    permission_required = "anggaran.change_dokumenanggaran"
    template_name = "anggaran/dokumenanggaran_form.html"
    form_class = forms.DokumenUbahForm

    def get_initial(self):
        d = self.get_dokumen()
        return {"nomor": d.nomor, "tanggal": d.tanggal, "uraian": d.uraian, "pemberi": d.pemberi}

    def form_valid(self, form):
        try:
            services.dokumen_update(
                pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
            )
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, "Data dokumen disimpan.")
        return redirect("anggaran:dokumen_detail", pk=self.get_dokumen().pk)


class DokumenKunciView(IzinMixin, View):
    permission_required = "anggaran.change_dokumenanggaran"
    http_method_names = ["post"]

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_kunci(self.request.user)

    def post(self, request, pk):
        dokumen = selectors.dokumen_get(pk=pk)
        services.dokumen_kunci(dokumen=dokumen, pengguna=request.user)
        messages.success(request, f"{dokumen} dikunci: data anggarannya tidak dapat diubah lagi.")
        return redirect("anggaran:dokumen_detail", pk=pk)


class DokumenDetailView(BacaMixin, DokumenMixin, TemplateView):
    """The budget tree with pagu/realisasi/sisa/serapan per node, as of a revision."""

    template_name = "anggaran/dokumenanggaran_detail.html"

    def _pohon(self):
        dokumen = self.get_dokumen()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=self.request.GET.get("revisi"))
        return selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)

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
                    s.pos.get_tingkat_display(),
                    s.pos.uraian,
                    s.volume,
                    s.pos.satuan,
                    s.harga,
                    s.pagu,
                    s.realisasi,
                    s.sisa,
                    s.serapan,
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
            return _unduh(
                request,
                nama=f"pohon-anggaran-{pohon.dokumen.tahun}-{pohon.dokumen.jenis}",
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


class RevisiCreateView(TulisMixin, DokumenMixin, FormView):
    permission_required = "anggaran.add_revisi"
    template_name = "anggaran/revisi_form.html"
    form_class = forms.RevisiForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def form_valid(self, form):
        try:
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
            )
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, f"{revisi} disimpan.")
        return redirect("anggaran:revisi_detail", pk=revisi.pk)


class RpdUpdateView(TulisMixin, DokumenMixin, FormView):
    permission_required = "anggaran.change_rencanapenarikan"
    template_name = "anggaran/rpd_form.html"
    form_class = forms.RpdForm

    def get_initial(self):
        revisi = selectors.revisi_terakhir(dokumen=self.get_dokumen())
        return {f"rpd_{r.bulan}": r.nilai for r in revisi.rpd.all()} if revisi else {}

    def form_valid(self, form):
        revisi = selectors.revisi_terakhir(dokumen=self.get_dokumen())
        try:
            services.rpd_set(pengguna=self.request.user, revisi=revisi, nilai=form.rpd())
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, "RPD (halaman III) disimpan.")
        return redirect("anggaran:serapan", pk=self.get_dokumen().pk)


# --- lines of the tree ----------------------------------------------------------------------


class PosCreateView(TulisMixin, DokumenMixin, FormView):
    permission_required = "anggaran.add_pos"
    template_name = "anggaran/pos_form.html"
    form_class = forms.PosForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def get_initial(self):
        induk = self.request.GET.get("induk")
        return {"induk": induk} if induk else {}

    def form_valid(self, form):
        try:
            pos = services.pos_create(
                pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
            )
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, f"{pos} ditambahkan.")
        return redirect("anggaran:pos_detail", pk=pos.pk)


class PosUpdateView(TulisMixin, FormView):
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

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        sasaran = data.pop("sasaran", None)
        try:
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
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
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
        halaman = transaksi.get_page(self.request.GET.get("page"))
        context.update(
            pos=pos,
            dokumen=pos.dokumen,
            simpul=simpul,
            leluhur=selectors.pos_leluhur(pos=pos)[:-1],
            bulanan=bulanan,
            grafik=grafik.grafik_serapan_kumulatif(bulanan, judul="Realisasi kumulatif (juta Rp)"),
            page_obj=halaman,
            transaksi=halaman.object_list,
        )
        return context


# --- realisasi -------------------------------------------------------------------------------


class RealisasiListView(BacaMixin, DokumenMixin, ListView):
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
            return _unduh(
                request,
                nama=f"realisasi-{dokumen.tahun}-{dokumen.jenis}",
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


class RealisasiCreateView(TulisMixin, DokumenMixin, FormView):
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

    def form_valid(self, form):
        try:
            realisasi = services.realisasi_create(pengguna=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            _tambah_kesalahan(form, exc)
            return self.form_invalid(form)
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


class RealisasiImporView(TulisMixin, DokumenMixin, FormView):
    """Upload → preview (every row checked, nothing written) → confirm (all or nothing)."""

    permission_required = "anggaran.add_realisasi"
    template_name = "anggaran/realisasi_impor.html"
    form_class = forms.ImporForm
    BATAS_PRATINJAU = 100

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._konfirmasi(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        berkas = form.cleaned_data["berkas"]
        data = berkas.read()
        hasil = realisasi_impor_periksa(
            dokumen=self.get_dokumen(), berkas=data, nama_berkas=berkas.name
        )
        token = ""
        if hasil.ok and hasil.baris:
            token = uuid.uuid4().hex
            (_folder_sementara() / token).write_bytes(data)
            self.request.session[f"impor_anggaran_{token}"] = {
                "nama": berkas.name,
                "dokumen": self.get_dokumen().pk,
            }
        return self.render_to_response(
            self.get_context_data(
                form=form,
                hasil=hasil,
                pratinjau=hasil.baris[: self.BATAS_PRATINJAU],
                kesalahan=hasil.kesalahan[:500],
                token=token,
            )
        )

    def _konfirmasi(self, request):
        token = request.POST.get("token", "")
        info = request.session.pop(f"impor_anggaran_{token}", None)
        dokumen = self.get_dokumen()
        path = _folder_sementara() / token if token.isalnum() else None
        if not info or info["dokumen"] != dokumen.pk or path is None or not path.is_file():
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkas sekali lagi.")
            return redirect("anggaran:realisasi_impor", pk=dokumen.pk)
        try:
            hasil = realisasi_impor(
                pengguna=request.user,
                dokumen=dokumen,
                berkas=path.read_bytes(),
                nama_berkas=info["nama"],
            )
        except (ImporGagal, ValidationError) as exc:
            pesan = (
                [str(k) for k in exc.kesalahan[:20]]
                if isinstance(exc, ImporGagal)
                else exc.messages
            )
            messages.error(
                request, "Impor dibatalkan, tidak ada yang disimpan: " + "; ".join(pesan)
            )
            return redirect("anggaran:realisasi_impor", pk=dokumen.pk)
        finally:
            path.unlink(missing_ok=True)
        messages.success(
            request,
            f"{len(hasil.baris)} baris realisasi diimpor; {len(hasil.dilewati)} baris sudah ada dilewati.",
        )
        return redirect("anggaran:realisasi_list", pk=dokumen.pk)


# --- absorption and reports ---------------------------------------------------------------


class SerapanView(BacaMixin, DokumenMixin, TemplateView):
    """Monthly absorption against the RPD (halaman III) with the IKPA deviation."""

    template_name = "anggaran/serapan.html"

    def _bulanan(self):
        dokumen = self.get_dokumen()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=self.request.GET.get("revisi"))
        return revisi, selectors.realisasi_bulanan(dokumen=dokumen, revisi=revisi)

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            _revisi, bulanan = self._bulanan()
            return _unduh(
                request,
                nama=f"serapan-bulanan-{self.get_dokumen().tahun}",
                judul=f"Serapan bulanan {self.get_dokumen()}",
                kolom=[
                    "Bulan",
                    "RPD",
                    "Realisasi",
                    "Deviasi %",
                    "RPD kumulatif",
                    "Realisasi kumulatif",
                    "Serapan kumulatif %",
                ],
                baris=[
                    [
                        nama_bulan(b.bulan),
                        b.rpd,
                        b.realisasi,
                        b.deviasi,
                        b.rpd_kumulatif,
                        b.realisasi_kumulatif,
                        b.serapan_kumulatif,
                    ]
                    for b in bulanan.baris
                ],
                format_kolom={
                    1: "rupiah",
                    2: "rupiah",
                    3: "persen",
                    4: "rupiah",
                    5: "rupiah",
                    6: "persen",
                },
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revisi, bulanan = self._bulanan()
        context.update(
            revisi=revisi,
            revisi_semua=selectors.revisi_list(dokumen=self.get_dokumen()),
            bulanan=bulanan,
            grafik_kumulatif=grafik.grafik_serapan_kumulatif(
                bulanan, judul="RPD dan realisasi kumulatif (juta Rp)"
            ),
            grafik_bulanan=grafik.grafik_bulanan(
                bulanan, judul="RPD dan realisasi per bulan (juta Rp)"
            ),
        )
        return context


class LaporanView(BacaMixin, TemplateView):
    """LKj Bab III B: table 3.1 of the year's DIPA, the sources of funds and the hibah report."""

    template_name = "anggaran/laporan.html"

    def _revisi(self) -> int | None:
        nomor = self.request.GET.get("revisi", "")
        return int(nomor) if nomor.isdigit() else None

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            tabel = selectors.tabel_3_1(tahun=self.kwargs["tahun"], revisi_nomor=self._revisi())
            if tabel is None:
                return redirect("anggaran:laporan", tahun=self.kwargs["tahun"])
            rows = [
                [r["nomor"], r["uraian"], r["pagu"], r["realisasi"], r["serapan"]]
                for r in tabel["baris"]
            ]
            rows.append(
                ["", "Jumlah", tabel["total_pagu"], tabel["total_realisasi"], tabel["serapan"]]
            )
            rows.append(["", "Sisa anggaran", tabel["total_sisa"], None, None])
            return _unduh(
                request,
                nama=f"tabel-3-1-{self.kwargs['tahun']}",
                judul=f"Tabel 3.1 Laporan Akuntabilitas Keuangan {self.kwargs['tahun']}",
                kolom=["No", "Uraian", "Pagu", "Realisasi", "%"],
                baris=rows,
                format_kolom={2: "rupiah", 3: "rupiah", 4: "persen"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        tabel = selectors.tabel_3_1(tahun=tahun, revisi_nomor=self._revisi())
        dipa = tabel["dokumen"] if tabel else None
        context.update(
            tahun=tahun,
            tabel=tabel,
            revisi_semua=selectors.revisi_list(dokumen=dipa) if dipa else [],
            sumber_dana=selectors.ringkasan_per_sumber_dana(tahun=tahun),
            hibah=selectors.laporan_hibah(tahun=tahun),
        )
        return context


class LaporanTerbaruView(BacaMixin, View):
    """``/anggaran/laporan/`` → the report of the working year (``kpu_site.tahun``)."""

    def get(self, request):
        return redirect(reverse("anggaran:laporan", kwargs={"tahun": tahun_aktif(request)}))
