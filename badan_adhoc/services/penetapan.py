"""Stages after the administrative screening, appointment (penetapan) and PAW.

PPK and PPS (NOTES.md funnel): among MS applicants of each wilayah, the best written-test (CAT)
scores up to 3× the seats are called to interview; the called ones are ranked by the final
score (CAT + interview) and the first 2× seats get a rank: the first ``seats`` are *terpilih*,
the rest *cadangan* (reserves for PAW, in rank order); everyone else *tidak*.

KPPS: administrative selection only. MS applicants of each desa/kelurahan are ranked with those
without the 55+ warning first, then by registration order; the first ``seats`` (7 per TPS) are
*terpilih*, up to as many again are *cadangan*.

Tie rule (documented in the README): final score, then interview score, then CAT score, then
the older applicant (earlier birth date), then the earlier registration (lower id). For the
call to interview: CAT score, then older, then earlier registration.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from kpu_site.audit import jejak_catat
from kpu_site.impor import ImporGagal, Kesalahan, baca_tabel, parse_angka_id

from ..akses import pastikan_boleh_kelola
from ..models import AnggotaBadan, Jabatan, JenisBadan, Pendaftar, Rekrutmen
from ..selectors import kursi_per_wilayah
from .versi import pendaftar_versi_naik

KOLOM_NILAI = ("nik",)


def _per_wilayah(rows):
    grup: dict[int, list] = {}
    for p in rows:
        grup.setdefault(p.wilayah_tujuan_id, []).append(p)
    return grup


def _perlu_ppk_pps(rekrutmen: Rekrutmen) -> None:
    if rekrutmen.jenis_badan == JenisBadan.KPPS:
        raise ValidationError("KPPS hanya melalui seleksi administrasi (tanpa tes dan wawancara).")


def _nilai_sah(nilai: Decimal, *, tertulis: str = "") -> Decimal:
    """A CAT or interview score as stored (two decimals); ``ValueError`` outside 0–100, naming
    the value as the user wrote it (``tertulis``)."""
    if not Decimal(0) <= nilai <= Decimal(100):
        raise ValueError(f"{tertulis or nilai} di luar rentang 0–100.")
    return nilai.quantize(Decimal("0.01"))


@transaction.atomic
def nilai_import(*, rekrutmen: Rekrutmen, berkas, nama_berkas: str, pengguna) -> int:
    """CAT and/or interview scores from ``nik,nilai_cat,nilai_wawancara`` (either score column
    may be absent; an empty cell leaves the score as it is). Scores 0–100."""
    pastikan_boleh_kelola(pengguna)
    _perlu_ppk_pps(rekrutmen)
    tabel = baca_tabel(berkas, nama_berkas=nama_berkas, kolom_wajib=KOLOM_NILAI)
    kolom_nilai = [k for k in ("nilai_cat", "nilai_wawancara") if k in tabel.kolom]
    if not kolom_nilai:
        raise ImporGagal(
            [
                Kesalahan(
                    1, "nilai_cat", "berkas harus memiliki kolom nilai_cat atau nilai_wawancara."
                )
            ]
        )
    per_nik: dict[str, list[Pendaftar]] = {}
    for p in Pendaftar.objects.filter(rekrutmen=rekrutmen, status_administrasi="ms"):
        per_nik.setdefault(p.nik, []).append(p)
    kesalahan, ubah, n = [], {}, 0
    for nomor, data in tabel.baris:
        n += 1
        cocok = per_nik.get(data["nik"], [])
        if len(cocok) != 1:
            kesalahan.append(
                Kesalahan(nomor, "nik", "tidak ada pendaftar MS dengan NIK ini di rekrutmen ini.")
            )
            continue
        p = cocok[0]
        for kolom in kolom_nilai:
            teks = data.get(kolom, "")
            if not teks:
                continue
            try:
                nilai = _nilai_sah(parse_angka_id(teks), tertulis=teks)
            except (ValueError, InvalidOperation) as exc:
                kesalahan.append(Kesalahan(nomor, kolom, str(exc)))
                continue
            setattr(p, kolom, nilai)
            ubah[p.pk] = p
    if not kesalahan and n == 0:
        kesalahan.append(Kesalahan(None, "", "berkas tidak berisi satu pun baris data."))
    if kesalahan:
        raise ImporGagal(kesalahan)
    Pendaftar.objects.bulk_update(list(ubah.values()), kolom_nilai, batch_size=2000)
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=rekrutmen,
        ringkasan=f"Impor nilai {', '.join(kolom_nilai)} {nama_berkas}: {len(ubah)} pendaftar",
    )
    return len(ubah)


@transaction.atomic
def nilai_set(
    *,
    pendaftar: Pendaftar,
    nilai_cat: Decimal | None = None,
    nilai_wawancara: Decimal | None = None,
    pengguna,
) -> Pendaftar:
    """Enter one applicant's scores (0–100; ``None`` leaves a score as it is)."""
    pastikan_boleh_kelola(pengguna)
    _perlu_ppk_pps(pendaftar.rekrutmen)
    if pendaftar.status_administrasi != Pendaftar.Status.MS:
        raise ValidationError("Nilai hanya untuk pendaftar yang memenuhi syarat administrasi.")
    for kolom, nilai in (("nilai_cat", nilai_cat), ("nilai_wawancara", nilai_wawancara)):
        if nilai is None:
            continue
        try:
            setattr(pendaftar, kolom, _nilai_sah(nilai))
        except ValueError as exc:
            raise ValidationError({kolom: str(exc)}) from None
    pendaftar._change_reason = "Nilai seleksi diisi"
    pendaftar.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=pendaftar,
        ringkasan=f"Nilai: CAT {pendaftar.nilai_cat}, wawancara {pendaftar.nilai_wawancara}",
    )
    return pendaftar


@transaction.atomic
def wawancara_select(*, rekrutmen: Rekrutmen, pengguna) -> int:
    """Call up to 3× the seats of each wilayah to interview, by CAT score."""
    pastikan_boleh_kelola(pengguna)
    _perlu_ppk_pps(rekrutmen)
    kursi = kursi_per_wilayah(rekrutmen)
    calon = Pendaftar.objects.filter(
        rekrutmen=rekrutmen, status_administrasi="ms", nilai_cat__isnull=False
    ).order_by("wilayah_tujuan_id", F("nilai_cat").desc(), "tanggal_lahir", "pk")
    dipanggil = []
    for wilayah_id, rows in _per_wilayah(calon).items():
        dipanggil += [p.pk for p in rows[: 3 * kursi.get(wilayah_id, 0)]]
    semua = Pendaftar.objects.filter(rekrutmen=rekrutmen)
    semua.update(dipanggil_wawancara=False)
    semua.filter(pk__in=dipanggil).update(dipanggil_wawancara=True)
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Penetapan peserta wawancara: {len(dipanggil)} pendaftar",
    )
    return len(dipanggil)


def nilai_akhir(p: Pendaftar) -> Decimal:
    return (p.nilai_cat or Decimal(0)) + (p.nilai_wawancara or Decimal(0))


@transaction.atomic
def peringkat_compute(*, rekrutmen: Rekrutmen, pengguna) -> dict:
    """Rank each wilayah and mark terpilih / cadangan / tidak (rules in the module doc)."""
    pastikan_boleh_kelola(pengguna)
    kursi = kursi_per_wilayah(rekrutmen)
    semua = Pendaftar.objects.filter(rekrutmen=rekrutmen)
    if rekrutmen.jenis_badan == JenisBadan.KPPS:
        calon = semua.filter(status_administrasi="ms").order_by(
            "wilayah_tujuan_id", "peringatan_usia_lebih_55", "pk"
        )
    else:
        calon = semua.filter(
            status_administrasi="ms",
            dipanggil_wawancara=True,
            nilai_cat__isnull=False,
            nilai_wawancara__isnull=False,
        ).order_by(
            "wilayah_tujuan_id",
            (F("nilai_cat") + F("nilai_wawancara")).desc(),
            F("nilai_wawancara").desc(),
            F("nilai_cat").desc(),
            "tanggal_lahir",
            "pk",
        )
    ubah = []
    hitung = {"terpilih": 0, "cadangan": 0}
    for wilayah_id, rows in _per_wilayah(calon).items():
        k = kursi.get(wilayah_id, 0)
        for i, p in enumerate(rows[: 2 * k], start=1):  # seats + as many reserves
            p.peringkat = i
            p.hasil_akhir = (
                Pendaftar.HasilAkhir.TERPILIH if i <= k else Pendaftar.HasilAkhir.CADANGAN
            )
            hitung[p.hasil_akhir] += 1
            ubah.append(p)
    semua.update(peringkat=None, hasil_akhir=Pendaftar.HasilAkhir.TIDAK)
    Pendaftar.objects.bulk_update(ubah, ["peringkat", "hasil_akhir"], batch_size=2000)
    # The final announcement reads the ranking: a new one is new applicant data.
    pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Perankingan: {hitung['terpilih']} terpilih, {hitung['cadangan']} cadangan",
    )
    return hitung


@transaction.atomic
def penetapan_create(
    *,
    rekrutmen: Rekrutmen,
    nomor_sk: str,
    tanggal_sk: date,
    mulai: date | None = None,
    selesai: date | None = None,
    pengguna,
) -> int:
    """Appoint every *terpilih* applicant not yet appointed, as anggota, with the SK."""
    pastikan_boleh_kelola(pengguna)
    mulai = mulai or rekrutmen.masa_kerja_mulai
    selesai = selesai or rekrutmen.masa_kerja_selesai
    if not (nomor_sk or "").strip():
        raise ValidationError({"nomor_sk": "Nomor SK wajib diisi."})
    if mulai is None or selesai is None or selesai < mulai:
        raise ValidationError({"mulai": "Isi masa kerja (mulai ≤ selesai)."})
    sudah = AnggotaBadan.objects.filter(rekrutmen=rekrutmen, pendaftar__isnull=False).values(
        "pendaftar_id"
    )
    terpilih = (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, hasil_akhir=Pendaftar.HasilAkhir.TERPILIH)
        .exclude(pk__in=sudah)
        .order_by("wilayah_tujuan_id", "peringkat")
    )
    baru = [
        AnggotaBadan(
            rekrutmen=rekrutmen,
            pendaftar=p,
            nama=p.nama,
            wilayah_id=p.wilayah_tujuan_id,
            jabatan=Jabatan.ANGGOTA,
            nomor_sk=nomor_sk.strip(),
            tanggal_sk=tanggal_sk,
            mulai=mulai,
            selesai=selesai,
        )
        for p in terpilih
    ]
    if not baru:
        raise ValidationError("Tidak ada pendaftar terpilih yang belum ditetapkan.")
    AnggotaBadan.objects.bulk_create(baru, batch_size=2000)
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Penetapan {len(baru)} anggota dengan SK {nomor_sk}",
    )
    return len(baru)


@transaction.atomic
def anggota_jabatan_set(*, anggota: AnggotaBadan, jabatan: str, pengguna) -> AnggotaBadan:
    """Set a member's role (e.g. the ketua chosen by the members); one ketua per wilayah."""
    pastikan_boleh_kelola(pengguna)
    if not anggota.aktif:
        raise ValidationError(f"{anggota.nama} sudah berhenti; jabatannya tidak dapat diubah.")
    if jabatan not in Jabatan.values:
        raise ValidationError({"jabatan": "Jabatan tidak dikenal."})
    if jabatan == Jabatan.KETUA and (
        AnggotaBadan.objects.filter(
            rekrutmen=anggota.rekrutmen,
            wilayah=anggota.wilayah,
            jabatan=Jabatan.KETUA,
            status=AnggotaBadan.Status.AKTIF,
        )
        .exclude(pk=anggota.pk)
        .exists()
    ):
        raise ValidationError({"jabatan": "Wilayah ini sudah memiliki ketua yang aktif."})
    anggota.jabatan = jabatan
    anggota._change_reason = f"Jabatan menjadi {jabatan}"
    anggota.save()
    return anggota


def cadangan_berikut(anggota: AnggotaBadan) -> Pendaftar | None:
    """The next reserve of the same wilayah (lowest rank) who has not been appointed."""
    sudah = AnggotaBadan.objects.filter(
        rekrutmen=anggota.rekrutmen, pendaftar__isnull=False
    ).values("pendaftar_id")
    return (
        Pendaftar.objects.filter(
            rekrutmen=anggota.rekrutmen,
            wilayah_tujuan_id=anggota.wilayah_id,
            hasil_akhir=Pendaftar.HasilAkhir.CADANGAN,
        )
        .exclude(pk__in=sudah)
        .order_by("peringkat", "pk")
        .first()
    )


@transaction.atomic
def paw_create(
    *,
    anggota: AnggotaBadan,
    alasan: str,
    tanggal_berhenti: date,
    keterangan: str = "",
    nomor_sk: str,
    tanggal_sk: date,
    pengguna,
) -> AnggotaBadan:
    """Pergantian antarwaktu: the member stops (resigns, dies, dismissed) and the next reserve
    of the same wilayah takes the seat from the next day to the end of the term."""
    pastikan_boleh_kelola(pengguna)
    anggota = AnggotaBadan.objects.select_for_update().get(pk=anggota.pk)
    if not anggota.aktif:
        raise ValidationError("Anggota ini sudah berhenti.")
    if alasan not in AnggotaBadan.AlasanBerhenti.values:
        raise ValidationError({"alasan": "Pilih alasan berhenti."})
    if not anggota.mulai <= tanggal_berhenti < anggota.selesai:
        raise ValidationError(
            {"tanggal_berhenti": "Tanggal berhenti harus di dalam masa kerja (sebelum akhir)."}
        )
    if not (nomor_sk or "").strip():
        raise ValidationError({"nomor_sk": "Nomor SK PAW wajib diisi."})
    pengganti_dari = cadangan_berikut(anggota)
    if pengganti_dari is None:
        raise ValidationError(
            "Tidak ada cadangan tersisa di wilayah ini; lakukan rekrutmen ulang untuk kursi ini."
        )
    anggota.status = AnggotaBadan.Status.BERHENTI
    anggota.alasan_berhenti = alasan
    anggota.tanggal_berhenti = tanggal_berhenti
    anggota.keterangan_berhenti = keterangan
    anggota._change_reason = f"Berhenti: {alasan}"
    anggota.save()
    pengganti = AnggotaBadan.objects.create(
        rekrutmen=anggota.rekrutmen,
        pendaftar=pengganti_dari,
        nama=pengganti_dari.nama,
        wilayah=anggota.wilayah,
        jabatan=Jabatan.ANGGOTA,
        nomor_sk=nomor_sk.strip(),
        tanggal_sk=tanggal_sk,
        mulai=tanggal_berhenti + timedelta(days=1),
        selesai=anggota.selesai,
        menggantikan=anggota,
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=pengganti,
        ringkasan=f"PAW: {pengganti.nama} menggantikan {anggota.nama} ({alasan})",
    )
    return pengganti
