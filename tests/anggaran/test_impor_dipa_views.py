"""The "Impor DIPA" and "Impor revisi" pages: upload → preview → confirm, Keuangan only."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import selectors
from anggaran.models import DokumenAnggaran, Revisi

from .test_impor_dipa import CONTOH, _lembar_revisi, impor

pytestmark = pytest.mark.django_db
DIPA = {"tahun": "2024", "nomor": "SP DIPA-076.01.2.670714/2024", "tanggal": "2024-01-02"}


def _berkas(isi: bytes, nama: str = "pok.xlsx"):
    return SimpleUploadedFile(nama, isi)


def test_dipa_impor_page_only_for_keuangan_and_sekretaris(client, masuk, staf, sekretaris):
    url = reverse("anggaran:dipa_impor")
    assert "/masuk/" in client.get(url)["Location"]
    assert masuk(staf).get(url).status_code == 403
    assert masuk(sekretaris).get(url).status_code == 200


def test_dipa_impor_page_preview_totals_then_confirm(staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    assert "Impor DIPA</a>" in client.get(reverse("anggaran:dokumen_list")).content.decode()
    url = reverse("anggaran:dipa_impor")
    response = client.post(url, DIPA | {"berkas": _berkas(CONTOH.read_bytes())})
    text = response.content.decode()
    assert "560 detail) siap diimpor, pagu Rp 7.749.000.000" in text
    assert "Rp 6.457.500.000" in text and "Rp 1.291.500.000" in text  # per program
    assert "Rp 2.152.500.000" in text  # kegiatan 6705
    assert not DokumenAnggaran.objects.exists()
    response = client.post(url, {"token": response.context["token"]})
    dokumen = DokumenAnggaran.objects.get()
    assert response["Location"] == reverse("anggaran:dokumen_detail", args=[dokumen.pk])
    assert dokumen.nomor == DIPA["nomor"]
    assert selectors.pohon_anggaran(dokumen=dokumen).pagu == Decimal("7749000000")


def test_dipa_impor_page_lists_errors_and_offers_no_import(staf_keuangan, masuk):
    isi = b"KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH\n076.01.CQ.6701;Kegiatan;;;;\n"
    response = masuk(staf_keuangan).post(
        reverse("anggaran:dipa_impor"), DIPA | {"berkas": _berkas(isi, "pok.csv")}
    )
    text = response.content.decode()
    assert "Baris 2, kolom KODE: induk 076.01.CQ (Program) tidak ada di berkas." in text
    assert response.context["token"] == ""


def test_revisi_impor_page_shows_diff_then_writes_revision(staf_keuangan, masuk, staf):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    url = reverse("anggaran:revisi_impor", args=[dokumen.pk])
    assert masuk(staf).get(url).status_code == 403
    client = masuk(staf_keuangan)
    detail = client.get(reverse("anggaran:dokumen_detail", args=[dokumen.pk])).content.decode()
    assert url in detail
    data = {"tanggal": "2024-05-02", "alasan": "Revisi POK", "dihitung_ikpa": "on"}
    response = client.post(url, data | {"berkas": _berkas(_lembar_revisi())})
    text = response.content.decode()
    assert "3 detail berubah; pagu menjadi Rp 7.705.800.000" in text
    assert "Ditambah" in text and "Dihapus" in text and "Diubah" in text
    assert "Rp -50.000.000" in text or "-Rp 50.000.000" in text
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1
    response = client.post(url, {"token": response.context["token"]})
    assert response.status_code == 302
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=1)
    assert revisi.alasan == "Revisi POK"
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi).pagu == Decimal("7705800000")
