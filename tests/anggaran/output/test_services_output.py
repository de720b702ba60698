"""RO output (issue 20, part 1): the volume target of an RO and its monthly output realisasi,
the capaian they give, every refusal with its message, who may do what, and the locks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anggaran import selectors, services, services_output
from anggaran.models import Pos, RealisasiOutput, VolumeRo
from kinerja.models import KunciTahun
from kpu_site.models import JejakAudit

from .dunia import KODE_RO, bulan_isi, target_set

pytestmark = pytest.mark.django_db


def _pesan(exc_info) -> dict[str, list[str]]:
    return exc_info.value.message_dict


# --- the figures ------------------------------------------------------------------------------


def test_capaian_of_an_ro_with_three_months_is_66_67(dipa, ro, sekretaris, staf_keuangan):
    """Target 6 Laporan; January 1, February 2, March 1 reported: 4 Laporan, 66,67%. April is
    a draft and May returned: shown, not counted."""
    target_set(ro, sekretaris)
    for bulan, volume in [(1, "1"), (2, "2"), (3, "1")]:
        bulan_isi(ro, staf_keuangan, bulan, volume)
    bulan_isi(ro, staf_keuangan, 4, "1", ajukan=False)
    mei = bulan_isi(ro, staf_keuangan, 5, "1")
    services_output.realisasi_output_return(
        pengguna=sekretaris, realisasi=mei, catatan="Bukti belum ada"
    )

    (baris,) = selectors.output_ro_list(dokumen=dipa)
    assert (baris.kode, baris.satuan, baris.target_teks) == (KODE_RO, "Laporan", "6 Laporan")
    assert [b.volume for b in baris.bulan[:5]] == [
        Decimal("1"),
        Decimal("2"),
        Decimal("1"),
        None,
        None,
    ]
    assert [b.realisasi.status for b in baris.bulan[3:5]] == ["draft", "dikembalikan"]
    assert baris.kumulatif == Decimal("4")
    assert baris.kumulatif_teks == "4 Laporan"
    assert baris.capaian == Decimal("66.67")
    assert [b.capaian for b in baris.bulan[:3]] == [
        Decimal("16.67"),
        Decimal("50.00"),
        Decimal("66.67"),
    ]
    # the month filter: to February
    (feb,) = selectors.output_ro_list(dokumen=dipa, sampai_bulan=2)
    assert (feb.kumulatif, feb.capaian) == (Decimal("3"), Decimal("50.00"))
    # pagu and realisasi anggaran of the RO's subtree (pohon_kecil: Rp 1.500.000, nothing spent)
    assert (baris.pagu, baris.realisasi, baris.serapan) == (Decimal("1500000"), 0, Decimal("0.00"))


def test_an_ro_without_target_has_no_capaian(dipa, ro):
    (baris,) = selectors.output_ro_list(dokumen=dipa)
    assert not baris.punya_target
    assert baris.capaian is None and baris.target_teks == ""


def test_realisasi_anggaran_of_the_ro_follows_the_month_filter(dipa, ro, sekretaris):
    akun = Pos.objects.get(dokumen=dipa, kode_lengkap=f"{KODE_RO}.051.A.521211")
    for nomor, tanggal in [("1", date(2023, 2, 10)), ("2", date(2023, 7, 10))]:
        services.realisasi_create(
            pengguna=sekretaris,
            akun=akun,
            tanggal=tanggal,
            nomor_sp2d=nomor,
            nilai=Decimal("300000"),
        )
    (juni,) = selectors.output_ro_list(dokumen=dipa, sampai_bulan=6)
    (des,) = selectors.output_ro_list(dokumen=dipa)
    assert (juni.realisasi, juni.serapan) == (Decimal("300000"), Decimal("20.00"))
    assert (des.realisasi, des.serapan) == (Decimal("600000"), Decimal("40.00"))


# --- volume target --------------------------------------------------------------------------------


def test_volume_ro_set_keeps_target_satuan_unit_and_projection(dipa, ro, staf_keuangan, unit_demo):
    rencana = ["0", "0", "1", "1", "2", "3", "3", "4", "4", "5", "5", "6"]
    obj = target_set(ro, staf_keuangan, unit=unit_demo["perencanaan"], rencana=rencana)
    ro.refresh_from_db()
    assert (ro.satuan, ro.unit) == ("Laporan", unit_demo["perencanaan"])
    assert obj.revisi == selectors.revisi_terakhir(dokumen=dipa)
    assert (obj.volume, obj.rencana) == (Decimal("6"), rencana)
    (baris,) = selectors.output_ro_list(dokumen=dipa)
    assert [b.rencana for b in baris.bulan][-3:] == [Decimal("5"), Decimal("5"), Decimal("6")]
    # setting it again changes the same row; each call is one audit entry
    target_set(ro, staf_keuangan, volume="8")
    assert VolumeRo.objects.get().volume == Decimal("8")
    jejak = JejakAudit.objects.filter(keterangan__startswith=f"Target volume RO {KODE_RO}")
    assert [j.aksi for j in jejak.order_by("waktu", "id")] == ["buat", "ubah"]


@pytest.mark.parametrize(
    ("kwargs", "field", "pesan"),
    [
        ({"volume": "0"}, "volume", "Target volume harus lebih dari 0."),
        ({"volume": "-2"}, "volume", "Target volume harus lebih dari 0."),
        ({"volume": "1.255"}, "volume", "Target volume paling banyak 2 angka desimal."),
        ({"satuan": "  "}, "satuan", "Satuan wajib diisi (mis. Laporan, Dokumen, Bulan Layanan)."),
        (
            {"volume": "13", "satuan": "Bulan Layanan"},
            "volume",
            "Target volume 13 Bulan Layanan melebihi 12 Bulan Layanan, batas satuan ini dalam "
            "setahun.",
        ),
        (
            {"volume": "120", "satuan": "Persen"},
            "volume",
            "Target volume 120 Persen melebihi 100 Persen, batas satuan ini dalam setahun.",
        ),
        (
            {"rencana": ["1"] * 11},
            "rencana",
            "Proyeksi harus berisi 12 angka (Januari–Desember) atau dikosongkan.",
        ),
        (
            {"rencana": ["0", "0", "1", "1", "2", "3", "2", "4", "4", "5", "5", "6"]},
            "rencana",
            "Proyeksi Juli (2) lebih kecil dari proyeksi Juni (3): proyeksi kumulatif tidak "
            "boleh turun.",
        ),
        (
            {"rencana": ["0", "0", "1", "1", "2", "3", "7", "7", "7", "7", "7", "7"]},
            "rencana",
            "Proyeksi Juli (7) melebihi target volume (6).",
        ),
        (
            {"rencana": ["-1"] + ["1"] * 11},
            "rencana",
            "Proyeksi Januari tidak boleh negatif.",
        ),
        (
            {"rencana": ["1", "1", "1", "1", None, "1", "1", "1", "1", "1", "1", "1"]},
            "rencana",
            "Proyeksi Mei kosong: isi proyeksi ke-12 bulan atau kosongkan semuanya.",
        ),
    ],
)
def test_volume_ro_set_refuses_with_a_message_naming_the_field(
    ro, sekretaris, kwargs, field, pesan
):
    with pytest.raises(ValidationError) as exc:
        target_set(ro, sekretaris, **kwargs)
    assert pesan in _pesan(exc)[field]
    assert not VolumeRo.objects.exists()


def test_volume_ro_set_refuses_a_unit_that_is_not_a_sub_bagian(ro, sekretaris, unit_demo):
    with pytest.raises(ValidationError) as exc:
        target_set(ro, sekretaris, unit=unit_demo["sekretariat"])
    assert _pesan(exc)["unit"] == [
        "Unit pengampu harus sub bagian (yang melaporkan realisasi outputnya)."
    ]


def test_volume_ro_set_only_on_an_ro_line(dipa, ro, sekretaris):
    kegiatan = Pos.objects.get(dokumen=dipa, tingkat="kegiatan")
    with pytest.raises(ValidationError) as exc:
        target_set(kegiatan, sekretaris)
    assert _pesan(exc)["ro"] == ["076.01.CQ.6709 adalah Kegiatan, bukan baris RO."]


def test_a_lower_target_may_not_leave_the_recorded_output_beyond_its_bound(
    ro, sekretaris, staf_keuangan
):
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "3")
    bulan_isi(ro, staf_keuangan, 2, "2")
    with pytest.raises(ValidationError) as exc:
        target_set(ro, sekretaris, volume="4")
    assert _pesan(exc)["volume"] == [
        "Realisasi output yang sudah tercatat (5 Laporan) tidak sesuai target ini: Realisasi "
        "kumulatif menjadi 5 Laporan, melebihi batas wajar 4,8 Laporan (120% dari target "
        "4 Laporan)."
    ]


def test_only_finance_and_the_sekretaris_set_targets(ro, staf, kasubag, komisioner, staf_keuangan):
    for user in (staf, kasubag, komisioner):
        with pytest.raises(PermissionDenied):
            target_set(ro, user)
    target_set(ro, staf_keuangan)


def test_a_revision_keeps_the_volume_targets(dipa, ro, sekretaris):
    rencana = ["0", "0", "1", "1", "2", "3", "3", "4", "4", "5", "5", "6"]
    awal = target_set(ro, sekretaris, rencana=rencana)
    detail = Pos.objects.filter(dokumen=dipa, tingkat="detail").first()
    revisi = services.revisi_create(
        pengguna=sekretaris,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="Revisi POK",
        perubahan=[services.PerubahanPagu(pos=detail, volume=Decimal("2"), harga=Decimal("1"))],
    )
    baru = VolumeRo.objects.get(revisi=revisi)
    assert (baru.ro, baru.volume, baru.rencana) == (ro, Decimal("6"), rencana)
    # a new target changes the latest revision only
    target_set(ro, sekretaris, volume="5", rencana=None)
    awal.refresh_from_db()
    assert awal.volume == Decimal("6")
    assert VolumeRo.objects.get(revisi=revisi).volume == Decimal("5")
    (lama,) = selectors.output_ro_list(dokumen=dipa, revisi=awal.revisi)
    (kini,) = selectors.output_ro_list(dokumen=dipa)
    assert (lama.target, kini.target) == (Decimal("6"), Decimal("5"))


# --- monthly realisasi: the rules ---------------------------------------------------------------


def test_a_month_needs_a_target_first(ro, staf_keuangan):
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 1, "1")
    assert _pesan(exc)["ro"] == [
        f"RO {KODE_RO} belum memiliki target volume; isi target volume RO terlebih dahulu."
    ]


@pytest.mark.parametrize(
    ("bulan", "volume", "tanggal", "field", "pesan"),
    [
        (13, "1", date(2023, 12, 5), "bulan", "Bulan harus 1 (Januari) sampai 12 (Desember)."),
        (0, "1", date(2023, 12, 5), "bulan", "Bulan harus 1 (Januari) sampai 12 (Desember)."),
        (3, "-1", date(2023, 4, 5), "volume", "Volume tidak boleh negatif."),
        (3, "0.125", date(2023, 4, 5), "volume", "Volume paling banyak 2 angka desimal."),
        (
            3,
            "1",
            date(2026, 11, 3),
            "tanggal_lapor",
            "Tanggal lapor 3 November 2026 belum terjadi (hari ini 2 November 2026).",
        ),
        (
            3,
            "1",
            date(2023, 2, 28),
            "tanggal_lapor",
            "Tanggal lapor tidak boleh sebelum 1 Maret 2023, awal bulan yang dilaporkan.",
        ),
        (
            3,
            "8",
            date(2023, 4, 5),
            "volume",
            "Realisasi kumulatif menjadi 8 Laporan, melebihi batas wajar 7,2 Laporan (120% dari "
            "target 6 Laporan).",
        ),
    ],
)
def test_realisasi_output_refuses_with_a_message_naming_the_field(
    ro, sekretaris, staf_keuangan, bulan, volume, tanggal, field, pesan
):
    target_set(ro, sekretaris)
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, bulan, volume, tanggal=tanggal)
    assert _pesan(exc)[field] == [pesan]
    assert not RealisasiOutput.objects.exists()


def test_the_bound_counts_the_other_months_of_the_year(ro, sekretaris, staf_keuangan):
    """4 + 3 in two months is 7 (within 7,2); one more makes 8."""
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "4")
    bulan_isi(ro, staf_keuangan, 6, "3", ajukan=False)  # a draft counts for the bound too
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 3, "1")
    assert _pesan(exc)["volume"] == [
        "Realisasi kumulatif menjadi 8 Laporan, melebihi batas wajar 7,2 Laporan (120% dari "
        "target 6 Laporan)."
    ]


def test_percent_units_are_bounded_by_100(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris, volume="100", satuan="Persen")
    bulan_isi(ro, staf_keuangan, 1, "60")
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 2, "41")
    assert _pesan(exc)["volume"] == [
        "Realisasi kumulatif menjadi 101 Persen, melebihi batas wajar 100 Persen."
    ]


def test_months_of_service_are_at_most_one_a_month_and_twelve_a_year(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris, volume="12", satuan="Bulan Layanan")
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 1, "2")
    assert _pesan(exc)["volume"] == [
        "Volume 2 Bulan Layanan dalam satu bulan melebihi batas wajar 1 Bulan Layanan per bulan."
    ]
    for bulan in range(1, 13):
        bulan_isi(ro, staf_keuangan, bulan, "1", ajukan=False)
    (baris,) = selectors.output_ro_list(dokumen=ro.dokumen)
    assert baris.kumulatif == 0  # drafts: nothing reported yet


def test_satuan_kinds():
    assert [
        services_output.satuan_jenis(s)
        for s in ("Persen", "%", "Bulan Layanan", "BLN", "bulan", "Laporan", "Dokumen")
    ] == ["persen", "persen", "bulan", "bulan", "bulan", "cacah", "cacah"]


def test_a_month_is_entered_once(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "1")
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 1, "1")
    assert _pesan(exc)["bulan"] == [
        "Realisasi output Januari 2023 untuk RO ini sudah ada; ubah data yang ada."
    ]


def test_evidence_link_must_be_a_web_address(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    with pytest.raises(ValidationError) as exc:
        bulan_isi(ro, staf_keuangan, 1, "1", tautan_bukti="javascript:alert(1)")
    assert _pesan(exc)["tautan_bukti"] == ["Tautan bukti harus alamat web lengkap (https://…)."]


# --- who -----------------------------------------------------------------------------------------


def test_the_unit_pengampu_enters_its_ro_and_another_unit_may_not(
    ro, sekretaris, staf, kasubag, staf_teknis, komisioner, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    bulan_isi(ro, staf, 1, "1")  # Staf Perencanaan: the unit pengampu
    for user in (staf_teknis, komisioner):
        with pytest.raises(PermissionDenied) as exc:
            bulan_isi(ro, user, 2, "1")
        assert str(exc.value) == (
            f"Realisasi output RO {KODE_RO} diisi oleh Sub Bagian Keuangan atau Sub Bagian "
            "Perencanaan, Data dan Informasi."
        )
    assert list(RealisasiOutput.objects.values_list("bulan", flat=True)) == [1]


def test_without_a_unit_pengampu_only_finance_enters(ro, sekretaris, staf, staf_keuangan):
    target_set(ro, sekretaris)
    with pytest.raises(PermissionDenied):
        bulan_isi(ro, staf, 1, "1")
    bulan_isi(ro, staf_keuangan, 1, "1")


def test_workflow_submit_verify_return(
    ro, sekretaris, staf, kasubag, kasubag_keuangan, staf_keuangan, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    r = bulan_isi(ro, staf, 1, "1", ajukan=False)
    assert services_output.realisasi_output_aksi_boleh(pengguna=staf, realisasi=r) == {
        "ubah",
        "ajukan",
    }
    r = services_output.realisasi_output_submit(pengguna=staf, realisasi=r)
    assert r.status == "diajukan"
    # submitted: no more changes by the one who entered it
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services_output.realisasi_output_update(
            pengguna=staf, realisasi=r, volume=Decimal("2"), tanggal_lapor=date(2023, 2, 5)
        )
    # the Kasubag of the unit pengampu and a Staf Keuangan do not verify: the Kasubag Keuangan
    for user in (kasubag, staf_keuangan, staf):
        with pytest.raises(PermissionDenied) as exc:
            services_output.realisasi_output_verify(pengguna=user, realisasi=r)
        assert str(exc.value) == (
            "Realisasi output RO diverifikasi oleh Kasubag Keuangan atau Sekretaris."
        )
    aksi = services_output.realisasi_output_aksi_boleh(pengguna=kasubag_keuangan, realisasi=r)
    assert aksi == {"verifikasi", "kembalikan"}
    with pytest.raises(ValidationError) as exc:
        services_output.realisasi_output_return(pengguna=kasubag_keuangan, realisasi=r, catatan=" ")
    assert _pesan(exc)["catatan"] == ["Tulis catatan alasan pengembalian."]
    r = services_output.realisasi_output_return(
        pengguna=kasubag_keuangan, realisasi=r, catatan="Lampirkan laporannya"
    )
    assert (r.status, r.catatan_verifikasi) == ("dikembalikan", "Lampirkan laporannya")
    r = services_output.realisasi_output_update(
        pengguna=staf,
        realisasi=r,
        volume=Decimal("1"),
        tanggal_lapor=date(2023, 2, 6),
        tautan_bukti="https://drive.kpu.go.id/laporan-januari",
    )
    r = services_output.realisasi_output_submit(pengguna=staf, realisasi=r)
    r = services_output.realisasi_output_verify(
        pengguna=kasubag_keuangan, realisasi=r, catatan="Sesuai"
    )
    assert (r.status, r.diverifikasi_oleh, r.catatan_verifikasi) == (
        "diverifikasi",
        kasubag_keuangan,
        "Sesuai",
    )
    # a verified month goes back only by the Sekretaris
    with pytest.raises(PermissionDenied):
        services_output.realisasi_output_return(
            pengguna=kasubag_keuangan, realisasi=r, catatan="Ulangi"
        )
    r = services_output.realisasi_output_return(pengguna=sekretaris, realisasi=r, catatan="Ulangi")
    assert r.status == "dikembalikan" and r.diverifikasi_oleh is None
    # every step is one audit entry of the workflow
    alur = JejakAudit.objects.filter(aksi="alur", object_id=str(r.pk)).order_by("waktu", "id")
    assert [j.keterangan.split(". ", 1)[1].split(" ")[0] for j in alur] == [
        "Diajukan",
        "Dikembalikan",
        "Diajukan",
        "Diverifikasi",
        "Dikembalikan",
    ]


def test_only_a_submitted_month_is_verified(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    r = bulan_isi(ro, staf_keuangan, 1, "1", ajukan=False)
    with pytest.raises(ValidationError) as exc:
        services_output.realisasi_output_verify(pengguna=sekretaris, realisasi=r)
    assert exc.value.messages == [
        "Hanya realisasi output yang diajukan yang dapat diverifikasi (status sekarang: Draft)."
    ]


# --- locks ------------------------------------------------------------------------------------


def test_a_locked_year_refuses_targets_months_and_steps(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    r = bulan_isi(ro, staf_keuangan, 1, "1", ajukan=False)
    KunciTahun.objects.create(tahun=2023)
    pesan = "Tahun 2023 sudah dikunci"
    with pytest.raises(ValidationError, match=pesan):
        target_set(ro, sekretaris, volume="7")
    with pytest.raises(ValidationError, match=pesan):
        bulan_isi(ro, staf_keuangan, 2, "1")
    with pytest.raises(ValidationError, match=pesan):
        services_output.realisasi_output_submit(pengguna=staf_keuangan, realisasi=r)
    assert services_output.realisasi_output_aksi_boleh(pengguna=sekretaris, realisasi=r) == set()


def test_a_locked_document_refuses_every_write(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    r = bulan_isi(ro, staf_keuangan, 1, "1")
    services.dokumen_lock(dokumen=dipa, pengguna=sekretaris)
    with pytest.raises(ValidationError, match="dikunci oleh Sekretaris"):
        services_output.realisasi_output_verify(pengguna=sekretaris, realisasi=r)
    with pytest.raises(ValidationError, match="dikunci oleh Sekretaris"):
        bulan_isi(ro, staf_keuangan, 2, "1")
    assert RealisasiOutput.objects.get().status == "diajukan"


def test_a_step_out_of_order_is_refused_with_the_status(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    draft = bulan_isi(ro, staf_keuangan, 1, "1", ajukan=False)
    with pytest.raises(ValidationError) as exc:
        services_output.realisasi_output_return(pengguna=sekretaris, realisasi=draft, catatan="x")
    assert exc.value.messages == ["Realisasi output berstatus 'Draft' tidak dapat dikembalikan."]
    diajukan = bulan_isi(ro, staf_keuangan, 2, "1")
    with pytest.raises(ValidationError) as exc:
        services_output.realisasi_output_submit(pengguna=staf_keuangan, realisasi=diajukan)
    assert exc.value.messages == [
        "Realisasi output berstatus 'Diajukan ke Kasubag' tidak dapat diajukan lagi."
    ]
