"""Proposed LKE answers from the app's own data (issue 18, item 2).

``ATURAN`` maps the key a criterion carries in ``KriteriaLke.aturan`` to one function of the
evaluated year returning ``(answer, reason in Indonesian, [(label, url), …])`` — the answer, why,
and the app's pages it was derived from — or ``None`` when the data cannot tell (a person then
answers from documents).

Answers and scales. A rule answers on its natural scale: Y/T for "does it exist", A/C/E for
"how fully" — A when fully met, C when partly met, E when absent. ``usulan_kriteria`` puts the
answer on the criterion's scale: on a Y/T (pemenuhan) criterion A becomes Y, and C or E become
T (partly is not fulfilled); on an A–E criterion Y becomes A and T becomes E. A person always
confirms or changes a proposal (``services.lke.usulan_konfirmasi``).

Which criteria use which rule (the LKE 88/2021 seed, ``services.lke.lke_struktur_8821``):

- 1.a.3 ``renstra_mencakup``: a Renstra whose period covers the year (Y/T);
- 1.a.5 ``rencana_aksi_ada``: every line of the year's PK has a Rencana Aksi (Y/T);
- 1.a.6 ``dipa_ada``: the DIPA of the year is recorded (Y/T);
- 1.b.1 ``pk_iku_formal``: the PK signed within a month of the DIPA date and the IKU decreed
  (A both; C one of them or a late PK; E neither);
- 1.b.5 and 2.a.2 ``manual_iku_lengkap``: IKU decreed with every manual complete (A; C some
  manuals incomplete; E no decree);
- 1.c.3 ``capaian_sesuai_jalur``: every computable indikator tercapai or hampir tercapai (A;
  C some; E none);
- 1.c.4 and 3.a.2 ``monitoring_ra_lengkap``: the four quarterly monitoring reports signed (A;
  C one to three; E none);
- 2.a.3 and 2.b.4 ``realisasi_berkala``: realisasi of every PK indikator entered and verified in
  each of the four quarters (A; C some; E none);
- 2.b.6 ``realisasi_aplikasi``: the quarterly realisasi entered in this app (A all; C some;
  E none);
- 3.a.1 ``lkj_disusun``, 3.a.3 ``lkj_final``, 3.a.6 ``lkj_tepat_waktu``: the LKj of the year
  rendered, finalised, finalised before its deadline (Y/T).
- 1.a.4 ``rkt_ditetapkan``: the RKT of the year ditetapkan and the PK signed (Y/T);
- 1.b.8 ``pohon_tanpa_temuan``: the performance tree of the year without findings (A; C a
  tree with findings; E no tree);
- 1.b.10 ``pk_semua_tingkat``: the Sekretaris's PK and every sub-bagian's PK signed (A; C
  some; E none);
- 1.c.1 ``anggaran_tertaut_sasaran``: the DIPA's kegiatan linked to a sasaran (A all; C at
  least half; E fewer);
- 2.c.8 ``efisiensi_anggaran``: every sasaran's capaian at least its budget's serapan (A; C
  more than half; E fewer);
- 3.a.4 ``lkj_direviu``: the "Pernyataan Telah Direviu" recorded and no review comment open
  (Y/T);
- 4.c.1 ``temuan_ditindaklanjuti``: the findings of earlier LHE followed up (A none open; C
  open ones in progress or not yet due; E an overdue one without follow-up);
- 3.a.5 ``lkj_dipublikasikan``: the final LKj published on the public page, with the date and
  whether by 31 March of the next year (A; C final but not published; E no final LKj).

A worksheet created before a rule existed gets its key with
``services.lke.lke_aturan_segarkan`` (criteria matched by kode, draft worksheets only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone

from kpu_site.formatting import persen as fmt_persen
from kpu_site.formatting import tanggal as fmt_tanggal

Bukti = list[tuple[str, str]]
Hasil = tuple[str, str, Bukti] | None

TRIWULAN = ("tw1", "tw2", "tw3", "tw4")
TW_LABEL = {"tw1": "TW I", "tw2": "TW II", "tw3": "TW III", "tw4": "TW IV"}


def _acek(penuh: bool, sebagian: bool) -> str:
    return "A" if penuh else "C" if sebagian else "E"


def _tgl(d: dt.date | None) -> str:
    return fmt_tanggal(d) if d else "–"


# --------------------------------------------------------------------------- planning


def renstra_mencakup(tahun: int) -> Hasil:
    from .selectors import renstra_untuk_tahun

    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return ("T", f"Tidak ada Renstra yang periodenya mencakup tahun {tahun}.", [])
    return (
        "Y",
        f"{renstra} ({renstra.nama}) mencakup tahun {tahun}.",
        [(str(renstra), reverse("kinerja:renstra_detail", args=[renstra.pk]))],
    )


def rencana_aksi_ada(tahun: int) -> Hasil:
    from .selectors_rencana_aksi import rencana_aksi_tahun

    perjanjian, baris = rencana_aksi_tahun(tahun=tahun)
    link = [(f"Rencana Aksi {tahun}", reverse("kinerja:rencana_aksi", args=[tahun]))]
    if perjanjian is None or not baris:
        return ("T", f"Belum ada Perjanjian Kinerja {tahun} sehingga belum ada Rencana Aksi.", [])
    ada = sum(1 for b in baris if b.rencana is not None)
    if ada == len(baris):
        return ("Y", f"Seluruh {ada} indikator {perjanjian} memiliki Rencana Aksi.", link)
    return (
        "T",
        f"Baru {ada} dari {len(baris)} indikator {perjanjian} yang memiliki Rencana Aksi.",
        link,
    )


def dipa_ada(tahun: int) -> Hasil:
    from anggaran.selectors import dipa_of_tahun

    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return ("T", f"DIPA tahun {tahun} belum tercatat.", [])
    return (
        "Y",
        f"DIPA {dipa.nomor} tanggal {_tgl(dipa.tanggal)} tercatat.",
        [(f"DIPA {tahun}", reverse("anggaran:dokumen_detail", args=[dipa.pk]))],
    )


def _pk_tanggal(perjanjian) -> dt.date | None:
    if perjanjian.tanggal:
        return perjanjian.tanggal
    if perjanjian.ditandatangani_pada:
        return timezone.localdate(perjanjian.ditandatangani_pada)
    return None


def pk_iku_formal(tahun: int) -> Hasil:
    """The Sekretaris's PK signed within a month of the DIPA date, and the IKU decreed."""
    from anggaran.selectors import dipa_of_tahun

    from .lkj.preflight import sebulan_setelah
    from .models import PerjanjianKinerja
    from .selectors import pk_riwayat, renstra_untuk_tahun
    from .selectors_iku import keputusan_iku_get

    bukti: Bukti = []
    alasan = []
    awal = next(
        (
            p
            for p in pk_riwayat(tahun=tahun)
            if p.revisi == 0 and p.status != PerjanjianKinerja.Status.DRAFT
        ),
        None,
    )
    dipa = dipa_of_tahun(tahun=tahun)
    pk_ok = False
    if awal is None:
        alasan.append(f"PK {tahun} belum ditandatangani")
    else:
        bukti.append((f"PK {tahun}", reverse("kinerja:pk_detail", args=[tahun])))
        ttd = _pk_tanggal(awal)
        if dipa is None:
            alasan.append(
                f"PK {tahun} ditandatangani {_tgl(ttd)}, tetapi DIPA {tahun} belum tercatat "
                "sehingga ketepatan waktunya tidak dapat diperiksa"
            )
        else:
            batas = sebulan_setelah(dipa.tanggal)
            bukti.append((f"DIPA {tahun}", reverse("anggaran:dokumen_detail", args=[dipa.pk])))
            pk_ok = ttd is not None and ttd <= batas
            alasan.append(
                f"PK {tahun} ditandatangani {_tgl(ttd)}, "
                + (
                    f"paling lambat sebulan setelah DIPA ({_tgl(dipa.tanggal)}, batas "
                    f"{_tgl(batas)})"
                    if pk_ok
                    else f"melewati sebulan setelah DIPA ({_tgl(dipa.tanggal)}, batas "
                    f"{_tgl(batas)})"
                )
            )
    renstra = renstra_untuk_tahun(tahun)
    keputusan = keputusan_iku_get(renstra=renstra) if renstra else None
    if keputusan is None:
        alasan.append("IKU belum ditetapkan dengan keputusan")
    else:
        alasan.append(f"IKU ditetapkan dengan keputusan {keputusan.nomor}")
        bukti.append((f"IKU {renstra}", reverse("kinerja:iku_detail", args=[renstra.pk])))
    sebagian = awal is not None or keputusan is not None
    return (_acek(pk_ok and keputusan is not None, sebagian), "; ".join(alasan) + ".", bukti)


def manual_iku_lengkap(tahun: int) -> Hasil:
    from .selectors import renstra_untuk_tahun
    from .selectors_iku import iku_baris_list, keputusan_iku_get

    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        return ("E", f"Tidak ada Renstra yang mencakup tahun {tahun}, sehingga tidak ada IKU.", [])
    bukti = [(f"IKU dan manual {renstra}", reverse("kinerja:iku_detail", args=[renstra.pk]))]
    if keputusan_iku_get(renstra=renstra) is None:
        return ("E", f"IKU {renstra} belum ditetapkan dengan keputusan.", bukti)
    iku = [b for b in iku_baris_list(renstra=renstra) if b["iku"]]
    kurang = [b["indikator"].kode for b in iku if b["kurang"]]
    if not kurang:
        return ("A", f"Seluruh {len(iku)} IKU {renstra} memiliki manual yang lengkap.", bukti)
    return (
        "C" if len(kurang) < len(iku) else "E",
        f"{len(iku) - len(kurang)} dari {len(iku)} IKU memiliki manual lengkap; belum lengkap: "
        f"{', '.join(kurang)}.",
        bukti,
    )


def capaian_sesuai_jalur(tahun: int) -> Hasil:
    from .capaian import StatusCapaian
    from .selectors import capaian_tahun_list

    baris = [b for b in capaian_tahun_list(tahun=tahun) if b.hasil.dapat_dihitung]
    if not baris:
        return None
    baik = [b for b in baris if b.hasil.status in (StatusCapaian.TERCAPAI, StatusCapaian.HAMPIR)]
    tidak = [b.indikator.kode for b in baris if b not in baik]
    alasan = f"{len(baik)} dari {len(baris)} indikator tercapai atau hampir tercapai"
    if tidak:
        alasan += f"; tidak tercapai: {', '.join(tidak)}"
    return (
        _acek(len(baik) == len(baris), bool(baik)),
        alasan + ".",
        [(f"Capaian kinerja {tahun}", reverse("kinerja:capaian", args=[tahun]))],
    )


def monitoring_ra_lengkap(tahun: int) -> Hasil:
    from .model_rencana_aksi import MonitoringRencanaAksi

    ditandatangani = set(
        MonitoringRencanaAksi.objects.filter(
            tahun=tahun, status=MonitoringRencanaAksi.Status.DITANDATANGANI
        ).values_list("triwulan", flat=True)
    )
    bukti = [
        (
            f"Monitoring {TW_LABEL[tw]} {tahun}",
            reverse("kinerja:monitoring_ra", args=[tahun, tw]),
        )
        for tw in TRIWULAN
        if tw in ditandatangani
    ]
    belum = [TW_LABEL[tw] for tw in TRIWULAN if tw not in ditandatangani]
    alasan = f"{len(ditandatangani)} dari 4 laporan monitoring Rencana Aksi {tahun} ditandatangani"
    if belum:
        alasan += f"; belum: {', '.join(belum)}"
    return (_acek(not belum, bool(ditandatangani)), alasan + ".", bukti)


# --------------------------------------------------------------------------- measurement


def _realisasi_triwulan(tahun: int):
    """The PK indikator of the year and their quarterly realisasi rows ({(indikator, tw): row})."""
    from .models import Realisasi
    from .selectors import pk_baris_list, pk_berlaku

    perjanjian = pk_berlaku(tahun=tahun)
    if perjanjian is None:
        return None, {}
    indikator = [b.indikator for b in pk_baris_list(perjanjian=perjanjian)]
    baris = {
        (r.indikator_id, r.periode): r
        for r in Realisasi.objects.filter(
            tahun=tahun, periode__in=TRIWULAN, indikator__in=indikator
        )
    }
    return indikator, baris


def realisasi_berkala(tahun: int) -> Hasil:
    """Realisasi of every PK indikator entered and verified (Kasubag or Sekretaris) per quarter."""
    from .selectors_rencana_aksi import STATUS_TERVERIFIKASI

    indikator, baris = _realisasi_triwulan(tahun)
    if not indikator:
        return None
    perlu = len(indikator) * len(TRIWULAN)
    ok = sum(1 for r in baris.values() if r.nilai is not None and r.status in STATUS_TERVERIFIKASI)
    per_tw = []
    for tw in TRIWULAN:
        n = sum(
            1
            for i in indikator
            if (r := baris.get((i.pk, tw)))
            and r.nilai is not None
            and r.status in STATUS_TERVERIFIKASI
        )
        per_tw.append(f"{TW_LABEL[tw]} {n}/{len(indikator)}")
    return (
        _acek(ok == perlu, ok > 0),
        f"Realisasi triwulanan yang diisi dan diverifikasi: {ok} dari {perlu} "
        f"({'; '.join(per_tw)}).",
        [(f"Realisasi {tahun}", reverse("kinerja:realisasi_list", args=[tahun]))],
    )


def realisasi_aplikasi(tahun: int) -> Hasil:
    indikator, baris = _realisasi_triwulan(tahun)
    if not indikator:
        return None
    perlu = len(indikator) * len(TRIWULAN)
    isi = sum(1 for r in baris.values() if r.nilai is not None)
    return (
        _acek(isi == perlu, isi > 0),
        f"{isi} dari {perlu} realisasi triwulanan indikator PK {tahun} dikumpulkan melalui "
        "aplikasi ini (isian unit, diverifikasi berjenjang).",
        [(f"Realisasi {tahun}", reverse("kinerja:realisasi_list", args=[tahun]))],
    )


# --------------------------------------------------------------------------- reporting


def _lkj_final(tahun: int):
    from .lkj.models import LaporanKinerja

    return LaporanKinerja.objects.filter(tahun=tahun, status=LaporanKinerja.Status.FINAL).first()


def _lkj_link(tahun: int) -> Bukti:
    return [(f"LKj {tahun}", reverse("kinerja:lkj_tahun", args=[tahun]))]


def lkj_disusun(tahun: int) -> Hasil:
    from .lkj.models import LaporanKinerja

    versi = (
        LaporanKinerja.objects.filter(
            tahun=tahun, status__in=[LaporanKinerja.Status.SELESAI, LaporanKinerja.Status.FINAL]
        )
        .order_by("-versi")
        .first()
    )
    if versi is None:
        return ("T", f"Belum ada versi LKj {tahun} yang selesai disusun.", [])
    return ("Y", f"{versi} telah disusun ({versi.get_status_display().lower()}).", _lkj_link(tahun))


def lkj_final(tahun: int) -> Hasil:
    final = _lkj_final(tahun)
    if final is None:
        return ("T", f"LKj {tahun} belum difinalkan.", _lkj_link(tahun))
    return (
        "Y",
        f"{final} difinalkan pada {_tgl(timezone.localdate(final.difinalkan_pada))}."
        if final.difinalkan_pada
        else f"{final} difinalkan.",
        _lkj_link(tahun),
    )


def lkj_batas_waktu(tahun: int) -> dt.date:
    """The deadline of the LKj of ``tahun``: 31 March of the next year (PermenPANRB 53/2014
    Pasal 20; the app has no setting for it)."""
    return dt.date(tahun + 1, 3, 31)


def lkj_tepat_waktu(tahun: int) -> Hasil:
    final = _lkj_final(tahun)
    batas = lkj_batas_waktu(tahun)
    dasar = (
        f"batas waktu {_tgl(batas)} (31 Maret tahun berikutnya menurut PermenPANRB 53/2014; "
        "aplikasi belum memiliki pengaturan batas waktu LKj)"
    )
    if final is None or final.difinalkan_pada is None:
        return ("T", f"LKj {tahun} belum difinalkan; {dasar}.", _lkj_link(tahun))
    tgl = timezone.localdate(final.difinalkan_pada)
    if tgl <= batas:
        return ("Y", f"{final} difinalkan {_tgl(tgl)}, sebelum {dasar}.", _lkj_link(tahun))
    return ("T", f"{final} difinalkan {_tgl(tgl)}, melewati {dasar}.", _lkj_link(tahun))


def lkj_dipublikasikan(tahun: int) -> Hasil:
    """A (the final LKj published, with the date and whether by 31 March of the next year: the
    app has no setting for this deadline), C (final but not published), E (no final LKj)."""
    from .selectors_publikasi import lkj_publikasi

    final = _lkj_final(tahun)
    pub = lkj_publikasi(tahun)
    if pub is not None:
        tgl = timezone.localdate(pub.diterbitkan_pada)
        batas = lkj_batas_waktu(tahun)
        waktu = "tepat waktu" if tgl <= batas else "terlambat"
        return (
            "A",
            f"LKj {tahun} dipublikasikan {_tgl(tgl)}, {waktu} (batas {_tgl(batas)}: 31 Maret "
            "tahun berikutnya; aplikasi belum memiliki pengaturan batas waktu publikasi).",
            [*_lkj_link(tahun), ("Halaman publik", reverse("publik:beranda"))],
        )
    if final is not None:
        return ("C", f"{final} sudah final tetapi belum dipublikasikan.", _lkj_link(tahun))
    return ("E", f"LKj {tahun} belum final dan belum dipublikasikan.", [])


# --------------------------------------------------------------------------- every level, tree


def _pk_ditandatangani(perjanjian) -> bool:
    from .models import PerjanjianKinerja

    return perjanjian is not None and perjanjian.status == PerjanjianKinerja.Status.DITANDATANGANI


def pk_semua_tingkat(tahun: int) -> Hasil:
    """1.b.10 "Setiap unit/satuan kerja merumuskan dan menetapkan Perencanaan Kinerja": the
    Sekretaris's PK and the PK of every sub-bagian signed for the year (A all, C some, naming
    who has none signed, E none)."""
    from .selectors_pk_unit import pk_semua_tingkat as daftar_tingkat

    baris = daftar_tingkat(tahun=tahun)
    belum = []
    for b in baris:
        if _pk_ditandatangani(b.perjanjian):
            continue
        nama = "Sekretaris" if b.unit is None else b.unit.nama
        belum.append(f"{nama} (masih draft)" if b.perjanjian is not None else nama)
    sudah = len(baris) - len(belum)
    alasan = (
        f"{sudah} dari {len(baris)} PK {tahun} (Sekretaris dan setiap sub bagian) ditandatangani"
    )
    if belum:
        alasan += f"; belum ditandatangani: {', '.join(belum)}"
    bukti = [(f"PK semua tingkat {tahun}", reverse("kinerja:pk_unit_daftar", args=[tahun]))]
    return (_acek(not belum, sudah > 0), alasan + ".", bukti)


def pohon_tanpa_temuan(tahun: int) -> Hasil:
    """1.b.8 cascading ("… selaras … di setiap level jabatan"): the performance tree of the year
    has nodes under every sasaran strategis and no finding (``selectors_pohon.pohon_temuan``):
    A; a tree with findings: C with how many; no tree (no node valid that year): E."""
    from .selectors_pohon import pohon_tahun, pohon_temuan

    pohon = pohon_tahun(tahun=tahun)
    bukti = [(f"Pohon kinerja {tahun}", reverse("kinerja:pohon_tahun", args=[tahun]))]
    if pohon.renstra is None or (not pohon.lepas and not any(c.anak for c in pohon.cabang)):
        return ("E", f"Belum ada pohon kinerja (cascading) tahun {tahun}.", [])
    temuan = pohon_temuan(tahun=tahun, pohon=pohon)
    if not temuan:
        return (
            "A",
            f"Pohon kinerja {tahun}: seluruh {len(pohon.cabang)} sasaran strategis didukung "
            "sasaran sub bagian yang berindikator dan bertarget, tanpa temuan.",
            bukti,
        )
    return (
        "C",
        f"Pohon kinerja {tahun} memiliki {len(temuan)} temuan, antara lain: {temuan[0].pesan}",
        bukti,
    )


def rkt_ditetapkan(tahun: int) -> Hasil:
    """1.a.4 "Terdapat dokumen perencanaan kinerja jangka pendek": the RKT of the year
    ditetapkan and the Sekretaris's PK signed (Y); one or neither: T naming what is missing."""
    from .selectors import pk_berlaku
    from .selectors_rkt import rkt_ditetapkan as rkt_tahun

    rkt = rkt_tahun(tahun=tahun)
    pk_ok = _pk_ditandatangani(pk_berlaku(tahun=tahun))
    bukti: Bukti = []
    if rkt is not None:
        bukti.append((f"RKT {tahun}", reverse("kinerja:rkt_detail", args=[tahun])))
    if pk_ok:
        bukti.append((f"PK {tahun}", reverse("kinerja:pk_detail", args=[tahun])))
    if rkt is not None and pk_ok:
        return ("Y", f"RKT {tahun} ditetapkan dan PK {tahun} ditandatangani.", bukti)
    kurang = []
    if rkt is None:
        kurang.append(f"RKT {tahun} belum ditetapkan")
    if not pk_ok:
        kurang.append(f"PK {tahun} belum ditandatangani")
    return ("T", "; ".join(kurang) + ".", bukti)


# --------------------------------------------------------------------------- budget


def anggaran_tertaut_sasaran(tahun: int) -> Hasil:
    """1.c.1 "Anggaran yang ditetapkan telah mengacu pada Kinerja yang ingin dicapai": the share
    of the DIPA's kegiatan linked to a sasaran (the kegiatan or a KRO/RO under it,
    ``anggaran.selectors.kegiatan_tanpa_sasaran``): A all, C at least half, E less. ``None``
    without a DIPA or a kegiatan line."""
    from anggaran.models import Pos
    from anggaran.selectors import dipa_of_tahun, kegiatan_tanpa_sasaran

    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return None
    jumlah = Pos.objects.filter(dokumen=dipa, tingkat=Pos.Tingkat.KEGIATAN).count()
    if not jumlah:
        return None
    tanpa = kegiatan_tanpa_sasaran(tahun=tahun)
    tertaut = jumlah - len(tanpa)
    alasan = f"{tertaut} dari {jumlah} kegiatan DIPA {tahun} tertaut ke sasaran kinerja"
    if tanpa:
        nama = [f"{p.kode_lengkap} {p.uraian}" for p in tanpa[:5]]
        alasan += f"; belum tertaut: {', '.join(nama)}" + (" …" if len(tanpa) > 5 else "")
    jawaban = "A" if not tanpa else "C" if 2 * tertaut >= jumlah else "E"
    return (
        jawaban,
        alasan + ".",
        [(f"DIPA {tahun}", reverse("anggaran:dokumen_detail", args=[dipa.pk]))],
    )


def efisiensi_anggaran(tahun: int) -> Hasil:
    """2.c.8 "Terdapat efisiensi atas penggunaan anggaran dalam mencapai kinerja": per sasaran,
    its capaian against the serapan of the budget that funds it
    (``kinerja.selectors.capaian_vs_anggaran``): A every sasaran with capaian ≥ serapan, C most
    (more than half), E few. ``None`` when no sasaran has both figures."""
    from .selectors import capaian_vs_anggaran

    baris = [
        b
        for b in capaian_vs_anggaran(tahun=tahun)
        if b.capaian is not None and b.serapan is not None
    ]
    if not baris:
        return None
    boros = [b for b in baris if b.capaian < b.serapan]
    efisien = len(baris) - len(boros)
    alasan = (
        f"{efisien} dari {len(baris)} sasaran capaiannya sama dengan atau melebihi serapan "
        "anggarannya"
    )
    if boros:
        alasan += "; capaian di bawah serapan: " + ", ".join(
            f"{b.sasaran} (capaian {fmt_persen(b.capaian)}, serapan {fmt_persen(b.serapan)})"
            for b in boros
        )
    jawaban = "A" if not boros else "C" if 2 * efisien > len(baris) else "E"
    return (
        jawaban,
        alasan + ".",
        [(f"Capaian kinerja dan anggaran {tahun}", reverse("kinerja:capaian", args=[tahun]))],
    )


# --------------------------------------------------------------------------- review, findings


def lkj_direviu(tahun: int) -> Hasil:
    """3.a.4 "Dokumen Laporan Kinerja telah direviu": the year's "Pernyataan Telah Direviu"
    recorded and no review comment left open (Y); open comments: T naming how many; no
    statement: T."""
    from .lkj.selectors_reviu import komentar_terbuka, pernyataan_get

    pernyataan = pernyataan_get(tahun=tahun)
    terbuka = komentar_terbuka(tahun=tahun).count()
    bukti = _lkj_link(tahun)
    if pernyataan is not None:
        bukti.append(
            (str(pernyataan.laporan), reverse("kinerja:lkj_detail", args=[pernyataan.laporan_id]))
        )
    if terbuka:
        return (
            "T",
            f"{terbuka} komentar reviu LKj {tahun} belum ditutup pereviu"
            + ("." if pernyataan is None else f", walaupun {pernyataan} sudah dicatat."),
            bukti,
        )
    if pernyataan is None:
        return ("T", f"Pernyataan telah direviu LKj {tahun} belum dicatat.", bukti)
    return (
        "Y",
        f"{pernyataan} dicatat tanggal {_tgl(pernyataan.tanggal)} oleh "
        f"{pernyataan.nama_pereviu}; tidak ada komentar reviu yang terbuka.",
        bukti,
    )


def temuan_ditindaklanjuti(tahun: int) -> Hasil:
    """4.c.1 "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja internal telah
    ditindaklanjuti": the findings of the evaluations of years before ``tahun`` (their LHE):
    A none open; E one open, past its deadline and without any follow-up; C otherwise (open
    findings in progress or not yet due). ``None`` without an earlier LHE."""
    from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi

    laporan = list(LaporanHasilEvaluasi.objects.filter(tahun__lt=tahun).order_by("tahun"))
    if not laporan:
        return None
    bukti = [(str(lhe), reverse("kinerja:lhe_detail", args=[lhe.pk])) for lhe in laporan]
    temuan = list(
        TemuanEvaluasi.objects.filter(lhe__in=laporan)
        .select_related("lhe")
        .prefetch_related("tindak_lanjut")
        .order_by("lhe__tahun", "nomor")
    )
    hari_ini = timezone.localdate()
    terbuka = [t for t in temuan if t.status != TemuanEvaluasi.Status.SELESAI]
    macet = [t for t in terbuka if t.batas_waktu < hari_ini and not t.tindak_lanjut.all()]
    dasar = f"{len(temuan)} temuan {', '.join(str(lhe) for lhe in laporan)}"
    if not terbuka:
        return ("A", f"Seluruh {dasar} telah selesai ditindaklanjuti.", bukti)
    alasan = f"{len(terbuka)} dari {dasar} belum selesai"
    if macet:
        alasan += "; melewati batas waktu tanpa tindak lanjut: " + ", ".join(
            f"{t} (batas {_tgl(t.batas_waktu)})" for t in macet
        )
        return ("E", alasan + ".", bukti)
    proses = sum(1 for t in terbuka if t.status == TemuanEvaluasi.Status.PROSES)
    return ("C", f"{alasan} ({proses} dalam proses tindak lanjut).", bukti)


ATURAN: dict[str, Callable[[int], Hasil]] = {
    "renstra_mencakup": renstra_mencakup,
    "rencana_aksi_ada": rencana_aksi_ada,
    "dipa_ada": dipa_ada,
    "pk_iku_formal": pk_iku_formal,
    "manual_iku_lengkap": manual_iku_lengkap,
    "capaian_sesuai_jalur": capaian_sesuai_jalur,
    "monitoring_ra_lengkap": monitoring_ra_lengkap,
    "realisasi_berkala": realisasi_berkala,
    "realisasi_aplikasi": realisasi_aplikasi,
    "lkj_disusun": lkj_disusun,
    "lkj_final": lkj_final,
    "lkj_tepat_waktu": lkj_tepat_waktu,
    "pk_semua_tingkat": pk_semua_tingkat,
    "pohon_tanpa_temuan": pohon_tanpa_temuan,
    "rkt_ditetapkan": rkt_ditetapkan,
    "anggaran_tertaut_sasaran": anggaran_tertaut_sasaran,
    "efisiensi_anggaran": efisiensi_anggaran,
    "lkj_direviu": lkj_direviu,
    "temuan_ditindaklanjuti": temuan_ditindaklanjuti,
    "lkj_dipublikasikan": lkj_dipublikasikan,
}

#: Y/T answer of an A/C/E answer and back (see the module docstring).
KE_YT = {"A": "Y", "B": "T", "C": "T", "D": "T", "E": "T", "Y": "Y", "T": "T"}
KE_AE = {"Y": "A", "T": "E", "A": "A", "B": "B", "C": "C", "D": "D", "E": "E"}


def usulan_kriteria(kriteria, tahun: int, *, dihitung: dict | None = None) -> Hasil:
    """The proposal of one criterion on its own scale, or ``None``. ``dihitung`` keeps each
    rule's result for a run over many criteria (one rule can serve several of them)."""
    fungsi = ATURAN.get(kriteria.aturan)
    if fungsi is None:
        return None
    if dihitung is None:
        hasil = fungsi(tahun)
    else:
        if kriteria.aturan not in dihitung:
            dihitung[kriteria.aturan] = fungsi(tahun)
        hasil = dihitung[kriteria.aturan]
    if hasil is None:
        return None
    jawaban, alasan, bukti = hasil
    peta = KE_YT if kriteria.sub.jenis == "pemenuhan" else KE_AE
    return peta[jawaban], alasan, list(bukti)
