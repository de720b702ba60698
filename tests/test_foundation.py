"""The foundation: audit trail, login log and throttling, API schema, navigation, demo, pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kpu_site.audit import jejak_catat
from kpu_site.models import JejakAudit
from kpu_site.peran import Peran, peran_of
from sekretariat.models import Satker

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_documents_every_variable_the_settings_read():
    names = set()
    for path in ("kpu_site/settings.py", "kpu_site/settings_production.py"):
        text = (ROOT / path).read_text()
        names |= set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', text))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert names, "no variables found"
    assert names <= documented, f"not in .env.example: {sorted(names - documented)}"


def test_audit_trail_records_create_update_delete_with_user_and_fields(db, sekretaris, client):
    satker = Satker.objects.create(
        nama="Sekretariat KPU Kota Uji", tingkat="kota", nama_wilayah="Kota Uji",
        kode_satker="123456", kode_wilayah="36.99",
    )  # fmt: skip
    satker.alamat = "Jl. Baru 1"
    satker._history_user = sekretaris
    satker.save()
    satker.delete()
    rows = list(
        JejakAudit.objects.filter(content_type__model="satker")
        .order_by("id")
        .values_list("aksi", "objek", "perubahan")
    )
    assert [r[0] for r in rows] == ["buat", "ubah", "hapus"]
    assert rows[1][2] == {"alamat": ["", "Jl. Baru 1"]}
    assert JejakAudit.objects.get(aksi="ubah", content_type__model="satker").pengguna == sekretaris


def test_audit_trail_skips_saves_that_change_nothing(db):
    satker = Satker.objects.create(
        nama="S", tingkat="kota", nama_wilayah="K", kode_satker="123457", kode_wilayah="36.98"
    )
    satker.save()
    assert JejakAudit.objects.filter(aksi="ubah", content_type__model="satker").count() == 0


def test_audit_page_lists_changes_for_auditor_and_refuses_staf(db, masuk, auditor, staf):
    jejak_catat(pengguna=staf, aksi="impor", ringkasan="Impor 3 transaksi realisasi dari uji.csv")
    response = masuk(auditor).get(reverse("audit_list"), {"aksi": "impor"})
    assert response.status_code == 200
    assert "Impor 3 transaksi realisasi dari uji.csv" in response.content.decode()
    assert masuk(staf).get(reverse("audit_list")).status_code == 403


def test_audit_page_shows_field_changes_and_batch_summaries(db, masuk, auditor, staf):
    jejak_catat(
        pengguna=staf,
        aksi="alur",
        ringkasan="Seleksi administrasi",
        perubahan={"jumlah": 14802, "alasan": {"nik_ganda": 444, "usia_kurang": 0}},
    )
    jejak_catat(
        pengguna=staf,
        aksi="ubah",
        ringkasan="Perubahan",
        perubahan={"urutan": [0, 3], "aktif": [True, False], "nama": ["", "Baru"]},
    )
    html = masuk(auditor).get(reverse("audit_list")).content.decode()
    # labels, not codes; numbers in the Indonesian format (issue 16)
    assert '<span class="fw-semibold">Jumlah pendaftar</span>: 14.802</div>' in html
    assert (
        '<span class="fw-semibold">Alasan TMS</span>: NIK ganda: 444, Usia kurang dari 17 tahun: 0</div>'
        in html
    )
    assert '<span class="fw-semibold">urutan</span>: 0 → <strong>3</strong>' in html
    assert '<span class="fw-semibold">aktif</span>: ya → <strong>tidak</strong>' in html
    assert '<span class="fw-semibold">nama</span>: – → <strong>Baru</strong>' in html


def test_audit_page_ignores_an_impossible_date_filter(db, masuk, auditor, staf):
    jejak_catat(pengguna=staf, aksi="impor", ringkasan="Impor 3 transaksi realisasi dari uji.csv")
    response = masuk(auditor).get(reverse("audit_list"), {"dari": "2023-02-30"})
    assert response.status_code == 200
    assert "Impor 3 transaksi realisasi dari uji.csv" in response.content.decode()


def test_logins_and_failed_logins_are_logged_and_throttled(db, client, staf, settings):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    url = reverse("login")
    ok = client.post(url, {"username": "staf.uji", "password": "sandi-uji-123"})
    assert ok.status_code == 302
    assert AccessLog.objects.filter(username="staf.uji").count() == 1
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        bad = client.post(url, {"username": "staf.uji", "password": "salah"})
    assert (
        AccessFailureLog.objects.filter(username="staf.uji").count() == settings.AXES_FAILURE_LIMIT
    )
    assert bad.status_code == 429
    assert "Terlalu banyak percobaan" in bad.content.decode()
    # Even the right password is refused during the cool-off...
    assert (
        client.post(url, {"username": "staf.uji", "password": "sandi-uji-123"}).status_code == 429
    )
    # ...which ends (no permanent lock): the attempt record expires after AXES_COOLOFF_TIME.
    assert settings.AXES_COOLOFF_TIME > 0
    AccessAttempt.objects.all().delete()
    assert (
        client.post(url, {"username": "staf.uji", "password": "sandi-uji-123"}).status_code == 302
    )


def test_login_page_is_indonesian_and_wrong_password_message(db, client, staf):
    response = client.post(reverse("login"), {"username": "staf.uji", "password": "keliru"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_api_schema_is_valid_openapi(db):
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    assert "openapi: 3" in out.getvalue()


def test_api_requires_authentication_and_accepts_token(db, client, komisioner):
    from rest_framework.authtoken.models import Token

    assert client.get("/api/").status_code in (401, 403)
    token = Token.objects.create(user=komisioner)
    response = client.get("/api/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200


def test_navigation_fits_the_role(db, masuk, admin_user, auditor, staf):
    admin_page = masuk(admin_user).get(reverse("beranda")).content.decode()
    assert "Status Layanan" in admin_page and "Jejak Audit" in admin_page
    auditor_page = masuk(auditor).get(reverse("beranda")).content.decode()
    assert "Jejak Audit" in auditor_page and "Status Layanan" not in auditor_page
    staf_page = masuk(staf).get(reverse("beranda")).content.decode()
    assert "Jejak Audit" not in staf_page and "Status Layanan" not in staf_page
    assert "Sub Bagian Perencanaan, Data dan Informasi" in staf_page


def test_error_pages_are_indonesian(db, masuk, staf, settings):
    settings.DEBUG = False
    client = masuk(staf)
    assert "Anda tidak memiliki hak akses" in client.get(reverse("status_layanan")).content.decode()
    not_found = client.get("/tidak-ada-halaman-ini/")
    assert not_found.status_code == 404
    assert "tidak ditemukan" in not_found.content.decode()


def test_muat_demo_is_idempotent_and_creates_one_account_per_role(db):
    from django.contrib.auth import get_user_model

    from kpu_site.demo import KATA_SANDI_DEMO

    call_command("muat_demo", stdout=io.StringIO())
    jejak_pertama = JejakAudit.objects.count()
    counts = {m: m.objects.count() for m in (get_user_model(), Satker, JejakAudit)}
    out = io.StringIO()
    call_command("muat_demo", stdout=out)
    assert {m: m.objects.count() for m in counts} == counts
    assert JejakAudit.objects.count() == jejak_pertama
    roles = {peran_of(u) for u in get_user_model().objects.all()}
    assert roles == {p.value for p in Peran}
    assert KATA_SANDI_DEMO in out.getvalue()
    assert get_user_model().objects.get(username="auditor").check_password(KATA_SANDI_DEMO)
    # The demo's published announcement (PPK, final result) is built from the applicant data
    # as it stands, so the document list does not call it outdated, and the public page has it.
    from badan_adhoc.dokumen.models import DokumenRekrutmen

    terbit = DokumenRekrutmen.objects.get(diterbitkan_pada__isnull=False)
    # published only once issued with its number (issue 19)
    assert terbit.judul == f"Pengumuman Hasil Akhir PPK Pemilu 2024 – Nomor {terbit.nomor_terbit}"
    assert terbit.nomor_terbit.sha256 == terbit.sha256
    # badan_adhoc/demo_dokumen.py: per body, every numbered document of its stages, each
    # issued once (the second load issued nothing: the audit count above is unchanged)
    from badan_adhoc.dokumen.model_nomor import NomorDokumen

    terbitan = [
        (n.dokumen.rekrutmen.kode, n.jenis_nomor)
        for n in NomorDokumen.objects.select_related("dokumen__rekrutmen")
        if n.dokumen.diganti_oleh_id is None and n.sha256 == n.dokumen.sha256
    ]
    semua = ["pengumuman_pendaftaran", "hasil_administrasi", "ba_administrasi", "ba_tanggapan"]
    semua += ["hasil_akhir", "ba_akhir", "sk_penetapan"]
    tes = ["hasil_tes_tertulis", "ba_tes_tertulis", "sk_paw"]  # PPK, PPS: the test, one PAW
    harapan = [("ppk-pemilu-2024", j) for j in semua + tes]
    harapan += [("pps-pemilu-2024", j) for j in semua + tes]
    harapan += [("kpps-pemilu-2024", j) for j in semua]
    assert sorted(terbitan) == sorted(harapan)
    assert NomorDokumen.objects.count() == 27
    # numbered in the order of their dates: within a book (the number without its sequence
    # part: types of one pattern, one year) a later number never has an earlier date
    buku: dict[str, list] = {}
    for urut, nomor, tanggal in NomorDokumen.objects.order_by("urut").values_list(
        "urut", "nomor", "tanggal"
    ):
        buku.setdefault(nomor.replace(str(urut), "", 1), []).append(tanggal)
    assert len(buku) >= 2 and all(t == sorted(t) for t in buku.values()), buku
    assert terbit.pendaftar_versi == terbit.rekrutmen.pendaftar_versi
    assert terbit.jumlah_halaman and len(terbit.sha256) == 64
    # each opens as a PDF with the satker's letterhead, its number, place and date, the
    # signatory's name, and no character outside its pages
    from kpu_site.formatting import tanggal as tanggal_teks

    for n in NomorDokumen.objects.select_related("dokumen"):
        with n.dokumen.berkas.open("rb") as f:
            halaman = _halaman_pdf(f.read())
        awal, akhir = " ".join(halaman[0][0].split()), " ".join(halaman[-1][0].split())
        assert "KOMISI PEMILIHAN UMUM KOTA SERANG" in awal and f"Nomor: {n.nomor}" in awal, awal
        assert f"Serang, {tanggal_teks(n.tanggal)}" in akhir and n.penandatangan_nama in akhir
        assert [luar for _, luar in halaman if luar] == [], n.nomor


def _halaman_pdf(data: bytes) -> list[tuple[str, list]]:
    """Per page of ``data``: its text and the characters lying outside the page box
    (pypdfium2, the PDF library itself: quicker than a layout analysis for 27 documents)."""
    import pypdfium2

    hasil = []
    pdf = pypdfium2.PdfDocument(data)
    try:
        for page in pdf:
            lebar, tinggi = page.get_size()
            teks = page.get_textpage()
            luar = []
            for i in range(teks.count_chars()):
                kiri, bawah, kanan, atas = teks.get_charbox(i)
                if kanan > kiri and (
                    kiri < -1 or bawah < -1 or kanan > lebar + 1 or atas > tinggi + 1
                ):
                    luar.append(teks.get_text_range(i, 1))
            hasil.append((teks.get_text_range(), luar))
    finally:
        pdf.close()
    return hasil


@pytest.mark.parametrize(
    "path", ["/static/vendor/bootstrap/bootstrap.min.css", "/static/django_htmx/htmx-2.min.js"]
)
def test_assets_are_served_locally_not_from_a_cdn(path):
    from django.contrib.staticfiles import finders

    assert finders.find(path.removeprefix("/static/"))
    base = (ROOT / "templates/base.html").read_text()
    assert "https://" not in base and "http://" not in base.replace("http://www.w3.org", "")


def test_role_and_sub_bagian_must_fit(db, unit_demo):
    from django.core.exceptions import ValidationError

    from kpu_site.peran import peran_unit_periksa

    peran_unit_periksa(peran="Staf", unit=unit_demo["keuangan"])
    peran_unit_periksa(peran="Auditor", unit=None)
    with pytest.raises(ValidationError, match="harus ditempatkan pada satu sub bagian"):
        peran_unit_periksa(peran="Kasubag", unit=None)
    with pytest.raises(ValidationError, match="tidak ditempatkan pada sub bagian"):
        peran_unit_periksa(peran="Komisioner", unit=unit_demo["teknis"])


def test_admin_user_form_refuses_staf_without_sub_bagian(db, masuk, admin_user, staf):
    from django.contrib.auth.models import Group

    url = reverse("admin:sekretariat_pengguna_change", args=[staf.pk])
    data = {
        "username": staf.username, "first_name": "", "last_name": "", "email": "",
        "is_active": "on", "groups": [Group.objects.get(name="Staf").pk], "unit": "",
        "date_joined_0": "2023-01-01", "date_joined_1": "08:00:00",
    }  # fmt: skip
    response = masuk(admin_user).post(url, data)
    assert response.status_code == 200
    assert "harus ditempatkan pada satu sub bagian" in response.content.decode()
    staf.refresh_from_db()
    assert staf.unit is not None


def test_admin_shows_service_ruled_records_and_the_audit_trail_read_only(db, masuk, admin_user):
    client = masuk(admin_user)
    for model in ("sekretariat_pegawai", "sekretariat_komisioner", "kpu_site_jejakaudit"):
        assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:{model}_add")).status_code == 403
    assert client.get(reverse("admin:sekretariat_jabatan_add")).status_code == 200


def test_readme_documents_every_management_command():
    commands = sorted(
        p.stem
        for app in ("kpu_site", "sekretariat", "kinerja", "anggaran", "badan_adhoc")
        for p in (ROOT / app / "management" / "commands").glob("*.py")
        if not p.name.startswith("_")
    )
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert commands
    missing = [c for c in commands if f"manage.py {c}" not in readme]
    assert not missing, f"commands without a README line: {missing}"
