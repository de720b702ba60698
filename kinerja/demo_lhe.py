"""Demo LHE of KPU Kota Serang: the evaluator's report on the SAKIP 2022 (dated 2023) with three
findings and their follow-up, and the report on the SAKIP 2023 (dated 2024) with a score in the
BB range (``muat``, called at the end of ``kinerja.demo.muat``).

Everything here is INVENTED (the seeds hold no LHE): the report numbers and dates, the scores
(2022: 68,42 → B; 2023: 72,15 → BB), the evaluator's summary, the findings, recommendations,
deadlines and follow-up. They are written to be plausible for a KPU Kota secretariat:

1. IKU not yet outcome-oriented (Perencanaan) — followed up and accepted by the Sekretaris
   (``selesai``);
2. Rencana Aksi not monitored quarterly (Keuangan, Umum dan Logistik) — one follow-up
   (``proses``);
3. LKj not published on time (Perencanaan) — no follow-up yet, deadline passed (``belum``).
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile

from sekretariat.models import UnitOrganisasi

from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut

EVALUATOR = "Inspektorat KPU Provinsi Banten"

LHE = [
    {
        "tahun": 2022,
        "nomor": "112/PW.02-LHE/36/2023 (contoh)",
        "tanggal": dt.date(2023, 4, 17),
        "nilai": "68.42",
        "ringkasan": (
            "Evaluasi atas implementasi SAKIP tahun 2022 (contoh). Perencanaan kinerja telah "
            "tersedia, namun indikator kinerja utama sebagian besar masih berorientasi keluaran; "
            "pemantauan Rencana Aksi belum berkala dan LKj belum dipublikasikan tepat waktu."
        ),
    },
    {
        "tahun": 2023,
        "nomor": "087/PW.02-LHE/36/2024 (contoh)",
        "tanggal": dt.date(2024, 4, 22),
        "nilai": "72.15",
        "ringkasan": (
            "Evaluasi atas implementasi SAKIP tahun 2023 (contoh). IKU telah direviu menjadi "
            "berorientasi hasil; Rencana Aksi dimonitor triwulanan sejak triwulan II."
        ),
    },
]

# nomor, unit kode, komponen, uraian, rekomendasi, batas waktu; all invented
TEMUAN_2022 = [
    (
        1,
        "perencanaan",
        "perencanaan",
        "Indikator kinerja utama (IKU) sebagian besar masih berupa keluaran (output), belum "
        "mengukur hasil (outcome) dari sasaran strategis.",
        "Mereviu IKU dan Manual IKU agar berorientasi hasil, lalu menetapkannya kembali dengan "
        "keputusan Sekretaris.",
        dt.date(2023, 7, 31),
    ),
    (
        2,
        "keuangan",
        "pengukuran",
        "Rencana Aksi belum dimonitor secara triwulanan; capaian triwulan tidak dibandingkan "
        "dengan target triwulan dan realisasi anggaran.",
        "Menyusun laporan monitoring Rencana Aksi setiap triwulan yang ditandatangani Sekretaris "
        "dan membahasnya dalam rapat evaluasi.",
        dt.date(2023, 9, 30),
    ),
    (
        3,
        "perencanaan",
        "pelaporan",
        "LKj tahun 2022 dipublikasikan pada laman KPU Kota Serang melewati batas waktu yang "
        "ditetapkan.",
        "Menetapkan jadwal penyusunan LKj dan mempublikasikannya paling lambat akhir Februari "
        "tahun berikutnya.",
        dt.date(2023, 12, 31),
    ),
]

# nomor temuan -> follow-up (tanggal, uraian, tautan or None for the demo PDF)
TINDAK_LANJUT = {
    1: [
        (
            dt.date(2023, 6, 12),
            "Rapat reviu IKU bersama seluruh sub bagian; IKU dan Manual IKU disusun ulang "
            "(contoh).",
            None,
        ),
    ],
    2: [
        (
            dt.date(2023, 10, 9),
            "Monitoring Rencana Aksi triwulan III disusun; triwulan berikutnya dijadwalkan "
            "(contoh).",
            "https://kota-serang.kpu.go.id/contoh/monitoring-rencana-aksi-tw3-2023",
        ),
    ],
}
DITERIMA_1 = (
    dt.datetime(2023, 7, 24, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),  # WIB
    "IKU hasil reviu telah ditetapkan dan manualnya lengkap (contoh).",
)


def _pdf_contoh(judul: str) -> bytes:
    """A one-page PDF naming itself a demo document (valid: header, objects, xref, trailer)."""
    isi = f"BT /F1 14 Tf 72 770 Td ({judul}) Tj ET".encode("latin-1")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(isi)).encode() + b" >>\nstream\n" + isi + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    keluaran = bytearray(b"%PDF-1.4\n")
    posisi = []
    for i, o in enumerate(objek, start=1):
        posisi.append(len(keluaran))
        keluaran += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(keluaran)
    keluaran += f"xref\n0 {len(objek) + 1}\n0000000000 65535 f \n".encode()
    for p in posisi:
        keluaran += f"{p:010d} 00000 n \n".encode()
    keluaran += (
        f"trailer\n<< /Size {len(objek) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(keluaran)


def muat(*, stdout=None) -> None:
    """Create (idempotently) the two demo LHE, the three findings of 2022 and their follow-up."""
    unit = {u.kode: u for u in UnitOrganisasi.objects.filter(kode__in=["perencanaan", "keuangan"])}
    if len(unit) < 2:
        return
    laporan = {}
    for data in LHE:
        lhe, dibuat = LaporanHasilEvaluasi.objects.get_or_create(
            tahun=data["tahun"], defaults=data | {"evaluator": EVALUATOR}
        )
        if dibuat:
            lhe.nama_asli = f"LHE-SAKIP-{lhe.tahun}-contoh.pdf"
            lhe.jenis_berkas = "pdf"
            lhe.berkas.save(
                f"lhe-{lhe.tahun}-contoh.pdf",
                ContentFile(_pdf_contoh(f"LHE SAKIP {lhe.tahun} (contoh)")),
            )
        laporan[lhe.tahun] = lhe
    lhe = laporan[2022]
    for nomor, kode, komponen, uraian, rekomendasi, batas in TEMUAN_2022:
        temuan, dibuat = TemuanEvaluasi.objects.get_or_create(
            lhe=lhe,
            nomor=nomor,
            defaults={
                "unit": unit[kode],
                "komponen": komponen,
                "uraian": uraian,
                "rekomendasi": rekomendasi,
                "batas_waktu": batas,
            },
        )
        if not dibuat:
            continue
        for tanggal, teks, tautan in TINDAK_LANJUT.get(nomor, []):
            tl = TindakLanjut(temuan=temuan, tanggal=tanggal, uraian=teks, tautan=tautan or "")
            if tautan is None:
                tl.nama_asli = "notulen-reviu-iku-contoh.pdf"
                tl.jenis_berkas = "pdf"
                tl.berkas.save(
                    "notulen-reviu-iku-contoh.pdf",
                    ContentFile(_pdf_contoh("Notulen reviu IKU (contoh)")),
                    save=False,
                )
            tl.save()
            temuan.status = TemuanEvaluasi.Status.PROSES
        if nomor == 1:
            temuan.status = TemuanEvaluasi.Status.SELESAI
            temuan.diterima_pada = DITERIMA_1[0]
            temuan.catatan_penerimaan = DITERIMA_1[1]
        temuan.save()
    if stdout is not None:
        stdout.write("  kinerja: LHE SAKIP 2022 (3 temuan dan tindak lanjut) dan 2023")
