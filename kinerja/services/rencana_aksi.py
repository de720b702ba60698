"""Rencana Aksi (quarterly targets and actions per PK line) and its quarterly monitoring.

Who writes: the Kasubag of the responsible sub-bagian drafts the Rencana Aksi of their lines;
the Sekretaris and the Sub Bagian Perencanaan write every line. Only the Sekretaris signs a
monitoring report; a signed report is frozen, a change is a new revision with a reason. The
year lock (``KunciTahun``) covers all of it; every write goes into the audit trail.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.batas import batas_field_periksa, tahun_pastikan
from kpu_site.peran import Peran, is_pimpinan, peran_of

from ..model_rencana_aksi import Triwulan
from ..models import (
    AksiRencana,
    MonitoringBaris,
    MonitoringRencanaAksi,
    PerjanjianKinerja,
    PKBaris,
    RencanaAksi,
)
from ..selectors import kinerja_tahun_lock
from ..selectors_rencana_aksi import (
    monitoring_baris_hitung,
    monitoring_belum_lengkap,
    rencana_aksi_tahun,
)
from ._dasar import boleh_kelola_perencanaan, nilai_periksa

TRIWULAN_LABEL = dict(Triwulan.choices)


def _pastikan_tahun_terbuka(tahun: int) -> None:
    if kinerja_tahun_lock(tahun):
        raise ValidationError(
            {
                "tahun": f"Tahun {tahun} sudah dikunci; rencana aksi dan monitoringnya tidak "
                "dapat diubah."
            }
        )


def boleh_tulis_rencana_aksi(pengguna, unit) -> bool:
    """Sekretaris/Admin and Perencanaan: every line; a Kasubag: the lines of their unit."""
    if boleh_kelola_perencanaan(pengguna):
        return True
    return (
        peran_of(pengguna) == Peran.KASUBAG
        and unit is not None
        and pengguna.unit_id == getattr(unit, "pk", unit)
    )


def rencana_aksi_aksi_boleh(*, perjanjian: PerjanjianKinerja, unit, pengguna) -> frozenset[str]:
    """What ``pengguna`` may do with the Rencana Aksi of a line of ``perjanjian`` held by
    ``unit``, as the services below decide it: ``ubah`` (targets, unit, actions). Nothing on
    a replaced PK or a locked year. The pages show these buttons."""
    if (
        perjanjian is None
        or perjanjian.status == PerjanjianKinerja.Status.DIGANTI
        or not boleh_tulis_rencana_aksi(pengguna, unit)
        or kinerja_tahun_lock(perjanjian.tahun)
    ):
        return frozenset()
    return frozenset({"ubah"})


def rencana_aksi_baris_boleh(*, perjanjian: PerjanjianKinerja | None, baris: list, pengguna):
    """The lines of ``baris`` (``BarisRencanaAksi``) whose Rencana Aksi ``pengguna`` may edit
    now: ``rencana_aksi_aksi_boleh`` for each, reading the year lock once."""
    if (
        perjanjian is None
        or perjanjian.status == PerjanjianKinerja.Status.DIGANTI
        or kinerja_tahun_lock(perjanjian.tahun)
    ):
        return []
    return [b for b in baris if boleh_tulis_rencana_aksi(pengguna, b.unit)]


def monitoring_aksi_boleh(
    *, tahun: int, monitoring: MonitoringRencanaAksi | None, pengguna, ada_perjanjian: bool
) -> frozenset[str]:
    """What ``pengguna`` may do with the monitoring of a quarter now: ``buat`` (no report yet),
    ``ubah`` (lines of a draft; per line ``monitoring_baris_boleh``), ``tandatangani`` (a
    draft, Sekretaris), ``perubahan`` (a signed report with no draft revision yet)."""
    if kinerja_tahun_lock(tahun):
        return frozenset()
    perencana = boleh_kelola_perencanaan(pengguna)
    aksi = set()
    if monitoring is None:
        if perencana and ada_perjanjian:
            aksi.add("buat")
    elif monitoring.status == MonitoringRencanaAksi.Status.DRAFT:
        if perencana or peran_of(pengguna) == Peran.KASUBAG:
            aksi.add("ubah")
        if is_pimpinan(pengguna):
            aksi.add("tandatangani")
    elif (
        monitoring.status == MonitoringRencanaAksi.Status.DITANDATANGANI
        and perencana
        and not MonitoringRencanaAksi.objects.filter(
            tahun=monitoring.tahun,
            triwulan=monitoring.triwulan,
            status=MonitoringRencanaAksi.Status.DRAFT,
        ).exists()
    ):
        aksi.add("perubahan")
    return frozenset(aksi)


def monitoring_baris_boleh(*, baris: MonitoringBaris, pengguna) -> bool:
    """May ``pengguna`` edit this line of a draft report (``monitoring_baris_update``)?"""
    return boleh_tulis_rencana_aksi(pengguna, baris.indikator.sasaran.unit)


def _pastikan_penulis(pengguna, unit, kode: str) -> None:
    if not boleh_tulis_rencana_aksi(pengguna, unit):
        raise PermissionDenied(
            f"Rencana aksi {kode} disusun oleh Kasubag {unit}, Sub Bagian Perencanaan, atau "
            "Sekretaris."
        )


def _pastikan_baris_berlaku(baris: PKBaris) -> None:
    if baris.perjanjian.status == PerjanjianKinerja.Status.DIGANTI:
        raise ValidationError(
            {
                "baris": f"{baris.perjanjian} sudah diganti revisi berikutnya; susun rencana aksi "
                "pada PK yang berlaku."
            }
        )


@transaction.atomic
def rencana_aksi_simpan(
    *,
    baris: PKBaris,
    pengguna,
    unit=None,
    target_tw1=None,
    target_tw2=None,
    target_tw3=None,
    target_tw4=None,
) -> RencanaAksi:
    """Create or update the Rencana Aksi of a PK line: quarterly targets and the unit."""
    baris = PKBaris.objects.select_related(
        "perjanjian", "indikator", "indikator__sasaran__unit"
    ).get(pk=baris.pk)
    ind = baris.indikator
    lama = RencanaAksi.objects.select_for_update().filter(baris=baris).first()
    unit = unit or (lama.unit if lama else ind.sasaran.unit)
    _pastikan_penulis(pengguna, lama.unit if lama else ind.sasaran.unit, ind.kode)
    _pastikan_penulis(pengguna, unit, ind.kode)
    _pastikan_baris_berlaku(baris)
    _pastikan_tahun_terbuka(baris.perjanjian.tahun)
    kesalahan, target = {}, {}
    for tw, nilai in (
        ("tw1", target_tw1),
        ("tw2", target_tw2),
        ("tw3", target_tw3),
        ("tw4", target_tw4),
    ):
        label = f"target {TRIWULAN_LABEL[tw]}"
        try:
            target[f"target_{tw}"] = nilai_periksa(indikator=ind, nilai=nilai, label=label)
        except ValidationError as e:
            # nilai_periksa capitalises the whole label; keep "TW I" as written
            judul = label[0].upper() + label[1:]
            kesalahan[f"target_{tw}"] = [m.replace(label.capitalize(), judul) for m in e.messages]
    if kesalahan:
        raise ValidationError(kesalahan)
    obj = lama or RencanaAksi(baris=baris)
    obj.unit = unit
    for kolom, nilai in target.items():
        setattr(obj, kolom, nilai)
    obj.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah" if lama else "buat",
        objek=obj,
        ringkasan=f"Rencana aksi {ind.kode} {baris.perjanjian.tahun} disimpan "
        f"(penanggung jawab {unit}).",
    )
    return obj


@transaction.atomic
def aksi_tambah(*, rencana: RencanaAksi, pengguna, triwulan: str, uraian: str) -> AksiRencana:
    """Add an action to a Rencana Aksi, planned in one quarter."""
    rencana = RencanaAksi.objects.select_related("baris__perjanjian", "baris__indikator").get(
        pk=rencana.pk
    )
    _pastikan_penulis(pengguna, rencana.unit, rencana.baris.indikator.kode)
    _pastikan_baris_berlaku(rencana.baris)
    _pastikan_tahun_terbuka(rencana.tahun)
    kesalahan = {}
    if triwulan not in TRIWULAN_LABEL:
        kesalahan["triwulan"] = f"Triwulan '{triwulan}' tidak dikenal (tw1–tw4)."
    uraian = (uraian or "").strip()
    if not uraian:
        kesalahan["uraian"] = "Uraian aksi wajib diisi."
    elif pesan := batas_field_periksa(AksiRencana._meta.get_field("uraian"), uraian):
        kesalahan["uraian"] = f"Uraian aksi: {pesan}"
    if kesalahan:
        raise ValidationError(kesalahan)
    aksi = AksiRencana.objects.create(rencana=rencana, triwulan=triwulan, uraian=uraian)
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=aksi,
        ringkasan=f"Aksi {TRIWULAN_LABEL[triwulan]} ditambahkan pada {rencana}.",
    )
    return aksi


@transaction.atomic
def aksi_hapus(*, aksi: AksiRencana, pengguna) -> None:
    aksi = AksiRencana.objects.select_related(
        "rencana__baris__perjanjian", "rencana__baris__indikator", "rencana__unit"
    ).get(pk=aksi.pk)
    rencana = aksi.rencana
    _pastikan_penulis(pengguna, rencana.unit, rencana.baris.indikator.kode)
    _pastikan_baris_berlaku(rencana.baris)
    _pastikan_tahun_terbuka(rencana.tahun)
    jejak_catat(pengguna=pengguna, aksi="hapus", objek=aksi, ringkasan=f"Aksi dihapus: {aksi}")
    aksi.delete()


# --------------------------------------------------------------------------- monitoring


def _pastikan_triwulan(triwulan: str) -> None:
    if triwulan not in TRIWULAN_LABEL:
        raise ValidationError({"triwulan": f"Triwulan '{triwulan}' tidak dikenal (tw1–tw4)."})


@transaction.atomic
def monitoring_buat(*, tahun: int, triwulan: str, pengguna) -> MonitoringRencanaAksi:
    """A draft monitoring report of the quarter, one line per line of the PK in force; its
    kendala and tindak lanjut start from the quarterly realisasi's kendala and solusi."""
    if not boleh_kelola_perencanaan(pengguna):
        raise PermissionDenied(
            "Monitoring rencana aksi dibuat oleh Sekretaris atau Sub Bagian Perencanaan."
        )
    tahun_pastikan(tahun)
    _pastikan_triwulan(triwulan)
    _pastikan_tahun_terbuka(tahun)
    perjanjian, rencana_baris = rencana_aksi_tahun(tahun=tahun)
    if perjanjian is None:
        raise ValidationError({"tahun": f"Belum ada Perjanjian Kinerja tahun {tahun}."})
    if MonitoringRencanaAksi.objects.filter(tahun=tahun, triwulan=triwulan).exists():
        raise ValidationError(
            {
                "triwulan": f"Monitoring {TRIWULAN_LABEL[triwulan]} {tahun} sudah ada; ubah "
                "draftnya atau buat perubahan."
            }
        )
    monitoring = MonitoringRencanaAksi.objects.create(
        tahun=tahun, triwulan=triwulan, dibuat_oleh=pengguna
    )
    from ..selectors_rencana_aksi import realisasi_triwulan_map

    realisasi = realisasi_triwulan_map(tahun=tahun, triwulan=triwulan)
    MonitoringBaris.objects.bulk_create(
        [
            MonitoringBaris(
                monitoring=monitoring,
                indikator=rb.indikator,
                aksi_terlaksana="\n".join(a.uraian for a in rb.aksi if a.triwulan == triwulan),
                kendala=getattr(realisasi.get(rb.indikator.pk), "kendala", ""),
                tindak_lanjut=getattr(realisasi.get(rb.indikator.pk), "solusi", ""),
            )
            for rb in rencana_baris
        ]
    )
    jejak_catat(pengguna=pengguna, aksi="buat", objek=monitoring, ringkasan=f"{monitoring} dibuat.")
    return monitoring


def _pastikan_draft(monitoring: MonitoringRencanaAksi) -> None:
    if monitoring.status != MonitoringRencanaAksi.Status.DRAFT:
        raise ValidationError(
            f"{monitoring} sudah {monitoring.get_status_display().lower()} dan dibekukan; "
            "buat perubahan dengan alasan untuk mengubahnya."
        )


MONITORING_KOLOM = ("aksi_terlaksana", "kendala", "tindak_lanjut")


@transaction.atomic
def monitoring_baris_update(*, baris: MonitoringBaris, pengguna, **data) -> MonitoringBaris:
    """Edit the actions done, problems and follow-up of one line of a draft report."""
    baris = (
        MonitoringBaris.objects.select_for_update()
        .select_related("monitoring", "indikator__sasaran__unit")
        .get(pk=baris.pk)
    )
    _pastikan_penulis(pengguna, baris.indikator.sasaran.unit, baris.indikator.kode)
    _pastikan_tahun_terbuka(baris.monitoring.tahun)
    _pastikan_draft(baris.monitoring)
    kesalahan = {}
    for kolom, nilai in data.items():
        if kolom not in MONITORING_KOLOM:
            kesalahan[kolom] = "Kolom ini tidak dapat diubah."
            continue
        nilai = (nilai or "").strip()
        if pesan := batas_field_periksa(MonitoringBaris._meta.get_field(kolom), nilai):
            kesalahan[kolom] = f"{MonitoringBaris._meta.get_field(kolom).verbose_name}: {pesan}"
        setattr(baris, kolom, nilai)
    if kesalahan:
        raise ValidationError(kesalahan)
    baris.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=baris,
        ringkasan=f"Baris {baris.indikator.kode} {baris.monitoring} diubah.",
    )
    return baris


@transaction.atomic
def monitoring_tandatangani(*, monitoring: MonitoringRencanaAksi, pengguna):
    """Record the report as signed by the Sekretaris: refused while a quarter's realisasi is not
    verified; the figures are kept; an earlier signed revision becomes 'diganti'."""
    if not is_pimpinan(pengguna):
        raise PermissionDenied(
            "Hanya Sekretaris yang dapat menandatangani monitoring rencana aksi."
        )
    monitoring = MonitoringRencanaAksi.objects.select_for_update().get(pk=monitoring.pk)
    _pastikan_draft(monitoring)
    _pastikan_tahun_terbuka(monitoring.tahun)
    hitung = monitoring_baris_hitung(
        tahun=monitoring.tahun, triwulan=monitoring.triwulan, monitoring=monitoring
    )
    if kurang := monitoring_belum_lengkap(baris=hitung):
        raise ValidationError(
            f"{monitoring} belum lengkap: realisasi {monitoring.get_triwulan_display()} "
            f"{', '.join(kurang)} belum diisi atau belum diverifikasi."
        )
    per_indikator = {b.indikator.pk: b for b in hitung}
    for mb in monitoring.baris.select_for_update():
        b = per_indikator.get(mb.indikator_id)
        mb.target, mb.realisasi = (b.target, b.realisasi) if b else (None, None)
        mb.save()
    for lama in MonitoringRencanaAksi.objects.select_for_update().filter(
        tahun=monitoring.tahun,
        triwulan=monitoring.triwulan,
        status=MonitoringRencanaAksi.Status.DITANDATANGANI,
    ):
        lama.status = MonitoringRencanaAksi.Status.DIGANTI
        lama._change_reason = f"Diganti oleh {monitoring}"
        lama.save()
    monitoring.status = MonitoringRencanaAksi.Status.DITANDATANGANI
    monitoring.ditandatangani_oleh = pengguna
    monitoring.ditandatangani_pada = timezone.now()
    monitoring.save()
    jejak_catat(
        pengguna=pengguna, aksi="alur", objek=monitoring, ringkasan=f"{monitoring} ditandatangani."
    )
    return monitoring


@transaction.atomic
def monitoring_perubahan(*, monitoring: MonitoringRencanaAksi, pengguna, alasan: str):
    """A new draft revision of a signed report, with a reason; its lines are copied."""
    if not boleh_kelola_perencanaan(pengguna):
        raise PermissionDenied(
            "Perubahan monitoring rencana aksi dibuat oleh Sekretaris atau Sub Bagian Perencanaan."
        )
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan_perubahan": "Alasan perubahan monitoring wajib diisi."})
    monitoring = MonitoringRencanaAksi.objects.select_for_update().get(pk=monitoring.pk)
    _pastikan_tahun_terbuka(monitoring.tahun)
    if monitoring.status != MonitoringRencanaAksi.Status.DITANDATANGANI:
        raise ValidationError(
            "Perubahan hanya dapat dibuat dari monitoring yang sudah ditandatangani."
        )
    if MonitoringRencanaAksi.objects.filter(
        tahun=monitoring.tahun, triwulan=monitoring.triwulan, status="draft"
    ).exists():
        raise ValidationError(f"Sudah ada draft perubahan {monitoring}.")
    revisi = (
        MonitoringRencanaAksi.objects.filter(tahun=monitoring.tahun, triwulan=monitoring.triwulan)
        .order_by("-revisi")
        .first()
        .revisi
        + 1
    )
    baru = MonitoringRencanaAksi.objects.create(
        tahun=monitoring.tahun,
        triwulan=monitoring.triwulan,
        revisi=revisi,
        alasan_perubahan=alasan,
        dibuat_oleh=pengguna,
    )
    MonitoringBaris.objects.bulk_create(
        [
            MonitoringBaris(
                monitoring=baru,
                indikator_id=b.indikator_id,
                aksi_terlaksana=b.aksi_terlaksana,
                kendala=b.kendala,
                tindak_lanjut=b.tindak_lanjut,
            )
            for b in monitoring.baris.all()
        ]
    )
    jejak_catat(pengguna=pengguna, aksi="buat", objek=baru, ringkasan=f"{baru} dibuat: {alasan}")
    return baru
