"""Writes of the organisation: satker, units, divisi, pegawai, jabatan and their history,
commissioners. Each service validates the whole record (model rules + the rules below) and
raises ``ValidationError`` with field-keyed Indonesian messages; nothing is written when a
rule is broken.

Rules kept here (beyond the database constraints):

- NIP (PNS): 18 digits = birth date YYYYMMDD + TMT CPNS YYYYMM + sex digit (1 laki-laki,
  2 perempuan) + 3-digit serial; it must agree with the entered birth date, TMT and sex.
- Riwayat jabatan: periods are half-open ``[tanggal_mulai, tanggal_selesai)``. A pegawai holds
  one jabatan at a time; a struktural jabatan has one holder at a time. With
  ``tutup_sebelumnya=True`` an open appointment that started earlier (the position's previous
  holder, and the person's own previous jabatan) is closed on the new start date.
- Pegawai: serves from ``tmt_masuk`` (default: the TMT) up to the day before ``tmt_keluar``;
  TMT keluar after TMT masuk, and its reason given iff it is set. ``pendidikan`` is the
  highest jenjang of the education history: a new pegawai gets one history row (dated TMT
  masuk), a later diploma is added with ``riwayat_pendidikan_create``.
- Komisioner: at most 5 members and one ketua at any date; ``gantikan_ketua=True`` closes the
  open ketua period on the new ketua's start date.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import BULAN as BULAN_PENDEK
from kpu_site.formatting import tanggal as tanggal_id

from .models import (
    Divisi,
    Jabatan,
    Komisioner,
    Pegawai,
    RiwayatJabatan,
    RiwayatPendidikan,
    Satker,
    UnitOrganisasi,
    jenjang_urutan,
)

JUMLAH_KOMISIONER = 5


class _Kesalahan:
    """Collects field errors; ``raise_if_any()`` raises one ValidationError with all of them."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def merge(self, error: ValidationError) -> None:
        for field, messages in error.message_dict.items():
            for message in messages:
                self.add(field, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _full_clean(obj, kesalahan: _Kesalahan, *, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as e:
        kesalahan.merge(e)


def _set(obj, fields: dict) -> None:
    for name, value in fields.items():
        setattr(obj, name, value)


# --- NIP -------------------------------------------------------------------------------------


def nip_normalize(nip: str) -> str:
    """Remove the spaces and dots people type in a NIP (``19850312 201001 1 001``)."""
    return "".join(ch for ch in (nip or "") if ch not in " .-\t")


def nip_check(
    *, nip: str, tanggal_lahir: date | None, jenis_kelamin: str, tmt: date | None
) -> list[str]:
    """The ways ``nip`` disagrees with the birth date, TMT and sex (empty list = consistent)."""
    if len(nip) != 18 or not nip.isdigit():
        return [f"NIP harus 18 digit angka (yang diisi {len(nip)} karakter: {nip!r})."]
    problems = []
    lahir_txt, tmt_txt, kelamin_digit = nip[:8], nip[8:14], nip[14]
    try:
        lahir_nip = date(int(lahir_txt[:4]), int(lahir_txt[4:6]), int(lahir_txt[6:8]))
    except ValueError:
        problems.append(f"Digit 1–8 NIP ({lahir_txt}) bukan tanggal lahir yang sah (TTTTBBHH).")
    else:
        if tanggal_lahir and lahir_nip != tanggal_lahir:
            problems.append(
                f"Tanggal lahir di NIP ({tanggal_id(lahir_nip)}) tidak sama dengan tanggal "
                f"lahir yang diisi ({tanggal_id(tanggal_lahir)})."
            )
    tahun, bulan = int(tmt_txt[:4]), int(tmt_txt[4:6])
    if not 1 <= bulan <= 12 or tahun < 1950:
        problems.append(f"Digit 9–14 NIP ({tmt_txt}) bukan bulan TMT CPNS yang sah (TTTTBB).")
    elif tmt and (tmt.year, tmt.month) != (tahun, bulan):
        problems.append(
            f"TMT CPNS di NIP ({BULAN_PENDEK[bulan - 1]} {tahun}) tidak sama dengan TMT yang "
            f"diisi ({BULAN_PENDEK[tmt.month - 1]} {tmt.year})."
        )
    kelamin_nip = {"1": Pegawai.JenisKelamin.LAKI_LAKI, "2": Pegawai.JenisKelamin.PEREMPUAN}
    if kelamin_digit not in kelamin_nip:
        problems.append(
            f"Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), "
            f"bukan {kelamin_digit}."
        )
    elif jenis_kelamin and kelamin_nip[kelamin_digit] != jenis_kelamin:
        menurut_nip = kelamin_nip[kelamin_digit].label.lower()
        diisi = Pegawai.JenisKelamin(jenis_kelamin).label.lower()
        problems.append(
            f"Digit ke-15 NIP ({kelamin_digit}) berarti {menurut_nip}, tetapi jenis kelamin "
            f"yang diisi {diisi}."
        )
    return problems


# --- Satker, unit, divisi, jabatan ----------------------------------------------------------


def _logo_save(satker: Satker, logo) -> None:
    if logo is None or logo is False:
        if logo is False:
            satker.logo = ""
        return
    if getattr(logo, "_committed", True) and not hasattr(logo, "content_type"):
        return  # the stored file, unchanged
    jenis = berkas_periksa(logo, jenis_diizinkan=frozenset({"png", "jpg"}))
    logo.name = nama_acak(jenis)
    satker.logo = logo


@transaction.atomic
def satker_save(*, satker: Satker | None = None, logo=None, **fields) -> Satker:
    """Create the installation's satker (only if there is none yet) or update it.

    ``logo``: an uploaded PNG/JPEG (checked by its content), ``False`` to remove, ``None`` to
    keep the current one.
    """
    if satker is None:
        if Satker.objects.exists():
            raise ValidationError(
                {"__all__": ["Satker sudah ada: satu instalasi hanya melayani satu satker."]}
            )
        satker = Satker()
    _set(satker, fields)
    kesalahan = _Kesalahan()
    try:
        _logo_save(satker, logo)
    except ValidationError as e:
        kesalahan.add("logo", " ".join(e.messages))
    _full_clean(satker, kesalahan)
    kesalahan.raise_if_any()
    satker.save()
    return satker


@transaction.atomic
def unit_save(*, unit: UnitOrganisasi | None = None, **fields) -> UnitOrganisasi:
    """Create or update a unit (Sekretariat, sub-bagian, kelompok JF)."""
    unit = unit or UnitOrganisasi()
    _set(unit, fields)
    kesalahan = _Kesalahan()
    _full_clean(unit, kesalahan)
    if unit.induk_id and unit.pk and unit.induk_id == unit.pk:
        kesalahan.add("induk", "Unit tidak dapat menjadi induk bagi dirinya sendiri.")
    kesalahan.raise_if_any()
    unit.save()
    return unit


@transaction.atomic
def divisi_save(*, divisi: Divisi | None = None, **fields) -> Divisi:
    """Create or update a commissioners' divisi and its partner sub-bagian."""
    divisi = divisi or Divisi()
    _set(divisi, fields)
    kesalahan = _Kesalahan()
    _full_clean(divisi, kesalahan)
    kesalahan.raise_if_any()
    divisi.save()
    return divisi


@transaction.atomic
def jabatan_save(*, jabatan: Jabatan | None = None, **fields) -> Jabatan:
    """Create or update a jabatan (one struktural jabatan per unit)."""
    jabatan = jabatan or Jabatan()
    _set(jabatan, fields)
    kesalahan = _Kesalahan()
    _full_clean(jabatan, kesalahan)
    kesalahan.raise_if_any()
    jabatan.save()
    return jabatan


# --- Pegawai ---------------------------------------------------------------------------------


@transaction.atomic
def pegawai_save(*, pegawai: Pegawai | None = None, **fields) -> Pegawai:
    """Create or update a pegawai; checks the NIP against birth date, TMT and sex, and the
    TMT masuk/keluar. A new pegawai's ``pendidikan`` becomes their first education history
    row, dated TMT masuk; on an update it cannot differ from the history."""
    baru = pegawai is None or pegawai.pk is None
    pegawai = pegawai or Pegawai()
    if "nip" in fields:
        fields["nip"] = nip_normalize(fields["nip"])
    _set(pegawai, fields)
    kesalahan = _Kesalahan()
    if pegawai.status == Pegawai.Status.PNS:
        if not pegawai.nip:
            kesalahan.add("nip", "NIP wajib diisi untuk PNS.")
        else:
            for problem in nip_check(
                nip=pegawai.nip,
                tanggal_lahir=pegawai.tanggal_lahir,
                jenis_kelamin=pegawai.jenis_kelamin,
                tmt=pegawai.tmt,
            ):
                kesalahan.add("nip", problem)
        if not pegawai.tmt:
            kesalahan.add("tmt", "TMT CPNS wajib diisi untuk PNS.")
        if pegawai.jenis_ppnpn:
            kesalahan.add("jenis_ppnpn", "Jenis PPNPN hanya diisi untuk PPNPN.")
    elif pegawai.status == Pegawai.Status.PPNPN:
        if pegawai.nip:
            kesalahan.add("nip", "PPNPN tidak memiliki NIP; kosongkan isian NIP.")
        if not pegawai.jenis_ppnpn:
            kesalahan.add("jenis_ppnpn", "Pilih jenis PPNPN (tenaga administrasi, security, …).")
    if pegawai.jenis_ppnpn and pegawai.jenis_ppnpn not in Pegawai.JenisPpnpn.values:
        kesalahan.add("jenis_ppnpn", f"Jenis PPNPN {pegawai.jenis_ppnpn!r} tidak dikenal.")
    if pegawai.tanggal_lahir and pegawai.tmt and pegawai.tmt <= pegawai.tanggal_lahir:
        kesalahan.add("tmt", "TMT harus setelah tanggal lahir.")
    _masuk_keluar_check(pegawai, kesalahan)
    if not baru and pegawai.pendidikan:
        tertinggi = _pendidikan_tertinggi(pegawai)
        if tertinggi and tertinggi != pegawai.pendidikan:
            kesalahan.add(
                "pendidikan",
                f"Pendidikan terakhir menurut riwayat pendidikan adalah "
                f"{Pegawai.Pendidikan(tertinggi).label}; ijazah baru dicatat di riwayat "
                f"pendidikan beserta tanggalnya.",
            )
    if pegawai.nip:
        sama = Pegawai.objects.filter(nip=pegawai.nip).exclude(pk=pegawai.pk).first()
        if sama:
            kesalahan.add("nip", f"NIP {pegawai.nip} sudah terdaftar atas nama {sama.nama}.")
    # nip and jenis_ppnpn (and the constraints on them) are checked above, more precisely
    _full_clean(pegawai, kesalahan, exclude=["nip", "jenis_ppnpn"])
    kesalahan.raise_if_any()
    pegawai.save()
    if baru or not pegawai.riwayat_pendidikan.exists():
        RiwayatPendidikan.objects.create(
            pegawai=pegawai, jenjang=pegawai.pendidikan, tanggal_ijazah=pegawai.tmt_masuk
        )
    return pegawai


def _masuk_keluar_check(pegawai: Pegawai, kesalahan: _Kesalahan) -> None:
    """TMT masuk (default: the TMT), TMT keluar after it, and the reason iff TMT keluar."""
    if not pegawai.tmt_masuk:
        pegawai.tmt_masuk = pegawai.tmt
    if not pegawai.tmt_masuk:
        kesalahan.add("tmt_masuk", "TMT masuk wajib diisi (tanggal mulai bertugas di satker).")
        return
    if pegawai.tanggal_lahir and pegawai.tmt_masuk <= pegawai.tanggal_lahir:
        kesalahan.add("tmt_masuk", "TMT masuk harus setelah tanggal lahir.")
    if pegawai.tmt_keluar and pegawai.tmt_keluar <= pegawai.tmt_masuk:
        kesalahan.add(
            "tmt_keluar",
            f"TMT keluar ({tanggal_id(pegawai.tmt_keluar)}) harus setelah TMT masuk "
            f"({tanggal_id(pegawai.tmt_masuk)}).",
        )
    if pegawai.tmt_keluar and not pegawai.alasan_keluar:
        kesalahan.add(
            "alasan_keluar",
            "Alasan keluar wajib diisi bila TMT keluar diisi (pindah, pensiun, meninggal, "
            "berhenti).",
        )
    if pegawai.alasan_keluar and not pegawai.tmt_keluar:
        kesalahan.add(
            "tmt_keluar", "TMT keluar wajib diisi bila alasan keluar diisi; atau kosongkan alasan."
        )
    if pegawai.pk and pegawai.berjabatan:
        # the riwayat jabatan lie inside the time served here
        riwayat = RiwayatJabatan.objects.filter(pegawai=pegawai).select_related("jabatan")
        awal = riwayat.filter(tanggal_mulai__lt=pegawai.tmt_masuk).order_by("tanggal_mulai")
        if r := awal.first():
            kesalahan.add(
                "tmt_masuk",
                f"TMT masuk ({tanggal_id(pegawai.tmt_masuk)}) sesudah mulai jabatan "
                f"{r.jabatan} ({tanggal_id(r.tanggal_mulai)}).",
            )
        if pegawai.tmt_keluar and (
            r := riwayat.filter(
                Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gt=pegawai.tmt_keluar)
            ).first()
        ):
            kesalahan.add(
                "tmt_keluar",
                f"Jabatan {r.jabatan} ({_periode(r.tanggal_mulai, r.tanggal_selesai)}) belum "
                f"berakhir pada TMT keluar; isi dulu tanggal selesai riwayat jabatannya.",
            )


def _pendidikan_tertinggi(pegawai: Pegawai) -> str:
    jenjang = pegawai.riwayat_pendidikan.values_list("jenjang", flat=True)
    return max(jenjang, key=jenjang_urutan, default="")


@transaction.atomic
def riwayat_pendidikan_create(
    *,
    pegawai: Pegawai,
    jenjang: str,
    tanggal_ijazah: date | None,
    institusi: str = "",
    program_studi: str = "",
) -> RiwayatPendidikan:
    """Record a diploma of ``pegawai``; their ``pendidikan`` (pendidikan terakhir) becomes
    the highest jenjang of the history."""
    riwayat = RiwayatPendidikan(
        pegawai=pegawai,
        jenjang=jenjang,
        tanggal_ijazah=tanggal_ijazah,
        institusi=institusi or "",
        program_studi=program_studi or "",
    )
    kesalahan = _Kesalahan()
    if tanggal_ijazah and pegawai.tanggal_lahir and tanggal_ijazah <= pegawai.tanggal_lahir:
        kesalahan.add("tanggal_ijazah", "Tanggal ijazah harus setelah tanggal lahir.")
    if tanggal_ijazah and tanggal_ijazah > timezone.localdate():
        kesalahan.add(
            "tanggal_ijazah", f"Tanggal ijazah ({tanggal_id(tanggal_ijazah)}) belum terjadi."
        )
    _full_clean(riwayat, kesalahan)
    kesalahan.raise_if_any()
    riwayat.save()
    tertinggi = _pendidikan_tertinggi(pegawai)
    if pegawai.pendidikan != tertinggi:
        pegawai.pendidikan = tertinggi
        pegawai.save(update_fields=["pendidikan"])
    return riwayat


# --- Riwayat jabatan -------------------------------------------------------------------------


def _periode(mulai: date, selesai: date | None) -> str:
    return f"{tanggal_id(mulai)} – {tanggal_id(selesai) if selesai else 'sekarang'}"


def _aktif_pada(obj, tanggal: date) -> bool:
    return obj.tanggal_mulai <= tanggal and (
        obj.tanggal_selesai is None or obj.tanggal_selesai > tanggal
    )


def _tumpang_tindih(qs, mulai: date, selesai: date | None):
    """Rows of ``qs`` whose half-open period overlaps ``[mulai, selesai)``."""
    from django.db.models import Q

    qs = qs.filter(Q(tanggal_selesai__isnull=True) | Q(tanggal_selesai__gt=mulai))
    if selesai is not None:
        qs = qs.filter(tanggal_mulai__lt=selesai)
    return qs


@transaction.atomic
def riwayat_jabatan_save(
    *, riwayat: RiwayatJabatan | None = None, tutup_sebelumnya: bool = False, **fields
) -> RiwayatJabatan:
    """Record (or correct) an appointment of a PNS to a jabatan, with its SK.

    Refuses a second holder of a struktural jabatan and overlapping appointments of the same
    pegawai. With ``tutup_sebelumnya`` the open appointments that block it and started before
    the new one (the previous holder's, the person's own previous one) end on its start date.
    Returns the saved appointment.
    """
    riwayat = riwayat or RiwayatJabatan()
    _set(riwayat, fields)
    kesalahan = _Kesalahan()
    _full_clean(riwayat, kesalahan)
    mulai, selesai = riwayat.tanggal_mulai, riwayat.tanggal_selesai
    if mulai and selesai and selesai <= mulai:
        kesalahan.errors.pop("__all__", None)  # the constraint says the same, less precisely
        kesalahan.add(
            "tanggal_selesai",
            f"Tanggal selesai ({tanggal_id(selesai)}) harus setelah tanggal mulai "
            f"({tanggal_id(mulai)}).",
        )
    if kesalahan.errors:
        kesalahan.raise_if_any()
    pegawai, jabatan = riwayat.pegawai, riwayat.jabatan
    if not pegawai.berjabatan:
        kesalahan.add(
            "pegawai",
            f"{pegawai.nama} adalah PPNPN; riwayat jabatan hanya untuk PNS.",
        )
        kesalahan.raise_if_any()
    if pegawai.tmt_masuk and mulai < pegawai.tmt_masuk:
        kesalahan.add(
            "tanggal_mulai",
            f"Tanggal mulai ({tanggal_id(mulai)}) sebelum {pegawai.nama} masuk satker ini "
            f"(TMT masuk {tanggal_id(pegawai.tmt_masuk)}).",
        )
    if pegawai.tmt_keluar and (selesai is None or selesai > pegawai.tmt_keluar):
        kesalahan.add(
            "tanggal_selesai",
            f"{pegawai.nama} keluar dari satker pada {tanggal_id(pegawai.tmt_keluar)}: "
            f"tanggal selesai paling lambat tanggal itu.",
        )

    lain = RiwayatJabatan.objects.select_related("pegawai", "jabatan").select_for_update(
        of=("self",)
    )
    if riwayat.pk:
        lain = lain.exclude(pk=riwayat.pk)
    ditutup: dict[int, RiwayatJabatan] = {}

    def _boleh_ditutup(r: RiwayatJabatan) -> bool:
        return tutup_sebelumnya and r.tanggal_selesai is None and r.tanggal_mulai < mulai

    if jabatan.jenis == Jabatan.Jenis.STRUKTURAL:
        for r in _tumpang_tindih(lain.filter(jabatan=jabatan), mulai, selesai).exclude(
            pegawai=pegawai
        ):
            if _boleh_ditutup(r):
                ditutup[r.pk] = r
            elif r.tanggal_selesai is None and r.tanggal_mulai < mulai:
                kesalahan.add(
                    "jabatan",
                    f"Jabatan {jabatan.nama} masih dijabat oleh {r.pegawai.nama} sejak "
                    f"{tanggal_id(r.tanggal_mulai)}: satu jabatan struktural hanya boleh "
                    f"dijabat satu orang. Centang «Tutup jabatan sebelumnya» untuk "
                    f"menggantikannya mulai {tanggal_id(mulai)}.",
                )
            else:
                kesalahan.add(
                    "jabatan",
                    f"Jabatan {jabatan.nama} pada periode itu dijabat oleh {r.pegawai.nama} "
                    f"({_periode(r.tanggal_mulai, r.tanggal_selesai)}): satu jabatan "
                    f"struktural hanya boleh dijabat satu orang dalam satu waktu.",
                )
    for r in _tumpang_tindih(lain.filter(pegawai=pegawai), mulai, selesai):
        if _boleh_ditutup(r):
            ditutup[r.pk] = r
        else:
            kesalahan.add(
                "tanggal_mulai",
                f"{pegawai.nama} pada periode itu menjabat {r.jabatan.nama} "
                f"({_periode(r.tanggal_mulai, r.tanggal_selesai)}): satu pegawai hanya "
                f"memegang satu jabatan dalam satu waktu"
                + (
                    f". Centang «Tutup jabatan sebelumnya» untuk mengakhirinya pada "
                    f"{tanggal_id(mulai)}."
                    if r.tanggal_selesai is None and r.tanggal_mulai < mulai
                    else "."
                ),
            )
    kesalahan.raise_if_any()
    for r in ditutup.values():
        r.tanggal_selesai = mulai
        r._change_reason = f"Diganti/ditutup oleh SK {riwayat.nomor_sk}"
        r.save(update_fields=["tanggal_selesai"])
    riwayat.save()
    return riwayat


# --- Komisioner ------------------------------------------------------------------------------


@transaction.atomic
def komisioner_save(
    *, komisioner: Komisioner | None = None, gantikan_ketua: bool = False, **fields
) -> Komisioner:
    """Create or update a commissioner's period; at most 5 members and one ketua at a time.

    An update may not leave today's commission without its ketua (exactly one active ketua):
    appoint the new ketua first, with ``gantikan_ketua``.
    """
    hari_ini = timezone.localdate()
    sebelumnya = None
    if komisioner is not None and komisioner.pk:
        sebelumnya = Komisioner.objects.filter(pk=komisioner.pk).first()
    komisioner = komisioner or Komisioner()
    _set(komisioner, fields)
    kesalahan = _Kesalahan()
    _full_clean(komisioner, kesalahan)
    mulai, selesai = komisioner.tanggal_mulai, komisioner.tanggal_selesai
    if mulai and selesai and selesai <= mulai:
        kesalahan.errors.pop("__all__", None)
        kesalahan.add(
            "tanggal_selesai",
            f"Akhir masa jabatan ({tanggal_id(selesai)}) harus setelah awalnya "
            f"({tanggal_id(mulai)}).",
        )
    if komisioner.ketua:
        # the open-ketua constraint message is replaced by the precise one below
        kesalahan.errors.pop("__all__", None)
    kesalahan.raise_if_any()

    lain = Komisioner.objects.select_for_update(of=("self",))
    if komisioner.pk:
        lain = lain.exclude(pk=komisioner.pk)
    bersamaan = list(_tumpang_tindih(lain, mulai, selesai))
    ditutup = []
    if komisioner.ketua:
        for k in bersamaan:
            if not k.ketua:
                continue
            if gantikan_ketua and k.tanggal_selesai is None and k.tanggal_mulai < mulai:
                ditutup.append(k)
                continue
            kesalahan.add(
                "ketua",
                f"Pada periode itu {k.nama} adalah ketua "
                f"({_periode(k.tanggal_mulai, k.tanggal_selesai)}): hanya boleh ada satu ketua "
                f"aktif."
                + (
                    " Centang «Gantikan ketua» untuk mengakhiri masa ketua sebelumnya pada "
                    f"{tanggal_id(mulai)}."
                    if k.tanggal_selesai is None and k.tanggal_mulai < mulai
                    else ""
                ),
            )
    # the most members at once within the new period: check at each start date inside it
    tetap = [k for k in bersamaan if k not in ditutup]
    titik = {mulai} | {k.tanggal_mulai for k in tetap if k.tanggal_mulai > mulai}
    for t in sorted(titik):
        aktif = [
            k
            for k in tetap
            if k.tanggal_mulai <= t and (k.tanggal_selesai is None or k.tanggal_selesai > t)
        ]
        if len(aktif) + 1 > JUMLAH_KOMISIONER:
            kesalahan.add(
                "tanggal_mulai",
                f"Pada {tanggal_id(t)} sudah ada {len(aktif)} anggota aktif; KPU Kabupaten/Kota "
                f"beranggotakan {JUMLAH_KOMISIONER} orang.",
            )
            break
    if sebelumnya is not None and _aktif_pada(sebelumnya, hari_ini) and sebelumnya.ketua:
        masih_ketua = komisioner.ketua and _aktif_pada(komisioner, hari_ini)
        ketua_lain = any(k.ketua and _aktif_pada(k, hari_ini) for k in tetap)
        anggota_lain = any(_aktif_pada(k, hari_ini) for k in lain)
        if not masih_ketua and not ketua_lain and anggota_lain:
            kesalahan.add(
                "ketua",
                f"{sebelumnya.nama} adalah satu-satunya ketua aktif; harus ada tepat satu ketua. "
                "Tetapkan ketua pengganti terlebih dahulu (centang «Gantikan ketua» pada ketua "
                "baru).",
            )
    kesalahan.raise_if_any()
    for k in ditutup:
        k.tanggal_selesai = mulai
        k._change_reason = f"Diganti sebagai ketua oleh {komisioner.nama}"
        k.save(update_fields=["tanggal_selesai"])
    komisioner.save()
    return komisioner
