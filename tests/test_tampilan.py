"""Look of the pages (issue 16): the action a page is for is a primary button and the other
actions are outline buttons; codes (NIK, kode akun, SHA-256) are data in the body font
(``.kode``), not Bootstrap's pink ``<code>``."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja.models import LaporanKinerja, Realisasi
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
from tests.kinerja.factories import IndikatorFactory, SasaranFactory, TargetTahunanFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


class _Tombol(HTMLParser):
    """The buttons (``<button>`` and ``<a class="btn …">``) of a page: ``[(label, classes)]``."""

    def __init__(self):
        super().__init__()
        self.tombol: list[tuple[str, set[str]]] = []
        self._buka: list[tuple[str, set[str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        kelas = set((dict(attrs).get("class") or "").split())
        if tag == "button" or (tag == "a" and "btn" in kelas):
            self._buka.append((tag, kelas, []))

    def handle_data(self, data):
        for _tag, _kelas, teks in self._buka:
            teks.append(data)

    def handle_endtag(self, tag):
        if self._buka and self._buka[-1][0] == tag:
            _tag, kelas, teks = self._buka.pop()
            self.tombol.append((" ".join("".join(teks).split()), kelas))


def tombol(html: str) -> dict[str, set[str]]:
    """Label -> classes of every button of ``html`` (the first one of a label)."""
    p = _Tombol()
    p.feed(html)
    hasil: dict[str, set[str]] = {}
    for label, kelas in p.tombol:
        hasil.setdefault(label, kelas)
    return hasil


def _halaman(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _utama(html: str, label: str, *, sekunder: tuple[str, ...] = ()) -> None:
    """``label`` is a primary button of ``html``; each of ``sekunder`` an outline one."""
    semua = tombol(html)
    assert label in semua, (label, sorted(semua))
    assert "btn-primary" in semua[label], (label, semua[label])
    for lain in sekunder:
        assert lain in semua, (lain, sorted(semua))
        assert any(k.startswith("btn-outline-") for k in semua[lain]), (lain, semua[lain])
        assert "btn-primary" not in semua[lain], (lain, semua[lain])


def _tanpa_code(html: str) -> None:
    """No data value in Bootstrap's ``<code>`` on the page's main content."""
    isi = html.split("<main", 1)[1]
    assert "<code" not in isi, re.findall(r"<code[^>]*>[^<]*</code>", isi)


# --- The convention over every template ------------------------------------------------------


def test_no_template_uses_a_solid_button_other_than_primary():
    """Main action: ``btn-primary`` (the KPU colour, app.css "Look"); every other action is
    an outline button or a link. No ``btn-kpu``, ``btn-success``, ``btn-danger`` … left."""
    salah = []
    for berkas in TEMPLATES.rglob("*.html"):
        for baris, teks in enumerate(berkas.read_text().splitlines(), start=1):
            for kelas in re.findall(
                r"\bbtn-(kpu|success|danger|warning|info|secondary|dark)\b(?!-)", teks
            ):
                salah.append(f"{berkas.relative_to(TEMPLATES)}:{baris} btn-{kelas}")
    assert not salah, salah


def test_code_tags_only_for_literal_text_a_person_types():
    """``<code>`` is left only for column names of an import file, the [isian] of the LKj
    narrative and the {isian} of a document number pattern: every data value is a ``.kode``;
    the audit trail names fields by their label."""
    boleh = {
        "anggaran/realisasi_impor.html",
        "anggaran/output/impor.html",
        "anggaran/up/impor.html",  # the UP/TUP and SPM dispensation imports' columns
        "anggaran/belanja/impor.html",  # the contract and invoice imports' columns
        "anggaran/dipa_impor.html",  # the DIPA import: SAKTI column names and a sample code
        "badan_adhoc/impor_form.html",
        "badan_adhoc/item_berkas_list.html",  # the import column <kode>_alasan
        "badan_adhoc/pola_nomor_form.html",
        "badan_adhoc/pola_nomor_list.html",
        "kinerja/lkj/naskah_form.html",
        "kpu_site/profil_impor_form.html",  # a column-mapping profile: columns joined with +
        "kpu_site/profil_impor_list.html",  # a profile's value rules and --profil
        "kinerja/impor.html",  # the PK target and realisasi imports' columns
        "sekretariat/pegawai_impor.html",  # the staff import's column names
    }
    dengan_code = {
        str(b.relative_to(TEMPLATES)) for b in TEMPLATES.rglob("*.html") if "<code" in b.read_text()
    }
    assert dengan_code <= boleh, dengan_code - boleh
    assert (
        "{{ b.kode_akun }}</code>" not in (TEMPLATES / "anggaran/realisasi_impor.html").read_text()
    )


# --- Rendered pages ---------------------------------------------------------------------------


@pytest.fixture
def indikator(unit_demo):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("90"))
    return ind


def test_realisasi_workflow_buttons(masuk, indikator, staf, kasubag, sekretaris):
    """Staf: Simpan, then Ajukan; Kasubag: Verifikasi (Kembalikan is outline); Sekretaris:
    Setujui."""
    url = reverse(
        "kinerja:realisasi_isi",
        kwargs={"tahun": 2024, "indikator_pk": indikator.pk, "periode": "tahunan"},
    )
    c = masuk(staf)
    _utama(_halaman(c, url), "Simpan")
    c.post(url, {"nilai": "85", "versi": "0"})
    r = Realisasi.objects.get()
    _utama(_halaman(c, url), "Ajukan ke Kasubag")
    aksi = reverse("kinerja:realisasi_aksi", kwargs={"pk": r.pk})
    c.post(aksi, {"aksi": "ajukan"})
    _utama(_halaman(masuk(kasubag), url), "Verifikasi", sekunder=("Kembalikan",))
    masuk(kasubag).post(aksi, {"aksi": "verifikasi"})
    _utama(_halaman(masuk(sekretaris), url), "Setujui", sekunder=("Kembalikan",))


def test_lkj_version_page_finalise_is_primary_and_hash_is_data(masuk, sekretaris):
    laporan = LaporanKinerja.objects.create(
        tahun=2024,
        versi=1,
        status=LaporanKinerja.Status.SELESAI,
        draf=False,
        progres=100,
        sha256="ab12" * 16,
        jumlah_halaman=40,
        berkas="laporan/2024/lkj-2024-v1.pdf",
    )
    html = _halaman(masuk(sekretaris), reverse("kinerja:lkj_detail", args=[laporan.pk]))
    _utama(html, "Finalkan dan kunci tahun 2024")
    _utama(html, "Unduh PDF (40 halaman)")
    _tanpa_code(html)
    assert f'<span class="kode small text-break">SHA-256 {"ab12" * 16}</span>' in html


def test_dipa_tree_codes_are_data_and_download_is_primary(masuk, sekretaris):
    dokumen = DokumenAnggaranFactory()
    pohon_kecil(dokumen, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000")))
    html = _halaman(masuk(sekretaris), reverse("anggaran:dokumen_detail", args=[dokumen.pk]))
    _utama(html, "Unduh Excel", sekunder=("Kunci dokumen",))
    _tanpa_code(html)
    assert re.search(r'<span class="kode">521211</span></a>', html), "kode akun as .kode"
