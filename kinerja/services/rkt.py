"""The Rencana Kinerja Tahunan (RKT): compose the draft of a year from the Renstra covering it,
change a row's target (a target other than the Renstra's needs the row's reason), set it
(ditetapkan: frozen; Sekretaris/Admin only), start a revision with a reason (a copy).

Who writes: the Sekretaris, Admin and the Sub Bagian Perencanaan (``pastikan_perencana``).
The year lock (``KunciTahun``) covers every write; each goes into the history and the audit
trail. A refused write changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.batas import batas_field_periksa, tahun_pastikan
from kpu_site.formatting import angka, tanggal
from kpu_site.peran import is_pimpinan

from ..model_rkt import RencanaKinerjaTahunan, RKTBaris
from ..models import TargetTahunan
from ..selectors import kinerja_tahun_lock, renstra_untuk_tahun
from ._dasar import (
    boleh_kelola_perencanaan,
    pastikan_perencana,
    revisi_berikut,
    revisi_berlakukan,
    revisi_pastikan_draft,
    target_pasangan_periksa,
)

Status = RencanaKinerjaTahunan.Status


def _pastikan_tahun_terbuka(tahun: int) -> None:
    if kinerja_tahun_lock(tahun):
        raise ValidationError(
            {"tahun": f"Tahun {tahun} sudah dikunci; RKT tahun itu tidak dapat diubah."}
        )


def _pastikan_draft(rkt: RencanaKinerjaTahunan) -> None:
    revisi_pastikan_draft(rkt, jenis="RKT")


def boleh_tetapkan_rkt(pengguna) -> bool:
    """Only the Sekretaris (or Admin) sets an RKT."""
    return is_pimpinan(pengguna)


def rkt_aksi_boleh(*, rkt: RencanaKinerjaTahunan, pengguna, ada_draft: bool) -> frozenset[str]:
    """What ``pengguna`` may do with ``rkt`` now, as the services below decide it: ``ubah``
    (rows of a draft), ``tetapkan`` (a draft), ``perubahan`` (start a revision of the
    ditetapkan RKT when no draft exists). The page shows these buttons."""
    if not boleh_kelola_perencanaan(pengguna) or kinerja_tahun_lock(rkt.tahun):
        return frozenset()
    aksi = set()
    if rkt.status == Status.DRAFT:
        aksi.add("ubah")
        if boleh_tetapkan_rkt(pengguna):
            aksi.add("tetapkan")
    elif rkt.status == Status.DITETAPKAN and not ada_draft:
        aksi.add("perubahan")
    return frozenset(aksi)


@transaction.atomic
def rkt_create(*, tahun: int, pengguna) -> RencanaKinerjaTahunan:
    """The draft RKT of the year (revision 0): one row per indikator with a Renstra target of
    the year, the RKT target equal to the Renstra's until changed."""
    pastikan_perencana(pengguna)
    tahun_pastikan(tahun)
    _pastikan_tahun_terbuka(tahun)
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        raise ValidationError({"tahun": f"Belum ada Renstra yang mencakup tahun {tahun}."})
    if RencanaKinerjaTahunan.objects.filter(tahun=tahun).exists():
        raise ValidationError(
            {"tahun": f"RKT {tahun} sudah ada; ubah draftnya atau buat RKT perubahan."}
        )
    targets = list(
        TargetTahunan.objects.filter(tahun=tahun, indikator__sasaran__tujuan__renstra=renstra)
    )
    if not targets:
        raise ValidationError(
            {"tahun": f"{renstra} belum memuat target indikator untuk tahun {tahun}."}
        )
    rkt = RencanaKinerjaTahunan(tahun=tahun, revisi=0, dibuat_oleh=pengguna)
    rkt._history_user = pengguna
    rkt._change_reason = f"Disusun dari {renstra}"
    rkt.save()
    RKTBaris.objects.bulk_create(
        [
            RKTBaris(
                rkt=rkt,
                indikator_id=t.indikator_id,
                target=t.target,
                target_atas=t.target_atas,
                target_renstra=t.target,
                target_renstra_atas=t.target_atas,
            )
            for t in targets
        ]
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=rkt,
        ringkasan=f"Draft RKT {tahun} disusun dari {renstra} dengan {angka(len(targets))} "
        "indikator.",
    )
    return rkt


@transaction.atomic
def rkt_baris_update(
    *, baris: RKTBaris, pengguna, target, target_atas=None, alasan_perubahan: str = ""
) -> RKTBaris:
    """Change the target of a row of a draft RKT. A target other than the Renstra's needs the
    reason of the change (``alasan_perubahan``)."""
    pastikan_perencana(pengguna)
    baris = RKTBaris.objects.select_related("rkt", "indikator").select_for_update().get(pk=baris.pk)
    _pastikan_tahun_terbuka(baris.rkt.tahun)
    _pastikan_draft(baris.rkt)
    lama = (baris.target, baris.target_atas)
    target, target_atas = target_pasangan_periksa(
        indikator=baris.indikator, target=target, target_atas=target_atas
    )
    alasan = (alasan_perubahan or "").strip()
    if pesan := batas_field_periksa(RKTBaris._meta.get_field("alasan_perubahan"), alasan):
        raise ValidationError({"alasan_perubahan": pesan})
    beda = target != baris.target_renstra or target_atas != baris.target_renstra_atas
    if beda and not alasan:
        raise ValidationError(
            {
                "alasan_perubahan": f"Target {baris.indikator.kode} berbeda dari target Renstra "
                f"({baris.indikator.nilai_teks(baris.target_renstra)}); alasan perubahan wajib "
                "diisi."
            }
        )
    baris.target, baris.target_atas = target, target_atas
    baris.alasan_perubahan = alasan if beda else ""
    baris._history_user = pengguna
    baris._change_reason = (alasan or "Target RKT diubah")[:100]
    baris.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=baris.rkt,
        ringkasan=f"{baris.rkt}: target {baris.indikator.kode} diubah.",
        perubahan={
            "target": [
                baris.indikator.nilai_teks(lama[0]),
                baris.indikator.nilai_teks(baris.target),
            ],
            "alasan_perubahan": baris.alasan_perubahan or "–",
        },
    )
    return baris


@transaction.atomic
def rkt_tetapkan(
    *,
    rkt: RencanaKinerjaTahunan,
    pengguna,
    nomor: str,
    tanggal_penetapan: dt.date | None,
    tempat: str,
) -> RencanaKinerjaTahunan:
    """Set the draft RKT (frozen from now on); an earlier ditetapkan revision becomes
    'diganti'."""
    if not boleh_tetapkan_rkt(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat menetapkan RKT.")
    rkt = RencanaKinerjaTahunan.objects.select_for_update().get(pk=rkt.pk)
    _pastikan_tahun_terbuka(rkt.tahun)
    _pastikan_draft(rkt)
    nomor, tempat = (nomor or "").strip(), (tempat or "").strip()
    if not nomor:
        raise ValidationError({"nomor": "Nomor penetapan RKT wajib diisi."})
    if not tempat:
        raise ValidationError({"tempat": "Tempat penetapan RKT wajib diisi."})
    if tanggal_penetapan is None:
        raise ValidationError({"tanggal": "Tanggal penetapan RKT wajib diisi."})
    tahun_pastikan(tanggal_penetapan.year, "tanggal")
    if tanggal_penetapan.year > rkt.tahun:
        raise ValidationError(
            {
                "tanggal": f"Tanggal penetapan {tanggal_penetapan:%d-%m-%Y} sesudah tahun {rkt.tahun}."
            }
        )
    for kolom, nilai in (("nomor", nomor), ("tempat", tempat)):
        if pesan := batas_field_periksa(RencanaKinerjaTahunan._meta.get_field(kolom), nilai):
            raise ValidationError({kolom: pesan})
    if not rkt.baris.exists():
        raise ValidationError("RKT belum memiliki baris indikator.")
    rkt.nomor, rkt.tempat, rkt.tanggal = nomor, tempat, tanggal_penetapan
    rkt._history_user = pengguna
    rkt._change_reason = "Ditetapkan"
    revisi_berlakukan(
        rkt,
        sejenis=RencanaKinerjaTahunan.objects.filter(tahun=rkt.tahun),
        berlaku=Status.DITETAPKAN,
        pengguna=pengguna,
        kolom_oleh="ditetapkan_oleh",
        kolom_pada="ditetapkan_pada",
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rkt,
        ringkasan=f"{rkt} ditetapkan dengan nomor {nomor} di {tempat}, "
        f"{tanggal(tanggal_penetapan)}.",
    )
    return rkt


@transaction.atomic
def rkt_perubahan_create(
    *, rkt: RencanaKinerjaTahunan, pengguna, alasan: str
) -> RencanaKinerjaTahunan:
    """Start an RKT perubahan: a new draft revision copied from the ditetapkan one."""
    pastikan_perencana(pengguna)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan_perubahan": "Alasan perubahan RKT wajib diisi."})
    if pesan := batas_field_periksa(
        RencanaKinerjaTahunan._meta.get_field("alasan_perubahan"), alasan
    ):
        raise ValidationError({"alasan_perubahan": pesan})
    rkt = RencanaKinerjaTahunan.objects.select_for_update().get(pk=rkt.pk)
    _pastikan_tahun_terbuka(rkt.tahun)
    if rkt.status != Status.DITETAPKAN:
        raise ValidationError("RKT perubahan hanya dapat dibuat dari RKT yang sudah ditetapkan.")
    if RencanaKinerjaTahunan.objects.filter(tahun=rkt.tahun, status=Status.DRAFT).exists():
        raise ValidationError(f"Sudah ada draft perubahan RKT {rkt.tahun}.")
    revisi = revisi_berikut(RencanaKinerjaTahunan.objects.filter(tahun=rkt.tahun))
    baru = RencanaKinerjaTahunan(
        tahun=rkt.tahun,
        revisi=revisi,
        alasan_perubahan=alasan,
        tempat=rkt.tempat,
        dibuat_oleh=pengguna,
    )
    baru._history_user = pengguna
    baru._change_reason = alasan[:100]
    baru.save()
    RKTBaris.objects.bulk_create(
        [
            RKTBaris(
                rkt=baru,
                indikator_id=b.indikator_id,
                target=b.target,
                target_atas=b.target_atas,
                target_renstra=b.target_renstra,
                target_renstra_atas=b.target_renstra_atas,
                alasan_perubahan=b.alasan_perubahan,
            )
            for b in rkt.baris.all()
        ]
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=baru,
        ringkasan=f"Perubahan RKT {rkt.tahun} ke-{revisi}: {alasan}",
    )
    return baru
