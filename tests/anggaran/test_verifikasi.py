"""The Kasubag's verification of the IKPA data Keuangan enters (UP/TUP movements, SPM
dispensations): who may verify, a change clears it, the year lock, the audit entry, the page
button and the API action."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anggaran import services_up
from anggaran.models import DispensasiSpm, MutasiUp
from anggaran.services_verifikasi import verifikasi_set
from kinerja.models import KunciTahun
from kpu_site.models import JejakAudit

from .factories import mutasi_up_catat as catat

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis


@pytest.fixture
def up(dipa, staf_keuangan):
    return catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100, pengguna=staf_keuangan)


@pytest.fixture
def dispensasi(dipa):
    return services_up.dispensasi_create(
        pengguna=None,
        dokumen=dipa,
        nomor="S-07/KPPN/2023",
        tanggal=date(2023, 12, 27),
        jumlah_spm=2,
        alasan="SPM honor badan ad hoc terlambat",
    )


def test_kasubag_keuangan_verifies_and_the_audit_trail_says_so(up, kasubag_keuangan):
    assert not up.terverifikasi
    up = verifikasi_set(pengguna=kasubag_keuangan, obj=up)
    up.refresh_from_db()
    assert up.terverifikasi and up.diverifikasi_oleh == kasubag_keuangan
    jejak = JejakAudit.objects.filter(content_type__model="mutasiup").latest("pk")
    assert jejak.aksi == "alur" and jejak.pengguna == kasubag_keuangan
    assert jejak.keterangan == (
        f"Mutasi UP/TUP UP (uang persediaan) UP-01: diverifikasi oleh {kasubag_keuangan}"
    )
    assert jejak.perubahan["diverifikasi_oleh"] == [None, kasubag_keuangan.pk]
    # verifying again writes nothing
    jumlah = JejakAudit.objects.count()
    verifikasi_set(pengguna=kasubag_keuangan, obj=up)
    assert JejakAudit.objects.count() == jumlah


def test_sekretaris_takes_the_mark_back(up, kasubag_keuangan, sekretaris):
    verifikasi_set(pengguna=kasubag_keuangan, obj=up)
    verifikasi_set(pengguna=sekretaris, obj=up, verifikasi=False)
    up.refresh_from_db()
    assert not up.terverifikasi and up.diverifikasi_oleh is None


@pytest.mark.parametrize("siapa", ["staf_keuangan", "kasubag", "auditor", "komisioner"])
def test_only_the_kasubag_keuangan_and_sekretaris_verify(request, up, siapa):
    """Staf Keuangan enters but does not verify; the Kasubag of another sub-bagian does not."""
    with pytest.raises(PermissionDenied, match="Kasubag Keuangan atau Sekretaris"):
        verifikasi_set(pengguna=request.getfixturevalue(siapa), obj=up)
    up.refresh_from_db()
    assert not up.terverifikasi


def test_a_change_clears_the_verification(up, dispensasi, kasubag_keuangan, staf_keuangan):
    verifikasi_set(pengguna=kasubag_keuangan, obj=up)
    verifikasi_set(pengguna=kasubag_keuangan, obj=dispensasi)
    up.refresh_from_db()
    services_up.mutasi_up_update(
        pengguna=staf_keuangan,
        mutasi=up,
        jenis=up.jenis,
        nomor=up.nomor,
        tanggal=up.tanggal,
        nilai=up.nilai * 2,
        tup=None,
        batas_waktu=None,
        keterangan="",
    )
    services_up.dispensasi_update(
        pengguna=staf_keuangan,
        dispensasi=DispensasiSpm.objects.get(pk=dispensasi.pk),
        nomor=dispensasi.nomor,
        tanggal=dispensasi.tanggal,
        jumlah_spm=3,
        alasan=dispensasi.alasan,
    )
    assert not MutasiUp.objects.get(pk=up.pk).terverifikasi
    assert not DispensasiSpm.objects.get(pk=dispensasi.pk).terverifikasi


def test_a_locked_year_is_not_verified(up, kasubag_keuangan):
    KunciTahun.objects.create(tahun=2023)
    with pytest.raises(ValidationError):
        verifikasi_set(pengguna=kasubag_keuangan, obj=up)


def test_page_button(masuk, up, dispensasi, kasubag_keuangan, staf_keuangan):
    url = reverse("anggaran:mutasi_up_list", args=[up.dokumen_id])
    # the Staf sees that it waits, without a button
    halaman = masuk(staf_keuangan).get(url).content.decode()
    assert "Belum diverifikasi" in halaman
    assert reverse("anggaran:verifikasi", args=["mutasi-up", up.pk]) not in halaman
    klien = masuk(kasubag_keuangan)
    aksi = reverse("anggaran:verifikasi", args=["mutasi-up", up.pk])
    assert aksi in klien.get(url).content.decode()
    r = klien.post(aksi, {"verifikasi": "1", "next": url}, follow=True)
    assert r.redirect_chain[-1][0] == url
    halaman = r.content.decode()
    assert "Mutasi UP/TUP UP (uang persediaan) UP-01: diverifikasi." in halaman
    assert "✓ Diverifikasi" in halaman
    r = klien.post(reverse("anggaran:verifikasi", args=["dispensasi", dispensasi.pk]))
    assert r.url == reverse("anggaran:dispensasi_list", args=[up.dokumen_id])
    assert DispensasiSpm.objects.get(pk=dispensasi.pk).terverifikasi
    # an unknown kind is a 404; a staf is refused
    assert klien.post(reverse("anggaran:verifikasi", args=["pos", up.pk])).status_code == 404
    staf = masuk(staf_keuangan)
    assert staf.post(aksi, {"verifikasi": "0"}).status_code == 403
    assert MutasiUp.objects.get(pk=up.pk).terverifikasi


def test_api_action(client, up, kasubag_keuangan, staf_keuangan):
    url = reverse("anggaran-mutasiup-verifikasi", args=[up.pk])
    client.force_login(staf_keuangan)
    assert client.post(url, {}, content_type="application/json").status_code == 403
    client.force_login(kasubag_keuangan)
    r = client.post(url, {}, content_type="application/json")
    assert r.status_code == 200
    assert r.json()["terverifikasi"] is True
    assert r.json()["diverifikasi_oleh"] == str(kasubag_keuangan)
    r = client.post(url, {"verifikasi": False}, content_type="application/json")
    assert r.json()["terverifikasi"] is False and r.json()["diverifikasi_oleh"] is None
    lihat = client.get(reverse("anggaran-mutasiup-detail", args=[up.pk])).json()
    assert lihat["terverifikasi"] is False


def test_the_demo_entries_are_verified(unit_demo):
    """The demo (a closed year): every entry verified by the Kasubag Keuangan three days after
    its date (the last ones of December in January 2024)."""
    import io

    from anggaran import demo
    from anggaran.models import Kontrak, Tagihan
    from kpu_site.demo import akun_demo_create

    demo.muat(stdout=io.StringIO())
    akun_demo_create()
    demo.muat_akhir(stdout=io.StringIO())
    for model in (MutasiUp, DispensasiSpm, Kontrak, Tagihan):
        assert model.objects.exists()
        assert not model.objects.filter(diverifikasi_pada__isnull=True).exists(), model
        assert set(model.objects.values_list("diverifikasi_oleh__username", flat=True)) == {
            "kasubag.keuangan"
        }
    assert MutasiUp.objects.get(nomor="GUP-10").diverifikasi_pada.date().isoformat() == (
        "2023-11-09"
    )
    dispensasi = DispensasiSpm.objects.get()
    assert dispensasi.diverifikasi_pada.date().isoformat() == "2023-12-30"


def test_contracts_and_invoices(masuk, belanja, kasubag_keuangan, staf_keuangan):
    """An invoice verified from the contracts page goes back there; paying it (an SP2D date
    added by the Staf) clears the mark."""
    from anggaran import services_belanja
    from anggaran.models import Tagihan

    tagihan = Tagihan.objects.get(nomor="SEWA-TW3")
    klien = masuk(kasubag_keuangan)
    halaman = reverse("anggaran:kontrak_list", args=[belanja.pk])
    r = klien.post(reverse("anggaran:verifikasi", args=["tagihan", tagihan.pk]))
    assert r.url == halaman
    tagihan.refresh_from_db()
    assert tagihan.terverifikasi
    html = klien.get(halaman).content.decode()
    assert html.count("✓ Diverifikasi") == 1 and html.count("Belum diverifikasi") == 6
    services_belanja.tagihan_update(
        pengguna=staf_keuangan,
        tagihan=tagihan,
        nomor=tagihan.nomor,
        tanggal_bast=tagihan.tanggal_bast,
        tanggal_spm=date(2023, 10, 20),
        tanggal_sp2d=None,
        nilai=tagihan.nilai,
    )
    assert not Tagihan.objects.get(pk=tagihan.pk).terverifikasi
