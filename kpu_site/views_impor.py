"""The column-mapping profiles of the imports, and every import's template downloads.

- ``/impor/profil/``: the imports the user may run, each with its saved profiles;
- ``/impor/profil/<jenis>/baru/`` and ``/impor/profil/<pk>/ubah/``: the mapping page. The user
  uploads a sample file (kept under a token in the session while the page is open), picks the
  sheet, sees the header row found (and may change it), maps each field to a column (suggested
  by name; typed or picked from the file's columns, several joined with ``+``), picks value
  rules, sees the preview with every problem as "Baris N, kolom K", and saves under a name;
- ``/impor/templat/<jenis>/kosong.xlsx`` and ``contoh.xlsx``: the empty template and the filled
  example of an import (``impor_jenis.templat_baris``).
Access: who may run the import (``JenisImpor.boleh``: its sub-bagian, Sekretaris, Admin).
"""

from __future__ import annotations

import uuid
from itertools import islice

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from .excel import xlsx_response
from .formulir import kelas_bootstrap, kesalahan_layanan
from .impor import (
    ATURAN,
    BATAS_CARI_JUDUL,
    ImporGagal,
    Kesalahan,
    Pemetaan,
    baca_lembar,
    baca_tabel,
    lembar_nama,
    normalisasi_kolom,
    parse_angka_id,
    parse_tanggal,
    ukuran_pastikan,
)
from .impor_jenis import JenisImpor, jenis_get, jenis_semua, kolom_sarankan, templat_baris
from .impor_langkah import folder_sementara
from .models import ProfilImpor
from .peran import PERAN_BERUNIT, PERAN_PIMPINAN, peran_of
from .selectors import profil_impor_list
from .services import profil_impor_hapus, profil_impor_simpan

BARIS_PRATINJAU = 10
KUNCI_SESI = "profil_impor_contoh"


def _jenis_boleh(user, kode: str) -> JenisImpor:
    jenis = jenis_get(kode)
    if jenis is None:
        raise Http404("Jenis impor tidak dikenal.")
    if not jenis.boleh(user):
        raise PermissionDenied(f"Anda tidak berhak menjalankan impor {jenis.judul}.")
    return jenis


class ProfilImporListView(LoginRequiredMixin, TemplateView):
    template_name = "kpu_site/profil_impor_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if peran_of(user) not in PERAN_PIMPINAN | PERAN_BERUNIT:
            raise PermissionDenied("Profil impor hanya untuk staf yang mengimpor data.")
        boleh = [j for j in jenis_semua().values() if j.boleh(user)]
        profil: dict[str, list[ProfilImpor]] = {}
        for p in profil_impor_list():
            profil.setdefault(p.jenis, []).append(p)
        context["daftar"] = [(j, profil.get(j.kode, [])) for j in boleh]
        return context


class TemplatImporView(LoginRequiredMixin, View):
    """The empty template (``kosong``) or the filled example (``contoh``) of an import."""

    def get(self, request, jenis: str, isi: str):
        if isi not in ("kosong", "contoh"):
            raise Http404
        jenis_impor = _jenis_boleh(request.user, jenis)
        kolom, baris = templat_baris(jenis_impor, contoh=isi == "contoh")
        judul = ("Contoh impor " if isi == "contoh" else "Templat impor ") + jenis_impor.judul
        return xlsx_response(
            nama_berkas=f"{isi}_impor_{jenis_impor.kode}", judul=judul, kolom=kolom, baris=baris
        )


class ProfilForm(forms.Form):
    nama = forms.CharField(label="Nama profil", max_length=100, required=False)
    contoh = forms.FileField(
        label="Berkas contoh (CSV/XLSX)",
        required=False,
        help_text="Berkas dari sistem asal; kolomnya disarankan otomatis menurut nama.",
    )
    lembar = forms.CharField(label="Lembar", max_length=100, required=False)
    baris_judul = forms.IntegerField(
        label="Baris judul",
        required=False,
        min_value=1,
        help_text=f"Kosong: dicari otomatis di {BATAS_CARI_JUDUL} baris pertama.",
    )

    def __init__(self, *args, jenis: JenisImpor, lembar_pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.jenis = jenis
        if lembar_pilihan:
            self.fields["lembar"] = forms.ChoiceField(
                label="Lembar",
                required=False,
                choices=[("", "— lembar pertama —")] + [(n, n) for n in lembar_pilihan],
            )
        aturan = [("", "— tanpa aturan —")] + [(a.kode, a.label) for a in ATURAN.values()]
        for k in jenis.kolom:
            self.fields[f"kolom_{k.nama}"] = forms.CharField(
                label=f"{k.label}{' *' if k.wajib else ''}",
                required=False,
                max_length=300,
                help_text=f"dibaca sebagai {k.nama}",
                widget=forms.TextInput(attrs={"list": "kolom-berkas"}),
            )
            self.fields[f"aturan_{k.nama}"] = forms.ChoiceField(
                label=f"Aturan nilai {k.label}", required=False, choices=aturan
            )
        kelas_bootstrap(self)

    def baris_pemetaan(self):
        """(field, its column box, its rule box) per target, for the template's table."""
        return [(k, self[f"kolom_{k.nama}"], self[f"aturan_{k.nama}"]) for k in self.jenis.kolom]

    def pemetaan(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        kolom, aturan = {}, {}
        for k in self.jenis.kolom:
            sumber = [s.strip() for s in (data.get(f"kolom_{k.nama}") or "").split("+")]
            sumber = [s for s in sumber if s]
            if sumber:
                kolom[k.nama] = sumber
                if data.get(f"aturan_{k.nama}"):
                    aturan[k.nama] = data[f"aturan_{k.nama}"]
        return kolom, aturan


def _kolom_teks(sumber) -> str:
    return " + ".join(sumber or ())


def pratinjau_pemetaan(
    jenis: JenisImpor, data: bytes, nama_berkas: str, pemetaan: Pemetaan
) -> tuple[list[str], list[tuple[int, list[str]]], list[Kesalahan]]:
    """The first rows of ``data`` read through ``pemetaan``, as the import would see them:
    (the targets, rows of their values, the problems). A value the rule could not turn into a
    number or date is named "Baris N, kolom <the file's column> (<target>)"."""
    try:
        tabel = baca_tabel(
            data, nama_berkas=nama_berkas, kolom_wajib=jenis.wajib, pemetaan=pemetaan
        )
        baris = list(islice(tabel.baris, BARIS_PRATINJAU))
    except ImporGagal as exc:
        return [], [], exc.kesalahan
    target = [k.nama for k in jenis.kolom if k.nama in tabel.kolom]
    kesalahan = []
    for nomor, nilai in baris:
        for k in jenis.kolom:
            aturan = pemetaan.aturan.get(k.nama, "")
            teks = (nilai.get(k.nama) or "").strip()
            if not teks or aturan not in ("angka_id", "angka_en", "tanggal"):
                continue
            try:
                parse_tanggal(teks) if aturan == "tanggal" else parse_angka_id(teks)
            except ValueError as exc:
                sumber = tabel.asal.get(k.nama, k.nama)
                kesalahan.append(Kesalahan(nomor, f"{sumber} ({k.nama})", str(exc)))
    return target, [(n, [v.get(t, "") for t in target]) for n, v in baris], kesalahan


class ProfilImporFormView(LoginRequiredMixin, TemplateView):
    """Create (``jenis``) or change (``pk``) a profile. POST with ``aksi=periksa`` (the default,
    also after uploading a sample) shows the preview; ``aksi=simpan`` saves through
    ``profil_impor_simpan``."""

    template_name = "kpu_site/profil_impor_form.html"

    def _siapkan(self):
        pk = self.kwargs.get("pk")
        if pk is not None:
            self.profil = get_object_or_404(ProfilImpor, pk=pk)
            self.jenis = _jenis_boleh(self.request.user, self.profil.jenis)
        else:
            self.profil = None
            self.jenis = _jenis_boleh(self.request.user, self.kwargs["jenis"])

    def _awal(self) -> dict:
        if self.profil is None:
            return {}
        awal = {
            "nama": self.profil.nama,
            "lembar": self.profil.lembar,
            "baris_judul": self.profil.baris_judul,
        }
        for k, v in (self.profil.kolom or {}).items():
            awal[f"kolom_{k}"] = _kolom_teks(v)
        for k, v in (self.profil.aturan or {}).items():
            awal[f"aturan_{k}"] = v
        return awal

    def get(self, request, *args, **kwargs):
        self._siapkan()
        form = ProfilForm(initial=self._awal(), jenis=self.jenis)
        return self.render_to_response(self._konteks(form))

    def _contoh(self):
        """(bytes, name) of the sample file of this page, if one was uploaded."""
        info = self.request.session.get(KUNCI_SESI) or {}
        token = self.request.POST.get("token_contoh", "")
        if not token.isalnum() or info.get("token") != token:
            return None, ""
        path = folder_sementara() / f"profil_{token}"
        return (path.read_bytes(), info["nama"]) if path.is_file() else (None, "")

    def post(self, request, *args, **kwargs):
        self._siapkan()
        berkas = request.FILES.get("contoh")
        data, nama_berkas, token = None, "", request.POST.get("token_contoh", "")
        galat_berkas = []
        if berkas is not None:
            try:
                ukuran_pastikan(berkas.size)
                data, nama_berkas, token = berkas.read(), berkas.name, uuid.uuid4().hex
                (folder_sementara() / f"profil_{token}").write_bytes(data)
                request.session[KUNCI_SESI] = {"token": token, "nama": nama_berkas}
            except ImporGagal as exc:
                galat_berkas = exc.kesalahan
        else:
            data, nama_berkas = self._contoh()
            if data is None:
                token = ""
        lembar = []
        if data is not None:
            try:
                lembar = lembar_nama(data)
            except ImporGagal as exc:
                galat_berkas = exc.kesalahan
                data = None
        post = request.POST.copy()
        form = ProfilForm(post, jenis=self.jenis, lembar_pilihan=lembar)
        if not form.is_valid():
            return self.render_to_response(self._konteks(form, token=token))
        cd = form.cleaned_data
        kolom, aturan = form.pemetaan()
        header, nomor_judul = [], None
        if data is not None and not galat_berkas:
            header, nomor_judul, galat = self._judul(data, nama_berkas, cd, kolom)
            galat_berkas += galat
            if berkas is not None and header:
                # a new sample: suggest by name every field still unmapped, and their rules
                for target, sumber in kolom_sarankan(self.jenis, header).items():
                    if target not in kolom:
                        kolom[target] = [sumber]
                        post[f"kolom_{target}"] = sumber
                        k = self.jenis.kolom_get(target)
                        if k and k.aturan and not aturan.get(target):
                            aturan[target] = k.aturan
                            post[f"aturan_{target}"] = k.aturan
                form = ProfilForm(post, jenis=self.jenis, lembar_pilihan=lembar)
                form.is_valid()
        pemetaan = Pemetaan(
            kolom={k: tuple(v) for k, v in kolom.items()},
            aturan=aturan,
            baris_judul=cd.get("baris_judul"),
            lembar=cd.get("lembar") or "",
            nama=cd.get("nama") or "",
        )
        belum = [
            k for k in self.jenis.kolom if k.wajib and not kolom.get(k.nama)
        ]  # required fields not mapped yet: named on their boxes, no preview until they are
        if request.POST.get("aksi") != "simpan":  # saving: the service names them
            for k in belum:
                form.add_error(
                    f"kolom_{k.nama}", f"{k.label} wajib dipetakan ke satu kolom berkas."
                )
        if request.POST.get("aksi") == "simpan":
            try:
                profil = profil_impor_simpan(
                    pengguna=request.user,
                    jenis=self.jenis.kode,
                    nama=cd.get("nama") or "",
                    kolom=kolom,
                    aturan=aturan,
                    lembar=cd.get("lembar") or "",
                    baris_judul=cd.get("baris_judul"),
                    profil=self.profil,
                )
            except ValidationError as exc:
                kesalahan_layanan(form, exc)
            else:
                messages.success(request, f"Profil impor '{profil.nama}' disimpan.")
                return redirect("profil_impor_list")
        konteks = self._konteks(form, token=token, header=header, nomor_judul=nomor_judul)
        konteks["galat_berkas"] = galat_berkas
        if data is not None and not galat_berkas and not belum:
            target, baris, kesalahan = pratinjau_pemetaan(self.jenis, data, nama_berkas, pemetaan)
            konteks.update(
                pratinjau_kolom=[self.jenis.kolom_get(t) for t in target],
                pratinjau=baris,
                pratinjau_kesalahan=kesalahan,
                nama_contoh=nama_berkas,
            )
        return self.render_to_response(konteks)

    def _judul(self, data, nama_berkas, cd, kolom):
        """The header row's cells and number: the row asked for, else the first of the top
        rows holding every mapped column, else the one matching most field names."""
        try:
            rows = list(
                islice(
                    baca_lembar(data, nama_berkas=nama_berkas, lembar=cd.get("lembar") or ""),
                    BATAS_CARI_JUDUL,
                )
            )
        except ImporGagal as exc:
            return [], None, exc.kesalahan
        if not rows:
            return [], None, [Kesalahan(None, "", "berkas kosong.")]
        if cd.get("baris_judul"):
            for nomor, values in rows:
                if nomor == cd["baris_judul"]:
                    return values, nomor, []
            return [], None, [Kesalahan(cd["baris_judul"], "", "baris judul ini kosong.")]
        dicari = {normalisasi_kolom(s) for v in kolom.values() for s in v}
        if dicari:
            for nomor, values in rows:
                if dicari <= {normalisasi_kolom(v) for v in values}:
                    return values, nomor, []

        def skor(values):
            return len(kolom_sarankan(self.jenis, values)), sum(1 for v in values if v)

        nomor, values = max(rows, key=lambda r: skor(r[1]))
        return values, nomor, []

    def _konteks(self, form, **extra):
        konteks = self.get_context_data(form=form, jenis=self.jenis, profil=self.profil, **extra)
        konteks.setdefault("header", [])
        return konteks


class ProfilImporHapusView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        profil = get_object_or_404(ProfilImpor, pk=pk)
        _jenis_boleh(request.user, profil.jenis)
        profil_impor_hapus(pengguna=request.user, profil=profil)
        messages.success(request, f"Profil impor '{profil.nama}' dihapus.")
        return redirect("profil_impor_list")
