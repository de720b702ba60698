"""Administrative screening (seleksi administrasi), set-based: a fixed number of UPDATE statements
over the applicants of a recruitment, whatever their number, then one aggregate for the summary.

Reasons (``tms_*``), each computed independently, so an applicant carries every reason that
applies:

- ``nik_tidak_valid``: the NIK is not 16 digits, or its digits 7–12 differ from the birth date
  and sex entered (DD, +40 for women, MM, YY). A date part that is not a real date can never
  equal the code of a real birth date, so it is caught by the same comparison.
- ``nik_ganda``: another application with the same NIK in this recruitment, or in another
  recruitment of the same ``pemilihan`` whose term overlaps (unknown terms count as
  overlapping). Every application with that NIK is marked: this recruitment's, and the
  matching applications of the other overlapping recruitments.
- ``usia_kurang``: under 17 on the reference date; ``pendidikan_kurang``: SD or SMP;
- ``domisili_di_luar_wilayah``: PPK: the domicile's kecamatan is not the one applied for;
  PPS/KPPS/Pantarlih: the domicile is not the desa/kelurahan applied for (a domicile code
  outside the imported wilayah is outside);
- ``anggota_parpol``: the NIK is in the SIPOL list and no clarification has been accepted;
- ``dokumen_tidak_lengkap``: a required item of the recruitment's checklist is recorded
  *tidak ada* or *tidak sah* for the applicant (an item not yet checked does not count).

Warning ``usia_lebih_55`` (KPPS and Pantarlih only, ``BADAN_PER_TPS``): 56 or older on the
reference date.
The result ``status_administrasi`` is the staff override when there is one, else TMS when any
reason applies, else MS.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Substr
from django.db.models.lookups import Exact
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.formatting import angka

from ..model_berkas import status_kurang
from ..models import (
    ALASAN_TMS,
    PENDIDIKAN_KURANG,
    AnggotaParpol,
    JenisBadan,
    KlarifikasiParpol,
    Pendaftar,
    Rekrutmen,
    Wilayah,
)
from ..selectors import seleksi_ringkasan
from .versi import pendaftar_versi_naik


def tanggal_mundur(acuan: date, tahun: int) -> date:
    """``acuan`` minus ``tahun`` years (29 February falls back to 28 February)."""
    try:
        return acuan.replace(year=acuan.year - tahun)
    except ValueError:
        return acuan.replace(year=acuan.year - tahun, day=28)


def rekrutmen_tumpang_tindih(rekrutmen: Rekrutmen):
    """Recruitments of the same election whose term overlaps this one's (itself included)."""
    qs = Rekrutmen.objects.filter(pemilihan=rekrutmen.pemilihan)
    if rekrutmen.masa_kerja_mulai and rekrutmen.masa_kerja_selesai:
        qs = qs.filter(
            Q(masa_kerja_mulai__isnull=True)
            | Q(masa_kerja_selesai__isnull=True)
            | Q(
                masa_kerja_mulai__lte=rekrutmen.masa_kerja_selesai,
                masa_kerja_selesai__gte=rekrutmen.masa_kerja_mulai,
            )
        )
    return qs


def status_ulang(pendaftar: Pendaftar) -> None:
    """After a ``tms_*`` flag of one applicant changed outside a screening (an accepted party
    clarification, its checklist, a cancelled override): an applicant already screened and not
    overridden gets its result again, TMS when any reason applies, else MS. Not saved."""
    if pendaftar.koreksi_status or pendaftar.status_administrasi == Pendaftar.Status.BELUM:
        return
    sisa = any(getattr(pendaftar, f"tms_{k}") for k in ALASAN_TMS)
    pendaftar.status_administrasi = Pendaftar.Status.TMS if sisa else Pendaftar.Status.MS


def _ya(kondisi) -> Case:
    return Case(When(kondisi, then=Value(True)), default=Value(False))


@transaction.atomic
def pendaftar_screen(*, rekrutmen: Rekrutmen, pengguna=None) -> dict:
    """Screen every applicant of ``rekrutmen``: one UPDATE of every applicant, then one per
    reason that compares with other tables, whatever the number of applicants; returns
    ``seleksi_ringkasan``."""
    acuan = rekrutmen.tanggal_acuan
    batas_17 = tanggal_mundur(acuan, 17)  # born after this: not yet 17
    batas_56 = tanggal_mundur(acuan, 56)  # born on or before this: 56 or older
    pendaftar = Pendaftar.objects.filter(rekrutmen=rekrutmen)

    nik_sah = Q(nik__regex=r"^[0-9]{16}$") & Q(Exact(Substr("nik", 7, 6), F("kode_lahir")))
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        di_wilayah = Exists(
            Wilayah.objects.filter(
                pk=OuterRef("domisili_id"), induk_id=OuterRef("wilayah_tujuan_id")
            )
        )
    else:
        di_wilayah = Q(domisili_id=F("wilayah_tujuan_id"))
    kondisi = {
        "nik_tidak_valid": ~nik_sah,
        "usia_kurang": Q(tanggal_lahir__gt=batas_17),
        "pendidikan_kurang": Q(pendidikan__in=PENDIDIKAN_KURANG),
        "domisili_di_luar_wilayah": ~Q(di_wilayah),
    }
    ada_alasan = Q()
    for q in kondisi.values():
        ada_alasan |= q
    # 1. The reasons read from the row itself, in one UPDATE of every applicant; the two reasons
    # that compare with other tables start cleared. The result repeats the conditions instead of
    # reading the flags back, which would rewrite every row a second time.
    pendaftar.update(
        **{f"tms_{kode}": _ya(q) for kode, q in kondisi.items()},
        tms_nik_ganda=Value(False),
        tms_anggota_parpol=Value(False),
        tms_dokumen_tidak_lengkap=Value(False),
        peringatan_usia_lebih_55=_ya(Q(tanggal_lahir__lte=batas_56))
        if rekrutmen.per_tps
        else Value(False),
        status_administrasi=Case(
            When(~Q(koreksi_status=""), then=F("koreksi_status")),
            When(ada_alasan, then=Value(Pendaftar.Status.TMS)),
            default=Value(Pendaftar.Status.MS),
        ),
    )
    # 2./3. The reasons that compare with other rows: only the applicants they apply to are
    # written again. ``nik IN (subquery)`` in a WHERE is a semi-join the planner runs as one
    # hash join over the sets (a correlated EXISTS in the SET list was one index probe per
    # applicant, twice: 800,000 probes for 200,000 applicants).
    tms = Case(
        When(koreksi_status="", then=Value(Pendaftar.Status.TMS)),
        default=F("koreksi_status"),
    )
    nik_ganda = (
        Pendaftar.objects.filter(rekrutmen__in=rekrutmen_tumpang_tindih(rekrutmen).values("pk"))
        .values("nik")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .values("nik")
    )
    pendaftar.filter(nik__in=nik_ganda).update(tms_nik_ganda=True, status_administrasi=tms)
    # NOT EXISTS in a WHERE is an anti-join (a NOT IN could be rescanned per applicant)
    pendaftar.filter(nik__in=AnggotaParpol.objects.values("nik")).exclude(
        Exists(
            KlarifikasiParpol.objects.filter(
                pendaftar_id=OuterRef("pk"), status=KlarifikasiParpol.Status.DITERIMA
            )
        )
    ).update(tms_anggota_parpol=True, status_administrasi=tms)
    pendaftar.filter(pk__in=status_kurang(item__rekrutmen=rekrutmen).values("pendaftar_id")).update(
        tms_dokumen_tidak_lengkap=True, status_administrasi=tms
    )
    # The other applications with the same NIK (overlapping recruitments of the election) are
    # marked too, so both sides of a duplicate show it without waiting for their own screening.
    lain = rekrutmen_tumpang_tindih(rekrutmen).exclude(pk=rekrutmen.pk).values("pk")
    ganda_lain = Pendaftar.objects.filter(
        rekrutmen__in=lain,
        nik__in=pendaftar.filter(tms_nik_ganda=True).values("nik"),
        tms_nik_ganda=False,
    )
    ganda_lain.exclude(status_administrasi=Pendaftar.Status.BELUM).filter(koreksi_status="").update(
        tms_nik_ganda=True, status_administrasi=Pendaftar.Status.TMS
    )
    ganda_lain.update(tms_nik_ganda=True)
    Rekrutmen.objects.filter(pk=rekrutmen.pk).update(diseleksi_pada=timezone.now())
    pendaftar_versi_naik(
        rekrutmen_ids=rekrutmen_tumpang_tindih(rekrutmen).values_list("pk", flat=True)
    )
    ringkasan = seleksi_ringkasan(rekrutmen)
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=(
            f"Seleksi administrasi: {angka(ringkasan['jumlah'])} pendaftar, "
            f"{angka(ringkasan['ms'])} MS, {angka(ringkasan['tms'])} TMS"
        ),
        perubahan=ringkasan,
    )
    return ringkasan
