"""Importing staff (pegawai, PNS and PPNPN) from a CSV/XLSX table: this app's own Excel export
(``PegawaiExportView``) or a SIMPEG export read through a saved column-mapping profile.

Columns (the export's headers, normalised): ``nama``, ``nip``, ``status``, ``jenis_ppnpn``,
``jabatan``, ``pangkat_golongan``, ``unit``, ``jenis_kelamin``, ``tanggal_lahir``, ``tmt``,
``pendidikan``, ``aktif``; ``no`` is ignored. Labels and codes are both read (``PNS``/``pns``,
``Laki-laki``/``L``, ``Strata 1``/``S1``/``s1``, a unit by its name or its kode).

Which pegawai a row is (decided here, documented in the README):

- a row with a NIP is the PNS with that NIP (NIP spaces and dots removed, as the form does);
- a row without a NIP is the PPNPN with the same name (case and spacing ignored) and birth
  date; two such PPNPN already stored make the row an error (fix it in the form);
- no match: a new pegawai. ``status`` empty means PNS when there is a NIP, PPNPN otherwise.

Every row goes through ``services.pegawai_save`` (the form's own checks: the NIP against birth
date, TMT and sex, unique NIP, TMT, pendidikan against the education history), each in its
own savepoint, so the import and the form cannot disagree; the preview does the same and rolls
everything back. What the import does not change, and checks instead:

- ``jabatan``: a PNS's position is an appointment with its SK (riwayat jabatan); the column
  must name the jabatan held today (or be empty), otherwise the row is an error saying to
  record the appointment. For a PPNPN it is their kind (``jenis_ppnpn``, as the export writes
  it) and may stand in for an empty ``jenis_ppnpn``;
- ``aktif``: read from TMT masuk/keluar; a value that disagrees is an error (TMT keluar and its
  reason are entered on the pegawai form).

A row equal to the stored pegawai is skipped (re-importing a file changes nothing). All rows
or none; one audit entry (``jejak_catat(aksi="impor")``) per import with the counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kpu_site.akses import pastikan_boleh_ubah_unit
from kpu_site.audit import jejak_catat
from kpu_site.berkas import nama_berkas_periksa
from kpu_site.formatting import angka
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    Pemetaan,
    baca_tabel,
    batas_baris_periksa,
    kolom_asal,
    parse_tanggal,
)

from .models import Jabatan, Pegawai, UnitOrganisasi
from .selectors import UNIT_HUKUM_SDM
from .services import nip_normalize, pegawai_save

KODE_JENIS = "pegawai"
KOLOM_WAJIB = ("nama", "unit", "jenis_kelamin", "tanggal_lahir", "pendidikan")

# the service's field -> the import's column (errors are named by the column)
_KOLOM_LAYANAN = {
    "nama": "nama",
    "nip": "nip",
    "status": "status",
    "jenis_ppnpn": "jenis_ppnpn",
    "jenis_kelamin": "jenis_kelamin",
    "tanggal_lahir": "tanggal_lahir",
    "tmt": "tmt",
    "tmt_masuk": "tmt",
    "golongan": "pangkat_golongan",
    "pendidikan": "pendidikan",
    "unit": "unit",
}
_FIELD = ("nama", "status", "nip", "jenis_ppnpn", "jenis_kelamin", "tanggal_lahir", "tmt")
_FIELD += ("golongan", "pendidikan", "unit_id")


def _kunci(teks: str) -> str:
    """Compared without case, spacing and punctuation: ``Strata 1`` = ``strata-1``."""
    return re.sub(r"[^0-9a-z]+", "", (teks or "").lower())


def _pilihan(choices, *alias: tuple[str, str]) -> dict[str, str]:
    hasil = {}
    for value, label in choices:
        hasil[_kunci(value)] = value
        hasil[_kunci(str(label))] = value
    for teks, value in alias:
        hasil[_kunci(teks)] = value
    return hasil


STATUS = _pilihan(Pegawai.Status.choices)
JENIS_PPNPN = _pilihan(
    Pegawai.JenisPpnpn.choices, ("Petugas keamanan", "security"), ("Satpam", "security")
)
JENIS_KELAMIN = _pilihan(
    Pegawai.JenisKelamin.choices, ("Pria", "L"), ("Wanita", "P"), ("Laki laki", "L")
)
PENDIDIKAN = _pilihan(
    Pegawai.Pendidikan.choices,
    *((a, "smp") for a in ("SMP", "SLTP")),
    *((a, "slta") for a in ("SMA", "SMK", "SLTA", "MA", "SMU")),
    *((f"D{r}", f"d{n}") for n, r in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))),
    *((f"S{n}", f"s{n}") for n in (1, 2, 3)),
    ("Sarjana", "s1"),
    ("Magister", "s2"),
    ("Doktor", "s3"),
)
AKTIF = {"ya": True, "aktif": True, "y": True, "tidak": False, "tidakaktif": False, "t": False}


@dataclass(slots=True)
class BarisPegawai:
    nomor_baris: int
    nama: str
    nip: str
    status: str
    unit: str
    aksi: str  # "baru" | "ubah"
    data: dict = field(repr=False, default_factory=dict)
    pegawai_pk: int | None = None


@dataclass
class HasilImporPegawai:
    nama_berkas: str
    baris: list[BarisPegawai] = field(default_factory=list)
    dilewati: list[tuple[int, str]] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    disimpan: bool = False

    @property
    def ok(self) -> bool:
        return not self.kesalahan

    @property
    def jumlah_baru(self) -> int:
        return sum(1 for b in self.baris if b.aksi == "baru")

    @property
    def jumlah_ubah(self) -> int:
        return sum(1 for b in self.baris if b.aksi == "ubah")


# --- reading one row -------------------------------------------------------------------------


class _Rujukan:
    """Units and jabatan, read once per import (by name or kode; case and punctuation
    ignored), and the lookup of the pegawai a row is."""

    def __init__(self) -> None:
        self.unit: dict[str, UnitOrganisasi] = {}
        for u in UnitOrganisasi.objects.all():
            self.unit[_kunci(u.kode)] = u
            self.unit[_kunci(u.nama)] = u
        self.jabatan: dict[str, list[Jabatan]] = {}
        for j in Jabatan.objects.all():
            self.jabatan.setdefault(_kunci(j.nama), []).append(j)

    def pegawai_cari(self, *, nip: str, nama: str, tanggal_lahir: date) -> list[Pegawai]:
        if nip:
            return list(Pegawai.objects.filter(nip=nip))
        kunci = " ".join(nama.split()).lower()
        return [
            p
            for p in Pegawai.objects.filter(nip="", tanggal_lahir=tanggal_lahir)
            if " ".join(p.nama.split()).lower() == kunci
        ]


def _pilih(nomor, kolom, teks, pilihan, label, kesalahan) -> str:
    if not teks:
        return ""
    nilai = pilihan.get(_kunci(teks))
    if nilai is None:
        contoh = ", ".join(sorted({v for v in pilihan.values()}))
        kesalahan.append(Kesalahan(nomor, kolom, f"{label} '{teks}' tidak dikenal ({contoh})."))
        return ""
    return nilai


def _tanggal(nomor, kolom, teks, kesalahan) -> date | None:
    if not teks:
        return None
    try:
        return parse_tanggal(teks)
    except ValueError as exc:
        kesalahan.append(Kesalahan(nomor, kolom, str(exc)))
        return None


def _baris_baca(nomor: int, row: dict[str, str], rujukan: _Rujukan) -> tuple[dict, list]:
    """The row's values as ``pegawai_save`` fields plus ``_jabatan``/``_aktif`` (checked, not
    written), and its problems."""
    k: list[Kesalahan] = []
    sel = {kolom: (row.get(kolom) or "").strip() for kolom in row}
    nip = nip_normalize(sel.get("nip", ""))
    status = _pilih(nomor, "status", sel.get("status", ""), STATUS, "Status", k)
    if not status and not sel.get("status"):
        status = Pegawai.Status.PNS if nip else Pegawai.Status.PPNPN
    jenis_ppnpn = _pilih(
        nomor, "jenis_ppnpn", sel.get("jenis_ppnpn", ""), JENIS_PPNPN, "Jenis PPNPN", k
    )
    jabatan_teks = sel.get("jabatan", "")
    if status == Pegawai.Status.PPNPN and jabatan_teks:
        # the export writes a PPNPN's kind as their jabatan
        dari_jabatan = JENIS_PPNPN.get(_kunci(jabatan_teks))
        if not sel.get("jenis_ppnpn") and dari_jabatan:
            jenis_ppnpn = dari_jabatan
        elif dari_jabatan is None or (jenis_ppnpn and dari_jabatan != jenis_ppnpn):
            k.append(
                Kesalahan(
                    nomor,
                    "jabatan",
                    f"PPNPN tidak berjabatan; kolom ini berisi jenis PPNPN, bukan "
                    f"'{jabatan_teks}'.",
                )
            )
    unit = None
    if teks := sel.get("unit", ""):
        unit = rujukan.unit.get(_kunci(teks))
        if unit is None:
            k.append(Kesalahan(nomor, "unit", f"unit '{teks}' tidak dikenal (nama atau kode)."))
    else:
        k.append(Kesalahan(nomor, "unit", "wajib diisi."))
    tanggal_lahir = _tanggal(nomor, "tanggal_lahir", sel.get("tanggal_lahir", ""), k)
    if not sel.get("tanggal_lahir"):
        k.append(Kesalahan(nomor, "tanggal_lahir", "wajib diisi."))
    data = {
        "nama": sel.get("nama", ""),
        "status": status,
        "nip": nip,
        "jenis_ppnpn": jenis_ppnpn if status == Pegawai.Status.PPNPN else "",
        "jenis_kelamin": _pilih(
            nomor, "jenis_kelamin", sel.get("jenis_kelamin", ""), JENIS_KELAMIN, "Jenis kelamin", k
        ),
        "tanggal_lahir": tanggal_lahir,
        "tmt": _tanggal(nomor, "tmt", sel.get("tmt", ""), k),
        "golongan": sel.get("pangkat_golongan", ""),
        "pendidikan": _pilih(
            nomor, "pendidikan", sel.get("pendidikan", ""), PENDIDIKAN, "Pendidikan", k
        ),
        "unit": unit,
    }
    if not data["nama"]:
        k.append(Kesalahan(nomor, "nama", "wajib diisi."))
    if status == Pegawai.Status.PNS and sel.get("jenis_ppnpn"):
        k.append(Kesalahan(nomor, "jenis_ppnpn", "hanya diisi untuk PPNPN."))
    batas = {n: data[n] for n in ("nama", "golongan")}
    k += [
        Kesalahan(b.baris, "pangkat_golongan" if b.kolom == "golongan" else b.kolom, b.alasan)
        for b in batas_baris_periksa(Pegawai, nomor, batas)
    ]
    aktif_teks = sel.get("aktif", "")
    data["_aktif"] = None
    if aktif_teks:
        data["_aktif"] = AKTIF.get(_kunci(aktif_teks))
        if data["_aktif"] is None:
            k.append(Kesalahan(nomor, "aktif", f"'{aktif_teks}' bukan Ya atau Tidak."))
    data["_jabatan"] = jabatan_teks if status == Pegawai.Status.PNS else ""
    return data, k


def _jabatan_periksa(nomor, teks, pegawai, rujukan) -> list[Kesalahan]:
    """A PNS's jabatan column against the position held today (not changed by the import)."""
    kini = pegawai.jabatan_kini if pegawai is not None else None
    if not teks:
        return []
    calon = rujukan.jabatan.get(_kunci(teks), [])
    if not calon:
        return [Kesalahan(nomor, "jabatan", f"jabatan '{teks}' tidak dikenal.")]
    if kini is not None and kini in calon:
        return []
    sekarang = f"sekarang {kini.nama}" if kini else "belum ada jabatan yang berlaku hari ini"
    return [
        Kesalahan(
            nomor,
            "jabatan",
            f"jabatan tidak diubah lewat impor ({sekarang}): catat riwayat jabatan dengan "
            "SK-nya, atau samakan kolom ini.",
        )
    ]


def _sama(pegawai: Pegawai, data: dict) -> bool:
    nilai = {n: data[n] for n in _FIELD if n != "unit_id"} | {"unit_id": data["unit"].pk}
    return all(getattr(pegawai, n) == v for n, v in nilai.items())


def _galat_layanan(nomor: int, exc: ValidationError) -> list[Kesalahan]:
    hasil = []
    for nama, pesan in exc.message_dict.items():
        kolom = _KOLOM_LAYANAN.get(nama, "")
        hasil += [Kesalahan(nomor, kolom, p) for p in pesan]
    return hasil


def _jalankan(hasil: HasilImporPegawai, tabel) -> None:
    """Check every row and write it through ``pegawai_save`` (each in a savepoint); the
    caller's transaction decides whether any of it stays."""
    rujukan = _Rujukan()
    hari_ini = timezone.localdate()
    dilihat: dict[tuple, int] = {}
    for nomor, row in tabel.baris:
        data, k = _baris_baca(nomor, row, rujukan)
        if k:
            hasil.kesalahan += k
            continue
        kunci = (
            ("nip", data["nip"])
            if data["nip"]
            else ("nama", " ".join(data["nama"].split()).lower(), data["tanggal_lahir"])
        )
        if kunci in dilihat:
            hasil.kesalahan.append(
                Kesalahan(
                    nomor,
                    "nip" if data["nip"] else "nama",
                    f"pegawai yang sama sudah ada di baris {dilihat[kunci]}.",
                )
            )
            continue
        dilihat[kunci] = nomor
        cocok = rujukan.pegawai_cari(
            nip=data["nip"], nama=data["nama"], tanggal_lahir=data["tanggal_lahir"]
        )
        if len(cocok) > 1:
            hasil.kesalahan.append(
                Kesalahan(
                    nomor,
                    "nama",
                    f"{len(cocok)} PPNPN bernama {data['nama']} dengan tanggal lahir ini sudah "
                    "tercatat; perbaiki lewat formulir pegawai.",
                )
            )
            continue
        pegawai = cocok[0] if cocok else None
        k = _jabatan_periksa(nomor, data.pop("_jabatan"), pegawai, rujukan)
        aktif = data.pop("_aktif")
        if aktif is not None:
            seharusnya = (
                pegawai.aktif
                if pegawai is not None
                else bool(data["tmt"] and data["tmt"] <= hari_ini)
            )
            if aktif != seharusnya:
                k.append(
                    Kesalahan(
                        nomor,
                        "aktif",
                        f"dihitung dari TMT masuk dan TMT keluar ({'Ya' if seharusnya else 'Tidak'}"
                        "); TMT keluar dan alasannya diisi di formulir pegawai.",
                    )
                )
        if k:
            hasil.kesalahan += k
            continue
        if pegawai is not None and _sama(pegawai, data):
            hasil.dilewati.append((nomor, data["nama"]))
            continue
        try:
            with transaction.atomic():
                disimpan = pegawai_save(pegawai=pegawai, **data)
        except ValidationError as exc:
            hasil.kesalahan += _galat_layanan(nomor, exc)
            if pegawai is not None:
                pegawai.refresh_from_db()
            continue
        hasil.baris.append(
            BarisPegawai(
                nomor_baris=nomor,
                nama=disimpan.nama,
                nip=disimpan.nip,
                status=disimpan.get_status_display(),
                unit=data["unit"].nama,
                aksi="ubah" if pegawai is not None else "baru",
                pegawai_pk=disimpan.pk,
            )
        )


def _proses(*, berkas, nama_berkas: str, pemetaan: Pemetaan | None) -> HasilImporPegawai:
    hasil = HasilImporPegawai(nama_berkas=nama_berkas)
    try:
        nama_berkas_periksa(nama_berkas)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", exc.messages[0]))
        return hasil
    try:
        tabel = baca_tabel(
            berkas, nama_berkas=nama_berkas, kolom_wajib=KOLOM_WAJIB, pemetaan=pemetaan
        )
        with kolom_asal(tabel):
            _jalankan(hasil, tabel)
            if hasil.kesalahan:
                raise ImporGagal(hasil.kesalahan)
    except ImporGagal as exc:
        hasil.kesalahan = list(exc.kesalahan)
    if hasil.ok and not hasil.baris and not hasil.dilewati:
        hasil.kesalahan.append(Kesalahan(None, "", "berkas tidak berisi satu pun baris data."))
    return hasil


def pegawai_impor_periksa(
    *, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImporPegawai:
    """Check every row (the preview): each goes through ``pegawai_save`` as the import would,
    then everything is rolled back; nothing is written."""
    with transaction.atomic():
        hasil = _proses(berkas=berkas, nama_berkas=nama_berkas, pemetaan=pemetaan)
        transaction.set_rollback(True)
    return hasil


@transaction.atomic
def pegawai_impor(
    *, pengguna, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImporPegawai:
    """Import every row or none: ``ImporGagal`` listing every problem when any row is bad.
    One audit entry with the counts (also when every row was already there)."""
    pastikan_boleh_ubah_unit(
        pengguna,
        UNIT_HUKUM_SDM,
        "Hanya Sekretaris dan Sub Bagian Hukum dan SDM yang dapat mengimpor data pegawai.",
    )
    hasil = _proses(berkas=berkas, nama_berkas=nama_berkas, pemetaan=pemetaan)
    if not hasil.ok:
        transaction.set_rollback(True)
        raise ImporGagal(hasil.kesalahan)
    hasil.disimpan = True
    profil = f", profil {pemetaan.nama}" if pemetaan is not None and pemetaan.nama else ""
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=(
            f"Impor pegawai dari {nama_berkas}{profil}: {angka(hasil.jumlah_baru)} baru, "
            f"{angka(hasil.jumlah_ubah)} diubah, {angka(len(hasil.dilewati))} sama (dilewati)"
        ),
        perubahan={
            "Berkas": nama_berkas,
            "Baru": hasil.jumlah_baru,
            "Diubah": hasil.jumlah_ubah,
            "Dilewati": len(hasil.dilewati),
        },
    )
    return hasil
