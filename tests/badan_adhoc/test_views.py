"""Pages and API: who sees what, NIK masking, 403 for writes, constant query counts."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from badan_adhoc import services
from badan_adhoc.models import Pendaftar
from badan_adhoc.services import pendaftar_import

from .conftest import berkas

NIK = "3673011205900001"
NIK_SAMAR = "3673**********01"


def _url(name, *args):
    return reverse(f"badan_adhoc:{name}", args=args)


def test_pages_send_anonymous_to_login(client, diseleksi):
    p = Pendaftar.objects.first()
    for url in (
        _url("rekrutmen_list"),
        _url("rekrutmen_detail", diseleksi.pk),
        _url("pendaftar_list", diseleksi.pk),
        _url("pendaftar_detail", p.pk),
        reverse("badan_adhoc-pendaftar-list"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 401, 403)
        if response.status_code == 302:
            assert "/masuk/" in response["Location"]


def test_nik_is_full_for_staf_teknis_and_masked_for_other_roles(
    masuk, diseleksi, staf_teknis, staf_lain, komisioner, auditor, kasubag
):
    p = Pendaftar.objects.get(nik=NIK)
    urls = [
        _url("pendaftar_list", diseleksi.pk),
        _url("pendaftar_detail", p.pk),
        reverse("badan_adhoc-pendaftar-detail", args=[p.pk]),
        reverse("badan_adhoc-pendaftar-list") + f"?rekrutmen={diseleksi.pk}",
    ]
    client = masuk(staf_teknis)
    for url in urls:
        body = client.get(url).content.decode()
        assert NIK in body, url
    for user in (staf_lain, komisioner, auditor, kasubag):
        client = masuk(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            body = response.content.decode()
            assert NIK not in body, (user, url)
            assert NIK_SAMAR in body, (user, url)


def test_excel_export_masks_nik_for_other_roles(masuk, diseleksi, komisioner, staf_teknis):
    import io

    from openpyxl import load_workbook

    def nik_di_excel(user):
        response = masuk(user).get(_url("pendaftar_export", diseleksi.pk))
        ws = load_workbook(io.BytesIO(response.getvalue())).active
        return {row[0] for row in ws.iter_rows(min_row=3, values_only=True)}

    assert NIK_SAMAR in nik_di_excel(komisioner)
    assert NIK not in nik_di_excel(komisioner)
    assert NIK in nik_di_excel(staf_teknis)


def test_nik_search_is_not_a_probe_for_other_roles(masuk, diseleksi, komisioner, staf_teknis):
    url = _url("pendaftar_list", diseleksi.pk) + f"?q={NIK}"
    assert "Ahmad Fauzi" in masuk(staf_teknis).get(url).content.decode()
    assert "Ahmad Fauzi" not in masuk(komisioner).get(url).content.decode()


def test_writes_are_403_outside_the_recruitment_staff(
    masuk, diseleksi, staf_lain, kasubag, komisioner, auditor
):
    p = Pendaftar.objects.first()
    for user in (staf_lain, kasubag, komisioner, auditor):
        client = masuk(user)
        assert client.post(_url("rekrutmen_seleksi", diseleksi.pk)).status_code == 403
        assert client.get(_url("pendaftar_create", diseleksi.pk)).status_code == 403
        assert (
            client.post(
                _url("pendaftar_override", p.pk), {"status": "ms", "alasan": "x" * 20}
            ).status_code
            == 403
        )
        response = client.post(
            reverse("badan_adhoc-rekrutmen-seleksi", args=[diseleksi.pk]), format="json"
        )
        assert response.status_code == 403
    p.refresh_from_db()
    assert not p.koreksi_status


def test_screening_button_runs_for_kasubag_teknis(masuk, diseleksi, kasubag_teknis):
    response = masuk(kasubag_teknis).post(_url("rekrutmen_seleksi", diseleksi.pk))
    assert response.status_code == 302
    response = masuk(kasubag_teknis).get(_url("rekrutmen_detail", diseleksi.pk))
    assert "Tidak memenuhi syarat" in response.content.decode()


def test_override_form_requires_a_reason_and_keeps_status(masuk, diseleksi, staf_teknis):
    p = Pendaftar.objects.get(nama="Joko Susilo")
    client = masuk(staf_teknis)
    client.post(_url("pendaftar_override", p.pk), {"status": "ms", "alasan": "pendek"})
    p.refresh_from_db()
    assert p.status_administrasi == "tms"
    client.post(
        _url("pendaftar_override", p.pk),
        {"status": "ms", "alasan": "KTP baru sudah terbit di kelurahan tujuan"},
    )
    p.refresh_from_db()
    assert p.status_administrasi == "ms" and p.koreksi_oleh == staf_teknis


def test_clarification_upload_rejects_a_renamed_file(masuk, diseleksi, staf_teknis):
    services.anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    p = Pendaftar.objects.get(nama="Lukman Hakim")
    palsu = SimpleUploadedFile("surat.pdf", b"MZ not a pdf at all")
    response = masuk(staf_teknis).post(_url("klarifikasi_upload", p.pk), {"berkas": palsu})
    assert response.status_code == 302
    assert not p.klarifikasi.exists()


def test_import_page_shows_row_errors_and_writes_nothing(masuk, rekrutmen_kpps, staf_teknis):
    data = berkas("pendaftar_kpps.csv").replace(b"1990-05-12", b"1990-13-12", 1)
    response = masuk(staf_teknis).post(
        _url("pendaftar_import", rekrutmen_kpps.pk),
        {"berkas": SimpleUploadedFile("p.csv", data)},
    )
    assert response.status_code == 200
    assert "Baris 2, kolom tanggal_lahir" in response.content.decode()
    assert not Pendaftar.objects.exists()


def test_pendaftar_list_query_count_does_not_grow(
    masuk, diseleksi, staf_teknis, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk(staf_teknis)
    url = _url("pendaftar_list", diseleksi.pk)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    extra = (
        "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
        "no_hp,email,kode_wilayah_tujuan\n"
        + "".join(
            f"36730112059050{i:02d},Tambahan {i},L,Serang,1990-05-12,SMA,36.73.01.1001,x,1,,"
            "36.73.01.1001\n"
            for i in range(80)
        )
    )
    pendaftar_import(rekrutmen=diseleksi, berkas=extra.encode(), nama_berkas="x.csv")
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        response = client.get(url)
    assert len(response.context["pendaftar_list"]) == 50
    assert response.context["berikut"]
    response = client.get(url + f"?setelah={response.context['berikut']}")
    assert len(response.context["pendaftar_list"]) == 49


def test_dashboard_shows_seats_and_gaps(masuk, diseleksi, komisioner):
    response = masuk(komisioner).get(_url("rekrutmen_detail", diseleksi.pk))
    assert response.status_code == 200
    assert response.context["kursi"] == 42
    # Kasemen has 1 TPS (7 seats) and no applicant
    assert any(r.wilayah.nama == "Kasemen" and r.kekurangan == 7 for r in response.context["celah"])


def test_api_screening_returns_the_summary_for_staff(client, diseleksi, sekretaris):
    client.force_login(sekretaris)
    response = client.post(reverse("badan_adhoc-rekrutmen-seleksi", args=[diseleksi.pk]))
    assert response.status_code == 200
    assert response.json()["jumlah"] == 19


def test_other_roles_cannot_rebuild_the_nik_from_the_page(masuk, diseleksi, komisioner):
    p = Pendaftar.objects.get(nik=NIK)
    for url in (_url("pendaftar_detail", p.pk), _url("pendaftar_list", diseleksi.pk)):
        body = masuk(komisioner).get(url).content.decode()
        assert "120590" not in body  # NIK digits 7-12
        assert "12-05-1990" not in body and "12 Mei 1990" not in body
    data = masuk(komisioner).get(reverse("badan_adhoc-pendaftar-detail", args=[p.pk])).json()
    assert data["tanggal_lahir"] is None and data["no_hp"] == "" and data["nik"] == NIK_SAMAR


def test_announcements_pdf_and_excel(
    masuk, diseleksi, auditor, staf_teknis, django_capture_on_commit_callbacks, tugas_dalam_proses
):
    """Staff request them (rendered in the background, here on commit); a reader then gets
    the stored file through the same links."""
    pdf = _url("pengumuman_pdf", diseleksi.pk)
    excel = _url("pengumuman_excel", diseleksi.pk) + "?tahap=administrasi"
    with django_capture_on_commit_callbacks(execute=True):
        masuk(staf_teknis).get(pdf)
        masuk(staf_teknis).get(excel)
    client = masuk(auditor)
    response = client.get(pdf)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    response = client.get(excel)
    assert response.status_code == 200
    assert NIK.encode() not in response.getvalue()


def test_stage_pages_for_readers_and_403_for_writes(masuk, diseleksi, komisioner, staf_lain):
    for name in ("peringkat", "anggota_list", "honor"):
        assert masuk(komisioner).get(_url(name, diseleksi.pk)).status_code == 200
    for name in ("penetapan", "nilai_import"):
        assert masuk(staf_lain).get(_url(name, diseleksi.pk)).status_code == 403
    assert masuk(staf_lain).post(_url("rekrutmen_tahap", diseleksi.pk)).status_code == 403


def test_rekrutmen_list_query_count_does_not_grow_with_recruitments(
    masuk, rekrutmen_kpps, staf_teknis, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from badan_adhoc.selectors import kursi_per_wilayah

    client = masuk(staf_teknis)
    url = _url("rekrutmen_list") + "?semua=1"
    client.get(url)
    with CaptureQueriesContext(connection) as satu:
        client.get(url)
    n_satu = len(satu.captured_queries)  # read now: the next request clears the log
    for jenis in ("pps", "ppk"):
        services.rekrutmen_create(
            kode=f"{jenis}-2024",
            jenis_badan=jenis,
            nama=f"{jenis.upper()} Pemilu 2024",
            tanggal_acuan=rekrutmen_kpps.tanggal_acuan,
        )
    client.get(url)  # the summaries of the new recruitments are cached by the first read
    with django_assert_max_num_queries(n_satu):
        response = client.get(url)
    rows = list(response.context["object_list"])
    assert len(rows) == 3
    for r in rows:
        assert r.kursi == sum(kursi_per_wilayah(r).values())
    assert (
        response.context["jumlah_kecamatan"],
        response.context["jumlah_kelurahan"],
        response.context["jumlah_tps"],
    ) == (2, 3, 6)


def test_anggota_list_filters_by_wilayah_and_says_when_rows_are_cut(
    masuk, rekrutmen_pps, komisioner, monkeypatch
):
    from datetime import date

    from badan_adhoc.models import AnggotaBadan, Wilayah
    from badan_adhoc.views import AnggotaListView

    cimuncang = Wilayah.objects.get(kode="36.73.01.1001")
    kasemen = Wilayah.objects.get(kode="36.73.02.1001")
    for nama, wilayah in (("Ani Cimuncang", cimuncang), ("Budi Kasemen", kasemen)):
        AnggotaBadan.objects.create(
            rekrutmen=rekrutmen_pps,
            nama=nama,
            wilayah=wilayah,
            jabatan="anggota",
            nomor_sk="1/PP.04-Kpt/2023",
            tanggal_sk=date(2023, 1, 16),
            mulai=date(2023, 1, 17),
            selesai=date(2024, 4, 4),
        )
    client = masuk(komisioner)
    url = _url("anggota_list", rekrutmen_pps.pk)
    body = client.get(url).content.decode()
    assert "Ani Cimuncang" in body and "Budi Kasemen" in body
    assert f'<option value="{kasemen.pk}"' in body  # the choice is on the page
    body = client.get(url, {"wilayah": kasemen.pk}).content.decode()
    assert "Budi Kasemen" in body and "Ani Cimuncang" not in body
    monkeypatch.setattr(AnggotaListView, "batas", 1)
    body = client.get(url).content.decode()
    assert "1 baris pertama; pilih wilayah" in body


def test_stage_schedule_form_saves_and_rejects_reversed_dates(masuk, rekrutmen_kpps, staf_teknis):
    client = masuk(staf_teknis)
    url = _url("rekrutmen_tahapan", rekrutmen_kpps.pk)
    data = {
        "tahapan-TOTAL_FORMS": "1",
        "tahapan-INITIAL_FORMS": "0",
        "tahapan-MIN_NUM_FORMS": "0",
        "tahapan-MAX_NUM_FORMS": "1000",
        "tahapan-0-tahap": "pendaftaran",
        "tahapan-0-mulai": "2023-12-20",
        "tahapan-0-selesai": "2023-12-11",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # re-rendered with the error and what was typed
    assert "2023-12-20" in response.content.decode()
    assert not rekrutmen_kpps.tahapan.exists()
    data["tahapan-0-selesai"] = "2023-12-30"
    assert client.post(url, data).status_code == 302
    assert rekrutmen_kpps.tahapan.get().selesai.isoformat() == "2023-12-30"


def test_audit_trail_never_holds_the_nik(masuk, diseleksi, staf_teknis):
    from kpu_site.models import JejakAudit

    p = Pendaftar.objects.get(nik=NIK)
    data = {
        "nik": "3673011205900099",
        "nama": p.nama,
        "jenis_kelamin": "L",
        "tempat_lahir": "Serang",
        "tanggal_lahir": "1990-05-12",
        "pendidikan": "S1",
        "kode_domisili": "36.73.01.1001",
        "alamat": "Jl. Baru 1",
        "no_hp": "0812",
        "email": "",
        "wilayah_tujuan": p.wilayah_tujuan_id,
    }
    response = masuk(staf_teknis).post(_url("pendaftar_update", p.pk), data)
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.nik == "3673011205900099"
    teks = " ".join(f"{j.objek} {j.perubahan} {j.keterangan}" for j in JejakAudit.objects.all())
    assert "3673011205900099" not in teks and NIK not in teks
    assert "Data pribadi diubah: NIK, alamat" in teks  # field names as a person reads them


# the warning's label, not its code ``usia_lebih_55`` (issue 16)
PERINGATAN_55 = '<td class="small text-nowrap">Usia lebih dari 55 tahun (KPPS, Pantarlih)</td>'


def test_pendaftar_detail_shows_age_on_reference_date_and_the_stored_55_warning(
    masuk, diseleksi, komisioner
):
    client = masuk(komisioner)
    gilang = Pendaftar.objects.get(nama="Gilang Ramadhan")  # 17 the day after the reference
    body = client.get(_url("pendaftar_detail", gilang.pk)).content.decode()
    assert "usia 16 tahun" in body and PERINGATAN_55 not in body
    nurdin = Pendaftar.objects.get(nama="Nurdin")  # 56 on the reference date: warned
    body = client.get(_url("pendaftar_detail", nurdin.pk)).content.decode()
    assert "usia 56 tahun" in body and PERINGATAN_55 in body
    # before a screening there is no warning to show yet, as for the other checks
    Pendaftar.objects.filter(pk=nurdin.pk).update(
        status_administrasi="belum", peringatan_usia_lebih_55=False
    )
    body = client.get(_url("pendaftar_detail", nurdin.pk)).content.decode()
    assert PERINGATAN_55 not in body


def test_api_pendaftar_filters_like_the_list_page(masuk, diseleksi, komisioner):
    client = masuk(komisioner)
    url = reverse("badan_adhoc-pendaftar-list")

    def nama(**params):
        data = client.get(url, {"rekrutmen": diseleksi.pk, **params}).json()
        return sorted(p["nama"] for p in data["results"])

    assert nama(alasan="usia_kurang") == sorted(
        Pendaftar.objects.filter(tms_usia_kurang=True).values_list("nama", flat=True)
    )
    assert nama(alasan="usia_lebih_55") == ["Nurdin"]  # the warning, as on the list page
    assert len(nama(status="ms")) == 9 and len(nama(status="tms")) == 10
    assert len(nama(alasan="bukan-kode")) == 19  # unknown values are ignored


def test_api_ringkasan_is_the_cached_summary_and_follows_writes(
    masuk, diseleksi, staf_teknis, komisioner
):
    url = reverse("badan_adhoc-rekrutmen-ringkasan", args=[diseleksi.pk])
    client = masuk(komisioner)
    data = client.get(url).json()
    assert (data["jumlah"], data["ms"], data["tms"], data["kursi"]) == (19, 9, 10, 42)
    assert data["peringatan"] == {"usia_lebih_55": 1}
    p = Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="ms").first()
    services.pendaftar_override(
        pendaftar=p, status="tms", alasan="Ijazah tidak dapat dibaca", pengguna=staf_teknis
    )
    data = client.get(url).json()
    assert (data["ms"], data["tms"]) == (8, 11)


def test_wilayah_page_counts_kelurahan_tps_dpt_and_party_members(masuk, wilayah_uji, komisioner):
    from badan_adhoc.services import anggota_parpol_import

    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    response = masuk(komisioner).get(_url("wilayah_list"))
    rekap = [
        (k.nama, k.jumlah_kelurahan, k.jumlah_tps, k.jumlah_dpt)
        for k in response.context["kecamatan_list"]
    ]
    assert rekap == [("Serang", 2, 5, 1405), ("Kasemen", 1, 1, 240)]
    assert response.context["jumlah_parpol"] == 3


def test_klarifikasi_decision_without_a_choice_says_why(masuk, diseleksi, staf_teknis):
    from badan_adhoc.services import klarifikasi_upload

    services.anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    p = Pendaftar.objects.get(nama="Maya Sari")
    k = klarifikasi_upload(
        pendaftar=p,
        berkas=SimpleUploadedFile("s.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        pengguna=staf_teknis,
    )
    response = masuk(staf_teknis).post(
        _url("klarifikasi_decide", k.pk), {"catatan": "x"}, follow=True
    )
    pesan = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Keputusan: ") for m in pesan), pesan
    k.refresh_from_db()
    assert k.status == "diajukan"


def test_pengumuman_lists_one_kecamatan_per_wilayah_without_unscreened(diseleksi):
    from badan_adhoc.models import Wilayah
    from badan_adhoc.selectors import pengumuman_grup

    kasemen = Wilayah.objects.get(kode="36.73.02")
    Pendaftar.objects.filter(nama="Nurdin").update(status_administrasi="belum")
    semua = pengumuman_grup(diseleksi, tahap="administrasi")
    nama = [p.nama for g in semua for p in g["rows"]]
    assert len(nama) == 18 and "Nurdin" not in nama
    assert [g["wilayah"].kode for g in semua] == sorted(g["wilayah"].kode for g in semua)
    serang = Wilayah.objects.get(kode="36.73.01")
    satu = pengumuman_grup(diseleksi, tahap="administrasi", kecamatan=serang.pk)
    assert len(satu) == 2 and all(g["wilayah"].induk_id == serang.pk for g in satu)
    assert pengumuman_grup(diseleksi, tahap="administrasi", kecamatan=kasemen.pk) == []
    assert pengumuman_grup(diseleksi, tahap="akhir") == []  # nobody ranked yet


def test_rekrutmen_form_creates_and_names_the_field_of_a_duplicate_code(
    masuk, wilayah_uji, staf_teknis
):
    from badan_adhoc.models import Rekrutmen

    data = {
        "kode": "pps-2029",
        "nama": "PPS Pemilu 2029",
        "jenis_badan": "pps",
        "pemilihan": "Pemilu 2029",
        "tanggal_acuan": "2028-01-17",
        "masa_kerja_mulai": "2028-01-17",
        "masa_kerja_selesai": "2029-04-04",
    }
    client = masuk(staf_teknis)
    form = client.get(_url("rekrutmen_create")).context["form"]
    tanggal = form["tanggal_acuan"].field.widget
    assert tanggal.input_type == "date" and "form-control" in tanggal.attrs["class"]
    assert "form-select" in form["jenis_badan"].field.widget.attrs["class"]
    response = client.post(_url("rekrutmen_create"), data)
    r = Rekrutmen.objects.get(kode="pps-2029")
    assert response.status_code == 302 and response["Location"] == _url("rekrutmen_detail", r.pk)
    assert (r.jenis_badan, r.kursi_per_satuan, r.pemilihan) == ("pps", 3, "Pemilu 2029")
    response = client.post(_url("rekrutmen_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["kode"] == ["Rekrutmen dengan Kode telah ada."]


def test_kpps_announcements_are_offered_for_every_kecamatan(masuk, diseleksi, komisioner):
    from badan_adhoc.models import Wilayah

    client = masuk(komisioner)
    body = client.get(_url("rekrutmen_detail", diseleksi.pk)).content.decode()
    for kec in Wilayah.objects.filter(jenis="kecamatan"):
        pdf = _url("pengumuman_pdf", diseleksi.pk)
        assert f"{pdf}?kecamatan={kec.pk}" in body
        assert f"{pdf}?tahap=akhir&amp;kecamatan={kec.pk}" in body
    kelurahan = Wilayah.objects.get(kode="36.73.01.1001")
    body = client.get(_url("peringkat", diseleksi.pk), {"wilayah": kelurahan.pk}).content.decode()
    assert f"?tahap=akhir&amp;kecamatan={kelurahan.induk_id}" in body


def test_import_pages_of_a_recruitment_name_it(masuk, rekrutmen_pps, staf_teknis):
    client = masuk(staf_teknis)
    for name, judul in (
        ("pendaftar_import", "Impor pendaftar – "),
        ("nilai_import", "Impor nilai tes tertulis / wawancara – "),
        ("rekrutmen_tahapan", "Jadwal"),
    ):
        response = client.get(_url(name, rekrutmen_pps.pk))
        body = response.content.decode()
        assert response.status_code == 200 and response.context["rekrutmen"] == rekrutmen_pps
        assert judul in body and _url("rekrutmen_detail", rekrutmen_pps.pk) in body, name
    assert client.get(_url("pendaftar_import", 99999)).status_code == 404


# --- party clarification only for applicants found in SIPOL (issue 16) -------------------------

PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
KARTU_KLARIFIKASI = "Klarifikasi keanggotaan partai politik"


def test_clarification_is_offered_only_to_applicants_found_in_sipol(masuk, diseleksi, staf_teknis):
    services.anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    client = masuk(staf_teknis)
    di_sipol = Pendaftar.objects.get(nama="Lukman Hakim")
    body = client.get(_url("pendaftar_detail", di_sipol.pk)).content.decode()
    assert KARTU_KLARIFIKASI in body
    assert _url("klarifikasi_upload", di_sipol.pk) in body
    assert "Unggah klarifikasi" in body

    lain = Pendaftar.objects.get(nik=NIK)
    body = client.get(_url("pendaftar_detail", lain.pk)).content.decode()
    assert KARTU_KLARIFIKASI not in body
    assert _url("klarifikasi_upload", lain.pk) not in body
    assert "tercantum dalam daftar anggota partai politik" not in body
    assert "Unggah klarifikasi" not in body


def test_clarification_post_for_an_applicant_not_in_sipol_is_refused_with_a_message(
    masuk, diseleksi, staf_teknis
):
    lain = Pendaftar.objects.get(nik=NIK)
    response = masuk(staf_teknis).post(
        _url("klarifikasi_upload", lain.pk),
        {"berkas": SimpleUploadedFile("s.pdf", PDF_KECIL), "keterangan": "Surat partai"},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        f"Pendaftar {lain.nama} tidak tercantum dalam daftar anggota partai politik (SIPOL); "
        "klarifikasi keanggotaan partai politik tidak diperlukan."
    ]
    assert not lain.klarifikasi.exists()


def test_klarifikasi_rejected_without_a_note_marks_the_note_field(masuk, diseleksi, staf_teknis):
    """Issue 16: "Tolak" without a note shows the message under the note field itself."""
    from badan_adhoc.services import klarifikasi_upload

    services.anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    p = Pendaftar.objects.get(nama="Maya Sari")
    k = klarifikasi_upload(
        pendaftar=p,
        berkas=SimpleUploadedFile("s.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        pengguna=staf_teknis,
    )
    response = masuk(staf_teknis).post(
        _url("klarifikasi_decide", k.pk), {"terima": "0", "catatan": ""}, follow=True
    )
    html = response.content.decode()
    masukan = re.search(rf'<input[^>]*id="catatan-klarifikasi-{k.pk}"[^>]*>', html).group(0)
    assert "is-invalid" in masukan and "autofocus" in masukan
    assert (
        f'<div id="catatan-klarifikasi-{k.pk}-galat" class="invalid-feedback">'
        "Tuliskan alasan penolakan.</div>"
    ) in html
    assert [str(m) for m in response.context["messages"]] == []
    k.refresh_from_db()
    assert k.status == "diajukan"
