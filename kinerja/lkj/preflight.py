"""Pre-flight check of a year's LKj: what is missing, and what a reviewer would find
inconsistent, each with a link to the page that fixes it.

Two kinds of finding (``Temuan.wajib``):

- **wajib** (must be fixed): completeness (Renstra, PK, realisasi, approvals, DIPA, unknown
  isian) and the consistency findings that make the report's own text or figures wrong or
  unexplained: staff counts by education that do not add up, a capaian/serapan gap the
  analysis does not explain, a typed figure in a narrative that the data contradicts. While
  one remains, a version is rendered as a DRAF (watermark) and none can be finalised.
- **catatan** (a reviewer's note, shown but not blocking): facts that cannot be undone or that
  may be legitimate: the PK signed more than a month after the DIPA, a sasaran funded by no
  DIPA line, a DIPA kegiatan funding no sasaran.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kpu_site import formatting

from .models import TemuanDijelaskan
from .naskah import DAFTAR_ISIAN, isian_tak_dikenal
from .selectors import naskah_get

#: An indikator's analysis longer than this (characters, without surrounding spaces) is taken
#: as the explanation a capaian/serapan gap is owed.
BATAS_ANALISIS = 200
#: capaian at or above this with serapan under SERAPAN_RENDAH needs an explanation …
CAPAIAN_TINGGI = Decimal(100)
SERAPAN_RENDAH = Decimal(50)
#: … and so does the reverse: capaian under CAPAIAN_RENDAH with serapan at or above
#: SERAPAN_TINGGI (the budget practically all spent for half the target or less).
CAPAIAN_RENDAH = Decimal(50)
SERAPAN_TINGGI = Decimal(90)

NASKAH_FIELD = {
    "kata_pengantar": "kata pengantar",
    "ikhtisar": "ikhtisar eksekutif",
    "latar_belakang": "latar belakang",
    "penutup": "penutup",
}


JENIS_LABEL = {
    "renstra": "Renstra",
    "pk": "PK",
    "realisasi": "Realisasi",
    "persetujuan": "Persetujuan",
    "target": "Target",
    "anggaran": "Anggaran",
    "naskah": "Naskah",
    "pk_terlambat": "PK terlambat",
    "pegawai": "Pegawai",
    "sasaran_tanpa_anggaran": "Sasaran tanpa anggaran",
    "kegiatan_tanpa_sasaran": "Kegiatan tanpa sasaran",
    "capaian_serapan": "Capaian vs serapan",
    "naskah_angka": "Angka naskah",
    "manual_iku": "Manual IKU",
    "rkt": "RKT",
    "pohon_kinerja": "Pohon kinerja",
    "temuan_evaluasi": "Temuan evaluasi",
}


@dataclass(frozen=True)
class Temuan:
    jenis: str
    pesan: str
    tautan: str = ""
    #: the record the finding is about ("Sasaran 12", "IKSS 10", a budget line's code)
    subjek: str = ""
    #: blocks finalisation and makes a rendered version a DRAF
    wajib: bool = True
    #: set when the Sekretaris may mark the finding explained (``TemuanDijelaskan.kunci``)
    kunci: str = ""

    @property
    def label(self) -> str:
        return JENIS_LABEL.get(self.jenis, self.jenis)


def temuan_menghalangi(temuan: list[Temuan]) -> list[Temuan]:
    """The findings that make the LKj a DRAF and block its finalisation."""
    return [t for t in temuan if t.wajib]


def _url(name: str, *args, query: str = "") -> str:
    try:
        return reverse(name, args=args) + (f"?{query}" if query else "")
    except NoReverseMatch:
        return ""


def lkj_preflight(*, tahun: int) -> list[Temuan]:
    """Every finding of the year's LKj, completeness first, then consistency."""
    from kinerja import selectors as kin

    if kin.renstra_untuk_tahun(tahun) is None:
        return [
            Temuan(
                "renstra",
                f"Tidak ada Renstra yang mencakup tahun {tahun}.",
                _url("kinerja:renstra_list"),
                subjek=str(tahun),
            )
        ]
    capaian = kin.capaian_tahun_list(tahun=tahun)
    naskah = naskah_get(tahun=tahun)
    return [
        *_kelengkapan(tahun, capaian, naskah),
        *manual_iku_temuan(tahun),
        *rkt_temuan(tahun),
        *pohon_kinerja_temuan(tahun),
        *temuan_evaluasi_temuan(tahun),
        *_pk_tepat_waktu(tahun),
        *_pendidikan(tahun),
        *_tautan_anggaran(tahun, capaian),
        *_capaian_serapan(tahun, capaian),
        *_naskah_angka(tahun, naskah),
    ]


# --------------------------------------------------------------------------- completeness


def _kelengkapan(tahun: int, capaian, naskah) -> list[Temuan]:
    from anggaran import selectors as ang
    from kinerja import selectors as kin
    from kinerja.models import Realisasi

    temuan: list[Temuan] = []
    perjanjian = kin.pk_berlaku(tahun=tahun)
    if perjanjian is None:
        temuan.append(
            Temuan(
                "pk",
                f"Perjanjian Kinerja tahun {tahun} belum dibuat.",
                _url("kinerja:pk_list"),
                subjek=f"PK {tahun}",
            )
        )
    elif perjanjian.status != perjanjian.Status.DITANDATANGANI:
        temuan.append(
            Temuan(
                "pk",
                f"Perjanjian Kinerja tahun {tahun} belum ditandatangani.",
                _url("kinerja:pk_detail", tahun),
                subjek=str(perjanjian),
            )
        )
    for baris in capaian:
        ind = baris.indikator
        tautan = _url("kinerja:realisasi_isi", tahun, ind.pk, "tahunan")
        if baris.realisasi is None:
            temuan.append(
                Temuan(
                    "realisasi",
                    f"Indikator {ind.kode} belum memiliki realisasi tahun {tahun}.",
                    tautan,
                    subjek=ind.kode,
                )
            )
        belum = [r for r in baris.periode.values() if r.status != Realisasi.Status.DISETUJUI]
        if belum:
            temuan.append(
                Temuan(
                    "persetujuan",
                    f"Indikator {ind.kode}: {formatting.angka(len(belum))} realisasi belum disetujui Sekretaris "
                    f"({', '.join(sorted(r.get_periode_display() for r in belum))}).",
                    tautan,
                    subjek=ind.kode,
                )
            )
    for beda in kin.pk_beda_renstra_list(tahun=tahun):
        temuan.append(
            Temuan(
                "target",
                f"Target PK indikator {beda.indikator.kode} berbeda dari target Renstra tahun {tahun}.",
                _url("kinerja:pk_detail", tahun),
                subjek=beda.indikator.kode,
            )
        )
    tabel = ang.tabel_3_1(tahun=tahun)
    if tabel is None:
        temuan.append(
            Temuan(
                "anggaran",
                f"DIPA tahun {tahun} belum ada.",
                _url("anggaran:dokumen_list"),
                subjek=f"DIPA {tahun}",
            )
        )
    else:
        dokumen = tabel["dokumen"]
        for b in tabel["baris"]:
            if b["tingkat"] != "program" and b["pagu"] and not b["realisasi"]:
                temuan.append(
                    Temuan(
                        "anggaran",
                        f"Pos {b['kode']} {b['uraian']} memiliki pagu tetapi belum ada realisasi.",
                        _url("anggaran:dokumen_detail", dokumen.pk),
                        subjek=b["kode"],
                    )
                )
    for field, label in NASKAH_FIELD.items():
        salah = isian_tak_dikenal(getattr(naskah, field, "") if naskah else "")
        if salah:
            temuan.append(
                Temuan(
                    "naskah",
                    f"Naskah {label} memuat isian yang tidak dikenal: "
                    + ", ".join(f"[{s}]" for s in salah),
                    _url("kinerja:lkj_naskah", tahun),
                    subjek=label,
                )
            )
    return temuan


# --------------------------------------------------------------------------- PK after the DIPA


def sebulan_setelah(tanggal: date) -> date:
    """The same day one month later (the last day of that month when it is shorter)."""
    tahun, bulan = (
        (tanggal.year + 1, 1) if tanggal.month == 12 else (tanggal.year, tanggal.month + 1)
    )
    return date(tahun, bulan, min(tanggal.day, calendar.monthrange(tahun, bulan)[1]))


def _pk_tepat_waktu(tahun: int) -> list[Temuan]:
    """PermenPANRB 53/2014: the PK is signed at the latest one month after the budget document
    (DIPA) is issued. Checked on the first signed PK of the year (revisi 0); a later revision
    follows a budget change and has no such deadline."""
    from anggaran import selectors as ang
    from kinerja import selectors as kin
    from kinerja.models import PerjanjianKinerja

    dipa = ang.dipa_of_tahun(tahun=tahun)
    awal = next(
        (
            p
            for p in kin.pk_riwayat(tahun=tahun)
            if p.revisi == 0 and p.status != PerjanjianKinerja.Status.DRAFT
        ),
        None,
    )
    if dipa is None or awal is None:
        return []
    ditandatangani = awal.tanggal or (
        timezone.localdate(awal.ditandatangani_pada) if awal.ditandatangani_pada else None
    )
    if ditandatangani is None or ditandatangani <= sebulan_setelah(dipa.tanggal):
        return []
    return [
        Temuan(
            "pk_terlambat",
            f"{awal} ditandatangani {formatting.tanggal(ditandatangani)}, lebih dari satu bulan "
            f"setelah DIPA {dipa.nomor} tanggal {formatting.tanggal(dipa.tanggal)} "
            "(PermenPANRB 53/2014: paling lambat satu bulan setelah DIPA disahkan). Jelaskan "
            "keterlambatan ini dalam laporan.",
            _url("kinerja:pk_detail", tahun),
            subjek=str(awal),
            wajib=False,
        )
    ]


# --------------------------------------------------------------------------- staff counts


def pendidikan_tidak_cocok(
    *, tahun: int, status: str, label: str, jumlah: int, per_pendidikan: Mapping[str, int]
) -> Temuan | None:
    """A finding when the staff counted by education (``per_pendidikan``: level -> count)
    does not add up to ``jumlah``, the staff count of the same date (31 December of
    ``tahun``). Takes both numbers from the caller, so it works with whichever selector
    gives them."""
    terhitung = sum(per_pendidikan.values())
    if terhitung == jumlah:
        return None
    akhir = date(tahun, 12, 31)
    return Temuan(
        "pegawai",
        f"Jumlah {label} menurut pendidikan ({terhitung} orang) tidak sama dengan jumlah {label} "
        f"pada {formatting.tanggal(akhir)} ({formatting.angka(jumlah)} orang): gambar pendidikan dan Tabel 1.1 LKj "
        "akan berbeda. Lengkapi pendidikan pegawai.",
        _url("sekretariat:pegawai_list", query=f"status={status}&tanggal={akhir.isoformat()}"),
        subjek=label,
    )


def _pendidikan(tahun: int) -> list[Temuan]:
    """Staff by education against the staff count, both on 31 December of the year (one
    selector call, ``sekretariat.selectors.pegawai_ringkasan``)."""
    from sekretariat import selectors as org
    from sekretariat.models import Pegawai

    ringkasan = org.pegawai_ringkasan(tanggal=date(tahun, 12, 31))
    hasil = []
    for status in Pegawai.Status:
        temuan = pendidikan_tidak_cocok(
            tahun=tahun,
            status=status.value,
            label=str(status.label),
            jumlah=ringkasan[status.value],
            per_pendidikan=dict(ringkasan[f"pendidikan_{status.value}"]),
        )
        if temuan:
            hasil.append(temuan)
    return hasil


# --------------------------------------------------------------------------- budget links


def _tautan_anggaran(tahun: int, capaian) -> list[Temuan]:
    from anggaran import selectors as ang

    dipa = ang.dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return []  # "DIPA belum ada" is already a finding
    didanai = ang.anggaran_per_sasaran(tahun=tahun)
    temuan = []
    sasaran_list = {b.indikator.sasaran.pk: b.indikator.sasaran for b in capaian}
    for sasaran in sorted(sasaran_list.values(), key=lambda s: s.nomor):
        if sasaran.pk not in didanai:
            temuan.append(
                Temuan(
                    "sasaran_tanpa_anggaran",
                    f"Sasaran {sasaran.nomor} ({sasaran.uraian}) tidak ditautkan ke baris anggaran "
                    f"DIPA {tahun} mana pun; LKj tidak dapat menyebut anggarannya. Tautkan pada "
                    "baris kegiatan, KRO atau RO yang mendanainya.",
                    _url("anggaran:dokumen_detail", dipa.pk),
                    subjek=f"Sasaran {sasaran.nomor}",
                    wajib=False,
                )
            )
    for pos in ang.kegiatan_tanpa_sasaran(tahun=tahun):
        temuan.append(
            Temuan(
                "kegiatan_tanpa_sasaran",
                f"Kegiatan {pos.kode_lengkap} {pos.uraian} pada DIPA {tahun} tidak ditautkan ke "
                "sasaran strategis mana pun.",
                _url("anggaran:pos_update", pos.pk),
                subjek=pos.kode_lengkap,
                wajib=False,
            )
        )
    return temuan


# --------------------------------------------------------------------------- capaian vs serapan


def capaian_serapan_janggal(capaian: Decimal | None, serapan: Decimal | None) -> bool:
    """Does this pair need an explanation? capaian >= 100% with serapan < 50%, or capaian
    < 50% with serapan >= 90%."""
    if capaian is None or serapan is None:
        return False
    return (capaian >= CAPAIAN_TINGGI and serapan < SERAPAN_RENDAH) or (
        capaian < CAPAIAN_RENDAH and serapan >= SERAPAN_TINGGI
    )


def kunci_serapan(indikator) -> str:
    return f"serapan:{indikator.pk}"


def _capaian_serapan(tahun: int, capaian) -> list[Temuan]:
    from anggaran import selectors as ang

    didanai = ang.anggaran_per_sasaran(tahun=tahun)
    dijelaskan = set(TemuanDijelaskan.objects.filter(tahun=tahun).values_list("kunci", flat=True))
    temuan = []
    for b in capaian:
        ind = b.indikator
        dana = didanai.get(ind.sasaran.pk)
        if not b.hasil.dapat_dihitung or dana is None:
            continue
        nilai = b.hasil.nilai_dibatasi
        if not capaian_serapan_janggal(nilai, dana["serapan"]):
            continue
        analisis = (getattr(b.tahunan, "analisis", "") or "").strip()
        if len(analisis) > BATAS_ANALISIS or kunci_serapan(ind) in dijelaskan:
            continue
        temuan.append(
            Temuan(
                "capaian_serapan",
                f"Indikator {ind.kode} (Sasaran {ind.sasaran.nomor}: {ind.sasaran.uraian}): capaian "
                f"{formatting.persen(nilai)} dengan serapan anggaran sasaran "
                f"{formatting.persen(dana['serapan'])}. LKj wajib menjelaskannya: tulis analisis "
                f"capaian lebih dari {formatting.angka(BATAS_ANALISIS)} karakter "
                f"(sekarang {formatting.angka(len(analisis))}) atau "
                "Sekretaris menandainya sudah dijelaskan.",
                _url("kinerja:realisasi_isi", tahun, ind.pk, "tahunan"),
                subjek=ind.kode,
                kunci=kunci_serapan(ind),
            )
        )
    return temuan


# --------------------------------------------------------------------------- typed figures

POLA_RUPIAH = re.compile(r"Rp\.?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(?!\d)")
POLA_PERSEN = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*)(?:,(\d+))?\s?%")
BATAS_KALIMAT = re.compile(r"[.!?;](?=\s)|\n")
JANGKAUAN_LABEL = 80

#: isian -> (kind, the words that name it in a sentence). A typed figure of that kind whose
#: nearest preceding label (same sentence, at most JANGKAUAN_LABEL characters before it) is one
#: of these is compared with the isian's value.
LABEL_ISIAN = {
    "sisa_dipa": ("rp", ("sisa anggaran", "sisa dana", "sisa pagu")),
    "realisasi_dipa": ("rp", ("realisasi",)),
    "pagu_dipa": ("rp", ("pagu",)),
    "pagu_hibah": ("rp", ("hibah",)),
    "serapan_dipa": ("persen", ("serapan",)),
    "rata_rata_capaian": ("persen", ("rata-rata capaian", "rata rata capaian")),
}


@dataclass(frozen=True)
class AngkaTertulis:
    """A figure typed in a narrative and the isian its label names."""

    isian: str
    teks: str
    nilai: Decimal
    desimal: int


def _angka(bulat: str, pecahan: str | None) -> tuple[Decimal, int]:
    teks = bulat.replace(".", "") + (f".{pecahan}" if pecahan else "")
    return Decimal(teks), len(pecahan or "")


def _label_terdekat(jenis: str, sebelum: str) -> str | None:
    kalimat = BATAS_KALIMAT.split(sebelum)[-1][-JANGKAUAN_LABEL:].lower()
    terbaik, posisi = None, -1
    for isian, (j, label_list) in LABEL_ISIAN.items():
        if j != jenis:
            continue
        for label in label_list:
            akhir = kalimat.rfind(label)
            if akhir >= 0 and akhir + len(label) > posisi:
                terbaik, posisi = isian, akhir + len(label)
    return terbaik


def angka_tertulis(teks: str) -> list[AngkaTertulis]:
    """The Rupiah amounts and percentages typed in ``teks`` next to the label of an isian."""
    hasil = []
    for jenis, pola in (("rp", POLA_RUPIAH), ("persen", POLA_PERSEN)):
        for m in pola.finditer(teks or ""):
            isian = _label_terdekat(jenis, teks[: m.start()])
            if isian:
                nilai, desimal = _angka(m[1], m[2])
                hasil.append(AngkaTertulis(isian, m[0].strip(), nilai, desimal))
    return hasil


def angka_bertentangan(
    tertulis: list[AngkaTertulis], isian: Mapping[str, str]
) -> list[tuple[AngkaTertulis, str]]:
    """The typed figures that differ from the isian's computed value (at the typed precision),
    each with that value as the report prints it."""
    hasil = []
    for a in tertulis:
        dihitung = isian.get(a.isian, "")
        m = (POLA_RUPIAH if LABEL_ISIAN[a.isian][0] == "rp" else POLA_PERSEN).search(dihitung)
        if not m:
            continue
        nilai, _ = _angka(m[1], m[2])
        if nilai.quantize(Decimal(1).scaleb(-a.desimal), rounding=ROUND_HALF_UP) != a.nilai:
            hasil.append((a, dihitung))
    return hasil


def _naskah_angka(tahun: int, naskah) -> list[Temuan]:
    """Typed figures in the year's narratives (the texts that take isian) against the values
    the isian give. The figures are computed only when some narrative types one."""
    if naskah is None:
        return []
    tertulis = {f: angka_tertulis(getattr(naskah, f, "")) for f in NASKAH_FIELD}
    if not any(tertulis.values()):
        return []
    from .konten import lkj_konten_kumpulkan

    try:
        isian = lkj_konten_kumpulkan(tahun=tahun, naskah=naskah)["isian"]
    except ValidationError:
        return []  # no PK: already a finding
    temuan = []
    for field, daftar in tertulis.items():
        for a, dihitung in angka_bertentangan(daftar, isian):
            temuan.append(
                Temuan(
                    "naskah_angka",
                    f"Naskah {NASKAH_FIELD[field]} menulis “{a.teks}” untuk "
                    f"{DAFTAR_ISIAN[a.isian]}, padahal data menghitung {dihitung}. Ganti angka "
                    f"itu dengan isian [{a.isian}].",
                    _url("kinerja:lkj_naskah", tahun),
                    subjek=NASKAH_FIELD[field],
                )
            )
    return temuan


# --------------------------------------------------------------------------- Manual IKU


def manual_iku_temuan(tahun: int) -> list[Temuan]:
    """Each IKU indikator (of the decree of the year's Renstra) without a complete manual."""
    from kinerja import selectors as kin
    from kinerja import selectors_iku

    renstra = kin.renstra_untuk_tahun(tahun)
    if renstra is None:
        return []
    return [
        Temuan(
            "manual_iku",
            f"Manual IKU indikator {b['indikator'].kode} belum lengkap: "
            f"{', '.join(b['kurang'])} belum diisi.",
            _url("kinerja:iku_manual_ubah", b["indikator"].pk),
            subjek=b["indikator"].kode,
        )
        for b in selectors_iku.manual_tidak_lengkap_list(renstra=renstra)
    ]


# --------------------------------------------------------------------------- RKT


def rkt_temuan(tahun: int) -> list[Temuan]:
    """The year's plan (RKT) and the PK that copies it: a note when no RKT is ditetapkan (once
    the app holds an RKT of any year); a
    finding when the PK in force differs from it without a PK revision's reason."""
    from kinerja import selectors as kin
    from kinerja import selectors_rkt

    sumber = None
    if (perjanjian := kin.pk_berlaku(tahun=tahun)) is not None:
        sumber = selectors_rkt.pk_sumber_target(perjanjian=perjanjian)
    if selectors_rkt.rkt_ditetapkan(tahun=tahun) is None:
        if not selectors_rkt.rkt_dipakai():
            return []  # a satker that keeps no RKT in the app: the PK copies the Renstra
        pesan, wajib = f"RKT {tahun} belum ditetapkan.", False
    elif sumber is not None and sumber.beda and not perjanjian.alasan_perubahan.strip():
        pesan = (
            f"Target {perjanjian} berbeda dari {sumber.rkt} pada indikator "
            f"{', '.join(sumber.beda)} tanpa alasan perubahan PK."
        )
        wajib = True
    else:
        return []
    return [
        Temuan("rkt", pesan, _url("kinerja:rkt_detail", tahun), subjek=f"RKT {tahun}", wajib=wajib)
    ]


# --------------------------------------------------------------------------- pohon kinerja


def pohon_kinerja_temuan(tahun: int) -> list[Temuan]:
    """What the year's performance tree lacks (``selectors_pohon.pohon_temuan``): a reviewer's
    note, not blocking (a tree may still be a draft when the LKj is written). Nothing while no
    node of the year's tree exists: a secretariat that keeps no tree is not told so every year."""
    from kinerja import selectors_pohon

    pohon = selectors_pohon.pohon_tahun(tahun=tahun)
    if not selectors_pohon.pohon_simpul_list(pohon):
        return []
    return [
        Temuan(
            "pohon_kinerja",
            t.pesan,
            _url("kinerja:pohon_tahun", tahun),
            subjek=getattr(t.objek, "kode", "") or f"Sasaran {getattr(t.objek, 'nomor', '')}",
            wajib=False,
        )
        for t in selectors_pohon.pohon_temuan(tahun=tahun, pohon=pohon)
    ]


def temuan_evaluasi_temuan(tahun: int) -> list[Temuan]:
    """Each finding of an earlier SAKIP evaluation (LHE of a year before ``tahun``) not yet
    accepted as done. A warning: it does not block the LKj (the report is due regardless)."""
    from kinerja import selectors_lhe

    hari_ini = timezone.localdate()
    return [
        Temuan(
            "temuan_evaluasi",
            f"{t} ({t.unit}) belum selesai ditindaklanjuti (batas {t.batas_waktu:%d-%m-%Y}"
            f"{', terlambat' if t.batas_waktu < hari_ini else ''}).",
            _url("kinerja:lhe_detail", t.lhe_id),
            subjek=f"Temuan {t.lhe.tahun} no. {t.nomor}",
            wajib=False,
        )
        for t in selectors_lhe.temuan_terbuka_sebelum(tahun=tahun)
    ]
