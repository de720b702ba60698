"""Demo: every numbered document of the PPK, PPS and KPPS recruitments (issue 19 item 2),
issued through the same services as a user's (draft rendered in-process, issued with the next
number, the issued file rendered and frozen), in the order of their dates, so the numbers of
each book run with the calendar.

Per body, for the stages it has:

- pengumuman pendaftaran; hasil seleksi administrasi and its berita acara; (PPK, PPS) hasil
  tes tertulis and its berita acara; the berita acara of the public comments; hasil akhir and
  the berita acara of the interview/final result; the SK penetapan with its lampiran; (PPK,
  PPS) the SK of each PAW.
- The announcements of PPS and KPPS, and the KPPS decree, are of ONE kecamatan (the one with
  the fewest applicants): a whole regency's KPPS list would slow the demo load; a user asks for
  the others on the documents page. The PPK's final announcement is also published
  (``/publik/pengumuman/``).

INVENTED: the dates of issue (the day before registration opens, the last day of each stage,
the day after the interviews, the date of the SK entered at the appointment) and therefore the
numbers; the real 2022–2024 documents of KPU Kota Serang carry other numbers and dates.
Idempotent: a document already issued (not replaced) is not issued again."""

from __future__ import annotations

from datetime import date, timedelta

from .dokumen.jenis import jenis_get
from .dokumen.models import DokumenRekrutmen
from .models import Rekrutmen, TahapanRekrutmen


def terbitkan_demo(rekrutmen: Rekrutmen, jenis: str, data: dict, tanggal: date):
    """The issued document ``jenis`` with ``data`` dated ``tanggal``: the current issue when
    there is one, else a draft rendered and issued now (in-process, no broker)."""
    from .dokumen.penomoran import dokumen_terbitkan_bernomor
    from .dokumen.services import dokumen_render, dokumen_request

    parameter = jenis_get(jenis).parameter(rekrutmen, dict(data))
    ada = (
        DokumenRekrutmen.objects.filter(
            rekrutmen=rekrutmen,
            jenis=jenis,
            parameter=parameter,
            nomor_terbit__isnull=False,
            diganti_oleh__isnull=True,
            status=DokumenRekrutmen.Status.SELESAI,
        )
        .order_by("-pk")
        .first()
    )
    if ada is not None:
        return ada
    draf, _baru = dokumen_request(
        rekrutmen=rekrutmen, jenis=jenis, parameter=parameter, pengguna=None, antrekan=False
    )
    draf = dokumen_render(dokumen_id=draf.pk) or DokumenRekrutmen.objects.get(pk=draf.pk)
    if not draf.dapat_diunduh:
        return None
    terbit = dokumen_terbitkan_bernomor(
        dokumen=draf, pengguna=None, tanggal=tanggal, antrekan=False
    )
    return dokumen_render(dokumen_id=terbit.pk) or DokumenRekrutmen.objects.get(pk=terbit.pk)


def _tahap(rekrutmen: Rekrutmen, tahap: str) -> TahapanRekrutmen | None:
    return TahapanRekrutmen.objects.filter(rekrutmen=rekrutmen, tahap=tahap).first()


def tanggal_hasil_akhir(rekrutmen: Rekrutmen) -> date:
    """INVENTED: the day after the interviews (or the start of the work period)."""
    wawancara = _tahap(rekrutmen, TahapanRekrutmen.Tahap.WAWANCARA)
    if wawancara:
        return wawancara.selesai + timedelta(days=1)
    return rekrutmen.masa_kerja_mulai or rekrutmen.tanggal_acuan


def kecamatan_terkecil(rekrutmen: Rekrutmen) -> int | None:
    """The id of the kecamatan with the fewest applicants of ``rekrutmen`` (one query)."""
    from django.db.models import Count

    from .models import Pendaftar

    baris = (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, wilayah_tujuan__induk__isnull=False)
        .values_list("wilayah_tujuan__induk")
        .annotate(n=Count("pk"))
        .order_by("n", "wilayah_tujuan__induk")
        .first()
    )
    return baris[0] if baris else None


def rencana_rekrutmen(rekrutmen: Rekrutmen) -> list[tuple[date, str, dict]]:
    """``[(tanggal, jenis, data)]``: the documents of ``rekrutmen`` the demo issues."""
    from .models import AnggotaBadan

    tahap = {t.tahap: t for t in TahapanRekrutmen.objects.filter(rekrutmen=rekrutmen)}
    T = TahapanRekrutmen.Tahap
    daftar, adm = tahap.get(T.PENDAFTARAN), tahap.get(T.ADMINISTRASI)
    if not (daftar and adm):
        return []
    kec = {} if rekrutmen.jenis_badan == "ppk" else {"kecamatan": kecamatan_terkecil(rekrutmen)}
    akhir = tanggal_hasil_akhir(rekrutmen)
    rencana = [
        (daftar.mulai - timedelta(days=1), "pengumuman_pendaftaran", {}),
        (adm.selesai, "pengumuman_pdf", {"tahap": "administrasi", **kec}),
        (adm.selesai, "ba_administrasi", {}),
        (akhir, "pengumuman_pdf", {"tahap": "akhir", **kec}),
        (akhir, "ba_akhir", {}),
    ]
    if tes := tahap.get(T.TES_TERTULIS):
        rencana += [
            (tes.selesai, "pengumuman_pdf", {"tahap": "tes", **kec}),
            (tes.selesai, "ba_tes_tertulis", {}),
        ]
    if tanggapan := tahap.get(T.TANGGAPAN):
        rencana.append((tanggapan.selesai, "ba_tanggapan", {}))
    anggota = AnggotaBadan.objects.filter(rekrutmen=rekrutmen)
    if sk := anggota.filter(menggantikan__isnull=True).order_by("pk").first():
        rencana.append((sk.tanggal_sk, "sk_penetapan", dict(kec)))
    for pengganti in anggota.filter(menggantikan__isnull=False).order_by("pk"):
        rencana.append((pengganti.tanggal_sk, "sk_paw", {"anggota": pengganti.pk}))
    return rencana


def muat(*, stdout) -> None:
    from .dokumen.services import dokumen_publish

    rencana = []
    for kode in ("ppk-pemilu-2024", "pps-pemilu-2024", "kpps-pemilu-2024"):
        if rekrutmen := Rekrutmen.objects.filter(kode=kode).first():
            rencana += [
                (tanggal, rekrutmen.pk, i, rekrutmen, jenis, data)
                for i, (tanggal, jenis, data) in enumerate(rencana_rekrutmen(rekrutmen))
            ]
    n = 0
    for tanggal, _pk, _i, rekrutmen, jenis, data in sorted(rencana, key=lambda r: r[:3]):
        dokumen = terbitkan_demo(rekrutmen, jenis, data, tanggal)
        n += dokumen is not None
        publik = rekrutmen.jenis_badan == "ppk" and data.get("tahap") == "akhir"
        if publik and dokumen is not None and dokumen.dapat_diunduh and not dokumen.terbit:
            dokumen_publish(dokumen=dokumen, pengguna=None)
    stdout.write(f"  badan_adhoc: {n} dokumen bernomor (PPK, PPS, KPPS)")
