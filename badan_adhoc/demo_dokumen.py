"""Demo: the numbered documents of the PPK, PPS and KPPS recruitments (issue 19 item 2),
issued through the same services as a user's (draft rendered in-process, issued with the next
number, the issued file rendered and frozen).

- PPK: pengumuman pendaftaran, berita acara of the administrative selection, the final
  announcement (every kecamatan; also published, by ``demo._pengumuman_demo``).
- PPS and KPPS: pengumuman pendaftaran, the administrative result of ONE kecamatan (the one
  with the fewest applicants: a whole regency of KPPS applicants would slow the demo load),
  the berita acara.

INVENTED: the dates of issue (the day before registration opens, the last day of the
administrative selection, the day after the interviews) and therefore the numbers; the real
2022–2024 documents of KPU Kota Serang carry other numbers and dates. Idempotent: a document
already issued (not replaced) is not issued again."""

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


def muat(*, stdout) -> None:
    n = 0
    for kode in ("ppk-pemilu-2024", "pps-pemilu-2024", "kpps-pemilu-2024"):
        rekrutmen = Rekrutmen.objects.filter(kode=kode).first()
        daftar = rekrutmen and _tahap(rekrutmen, TahapanRekrutmen.Tahap.PENDAFTARAN)
        adm = rekrutmen and _tahap(rekrutmen, TahapanRekrutmen.Tahap.ADMINISTRASI)
        if not (daftar and adm):
            continue
        rencana = [
            ("pengumuman_pendaftaran", {}, daftar.mulai - timedelta(days=1)),
            ("ba_administrasi", {}, adm.selesai),
        ]
        if rekrutmen.jenis_badan == "ppk":
            rencana.append(("pengumuman_pdf", {"tahap": "akhir"}, tanggal_hasil_akhir(rekrutmen)))
        elif kecamatan := kecamatan_terkecil(rekrutmen):
            rencana.append(
                (
                    "pengumuman_pdf",
                    {"tahap": "administrasi", "kecamatan": kecamatan},
                    adm.selesai,
                )
            )
        for jenis, data, tanggal in rencana:
            n += terbitkan_demo(rekrutmen, jenis, data, tanggal) is not None
    stdout.write(f"  badan_adhoc: {n} dokumen bernomor (PPK, PPS, KPPS)")
