"""The SAKIP evaluation worksheet (LKE): create the worksheet of a year, edit its structure,
answer the criteria, confirm the proposals from the data, the evaluator's answers, finalise.

Who writes what:

- the structure (components, sub-components, criteria, weights): the Sekretaris and Admin, while
  the self-assessment is a draft (``pastikan_pimpinan``);
- the self-assessment answers and the confirmation of a proposal: the Sekretaris, Admin and Sub
  Bagian Perencanaan (``pastikan_perencana``), while the self-assessment is a draft;
- the evaluator's answers: the Auditor role and Admin (permission
  ``kinerja.nilai_evaluator_lke``), also after the self-assessment is final.

Every write goes into the history and the audit trail; a refused write changes nothing.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit
from kpu_site.audit import jejak_catat
from kpu_site.batas import tahun_pastikan
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import angka

from ..model_lke import (
    PREDIKAT_8821,
    JawabanLke,
    KomponenLke,
    KriteriaLke,
    LembarKerjaEvaluasi,
    SubKomponenLke,
)
from ._dasar import pastikan_perencana
from ._dasar import tulis as _tulis

DASAR_8821 = "PermenPANRB 88/2021"
SERATUS = Decimal(100)

#: The values of the answers of each scale (PermenPANRB 88/2021), copied into each worksheet.
SKALA_8821 = {
    "pemenuhan": {"Y": "1", "T": "0"},
    "kualitas": {"A": "1", "B": "0.75", "C": "0.5", "D": "0.25", "E": "0"},
    "pemanfaatan": {"A": "1", "B": "0.75", "C": "0.5", "D": "0.25", "E": "0"},
}
_UKUR = "Pengukuran kinerja telah "


def lke_struktur_8821() -> list[dict]:
    """The structure of the LKE of PermenPANRB 88/2021: components → sub-components (weight,
    kind) → criteria (text, key of the automatic proposal rule or "")."""

    def k(*baris):
        return [{"uraian": u, "aturan": a} for u, a in baris]

    return [
        {
            "kode": "1",
            "nama": "Perencanaan Kinerja",
            "bobot": "30",
            "sub": [
                {
                    "kode": "1.a",
                    "nama": "Dokumen Perencanaan kinerja telah tersedia",
                    "bobot": "6",
                    "jenis": "pemenuhan",
                    "kriteria": k(
                        ("Terdapat pedoman teknis perencanaan kinerja", ""),
                        ("Terdapat dokumen perencanaan kinerja jangka panjang", ""),
                        (
                            "Terdapat dokumen perencanaan kinerja jangka menengah",
                            "renstra_mencakup",
                        ),
                        ("Terdapat dokumen perencanaan kinerja jangka pendek", "rkt_ditetapkan"),
                        (
                            "Terdapat dokumen perencanaan aktivitas yang mendukung kinerja",
                            "rencana_aksi_ada",
                        ),
                        (
                            "Terdapat dokumen perencanaan anggaran yang mendukung kinerja",
                            "dipa_ada",
                        ),
                    ),
                },
                {
                    "kode": "1.b",
                    "nama": "Dokumen Perencanaan kinerja telah memenuhi standar yang baik",
                    "bobot": "9",
                    "jenis": "kualitas",
                    "kriteria": k(
                        ("Dokumen Perencanaan Kinerja telah diformalkan", "pk_iku_formal"),
                        ("Dokumen Perencanaan Kinerja telah dipublikasikan tepat waktu", ""),
                        (
                            "Dokumen Perencanaan Kinerja telah menggambarkan kebutuhan atas "
                            "kinerja sebenarnya yang perlu dicapai",
                            "",
                        ),
                        (
                            "Kualitas rumusan hasil (tujuan/sasaran) telah jelas menggambarkan "
                            "kondisi kinerja yang akan dicapai",
                            "",
                        ),
                        (
                            "Ukuran keberhasilan (indikator kinerja) telah memenuhi kriteria SMART",
                            "manual_iku_lengkap",
                        ),
                        (
                            "Indikator Kinerja Utama (IKU) telah menggambarkan kondisi kinerja "
                            "utama yang harus dicapai, tertuang secara berkelanjutan "
                            "(sustainable - tidak sering diganti dalam 1 periode Perencanaan "
                            "Strategis)",
                            "",
                        ),
                        (
                            "Target yang ditetapkan dalam perencanaan kinerja dapat dicapai "
                            "(achievable), menantang, dan realistis",
                            "",
                        ),
                        (
                            "Setiap Dokumen Perencanaan Kinerja menggambarkan hubungan yang "
                            "berkesinambungan, serta selaras antara Kondisi/Hasil yang akan "
                            "dicapai di setiap level jabatan (Cascading)",
                            "pohon_tanpa_temuan",
                        ),
                        (
                            "Perencanaan kinerja dapat memberikan informasi tentang hubungan "
                            "kinerja, strategi, kebijakan, bahkan aktivitas antar bidang/dengan "
                            "tugas dan fungsi lain yang berkaitan (Crosscutting)",
                            "",
                        ),
                        (
                            "Setiap unit/satuan kerja merumuskan dan menetapkan Perencanaan Kinerja",
                            "pk_semua_tingkat",
                        ),
                        ("Setiap pegawai merumuskan dan menetapkan Perencanaan Kinerja", ""),
                    ),
                },
                {
                    "kode": "1.c",
                    "nama": "Perencanaan Kinerja telah dimanfaatkan untuk mewujudkan hasil yang "
                    "berkesinambungan",
                    "bobot": "15",
                    "jenis": "pemanfaatan",
                    "kriteria": k(
                        (
                            "Anggaran yang ditetapkan telah mengacu pada Kinerja yang ingin "
                            "dicapai",
                            "anggaran_tertaut_sasaran",
                        ),
                        (
                            "Aktivitas yang dilaksanakan telah mendukung Kinerja yang ingin dicapai",
                            "",
                        ),
                        (
                            "Target yang ditetapkan dalam Perencanaan Kinerja telah dicapai dengan "
                            "baik, atau setidaknya masih on the right track",
                            "capaian_sesuai_jalur",
                        ),
                        (
                            "Rencana aksi kinerja dapat berjalan dinamis karena capaian kinerja "
                            "selalu dipantau secara berkala",
                            "monitoring_ra_lengkap",
                        ),
                        (
                            "Terdapat perbaikan/penyempurnaan Dokumen Perencanaan Kinerja yang "
                            "ditetapkan dari hasil analisis perbaikan kinerja sebelumnya",
                            "",
                        ),
                        (
                            "Terdapat perbaikan/penyempurnaan Dokumen Perencanaan Kinerja dalam "
                            "mewujudkan kondisi/hasil yang lebih baik",
                            "",
                        ),
                        (
                            "Setiap unit/satuan kerja memahami dan peduli, serta berkomitmen "
                            "dalam mencapai kinerja yang telah direncanakan",
                            "",
                        ),
                        (
                            "Setiap Pegawai memahami dan peduli, serta berkomitmen dalam mencapai "
                            "kinerja yang telah direncanakan",
                            "",
                        ),
                    ),
                },
            ],
        },
        {
            "kode": "2",
            "nama": "Pengukuran Kinerja",
            "bobot": "30",
            "sub": [
                {
                    "kode": "2.a",
                    "nama": "Pengukuran Kinerja telah dilakukan",
                    "bobot": "6",
                    "jenis": "pemenuhan",
                    "kriteria": k(
                        (
                            "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data "
                            "kinerja",
                            "",
                        ),
                        (
                            "Terdapat Definisi Operasional yang jelas atas kinerja dan cara "
                            "mengukur indikator kinerja",
                            "manual_iku_lengkap",
                        ),
                        (
                            "Terdapat mekanisme yang jelas terhadap pengumpulan data kinerja yang "
                            "dapat diandalkan",
                            "realisasi_berkala",
                        ),
                    ),
                },
                {
                    "kode": "2.b",
                    "nama": "Pengukuran Kinerja telah menjadi kebutuhan dalam mewujudkan Kinerja "
                    "secara efektif dan efisien dan telah dilakukan secara berjenjang dan "
                    "berkelanjutan",
                    "bobot": "9",
                    "jenis": "kualitas",
                    "kriteria": k(
                        (
                            "Pimpinan selalu terlibat sebagai pengambil keputusan (Decision "
                            "Maker) dalam mengukur capaian kinerja",
                            "",
                        ),
                        (
                            "Data kinerja yang dikumpulkan telah relevan untuk mengukur capaian "
                            "kinerja yang diharapkan",
                            "",
                        ),
                        (
                            "Data kinerja yang dikumpulkan telah mendukung capaian kinerja yang "
                            "diharapkan",
                            "",
                        ),
                        ("Pengukuran kinerja telah dilakukan secara berkala", "realisasi_berkala"),
                        (
                            "Setiap level organisasi melakukan pemantauan atas pengukuran capaian "
                            "kinerja unit dibawahnya secara berjenjang",
                            "",
                        ),
                        (
                            "Pengumpulan data kinerja telah memanfaatkan Teknologi Informasi "
                            "(Aplikasi)",
                            "realisasi_aplikasi",
                        ),
                        (
                            "Pengukuran capaian kinerja telah memanfaatkan Teknologi Informasi "
                            "(Aplikasi)",
                            "",
                        ),
                    ),
                },
                {
                    "kode": "2.c",
                    "nama": "Pengukuran Kinerja telah dijadikan dasar dalam pemberian Reward "
                    "dan Punishment, serta penyesuaian strategi dalam mencapai kinerja yang "
                    "efektif dan efisien",
                    "bobot": "15",
                    "jenis": "pemanfaatan",
                    "kriteria": k(
                        (
                            _UKUR + "menjadi dasar dalam penyesuaian (pemberian/pengurangan) "
                            "tunjangan kinerja/penghasilan",
                            "",
                        ),
                        (
                            _UKUR + "menjadi dasar dalam penempatan/penghapusan "
                            "Jabatan baik struktural maupun fungsional",
                            "",
                        ),
                        (
                            _UKUR + "mempengaruhi penyesuaian (Refocusing) Organisasi",
                            "",
                        ),
                        (_UKUR + "mempengaruhi penyesuaian Strategi dalam mencapai kinerja", ""),
                        (_UKUR + "mempengaruhi penyesuaian Kebijakan dalam mencapai kinerja", ""),
                        (_UKUR + "mempengaruhi penyesuaian Aktivitas dalam mencapai kinerja", ""),
                        (_UKUR + "mempengaruhi penyesuaian Anggaran dalam mencapai kinerja", ""),
                        (
                            "Terdapat efisiensi atas penggunaan anggaran dalam mencapai kinerja",
                            "efisiensi_anggaran",
                        ),
                        (
                            "Setiap unit/satuan kerja memahami dan peduli atas hasil pengukuran "
                            "kinerja",
                            "",
                        ),
                        ("Setiap pegawai memahami dan peduli atas hasil pengukuran kinerja", ""),
                    ),
                },
            ],
        },
        {
            "kode": "3",
            "nama": "Pelaporan Kinerja",
            "bobot": "15",
            "sub": [
                {
                    "kode": "3.a",
                    "nama": "Terdapat Dokumen Laporan yang menggambarkan Kinerja",
                    "bobot": "3",
                    "jenis": "pemenuhan",
                    "kriteria": k(
                        ("Dokumen Laporan Kinerja telah disusun", "lkj_disusun"),
                        (
                            "Dokumen Laporan Kinerja telah disusun secara berkala",
                            "monitoring_ra_lengkap",
                        ),
                        ("Dokumen Laporan Kinerja telah diformalkan", "lkj_final"),
                        ("Dokumen Laporan Kinerja telah direviu", "lkj_direviu"),
                        ("Dokumen Laporan Kinerja telah dipublikasikan", "lkj_dipublikasikan"),
                        (
                            "Dokumen Laporan Kinerja telah disampaikan tepat waktu",
                            "lkj_tepat_waktu",
                        ),
                    ),
                },
                {
                    "kode": "3.b",
                    "nama": "Dokumen Laporan Kinerja telah memenuhi Standar menggambarkan "
                    "kualitas kinerja yang baik",
                    "bobot": "4.5",
                    "jenis": "kualitas",
                    "kriteria": k(
                        (
                            "Dokumen Laporan Kinerja disusun secara berkualitas sesuai dengan standar",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah mengungkap seluruh informasi tentang "
                            "pencapaian kinerja",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan analisis dan evaluasi "
                            "realisasi kinerja dengan target tahunan",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan analisis dan evaluasi "
                            "realisasi kinerja dengan target jangka menengah",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan analisis dan evaluasi "
                            "realisasi kinerja dengan realisasi kinerja tahun-tahun sebelumnya",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan analisis dan evaluasi "
                            "realisasi kinerja dengan realisasi kinerja di level nasional/"
                            "internasional (Benchmark Kinerja)",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan kualitas atas "
                            "keberhasilan/kegagalan mencapai target kinerja beserta upaya nyata "
                            "dan/atau hambatannya",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan efisiensi atas penggunaan "
                            "sumber daya dalam mencapai kinerja",
                            "",
                        ),
                        (
                            "Dokumen Laporan Kinerja telah menginfokan upaya perbaikan dan "
                            "penyempurnaan kinerja ke depan (Rekomendasi perbaikan kinerja)",
                            "",
                        ),
                    ),
                },
                {
                    "kode": "3.c",
                    "nama": "Pelaporan Kinerja telah memberikan dampak yang besar dalam "
                    "penyesuaian strategi/kebijakan dalam mencapai kinerja berikutnya",
                    "bobot": "7.5",
                    "jenis": "pemanfaatan",
                    "kriteria": k(
                        (
                            "Informasi dalam laporan kinerja selalu menjadi perhatian utama "
                            "pimpinan (Bertanggung Jawab)",
                            "",
                        ),
                        (
                            "Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh "
                            "pegawai",
                            "",
                        ),
                        (
                            "Informasi dalam laporan kinerja berkala telah digunakan dalam "
                            "penyesuaian aktivitas untuk mencapai kinerja",
                            "",
                        ),
                        (
                            "Informasi dalam laporan kinerja berkala telah digunakan dalam "
                            "penyesuaian penggunaan anggaran untuk mencapai kinerja",
                            "",
                        ),
                        (
                            "Informasi dalam laporan kinerja telah digunakan dalam evaluasi "
                            "pencapaian keberhasilan kinerja",
                            "",
                        ),
                        (
                            "Informasi dalam laporan kinerja telah digunakan dalam penyesuaian "
                            "perencanaan kinerja yang akan dihadapi berikutnya",
                            "",
                        ),
                        (
                            "Informasi dalam laporan kinerja selalu mempengaruhi perubahan budaya "
                            "kinerja organisasi",
                            "",
                        ),
                    ),
                },
            ],
        },
        {
            "kode": "4",
            "nama": "Evaluasi Akuntabilitas Kinerja Internal",
            "bobot": "25",
            "sub": [
                {
                    "kode": "4.a",
                    "nama": "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan",
                    "bobot": "5",
                    "jenis": "pemenuhan",
                    "kriteria": k(
                        (
                            "Terdapat pedoman teknis Evaluasi Akuntabilitas Kinerja Internal",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan pada "
                            "seluruh unit kerja/perangkat daerah",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan secara "
                            "berjenjang",
                            "",
                        ),
                    ),
                },
                {
                    "kode": "4.b",
                    "nama": "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan secara "
                    "berkualitas dengan Sumber Daya yang memadai",
                    "bobot": "7.5",
                    "jenis": "kualitas",
                    "kriteria": k(
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan sesuai "
                            "standar",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan oleh SDM "
                            "yang memadai",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan dengan "
                            "pendalaman yang memadai",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan pada "
                            "seluruh unit kerja/perangkat daerah",
                            "",
                        ),
                        (
                            "Evaluasi Akuntabilitas Kinerja Internal telah dilaksanakan "
                            "menggunakan Teknologi Informasi (Aplikasi)",
                            "",
                        ),
                    ),
                },
                {
                    "kode": "4.c",
                    "nama": "Implementasi SAKIP telah meningkat karena evaluasi Akuntabilitas "
                    "Kinerja Internal sehingga memberikan kesan yang nyata (dampak) dalam "
                    "efektifitas dan efisiensi Kinerja",
                    "bobot": "12.5",
                    "jenis": "pemanfaatan",
                    "kriteria": k(
                        (
                            "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja "
                            "internal telah ditindaklanjuti",
                            "temuan_ditindaklanjuti",
                        ),
                        (
                            "Telah terjadi peningkatan implementasi SAKIP dengan melaksanakan "
                            "tindak lanjut atas rerkomendasi hasil evaluasi akuntabilitas "
                            "Kinerja internal",
                            "",
                        ),
                        (
                            "Hasil Evaluasi Akuntabilitas Kinerja Internal telah dimanfaatkan "
                            "untuk perbaikan dan peningkatan akuntabilitas kinerja",
                            "",
                        ),
                        (
                            "Hasil dari Evaluasi Akuntabilitas Kinerja Internal telah "
                            "dimanfaatkan dalam mendukung efektifitas dan efisiensi kinerja",
                            "",
                        ),
                        (
                            "Telah terjadi perbaikan dan peningkatan kinerja dengan memanfaatkan "
                            "hasil evaluasi akuntabilitas kinerja internal",
                            "",
                        ),
                    ),
                },
            ],
        },
    ]


# --------------------------------------------------------------------------- who may write


def boleh_kelola_struktur(pengguna) -> bool:
    """The structure of a worksheet is kept by the Sekretaris and Admin."""
    from kpu_site.peran import PERAN_PIMPINAN, peran_of

    return peran_of(pengguna) in PERAN_PIMPINAN


def pastikan_pimpinan(pengguna) -> None:
    """``pengguna=None`` is the system itself (the demo data), always allowed."""
    if pengguna is not None and not boleh_kelola_struktur(pengguna):
        raise PermissionDenied(
            "Struktur lembar kerja evaluasi hanya dapat diubah oleh Sekretaris atau Admin."
        )


def boleh_isi_jawaban(pengguna) -> bool:
    return boleh_ubah_unit(pengguna, "perencanaan")


def boleh_nilai_evaluator(pengguna) -> bool:
    """The evaluator's answers: the Auditor role and Admin (``nilai_evaluator_lke``)."""
    return bool(pengguna and pengguna.has_perm("kinerja.nilai_evaluator_lke"))


def pastikan_penjawab(pengguna) -> None:
    """Sekretaris, Admin and Sub Bagian Perencanaan (``None``: the system, the demo data)."""
    if pengguna is not None:
        pastikan_perencana(pengguna)


def pastikan_evaluator(pengguna) -> None:
    if pengguna is not None and not boleh_nilai_evaluator(pengguna):
        raise PermissionDenied("Jawaban evaluator hanya dapat diisi oleh Auditor (evaluator).")


def _pastikan_draft(lke: LembarKerjaEvaluasi) -> None:
    if lke.terkunci:
        raise ValidationError(
            f"Penilaian mandiri {lke} sudah final; lembar kerja tidak dapat diubah lagi."
        )


# --------------------------------------------------------------------------- scale, grades


def _desimal(nilai, *, field: str, label: str) -> Decimal:
    try:
        d = Decimal(str(nilai).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: f"{label}: '{nilai}' bukan angka."}) from None
    if not d.is_finite():
        raise ValidationError({field: f"{label}: harus berupa angka."})
    return d


def skala_periksa(skala) -> dict:
    """The scale values of a worksheet: each kind of sub-component with its answers and their
    values between 0 and 1; returned with the values as text (JSON keeps no ``Decimal``)."""
    if not isinstance(skala, dict):
        raise ValidationError({"skala": "Skala harus berupa daftar jenis dan nilai jawabannya."})
    hasil = {}
    for jenis in SubKomponenLke.Jenis.values:
        nilai = skala.get(jenis)
        if not isinstance(nilai, dict) or not nilai:
            raise ValidationError({"skala": f"Skala jenis {jenis} belum diisi."})
        hasil[jenis] = {}
        for kode, v in nilai.items():
            kode = str(kode).strip().upper()
            if not kode or len(kode) > 2:
                raise ValidationError({"skala": f"Skala {jenis}: kode jawaban '{kode}' tidak sah."})
            d = _desimal(v, field="skala", label=f"Skala {jenis} jawaban {kode}")
            if not Decimal(0) <= d <= Decimal(1):
                raise ValidationError(
                    {"skala": f"Skala {jenis} jawaban {kode}: nilai harus antara 0 dan 1."}
                )
            hasil[jenis][kode] = str(d)
    lain = set(skala) - set(SubKomponenLke.Jenis.values)
    if lain:
        raise ValidationError({"skala": f"Jenis skala tidak dikenal: {', '.join(sorted(lain))}."})
    return hasil


def predikat_periksa(predikat) -> list:
    """The grade bounds: a list of ``[grade, lower bound]`` from the highest bound down to 0."""
    if not isinstance(predikat, list) or not predikat:
        raise ValidationError({"predikat": "Batas predikat belum diisi."})
    hasil, sebelumnya = [], None
    for i, baris in enumerate(predikat, start=1):
        if not isinstance(baris, list | tuple) or len(baris) != 2 or not str(baris[0]).strip():
            raise ValidationError({"predikat": f"Baris {i}: isi [predikat, batas bawah]."})
        d = _desimal(baris[1], field="predikat", label=f"Baris {i}, batas bawah")
        if not Decimal(0) <= d <= SERATUS:
            raise ValidationError({"predikat": f"Baris {i}: batas bawah harus antara 0 dan 100."})
        if sebelumnya is not None and d >= sebelumnya:
            raise ValidationError(
                {"predikat": f"Baris {i}: batas bawah harus lebih kecil dari baris sebelumnya."}
            )
        sebelumnya = d
        hasil.append([str(baris[0]).strip(), str(d)])
    if sebelumnya != 0:
        raise ValidationError({"predikat": "Predikat terakhir harus berbatas bawah 0."})
    return hasil


# --------------------------------------------------------------------------- weights


def bobot_periksa(lke: LembarKerjaEvaluasi) -> None:
    """The weights of the components add up to 100 and each component's sub-components to the
    component's weight; refused naming the component."""
    komponen = list(lke.komponen.prefetch_related("sub").order_by("kode"))
    total = sum((k.bobot for k in komponen), Decimal(0))
    if total != SERATUS:
        raise ValidationError(
            {
                "bobot": f"Jumlah bobot komponen {lke} adalah {angka(total, 2)}, harus 100 "
                f"({', '.join(f'{k.kode} {angka(k.bobot, 2)}' for k in komponen)})."
            }
        )
    for k in komponen:
        jumlah = sum((s.bobot for s in k.sub.all()), Decimal(0))
        if jumlah != k.bobot:
            raise ValidationError(
                {
                    "bobot": f"Komponen {k.kode} {k.nama}: jumlah bobot sub-komponen "
                    f"{angka(jumlah, 2)}, harus sama dengan bobot komponen {angka(k.bobot, 2)}."
                }
            )


# --------------------------------------------------------------------------- creating


def _struktur_dari_lke(lke: LembarKerjaEvaluasi) -> list[dict]:
    return [
        {
            "kode": k.kode,
            "nama": k.nama,
            "bobot": str(k.bobot),
            "sub": [
                {
                    "kode": s.kode,
                    "nama": s.nama,
                    "bobot": str(s.bobot),
                    "jenis": s.jenis,
                    "kriteria": [
                        {"uraian": c.uraian, "aturan": c.aturan}
                        for c in s.kriteria.order_by("nomor")
                    ],
                }
                for s in k.sub.order_by("kode")
            ],
        }
        for k in lke.komponen.order_by("kode")
    ]


@transaction.atomic
def lke_buat(*, pengguna, tahun: int, salin_dari: LembarKerjaEvaluasi | None = None):
    """Create the worksheet of ``tahun``: the structure of ``salin_dari`` (by default the latest
    earlier worksheet) or, when there is none, the 88/2021 structure; one empty answer per
    criterion. Sekretaris/Admin only."""
    pastikan_pimpinan(pengguna)
    tahun_pastikan(tahun, "tahun")
    if LembarKerjaEvaluasi.objects.filter(tahun=tahun).exists():
        raise ValidationError({"tahun": f"LKE {tahun} sudah ada."})
    if salin_dari is None:
        salin_dari = LembarKerjaEvaluasi.objects.filter(tahun__lt=tahun).order_by("-tahun").first()
    if salin_dari is not None:
        struktur = _struktur_dari_lke(salin_dari)
        dasar, skala, predikat = salin_dari.dasar, salin_dari.skala, salin_dari.predikat
    else:
        struktur, dasar, skala, predikat = (
            lke_struktur_8821(),
            DASAR_8821,
            SKALA_8821,
            PREDIKAT_8821,
        )
    lke = LembarKerjaEvaluasi(
        tahun=tahun, dasar=dasar, skala=skala_periksa(skala), predikat=predikat_periksa(predikat)
    )
    alasan = f"Dibuat dari {salin_dari}" if salin_dari else f"Dibuat dari struktur {DASAR_8821}"
    _tulis(lke, pengguna=pengguna, alasan=alasan)
    for k in struktur:
        komponen = KomponenLke(lke=lke, kode=k["kode"], nama=k["nama"], bobot=Decimal(k["bobot"]))
        _tulis(komponen, pengguna=pengguna, alasan=alasan)
        for s in k["sub"]:
            sub = SubKomponenLke(
                komponen=komponen,
                kode=s["kode"],
                nama=s["nama"],
                bobot=Decimal(s["bobot"]),
                jenis=s["jenis"],
            )
            _tulis(sub, pengguna=pengguna, alasan=alasan)
            for nomor, c in enumerate(s["kriteria"], start=1):
                kriteria = KriteriaLke(sub=sub, nomor=nomor, uraian=c["uraian"], aturan=c["aturan"])
                _tulis(kriteria, pengguna=pengguna, alasan=alasan)
                _tulis(JawabanLke(kriteria=kriteria), pengguna=pengguna, alasan=alasan)
    bobot_periksa(lke)
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=lke,
        ringkasan=f"{lke} dibuat ({alasan.lower()}).",
        perubahan={
            "Komponen": len(struktur),
            "Kriteria": KriteriaLke.objects.filter(sub__komponen__lke=lke).count(),
        },
    )
    return lke


# --------------------------------------------------------------------------- structure


def _kunci_lke(lke: LembarKerjaEvaluasi) -> LembarKerjaEvaluasi:
    return LembarKerjaEvaluasi.objects.select_for_update().get(pk=lke.pk)


@transaction.atomic
def komponen_ubah(*, pengguna, komponen: KomponenLke, nama: str, bobot) -> KomponenLke:
    """Change a component's name and weight. Saved only when every weight of the worksheet
    still adds up (``bobot_periksa``): change the sub-components first with
    ``struktur_bobot_set`` to move weight between components."""
    pastikan_pimpinan(pengguna)
    lke = _kunci_lke(komponen.lke)
    _pastikan_draft(lke)
    komponen = KomponenLke.objects.get(pk=komponen.pk)
    lama = {"nama": komponen.nama, "bobot": str(komponen.bobot)}
    if not (nama or "").strip():
        raise ValidationError({"nama": "Nama komponen wajib diisi."})
    komponen.nama = nama.strip()
    komponen.bobot = _desimal(bobot, field="bobot", label=f"Bobot komponen {komponen.kode}")
    _tulis(komponen, pengguna=pengguna, alasan="Komponen diubah")
    bobot_periksa(lke)
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=komponen,
        ringkasan=f"{lke}: komponen {komponen.kode} diubah.",
        perubahan={
            "nama": [lama["nama"], komponen.nama],
            "bobot": [lama["bobot"], str(komponen.bobot)],
        },
    )
    return komponen


@transaction.atomic
def struktur_bobot_set(*, pengguna, lke: LembarKerjaEvaluasi, bobot: dict[str, object]) -> None:
    """Set several weights at once, ``{kode: bobot}`` for components ("1") and sub-components
    ("1.a"); the whole set is refused (nothing written) unless the sums hold afterwards."""
    pastikan_pimpinan(pengguna)
    lke = _kunci_lke(lke)
    _pastikan_draft(lke)
    komponen = {k.kode: k for k in lke.komponen.all()}
    sub = {s.kode: s for s in SubKomponenLke.objects.filter(komponen__lke=lke)}
    perubahan = {}
    for kode, nilai in bobot.items():
        obj = komponen.get(kode) or sub.get(kode)
        if obj is None:
            raise ValidationError({"bobot": f"Kode {kode} tidak ada di {lke}."})
        baru = _desimal(nilai, field="bobot", label=f"Bobot {kode}")
        if baru != obj.bobot:
            perubahan[f"bobot {kode}"] = [str(obj.bobot), str(baru)]
            obj.bobot = baru
            _tulis(obj, pengguna=pengguna, alasan="Bobot diubah")
    bobot_periksa(lke)
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=lke,
        ringkasan=f"Bobot {lke} diubah.",
        perubahan=perubahan,
    )


@transaction.atomic
def kriteria_ubah(*, pengguna, kriteria: KriteriaLke, uraian: str, aturan: str) -> KriteriaLke:
    """Change a criterion's text or its proposal rule (a key of ``lke_usulan.ATURAN`` or "")."""
    from ..lke_usulan import ATURAN

    pastikan_pimpinan(pengguna)
    lke = _kunci_lke(kriteria.sub.komponen.lke)
    _pastikan_draft(lke)
    kriteria = KriteriaLke.objects.get(pk=kriteria.pk)
    aturan = (aturan or "").strip()
    if aturan and aturan not in ATURAN:
        raise ValidationError({"aturan": f"Aturan usulan '{aturan}' tidak dikenal."})
    if not (uraian or "").strip():
        raise ValidationError({"uraian": "Uraian kriteria wajib diisi."})
    lama = {"uraian": kriteria.uraian, "aturan": kriteria.aturan}
    kriteria.uraian, kriteria.aturan = uraian.strip(), aturan
    _tulis(kriteria, pengguna=pengguna, alasan="Kriteria diubah")
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=kriteria,
        ringkasan=f"{lke}: kriteria {kriteria} diubah.",
        perubahan={k: [v, getattr(kriteria, k)] for k, v in lama.items()},
    )
    return kriteria


@transaction.atomic
def lke_aturan_segarkan(*, pengguna, lke: LembarKerjaEvaluasi) -> list[str]:
    """Give an existing draft worksheet the proposal rules of ``lke_struktur_8821`` it lacks:
    each criterion without a rule whose kode ("1.c.1") carries one in the 88/2021 structure
    takes that key (a criterion with a rule, or one a person set, is left alone). For worksheets
    created before a rule existed (no data migration). Sekretaris/Admin only; returns the kode
    of the criteria changed; in the history and the audit trail."""
    pastikan_pimpinan(pengguna)
    lke = _kunci_lke(lke)
    _pastikan_draft(lke)
    baku = {
        f"{s['kode']}.{nomor}": c["aturan"]
        for k in lke_struktur_8821()
        for s in k["sub"]
        for nomor, c in enumerate(s["kriteria"], start=1)
        if c["aturan"]
    }
    diubah = {}
    for kriteria in (
        KriteriaLke.objects.filter(sub__komponen__lke=lke, aturan="")
        .select_related("sub")
        .order_by("sub__kode", "nomor")
    ):
        kode = str(kriteria)
        if kode not in baku:
            continue
        kriteria.aturan = baku[kode]
        _tulis(kriteria, pengguna=pengguna, alasan="Aturan usulan ditambahkan")
        diubah[kode] = ["", kriteria.aturan]
    if diubah:
        jejak_catat(
            pengguna=pengguna,
            aksi="ubah",
            objek=lke,
            ringkasan=f"{lke}: aturan usulan ditambahkan pada {len(diubah)} kriteria.",
            perubahan={f"aturan {kode}": v for kode, v in diubah.items()},
        )
    return list(diubah)


# --------------------------------------------------------------------------- answers


def skala_kode(lke: LembarKerjaEvaluasi, sub: SubKomponenLke) -> list[str]:
    """The answers the scale of ``sub`` accepts, highest value first (``["Y", "T"]``,
    ``["A", "B", "C", "D", "E"]``): PostgreSQL's jsonb keeps no key order."""
    nilai = lke.skala.get(sub.jenis, {})
    return sorted(nilai, key=lambda kode: (-Decimal(nilai[kode]), kode))


def _jawaban_periksa(jawaban: str, *, lke, sub, field: str) -> str:
    jawaban = (jawaban or "").strip().upper()
    if not jawaban:
        return ""
    boleh = skala_kode(lke, sub)
    if jawaban not in boleh:
        raise ValidationError(
            {
                field: f"Jawaban '{jawaban}' di luar skala sub-komponen {sub.kode} "
                f"({sub.get_jenis_display()}): pilih {', '.join(boleh)}."
            }
        )
    return jawaban


def _kunci_jawaban(jawaban: JawabanLke) -> tuple[JawabanLke, LembarKerjaEvaluasi]:
    lke = _kunci_lke(jawaban.kriteria.sub.komponen.lke)
    jawaban = JawabanLke.objects.select_related("kriteria__sub__komponen").get(pk=jawaban.pk)
    return jawaban, lke


@transaction.atomic
def jawaban_isi(
    *,
    pengguna,
    jawaban: JawabanLke,
    nilai: str,
    catatan: str = "",
    tautan: str = "",
    berkas=None,
) -> JawabanLke:
    """Answer a criterion of the self-assessment (answer, note, evidence link and/or file)."""
    pastikan_penjawab(pengguna)
    jawaban, lke = _kunci_jawaban(jawaban)
    _pastikan_draft(lke)
    sub = jawaban.kriteria.sub
    lama = {"jawaban": jawaban.jawaban, "catatan": jawaban.catatan, "tautan": jawaban.tautan}
    jawaban.jawaban = _jawaban_periksa(nilai, lke=lke, sub=sub, field="jawaban")
    jawaban.catatan = (catatan or "").strip()
    tautan = (tautan or "").strip()
    if tautan:
        try:
            URLValidator(schemes=["http", "https"])(tautan)
        except ValidationError:
            raise ValidationError(
                {"tautan": "Tautan harus alamat web lengkap (https://…)."}
            ) from None
    jawaban.tautan = tautan
    jawaban.diubah_oleh = pengguna
    if berkas is not None:
        try:
            jenis = berkas_periksa(berkas)
        except ValidationError as e:
            raise ValidationError({"berkas": e.messages}) from None
        jawaban.nama_asli = getattr(berkas, "name", "") or ""
        jawaban.jenis_berkas = jenis
        berkas.seek(0)
        jawaban.berkas.save(nama_acak(jenis), File(berkas), save=False)
    _tulis(jawaban, pengguna=pengguna, alasan=f"Jawaban {jawaban.kriteria} diisi")
    perubahan = {k: [v, getattr(jawaban, k)] for k, v in lama.items() if v != getattr(jawaban, k)}
    if berkas is not None:
        perubahan["berkas"] = ["", jawaban.nama_asli]
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=jawaban,
        ringkasan=f"{lke}: jawaban kriteria {jawaban.kriteria} diisi.",
        perubahan=perubahan,
    )
    return jawaban


@transaction.atomic
def usulan_hitung(*, pengguna, lke: LembarKerjaEvaluasi) -> int:
    """Compute the proposal of every criterion with a rule (``kinerja.lke_usulan``) and keep it
    with its reason and evidence links; returns how many criteria got a proposal. The answers
    themselves are untouched until a person confirms."""
    from ..lke_usulan import usulan_kriteria

    pastikan_penjawab(pengguna)
    lke = _kunci_lke(lke)
    _pastikan_draft(lke)
    jumlah = 0
    sekarang = timezone.now()
    dihitung: dict = {}
    for jawaban in JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).select_related(
        "kriteria__sub"
    ):
        if not jawaban.kriteria.aturan:
            continue
        hasil = usulan_kriteria(jawaban.kriteria, lke.tahun, dihitung=dihitung)
        usulan, alasan, bukti = hasil if hasil else ("", "", [])
        if hasil:
            jumlah += 1
            usulan = _jawaban_periksa(usulan, lke=lke, sub=jawaban.kriteria.sub, field="usulan")
        baru = (usulan, alasan, [list(b) for b in bukti])
        if (jawaban.usulan, jawaban.usulan_alasan, jawaban.usulan_bukti) == baru:
            continue
        jawaban.usulan, jawaban.usulan_alasan, jawaban.usulan_bukti = baru
        jawaban.usulan_dihitung_pada = sekarang
        _tulis(jawaban, pengguna=pengguna, alasan="Usulan dihitung dari data")
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=lke,
        ringkasan=f"{lke}: usulan jawaban dihitung dari data ({jumlah} kriteria).",
        perubahan={"Kriteria berusulan": jumlah},
    )
    return jumlah


@transaction.atomic
def usulan_konfirmasi(
    *, pengguna, jawaban: JawabanLke, nilai: str | None = None, catatan: str | None = None
) -> JawabanLke:
    """Confirm the proposal (``nilai`` None: take it) or change it (``nilai``: another answer on
    the scale; the proposal and its reason stay visible next to it)."""
    pastikan_penjawab(pengguna)
    jawaban, lke = _kunci_jawaban(jawaban)
    _pastikan_draft(lke)
    if not jawaban.usulan:
        raise ValidationError(
            {"jawaban": f"Kriteria {jawaban.kriteria} belum memiliki usulan dari data."}
        )
    lama = jawaban.jawaban
    pilih = jawaban.usulan if nilai in (None, "") else nilai
    jawaban.jawaban = _jawaban_periksa(pilih, lke=lke, sub=jawaban.kriteria.sub, field="jawaban")
    if catatan is not None:
        jawaban.catatan = catatan.strip()
    jawaban.dikonfirmasi_oleh = pengguna
    jawaban.dikonfirmasi_pada = timezone.now()
    jawaban.diubah_oleh = pengguna
    sama = jawaban.jawaban == jawaban.usulan
    alasan = "Usulan dikonfirmasi" if sama else "Usulan diganti"
    _tulis(jawaban, pengguna=pengguna, alasan=alasan)
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=jawaban,
        ringkasan=f"{lke}: {alasan.lower()} untuk kriteria {jawaban.kriteria} "
        f"(usulan {jawaban.usulan}, jawaban {jawaban.jawaban}).",
        perubahan={"jawaban": [lama, jawaban.jawaban]},
    )
    return jawaban


@transaction.atomic
def jawaban_evaluator_isi(
    *, pengguna, jawaban: JawabanLke, nilai: str, catatan: str = ""
) -> JawabanLke:
    """The evaluator's answer and note on a criterion (Auditor and Admin only)."""
    pastikan_evaluator(pengguna)
    jawaban, lke = _kunci_jawaban(jawaban)
    lama = {"jawaban_evaluator": jawaban.jawaban_evaluator, "catatan": jawaban.catatan_evaluator}
    jawaban.jawaban_evaluator = _jawaban_periksa(
        nilai, lke=lke, sub=jawaban.kriteria.sub, field="jawaban_evaluator"
    )
    jawaban.catatan_evaluator = (catatan or "").strip()
    jawaban.dinilai_oleh = pengguna
    jawaban.dinilai_pada = timezone.now()
    _tulis(jawaban, pengguna=pengguna, alasan=f"Jawaban evaluator {jawaban.kriteria}")
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=jawaban,
        ringkasan=f"{lke}: jawaban evaluator kriteria {jawaban.kriteria} diisi.",
        perubahan={
            "jawaban evaluator": [lama["jawaban_evaluator"], jawaban.jawaban_evaluator],
            "catatan evaluator": [lama["catatan"], jawaban.catatan_evaluator],
        },
    )
    return jawaban


@transaction.atomic
def lke_finalkan(*, pengguna, lke: LembarKerjaEvaluasi) -> LembarKerjaEvaluasi:
    """Finalise the self-assessment: every criterion answered, weights adding up. Sekretaris and
    Admin only; the worksheet is frozen afterwards (the evaluator still enters answers)."""
    pastikan_pimpinan(pengguna)
    lke = _kunci_lke(lke)
    _pastikan_draft(lke)
    bobot_periksa(lke)
    kosong = [
        str(j.kriteria)
        for j in JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke, jawaban="")
        .select_related("kriteria__sub")
        .order_by("kriteria__sub__komponen__kode", "kriteria__sub__kode", "kriteria__nomor")
    ]
    if kosong:
        contoh = ", ".join(kosong[:10]) + (" …" if len(kosong) > 10 else "")
        raise ValidationError({"jawaban": f"{len(kosong)} kriteria {lke} belum dijawab: {contoh}."})
    lke.status = LembarKerjaEvaluasi.Status.FINAL
    lke.difinalkan_oleh = pengguna
    lke.difinalkan_pada = timezone.now()
    _tulis(lke, pengguna=pengguna, alasan="Penilaian mandiri difinalkan")
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=lke,
        ringkasan=f"Penilaian mandiri {lke} difinalkan.",
        perubahan={"status": ["draft", "final"]},
    )
    return lke
