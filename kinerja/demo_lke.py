"""Demo LKE (evaluation of SAKIP) of KPU Kota Serang: the self-assessment 2022 and 2023 and the
evaluator's score 2023 (``muat``, called at the end of ``kinerja.demo.muat``).

- LKE 2022 and 2023 are created from the PermenPANRB 88/2021 structure (the regulation's
  wording, ``services.lke.lke_struktur_8821``).
- 2023: the proposals are computed from the demo's data (Renstra, IKU and manuals, RKT, PK of
  every level, the performance tree, DIPA and its lines linked to sasaran, Rencana Aksi and
  monitoring, realisasi and capaian against serapan, the LKj and its review, the LHE 2022
  findings) and confirmed as they are: this demo runs last in ``kinerja.demo`` so that every
  other demo's data exists. In ``muat_demo`` the LKj 2023 is final (26 February 2024) and
  published (28 February 2024), so 3.a.1, 3.a.3, 3.a.5 and 3.a.6 are Y/A: 74,76. In the tests'
  core demo (and ``muat_demo --lkj-draf``) it is a reviewed draft, so they are T/E: 72,76
  (``tests/kinerja/test_lke_demo.py`` works both out by hand). 2.c.8 is C (one sasaran's
  capaian below its serapan) and 4.c.1 E (finding 3 of the LHE 2022 overdue without
  follow-up).
- Invented, marked as such: every other answer of 2022 and 2023 (``JAWABAN_2022``,
  ``JAWABAN_2023``: a satker around BB, answered by sub-component in criterion order; a
  criterion with a proposal takes the proposal instead), the notes "(contoh)", and the
  evaluator's answers of 2023 (the self-assessment with a few criteria one step lower,
  ``EVALUATOR_2023``). The totals and grades are computed by ``kinerja.selectors_lke``, never
  typed. 2022 is final; 2023 stays a draft.
"""

from __future__ import annotations

from kpu_site.formatting import angka

from .model_lke import JawabanLke, LembarKerjaEvaluasi
from .selectors_lke import lke_pohon, lke_predikat, lke_total
from .services import lke as svc

#: Invented self-assessment 2023 by sub-component, one letter per criterion in order.
JAWABAN_2023 = {
    "1.a": "YYYYYY",
    "1.b": "BBBBBBBBBBC",
    "1.c": "BBBBBBBC",
    "2.a": "YYY",
    "2.b": "BBBBBBB",
    "2.c": "CCBBBBBBBC",
    "3.a": "YYYYYY",
    "3.b": "BBBBCBBBB",
    "3.c": "BBBBBBC",
    "4.a": "YYT",
    "4.b": "BCCBB",
    "4.c": "BCBBC",
}
#: Invented self-assessment 2022 (a year earlier, a little lower).
JAWABAN_2022 = {
    "1.a": "YYYYTY",
    "1.b": "BCBCBBCCCCC",
    "1.c": "BBCBCCCC",
    "2.a": "YYY",
    "2.b": "BBCBCBC",
    "2.c": "CCCBBCBCCC",
    "3.a": "YYYTTY",
    "3.b": "BBBCCCBCB",
    "3.c": "BCBBCBC",
    "4.a": "YTT",
    "4.b": "CCCCB",
    "4.c": "CCCBC",
}
#: Invented: the criteria the evaluator scores one step lower than the self-assessment.
EVALUATOR_2023 = {("1.b", 3): "C", ("2.c", 4): "C", ("3.b", 6): "D", ("4.c", 2): "D"}


def _jawab(lke: LembarKerjaEvaluasi, jawaban: dict[str, str]) -> None:
    for j in JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).select_related(
        "kriteria__sub"
    ):
        if j.jawaban:
            continue  # a confirmed proposal
        kode, nomor = j.kriteria.sub.kode, j.kriteria.nomor
        svc.jawaban_isi(
            pengguna=None,
            jawaban=j,
            nilai=jawaban[kode][nomor - 1],
            catatan="Dinilai berdasarkan dokumen pendukung satker (contoh).",
        )


def _pdf_contoh(judul: str) -> bytes:
    """A one-page PDF with one line of text (invented evidence of the demo)."""
    teks = f"BT /F1 14 Tf 72 770 Td ({judul}) Tj ET".encode("latin-1")
    objek = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(teks), teks),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    isi, posisi = b"%PDF-1.4\n", []
    for i, o in enumerate(objek, start=1):
        posisi.append(len(isi))
        isi += b"%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(isi)
    isi += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1)
    isi += b"".join(b"%010d 00000 n \n" % p for p in posisi)
    isi += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objek) + 1,
        xref,
    )
    return isi


def _bukti_contoh(lke: LembarKerjaEvaluasi) -> None:
    """Invented: the technical guideline of 1.a.1 uploaded as evidence."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    j = JawabanLke.objects.get(
        kriteria__sub__komponen__lke=lke, kriteria__sub__kode="1.a", kriteria__nomor=1
    )
    svc.jawaban_isi(
        pengguna=None,
        jawaban=j,
        nilai=j.jawaban or "Y",
        catatan="Pedoman teknis perencanaan kinerja satker (contoh).",
        berkas=SimpleUploadedFile(
            "pedoman-perencanaan-kinerja.pdf",
            _pdf_contoh("Pedoman Teknis Perencanaan Kinerja (contoh)"),
            "application/pdf",
        ),
    )


def muat(*, stdout) -> None:
    if LembarKerjaEvaluasi.objects.filter(tahun__in=[2022, 2023]).exists():
        return
    # the DIPA is data the proposals read; the budget demo runs after this app's (DOMAIN_APPS
    # order) and is idempotent, so it is loaded here first and changes nothing later
    from anggaran import demo as demo_anggaran

    demo_anggaran.muat(stdout=stdout)
    lama = svc.lke_buat(pengguna=None, tahun=2022)
    _jawab(lama, JAWABAN_2022)
    svc.lke_finalkan(pengguna=None, lke=lama)

    lke = svc.lke_buat(pengguna=None, tahun=2023)
    svc.usulan_hitung(pengguna=None, lke=lke)
    for j in JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).exclude(usulan=""):
        svc.usulan_konfirmasi(pengguna=None, jawaban=j)
    _jawab(lke, JAWABAN_2023)
    _bukti_contoh(lke)
    # 2023 stays a draft: the publication rule can still propose once its data exists, and the
    # demo users can answer and confirm
    for j in JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).select_related(
        "kriteria__sub"
    ):
        nilai = EVALUATOR_2023.get((j.kriteria.sub.kode, j.kriteria.nomor), j.jawaban)
        svc.jawaban_evaluator_isi(
            pengguna=None,
            jawaban=j,
            nilai=nilai,
            catatan="Bukti kurang memadai (contoh)." if nilai != j.jawaban else "",
        )
    pohon = lke_pohon(lke=lke)
    total = lke_total(lke, pohon)
    stdout.write(
        f"  kinerja: LKE 2022–2023, penilaian mandiri 2023 {angka(total, 2)} "
        f"({lke_predikat(lke, total)})"
    )
