"""Stages after the administrative screening, appointment (penetapan) and PAW.

PPK and PPS (NOTES.md funnel): among MS applicants of each wilayah, the best written-test (CAT)
scores up to 3× the seats are called to interview; the called ones are ranked by the final
score (CAT + interview) and the first 2× seats get a rank: the first ``seats`` are *terpilih*,
the rest *cadangan* (reserves for PAW, in rank order); everyone else *tidak*.

KPPS: administrative selection only. MS applicants of each desa/kelurahan are ranked with those
without the 55+ warning first, then by registration order; the first ``seats`` (7 per TPS) are
*terpilih*, up to as many again are *cadangan*. Pantarlih (``BADAN_PER_TPS``) the same way,
with its own seats (1 per TPS).

Tie rule (documented in the README): final score, then interview score, then CAT score, then
the older applicant (earlier birth date), then the earlier registration (lower id). For the
call to interview: CAT score, then older, then earlier registration. The final score is compared
exactly, in hundredths (on SQLite a sum of two stored decimals is a float, where
60,31 + 60,27 would come out above 60,29 + 60,29).

Set-based, like the screening: the call to interview and the ranking number the applicants of
each wilayah with ``ROW_NUMBER() OVER (PARTITION BY wilayah …)`` joined to the seats
(``kursi_per_wilayah_qs``) and write the result in one UPDATE of the rows that change
(``sql.perbarui_dari``); penetapan is one ``INSERT … SELECT``. The query count does not grow
with the applicants. Batch writes, as before: no per-row history, one audit entry per step.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q

from kpu_site.audit import jejak_beda, jejak_catat, jejak_gabung, jejak_nilai, jejak_tandai
from kpu_site.batas import batas_model_pastikan
from kpu_site.formatting import angka
from kpu_site.impor import ImporGagal, Kesalahan, baca_tabel, kesalahan_asal, parse_angka_id

from ..akses import pastikan_boleh_kelola
from ..models import AnggotaBadan, Jabatan, JenisBadan, Pendaftar, Rekrutmen
from ..selectors import kursi_per_wilayah_qs
from .sql import perbarui_dari
from .versi import pendaftar_versi_naik

KOLOM_NILAI = ("nik",)
#: the score columns as the audit trail names them
_LABEL_NILAI = {"nilai_cat": "CAT", "nilai_wawancara": "wawancara"}


def _perlu_ppk_pps(rekrutmen: Rekrutmen) -> None:
    if rekrutmen.per_tps:
        raise ValidationError(
            f"{rekrutmen.get_jenis_badan_display()} hanya melalui seleksi administrasi "
            "(tanpa tes dan wawancara)."
        )


def _nilai_sah(nilai: Decimal, *, tertulis: str = "") -> Decimal:
    """A CAT or interview score as stored (two decimals); ``ValueError`` outside 0–100, naming
    the value as the user wrote it (``tertulis``)."""
    if not Decimal(0) <= nilai <= Decimal(100):
        raise ValueError(f"{tertulis or nilai} di luar rentang 0–100.")
    return nilai.quantize(Decimal("0.01"))


@transaction.atomic
def nilai_import(*, rekrutmen: Rekrutmen, berkas, nama_berkas: str, pengguna, pemetaan=None) -> int:
    """CAT and/or interview scores from ``nik,nilai_cat,nilai_wawancara`` (either score column
    may be absent; an empty cell leaves the score as it is). Scores 0–100."""
    pastikan_boleh_kelola(pengguna)
    _perlu_ppk_pps(rekrutmen)
    tabel = baca_tabel(berkas, nama_berkas=nama_berkas, kolom_wajib=KOLOM_NILAI, pemetaan=pemetaan)
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
        raise ImporGagal(kesalahan_asal(kesalahan, tabel.asal))
    Pendaftar.objects.bulk_update(list(ubah.values()), kolom_nilai, batch_size=2000)
    pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=rekrutmen,
        ringkasan=(
            f"Impor nilai {', '.join(_LABEL_NILAI[k] for k in kolom_nilai)} {nama_berkas}: "
            f"{angka(len(ubah))} pendaftar"
        ),
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
    """Enter one applicant's scores (0–100; ``None`` leaves a score as it is). The row is read
    again under a lock: a score a colleague entered meanwhile is kept."""
    pastikan_boleh_kelola(pengguna)
    pendaftar = Pendaftar.objects.select_for_update().get(pk=pendaftar.pk)
    sebelum = jejak_nilai(pendaftar)
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
    # one entry (the history row's), also for an imported applicant without earlier history
    jejak_tandai(
        pendaftar,
        aksi="ubah",
        ringkasan=(
            f"Nilai: CAT {_nilai_teks(pendaftar.nilai_cat)}, "
            f"wawancara {_nilai_teks(pendaftar.nilai_wawancara)}"
        ),
        pengguna=pengguna,
        perubahan=jejak_beda(sebelum, pendaftar),
    )
    pendaftar.save()
    pendaftar_versi_naik(rekrutmen_ids=[pendaftar.rekrutmen_id])
    return pendaftar


def _nilai_teks(nilai: Decimal | None) -> str:
    return "–" if nilai is None else str(nilai)


# The candidates and their order, in SQL over ``badan_adhoc_pendaftar AS p`` (the literals are
# the models' own choice values, not user input).
_MS = f"p.status_administrasi = '{Pendaftar.Status.MS}'"
_CALON_WAWANCARA = f"{_MS} AND p.nilai_cat IS NOT NULL"
_URUT_WAWANCARA = "p.nilai_cat DESC, p.tanggal_lahir, p.id"
_CALON_PPK_PPS = (
    f"{_MS} AND p.dipanggil_wawancara AND p.nilai_cat IS NOT NULL AND p.nilai_wawancara IS NOT NULL"
)
_URUT_PPK_PPS = (
    "ROUND(p.nilai_cat * 100) + ROUND(p.nilai_wawancara * 100) DESC, "
    "p.nilai_wawancara DESC, p.nilai_cat DESC, p.tanggal_lahir, p.id"
)
_CALON_KPPS = _MS
_URUT_KPPS = "p.peringatan_usia_lebih_55, p.id"


def _bernomor(
    rekrutmen: Rekrutmen, *, calon: str, urutan: str, lama: tuple[str, ...]
) -> tuple[str, list]:
    """SELECT ``id, calon, nomor, kursi`` and the current value of the ``lama`` columns (as
    ``lama_<column>``) of every applicant of ``rekrutmen``: ``nomor`` is its place among the
    candidates (or the others) of its wilayah, ``kursi`` the wilayah's seats."""
    kursi_sql, kursi_params = kursi_per_wilayah_qs(rekrutmen).query.sql_with_params()
    kolom_lama = "".join(f"p.{k} AS lama_{k}, " for k in lama)
    sql = (
        f"SELECT p.id AS id, {kolom_lama}({calon}) AS calon, "  # noqa: S608
        "COALESCE(k.kursi, 0) AS kursi, "
        f"ROW_NUMBER() OVER (PARTITION BY p.wilayah_tujuan_id, ({calon}) ORDER BY {urutan}) "
        f"AS nomor FROM {Pendaftar._meta.db_table} AS p "
        f"LEFT JOIN ({kursi_sql}) AS k ON k.pk = p.wilayah_tujuan_id "
        "WHERE p.rekrutmen_id = %s"
    )
    return sql, [*kursi_params, rekrutmen.pk]


@transaction.atomic
def wawancara_select(*, rekrutmen: Rekrutmen, pengguna) -> int:
    """Call up to 3× the seats of each wilayah to interview, by CAT score."""
    pastikan_boleh_kelola(pengguna)
    _perlu_ppk_pps(rekrutmen)
    bernomor, params = _bernomor(
        rekrutmen, calon=_CALON_WAWANCARA, urutan=_URUT_WAWANCARA, lama=("dipanggil_wawancara",)
    )
    berubah = perbarui_dari(
        tabel=Pendaftar._meta.db_table,
        kolom={"dipanggil_wawancara": "boolean"},
        sumber=(
            "SELECT n.id AS id, n.lama_dipanggil_wawancara, "  # noqa: S608
            "(n.calon AND n.nomor <= 3 * n.kursi) AS dipanggil_wawancara "
            f"FROM ({bernomor}) AS n"
        ),
        params=params,
        saring="l.rekrutmen_id = %s",
        saring_params=[rekrutmen.pk],
    )
    if berubah:  # a rerun that changes nothing keeps the cached figures
        pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
    dipanggil = Pendaftar.objects.filter(rekrutmen=rekrutmen, dipanggil_wawancara=True).count()
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Penetapan peserta wawancara: {angka(dipanggil)} pendaftar",
    )
    return dipanggil


def nilai_akhir(p: Pendaftar) -> Decimal:
    return (p.nilai_cat or Decimal(0)) + (p.nilai_wawancara or Decimal(0))


@transaction.atomic
def peringkat_compute(*, rekrutmen: Rekrutmen, pengguna) -> dict:
    """Rank each wilayah and mark terpilih / cadangan / tidak (rules in the module doc)."""
    pastikan_boleh_kelola(pengguna)
    lama = ("peringkat", "hasil_akhir")
    if rekrutmen.per_tps:  # KPPS, Pantarlih
        bernomor, params = _bernomor(rekrutmen, calon=_CALON_KPPS, urutan=_URUT_KPPS, lama=lama)
    else:
        bernomor, params = _bernomor(
            rekrutmen, calon=_CALON_PPK_PPS, urutan=_URUT_PPK_PPS, lama=lama
        )
    hasil = Pendaftar.HasilAkhir
    berubah = perbarui_dari(
        tabel=Pendaftar._meta.db_table,
        kolom={"peringkat": "integer", "hasil_akhir": "varchar(10)"},
        sumber=(  # seats + as many reserves get a rank
            "SELECT n.id AS id, n.lama_peringkat, n.lama_hasil_akhir, "  # noqa: S608
            "CASE WHEN n.calon AND n.nomor <= 2 * n.kursi THEN n.nomor END AS peringkat, "
            "CASE WHEN n.calon AND n.nomor <= n.kursi THEN %s "
            "WHEN n.calon AND n.nomor <= 2 * n.kursi THEN %s ELSE %s END AS hasil_akhir "
            f"FROM ({bernomor}) AS n"
        ),
        params=[hasil.TERPILIH.value, hasil.CADANGAN.value, hasil.TIDAK.value, *params],
        saring="l.rekrutmen_id = %s",
        saring_params=[rekrutmen.pk],
    )
    if berubah:
        pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
    hitung = Pendaftar.objects.filter(rekrutmen=rekrutmen).aggregate(
        terpilih=Count("pk", filter=Q(hasil_akhir=hasil.TERPILIH)),
        cadangan=Count("pk", filter=Q(hasil_akhir=hasil.CADANGAN)),
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Perankingan: {angka(hitung['terpilih'])} terpilih, {angka(hitung['cadangan'])} cadangan",
    )
    return hitung


def _anggota_baru_sql(rekrutmen: Rekrutmen, tetap: dict) -> tuple[str, list]:
    """``INSERT … SELECT`` of an ``AnggotaBadan`` for every *terpilih* applicant of
    ``rekrutmen`` not yet appointed, in rank order per wilayah: name and wilayah from the
    applicant, ``tetap`` (field -> value) for every member, the model's defaults elsewhere."""
    qn = connection.ops.quote_name
    dari_pendaftar = {
        "rekrutmen": "p.rekrutmen_id",
        "pendaftar": "p.id",
        "nama": "p.nama",
        "wilayah": "p.wilayah_tujuan_id",
    }
    kolom, pilih, params = [], [], []
    for field in AnggotaBadan._meta.concrete_fields:
        if field.primary_key:
            continue
        kolom.append(qn(field.column))
        if field.name in dari_pendaftar:
            pilih.append(dari_pendaftar[field.name])
        else:
            pilih.append("%s")
            nilai = tetap[field.name] if field.name in tetap else field.get_default()
            params.append(field.get_db_prep_save(nilai, connection))
    anggota = qn(AnggotaBadan._meta.db_table)
    sql = (
        f"INSERT INTO {anggota} ({', '.join(kolom)}) SELECT {', '.join(pilih)} "  # noqa: S608
        f"FROM {qn(Pendaftar._meta.db_table)} AS p "
        "WHERE p.rekrutmen_id = %s AND p.hasil_akhir = %s AND NOT EXISTS ("
        f"SELECT 1 FROM {anggota} AS a WHERE a.rekrutmen_id = p.rekrutmen_id "
        "AND a.pendaftar_id = p.id) "
        "ORDER BY p.wilayah_tujuan_id, p.peringkat, p.id"
    )
    return sql, [*params, rekrutmen.pk, Pendaftar.HasilAkhir.TERPILIH.value]


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
    """Appoint every *terpilih* applicant not yet appointed, as anggota, with the SK: one
    ``INSERT … SELECT``, however many (no per-row history; one audit entry)."""
    pastikan_boleh_kelola(pengguna)
    mulai = mulai or rekrutmen.masa_kerja_mulai
    selesai = selesai or rekrutmen.masa_kerja_selesai
    nomor_sk = (nomor_sk or "").strip()
    if not nomor_sk:
        raise ValidationError({"nomor_sk": "Nomor SK wajib diisi."})
    if mulai is None or selesai is None or selesai < mulai:
        raise ValidationError({"mulai": "Isi masa kerja (mulai ≤ selesai)."})
    batas_model_pastikan(AnggotaBadan, {"nomor_sk": nomor_sk})
    sql, params = _anggota_baru_sql(
        rekrutmen,
        {
            "jabatan": Jabatan.ANGGOTA.value,
            "nomor_sk": nomor_sk,
            "tanggal_sk": tanggal_sk,
            "mulai": mulai,
            "selesai": selesai,
        },
    )
    with connection.cursor() as cur:
        cur.execute(sql, params)
        baru = cur.rowcount
    if not baru:
        raise ValidationError("Tidak ada pendaftar terpilih yang belum ditetapkan.")
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=rekrutmen,
        ringkasan=f"Penetapan {angka(baru)} anggota dengan SK {nomor_sk}",
    )
    return baru


def jabatan_pilihan(rekrutmen: Rekrutmen) -> dict[str, str]:
    """The positions a member of ``rekrutmen`` may hold (value -> label): every one, except
    for Pantarlih, who work alone per TPS (anggota only)."""
    if rekrutmen.jenis_badan == JenisBadan.PANTARLIH:
        return {Jabatan.ANGGOTA.value: Jabatan.ANGGOTA.label}
    return dict(Jabatan.choices)


@transaction.atomic
def anggota_jabatan_set(*, anggota: AnggotaBadan, jabatan: str, pengguna) -> AnggotaBadan:
    """Set a member's role (e.g. the ketua chosen by the members); one ketua per wilayah.
    The wilayah's active members are locked first, so two ketua set at once are decided one
    after the other, each on the members as they are then."""
    pastikan_boleh_kelola(pengguna)
    list(
        AnggotaBadan.objects.select_for_update()
        .filter(rekrutmen_id=anggota.rekrutmen_id, wilayah_id=anggota.wilayah_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    anggota = AnggotaBadan.objects.select_related("rekrutmen", "wilayah").get(pk=anggota.pk)
    if not anggota.aktif:
        raise ValidationError(f"{anggota.nama} sudah berhenti; jabatannya tidak dapat diubah.")
    if jabatan not in Jabatan.values:
        raise ValidationError({"jabatan": "Jabatan tidak dikenal."})
    if jabatan not in jabatan_pilihan(anggota.rekrutmen):
        pesan = f"{anggota.nama}: Pantarlih bertugas per TPS tanpa ketua; jabatannya anggota."
        raise ValidationError({"jabatan": pesan})
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
    anggota._history_user = pengguna
    with jejak_gabung():  # the member's history row; the PAW is the one entry below
        anggota.save()
    pengganti = AnggotaBadan(
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
    jejak_tandai(
        pengganti,
        aksi="alur",
        ringkasan=(
            f"PAW: {pengganti.nama} menggantikan {anggota.nama} "
            f"({AnggotaBadan.AlasanBerhenti(alasan).label.lower()})"
        ),
        pengguna=pengguna,
    )
    pengganti.save(force_insert=True)
    return pengganti
