"""The shared readers/writers: import tables, uploaded files, Excel export, SVG charts, forms."""

import io
import re
import zipfile
from decimal import Decimal

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse, HttpResponseRedirect
from django.template import Context, Template
from django.test import RequestFactory
from django.views.generic import FormView
from openpyxl import load_workbook

from kpu_site import berkas, excel, formulir, impor, svg
from tests.berkas_uji import xlsx_dari_baris


def test_baca_tabel_reads_a_file_without_extension_as_csv_and_refuses_other_kinds():
    tabel = impor.baca_tabel(b"nama,nilai\nA,1\n", nama_berkas="ekspor", kolom_wajib=["nama"])
    assert list(tabel.baris) == [(2, {"nama": "A", "nilai": "1"})]
    with pytest.raises(impor.ImporGagal, match="jenis berkas tidak dikenal"):
        impor.baca_tabel(b"nama\nA\n", nama_berkas="data.ods", kolom_wajib=["nama"])


def test_baca_tabel_reads_windows_1252_csv_with_semicolons():
    data = "Nama;Nilai\nAndré O'Neil;1.500.000,50\n".encode("cp1252")
    tabel = impor.baca_tabel(data, nama_berkas="x.csv", kolom_wajib=["nama", "nilai"])
    rows = list(tabel.baris)
    assert rows == [(2, {"nama": "André O'Neil", "nilai": "1.500.000,50"})]


def test_baca_tabel_reads_utf8_bom_and_normalises_headers():
    data = "\ufeffNomor SP2D,Tanggal\n001,2023-01-05\n\n002,2023-02-06\n".encode()
    tabel = impor.baca_tabel(data, nama_berkas="x.csv", kolom_wajib=["nomor_sp2d"])
    assert tabel.kolom == ["nomor_sp2d", "tanggal"]
    assert [n for n, _ in tabel.baris] == [2, 4]  # blank line 3 skipped, numbering kept


def test_baca_tabel_can_leave_csv_cells_unstripped_for_a_large_import():
    data = "nik;nama\n 3673 ; Andi \n".encode("cp1252")
    tabel = impor.baca_tabel(data, nama_berkas="x.csv", kolom_wajib=["nik"], rapikan=False)
    assert list(tabel.baris_list()) == [(2, [" 3673 ", " Andi "])]
    assert impor.pemisah_csv(impor.teks_csv(data)) == ";"
    assert impor.isi_berkas(io.BytesIO(data)) == data


def test_baca_tabel_names_missing_column():
    with pytest.raises(impor.ImporGagal) as info:
        impor.baca_tabel(b"nama\nA\n", nama_berkas="x.csv", kolom_wajib=["nama", "nilai"])
    assert (
        str(info.value.kesalahan[0])
        == "Baris 1, kolom nilai: kolom wajib tidak ada di baris judul."
    )


def test_baca_tabel_reads_xlsx_numbers_and_dates():
    from datetime import date

    data = xlsx_dari_baris([["nilai", "tanggal"], [1500000, date(2023, 10, 17)], [2.5, None]])
    rows = list(impor.baca_tabel(data, nama_berkas="a.xlsx", kolom_wajib=["nilai"]).baris)
    assert rows == [
        (2, {"nilai": "1500000", "tanggal": "2023-10-17"}),
        (3, {"nilai": "2.5", "tanggal": ""}),
    ]


def test_baca_tabel_refuses_fake_xlsx_and_zip_bomb():
    with pytest.raises(impor.ImporGagal, match="bukan XLSX"):
        impor.baca_tabel(b"ini teks biasa", nama_berkas="palsu.xlsx", kolom_wajib=[])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("xl/workbook.xml", "<x/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(impor.ImporGagal, match="zip bomb"):
        impor.baca_tabel(buf.getvalue(), nama_berkas="bom.xlsx", kolom_wajib=[])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500.000", Decimal("1500000")),
        ("1.500.000,50", Decimal("1500000.50")),
        ("Rp 20.415.736.000", Decimal("20415736000")),
        ("1500000,5", Decimal("1500000.5")),
        ("1500000.50", Decimal("1500000.50")),
        ("-2.000", Decimal("-2000")),
    ],
)
def test_parse_angka_id_reads_indonesian_amounts(text, expected):
    assert impor.parse_angka_id(text) == expected


@pytest.mark.parametrize("text", ["satu juta", "1,500,000", "", "1.50.0"])
def test_parse_angka_id_rejects_non_numbers(text):
    with pytest.raises(ValueError, match="angka"):
        impor.parse_angka_id(text)


def test_parse_tanggal():
    from datetime import date

    assert impor.parse_tanggal("2023-10-17") == date(2023, 10, 17)
    assert impor.parse_tanggal("17/10/2023") == date(2023, 10, 17)
    with pytest.raises(ValueError, match="bukan tanggal"):
        impor.parse_tanggal("2023-02-30")


def test_berkas_periksa_detects_type_from_content(settings):
    pdf = SimpleUploadedFile("bukti.pdf", b"%PDF-1.7\n...")
    assert berkas.berkas_periksa(pdf) == "pdf"
    xlsx = SimpleUploadedFile("data.xlsx", xlsx_dari_baris([["a"]]))
    assert berkas.berkas_periksa(xlsx) == "xlsx"
    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError, match="bukan jenis yang diizinkan"):
        berkas.berkas_periksa(fake)
    renamed = SimpleUploadedFile("foto.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    with pytest.raises(ValidationError, match="isinya PNG"):
        berkas.berkas_periksa(renamed)
    settings.BATAS_UKURAN_BERKAS = 10
    with pytest.raises(ValidationError, match="melebihi batas"):
        berkas.berkas_periksa(SimpleUploadedFile("besar.pdf", b"%PDF-" + b"x" * 100))


def test_nama_acak_is_generated_and_keeps_extension():
    a, b = berkas.nama_acak("pdf"), berkas.nama_acak("pdf")
    assert a != b and a.endswith(".pdf") and len(a) == 36


def test_xlsx_bytes_keeps_numbers_as_numbers():
    data = excel.xlsx_bytes(
        judul="Daftar",
        kolom=["Uraian", "Pagu"],
        baris=[["CQ", Decimal("18256293000")]],
        format_kolom={1: "rupiah"},
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "Daftar"
    assert ws["B3"].value == 18256293000
    assert ws["B3"].number_format == '"Rp" #,##0'


def test_xlsx_sheet_name_drops_the_characters_excel_refuses():
    data = excel.xlsx_bytes(
        judul="Pendaftar KPPS: Pemilu [2024] 001/PP.01?*\\x", kolom=["Nama"], baris=[["A"]]
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.title == "Pendaftar KPPS- Pemilu -2024- 0"
    assert ws["A1"].value == "Pendaftar KPPS: Pemilu [2024] 001/PP.01?*\\x"


def test_svg_charts_escape_labels_and_draw_values():
    markup = svg.grafik_batang(
        kategori=["<script>", "B"],
        seri=[("Capaian", [Decimal("99.56"), None])],
        satuan="%",
        garis_acuan=100,
    )
    assert markup.startswith("<svg") and "<script>" not in markup and "&lt;script&gt;" in markup
    assert "99,56%" in markup
    assert markup.count("<rect") == 1  # None draws nothing
    line = svg.grafik_garis(
        kategori=["Jan", "Feb"], seri=[("RPD", [1, 2]), ("Realisasi", [1, None])]
    )
    assert line.count("<polyline") == 2


class _Contoh(forms.Form):
    nama = forms.CharField()
    jenis = forms.ChoiceField(choices=[("a", "A")])
    aktif = forms.BooleanField(required=False)
    mulai = forms.DateField(widget=formulir.TANGGAL)
    catatan = forms.CharField(widget=forms.Textarea(attrs={"class": "kecil"}))


def test_form_helpers_add_bootstrap_classes_and_place_service_errors():
    form = _Contoh(data={"nama": "x", "jenis": "a", "mulai": "2023-01-02", "catatan": "c"})
    formulir.kelas_bootstrap(form)
    formulir.kelas_bootstrap(form)  # twice changes nothing
    kelas = {name: f.widget.attrs["class"] for name, f in form.fields.items()}
    assert kelas == {
        "nama": "form-control",
        "jenis": "form-select",
        "aktif": "form-check-input",
        "mulai": "form-control",
        "catatan": "kecil form-control",
    }
    assert form.is_valid()
    formulir.kesalahan_layanan(
        form, ValidationError({"nama": "Nama sudah dipakai.", "unit": "Unit wajib diisi."})
    )
    assert form.errors["nama"] == ["Nama sudah dipakai."]
    assert form.non_field_errors() == ["Unit wajib diisi."]


class _GrupForm(forms.Form):
    nama = forms.CharField()
    kode = forms.CharField()


class _GrupView(formulir.LayananFormMixin, FormView):
    """Writes a row, then its 'service' refuses some inputs after writing."""

    form_class = _GrupForm

    def layanan(self, form):
        grup = Group.objects.create(name=form.cleaned_data["nama"])
        if form.cleaned_data["kode"] == "dipakai":
            raise ValidationError({"kode": "Kode sudah dipakai.", "unit": "Unit wajib diisi."})
        if form.cleaned_data["kode"] == "tutup":
            raise ValidationError("Tahun 2023 sudah dikunci.")
        return HttpResponseRedirect(f"/grup/{grup.pk}/")

    def render_to_response(self, context, **response_kwargs):
        return HttpResponse(
            Template(
                "<top>{{ form.non_field_errors|join:'|' }}</top>"
                "<kode>{{ form.kode.errors|join:'|' }}</kode>{{ form.nama }}{{ form.kode }}"
            ).render(Context(context))
        )


def _post_grup(data):
    request = RequestFactory().post("/grup/", data)
    return _GrupView.as_view()(request)


@pytest.mark.django_db
def test_layanan_form_mixin_puts_service_errors_on_the_form_and_writes_nothing():
    response = _post_grup({"nama": "Panitia A", "kode": "dipakai"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<kode>Kode sudah dipakai.</kode>" in html  # on its field
    assert "<top>Unit wajib diisi.</top>" in html  # a field the form does not show: at the top
    assert 'value="Panitia A"' in html and 'value="dipakai"' in html  # what the user typed
    assert not Group.objects.filter(
        name__startswith="Panitia"
    ).exists()  # the row written before the refusal is rolled back

    html = _post_grup({"nama": "Panitia A", "kode": "tutup"}).content.decode()
    assert "<top>Tahun 2023 sudah dikunci.</top>" in html and "<kode></kode>" in html
    assert not Group.objects.filter(name__startswith="Panitia").exists()

    response = _post_grup({"nama": "Panitia A", "kode": "baru"})
    grup = Group.objects.get(name="Panitia A")
    assert (response.status_code, response["Location"]) == (302, f"/grup/{grup.pk}/")


@pytest.mark.django_db
def test_kesalahan_ke_pesan_turns_a_refusal_into_messages_and_writes_nothing():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    with formulir.kesalahan_ke_pesan(request):
        Group.objects.create(name="Panitia B")
        raise ValidationError(["NIK sudah terdaftar.", "Umur kurang dari 17 tahun."])
    assert [str(m) for m in get_messages(request)] == [
        "NIK sudah terdaftar.",
        "Umur kurang dari 17 tahun.",
    ]
    assert not Group.objects.filter(name__startswith="Panitia").exists()


def test_svg_bar_values_are_written_upright_where_they_do_not_fit_flat():
    lebar = svg.grafik_batang(kategori=["A", "B"], seri=[("Capaian", [99, 100])], satuan="%")
    assert ">99%<" in lebar and ">100%<" in lebar and "rotate(" not in lebar
    # 12 months × 2 series of millions on a 640 px chart: flat labels would overlap, so each
    # is written upright above its bar (tests/lkj/test_label_grafik.py checks the boxes).
    sempit = svg.grafik_batang(
        kategori=[f"B{i}" for i in range(12)],
        seri=[("RPD", [1_234_567.5] * 12), ("Realisasi", [1_234_567.5] * 12)],
        satuan="jt",
    )
    assert sempit.count("<rect") == 24 + 2
    assert (
        len(re.findall(r'<text transform="rotate\(-90 [^"]+"[^>]*>1\.234\.568 jt<', sempit)) == 24
    )


def test_import_problems_listed_up_to_a_limit_then_counted():
    from kpu_site.impor import Kesalahan, kesalahan_teks

    daftar = [Kesalahan(n, "nik", "NIK harus 16 angka") for n in range(2, 7)]
    teks = kesalahan_teks(daftar, batas=3)
    assert teks[0] == "Baris 2, kolom nik: NIK harus 16 angka"
    assert len(teks) == 4 and teks[-1] == "... dan 2 kesalahan lain."
    assert len(kesalahan_teks(daftar)) == 5


def test_kesalahan_teks_counts_the_rest_in_the_indonesian_format():
    """Issue 16: "... dan 1.950 kesalahan lain.", not "1950"."""
    from kpu_site.impor import Kesalahan, kesalahan_teks

    teks = kesalahan_teks([Kesalahan(i + 2, "nik", "kosong.") for i in range(2000)])
    assert teks[-1] == "... dan 1.950 kesalahan lain."
