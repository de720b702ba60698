"""Demo: a few public comments (tanggapan masyarakat) on the PPS and KPPS 2024 applicants.

INVENTED data (marked "contoh fiktif" in the text): the commenters, their contacts and the
comments are made up; they are dated inside each recruitment's "tanggapan" stage. One comment
is handled as "tidak berpengaruh" (no applicant's result changes, so the demo's counts stay)."""

from __future__ import annotations

from datetime import datetime, time

from django.core.files.base import ContentFile
from django.utils import timezone

from .model_tanggapan import TanggapanMasyarakat
from .models import Pendaftar, Rekrutmen, TahapanRekrutmen
from .services.tanggapan import tanggapan_tindak_lanjut

CONTOH = {
    "pps-pemilu-2024": [
        (
            "Ahmad Fauzi (contoh fiktif)",
            "0812-0000-0001",
            "Pendaftar ini kami kenal sebagai "
            "pengurus ranting partai di kelurahan kami (contoh fiktif).",
            True,
        ),
        (
            "Siti Rohmah (contoh fiktif)",
            "siti.contoh@example.invalid",
            "Pendaftar ini sudah pindah domisili ke kota lain sejak tahun lalu (contoh fiktif).",
            False,
        ),
    ],
    "kpps-pemilu-2024": [
        (
            "Rudi Hartono (contoh fiktif)",
            "0813-0000-0002",
            "Pendaftar ini tercatat sebagai tim sukses salah satu calon (contoh fiktif).",
            False,
        ),
    ],
}
PDF_CONTOH = b"%PDF-1.4\n% lampiran contoh fiktif tanggapan masyarakat\n%%EOF\n"


def muat(*, stdout=None) -> None:
    """Idempotent: nothing is added when the recruitment already has comments."""
    for kode, daftar in CONTOH.items():
        rekrutmen = Rekrutmen.objects.filter(kode=kode).first()
        tahap = TahapanRekrutmen.objects.filter(rekrutmen=rekrutmen, tahap="tanggapan").first()
        if rekrutmen is None or tahap is None or rekrutmen.tanggapan.exists():
            continue
        pendaftar = list(
            Pendaftar.objects.filter(rekrutmen=rekrutmen, status_administrasi="ms").order_by("pk")[
                : len(daftar)
            ]
        )
        waktu = timezone.make_aware(datetime.combine(tahap.mulai, time(10, 0)))
        for i, ((nama, kontak, isi, lampiran), p) in enumerate(
            zip(daftar, pendaftar, strict=False)
        ):
            t = TanggapanMasyarakat(
                rekrutmen=rekrutmen,
                pendaftar=p,
                tahap="tanggapan",
                nama=nama,
                kontak=kontak,
                isi=isi,
                alamat_pengirim="192.0.2.10",  # documentation range (invented)
            )
            if lampiran:
                t.lampiran_nama, t.lampiran_jenis = "bukti_contoh.pdf", "pdf"
                t.lampiran.save("bukti_contoh.pdf", ContentFile(PDF_CONTOH), save=False)
            t._change_reason = "Demo: tanggapan masyarakat (contoh fiktif)"
            t.save()
            TanggapanMasyarakat.objects.filter(pk=t.pk).update(diterima_pada=waktu)
            if i == 0:
                tanggapan_tindak_lanjut(
                    tanggapan=t,
                    klarifikasi="Dicek ke SIPOL dan diklarifikasi ke pendaftar (contoh fiktif).",
                    hasil=TanggapanMasyarakat.Hasil.TIDAK_BERPENGARUH,
                    alasan="Tidak terdaftar di SIPOL; surat pernyataan bukan anggota ada.",
                    pengguna=None,
                )
    if stdout is not None:
        stdout.write(f"  badan_adhoc: {TanggapanMasyarakat.objects.count()} tanggapan masyarakat")
