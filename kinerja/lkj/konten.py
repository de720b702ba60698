"""Everything the LKj shows, gathered from the apps' selectors (one function per figure lives
in those apps; nothing is recomputed here). ``lkj_konten_kumpulkan`` returns the dict the
template ``kinerja/pdf/lkj.html`` renders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from kpu_site import formatting

from ..grafik import grafik_capaian
from .konten_iku_ra import lkj_iku_kumpulkan, lkj_rencana_aksi_kumpulkan
from .naskah import NASKAH_BAWAAN, naskah_render
from .selectors_reviu import pernyataan_konten

BAGIAN_NARASI = [
    ("analisis", "Analisis capaian"),
    ("kendala", "Penyebab keberhasilan/kegagalan dan kendala"),
    ("solusi", "Solusi dan tindak lanjut"),
    ("program_pendukung", "Program/kegiatan pendukung"),
]


def _capaian_teks(hasil, presisi: int = 2) -> str:
    return (
        formatting.persen(hasil.nilai_dibatasi, presisi)
        if hasil.dapat_dihitung
        else "tidak dapat dihitung"
    )


def _organisasi(tanggal: date) -> dict:
    from sekretariat import grafik
    from sekretariat import selectors as org

    # every staff figure of Bab I is read on ``tanggal`` (31 December of the report year)
    status = org.pegawai_hitung_status(tanggal=tanggal)
    pendidikan = {
        s: org.pegawai_hitung_pendidikan(status=s, tanggal=tanggal) for s in ("pns", "ppnpn")
    }
    return {
        "tanggal": tanggal,
        "unit_list": [
            {
                "nama": u.nama,
                "tugas": [t.strip() for t in (u.tugas or "").splitlines() if t.strip()],
            }
            for u in org.unit_list(tanggal=tanggal)
        ],
        "bagan_svg": grafik.bagan_organisasi_svg(tanggal=tanggal),
        "pendidikan_pns": pendidikan["pns"],
        "pendidikan_pns_svg": grafik.pendidikan_svg(status="pns", rows=pendidikan["pns"]),
        "pendidikan_ppnpn": pendidikan["ppnpn"],
        "pendidikan_ppnpn_svg": grafik.pendidikan_svg(status="ppnpn", rows=pendidikan["ppnpn"]),
        "jumlah": {
            "pns": status.get("pns", 0),
            "ppnpn": status.get("ppnpn", 0),
            "total": status.get("total", 0),
        },
        "per_unit": [
            {
                "unit": r["unit"].nama,
                "unit_id": r["unit"].pk,
                "pns": r["pns"],
                "ppnpn": r["ppnpn"],
                "jumlah": r["total"],
            }
            for r in org.pegawai_hitung_unit(tanggal=tanggal)
            if r["total"]
        ],
    }


def _output_ro(dokumen, revisi) -> list[dict]:
    """LKj Bab III B, Tabel 3.2: each RO line of the DIPA with its target and realised volume
    (submitted or verified months), capaian, pagu, realisasi anggaran and serapan
    (``anggaran.selectors.output_ro_list``, the output page's figures)."""
    from anggaran import selectors as ang

    return [
        {
            "pos_id": b.pos.pk,
            "kode": b.kode,
            "uraian": b.uraian,
            "target": b.target_teks,
            "realisasi_volume": b.kumulatif_teks,
            "capaian": b.capaian,
            "pagu": b.pagu,
            "realisasi": b.realisasi,
            "serapan": b.serapan,
        }
        for b in ang.output_ro_list(dokumen=dokumen, revisi=revisi)
    ]


def _anggaran(tahun: int) -> tuple[dict | None, list[dict]]:
    from anggaran import selectors as ang

    tabel = ang.tabel_3_1(tahun=tahun)
    hibah = [
        {
            "nama": h["dokumen"].uraian,
            "pemberi": h["dokumen"].pemberi,
            "nomor_nphd": h["dokumen"].nomor,
            "tanggal_nphd": h["dokumen"].tanggal,
            "pagu": h["total_pagu"],
            "realisasi": h["total_realisasi"],
            "serapan": h["serapan"],
        }
        for h in ang.laporan_hibah(tahun=tahun)
    ]
    if tabel is None:
        return None, hibah
    dokumen = tabel["dokumen"]
    return (
        {
            "nomor_dipa": dokumen.nomor,
            "tanggal_dipa": dokumen.tanggal,
            "revisi": tabel["revisi"].nomor if tabel["revisi"] else None,
            "baris": tabel["baris"],
            "jumlah_program": sum(1 for b in tabel["baris"] if b["tingkat"] == "program"),
            "total": tabel["total"],
            "output": _output_ro(dokumen, tabel["revisi"]),
        },
        hibah,
    )


def lkj_konten_kumpulkan(*, tahun: int, naskah=None) -> dict:
    """All figures and texts of the LKj of ``tahun``. ``naskah`` is the year's narrative
    (``NaskahLkj``) or ``None`` for the default texts.

    Raises ``ValidationError`` when the year has no Renstra/PK data at all.
    """
    from anggaran.selectors import anggaran_per_sasaran
    from kinerja import selectors as kin
    from sekretariat import selectors as org

    renstra = kin.renstra_untuk_tahun(tahun)
    perjanjian = kin.pk_berlaku(tahun=tahun)
    if renstra is None or perjanjian is None:
        raise ValidationError(
            f"Tidak ada data kinerja untuk tahun {tahun}: Renstra atau Perjanjian Kinerja tahun "
            "itu belum ada, sehingga laporan tidak dapat disusun."
        )
    akhir_tahun = date(tahun, 12, 31)
    satker = org.satker_get()
    kota = kin.tempat_satker()
    sekretaris = org.pejabat_sekretaris(tanggal=akhir_tahun)
    renstra = kin.renstra_tree(renstra=renstra)
    iku = lkj_iku_kumpulkan(renstra=renstra)
    organisasi = _organisasi(akhir_tahun)
    anggaran, hibah = _anggaran(tahun)
    per_sasaran_anggaran = anggaran_per_sasaran(tahun=tahun)

    capaian = kin.capaian_tahun_list(tahun=tahun)
    pengaturan = kin.pengaturan_capaian_get()
    ringkasan = kin.capaian_ringkasan(baris=capaian)
    rata_rata = kin.capaian_rata_rata(baris=capaian)
    antar_tahun = {b.indikator.pk: b.per_tahun for b in kin.capaian_antar_tahun(tahun=tahun)}
    target_akhir = {b.indikator.pk: b for b in kin.capaian_vs_target_akhir(tahun=tahun)}
    pk_baris = list(kin.pk_baris_list(perjanjian=perjanjian))

    tahun_list = renstra.daftar_tahun
    tabel_2_1 = []
    semua_sasaran = sorted(
        (s for tujuan in renstra.tujuan.all() for s in tujuan.sasaran.all()), key=lambda s: s.nomor
    )
    for sasaran in semua_sasaran:
        for indikator in sasaran.indikator.all():
            targets = {t.tahun: t for t in indikator.target.all()}
            tabel_2_1.append(
                {
                    "no": sasaran.nomor,
                    "sasaran": sasaran.uraian,
                    "indikator": indikator.uraian,
                    "iku": indikator.pk in iku["indikator_ids"],
                    "target": [
                        indikator.nilai_teks(targets[t].target) if t in targets else "–"
                        for t in tahun_list
                    ],
                }
            )

    sasaran_map: dict[int, dict] = {}
    for b in capaian:
        ind = b.indikator
        sasaran = ind.sasaran
        entry = sasaran_map.setdefault(
            sasaran.pk,
            {
                "no": sasaran.nomor,
                "nama": sasaran.uraian,
                "indikator": [],
                "anggaran": per_sasaran_anggaran.get(sasaran.pk),
            },
        )
        tahunan = b.tahunan
        deret = [
            {
                "tahun": t,
                "target": ind.nilai_teks(tg.nilai if tg else None),
                "realisasi": ind.nilai_teks(r),
                "capaian": _capaian_teks(h),
            }
            for t, tg, r, h in antar_tahun.get(ind.pk, [])
        ]
        akhir = target_akhir.get(ind.pk)
        entry["indikator"].append(
            {
                "nama": ind.uraian,
                "target": ind.nilai_teks(b.target.nilai if b.target else None),
                "realisasi": ind.nilai_teks(b.realisasi),
                "capaian": _capaian_teks(b.hasil),
                "realisasi_id": tahunan.pk if tahunan else None,
                "status": b.hasil.status_label,
                "status_kelas": {"tercapai": "tercapai", "hampir": "hampir"}.get(
                    b.hasil.status, "tidak"
                ),
                "antar_tahun": deret if len(deret) > 1 else [],
                "target_akhir": ind.nilai_teks(
                    akhir.target_akhir.target if akhir and akhir.target_akhir else None
                ),
                "capaian_target_akhir": _capaian_teks(akhir.hasil)
                if akhir
                else "tidak dapat dihitung",
                "narasi": [
                    {"judul": judul, "isi": naskah_render(getattr(tahunan, field, ""), {})}
                    for field, judul in BAGIAN_NARASI
                    if tahunan is not None and getattr(tahunan, field, "")
                ],
            }
        )
    sasaran_list = sorted(sasaran_map.values(), key=lambda s: s["no"])

    isian = {
        "tahun": str(tahun),
        "nama_satker": satker.nama if satker else "",
        "jumlah_sasaran": str(len(sasaran_list)),
        "jumlah_indikator": str(len(capaian)),
        "jumlah_tercapai": str(ringkasan["tercapai"]),
        "rata_rata_capaian": formatting.persen(rata_rata),
        "jumlah_pegawai": str(organisasi["jumlah"]["total"]),
        "jumlah_pns": str(organisasi["jumlah"]["pns"]),
        "jumlah_ppnpn": str(organisasi["jumlah"]["ppnpn"]),
        "nama_sekretaris": sekretaris.nama if sekretaris else "",
        "pagu_hibah": formatting.rupiah(sum((h["pagu"] for h in hibah), Decimal(0))),
    }
    if anggaran:
        isian |= {
            "nomor_dipa": anggaran["nomor_dipa"],
            "pagu_dipa": formatting.rupiah(anggaran["total"]["pagu"]),
            "realisasi_dipa": formatting.rupiah(anggaran["total"]["realisasi"]),
            "serapan_dipa": formatting.persen(anggaran["total"]["serapan"]),
            "sisa_dipa": formatting.rupiah(anggaran["total"]["sisa"]),
        }
    teks = {key: getattr(naskah, key, "") or NASKAH_BAWAAN[key] for key in NASKAH_BAWAAN}
    batas = getattr(pengaturan, "batas_atas", None)

    daftar_isi = [
        {"id": "bab-1", "judul": "BAB I PENDAHULUAN", "kelas": ""},
        {"id": "bab-1-a", "judul": "A. Latar Belakang", "kelas": "l2"},
        {"id": "bab-1-b", "judul": "B. Kedudukan, Tugas dan Fungsi", "kelas": "l2"},
        {"id": "bab-1-c", "judul": "C. Struktur Organisasi", "kelas": "l2"},
        {"id": "bab-1-d", "judul": "D. Dukungan Sumber Daya Manusia", "kelas": "l2"},
        {"id": "bab-1-e", "judul": "E. Sistematika Penyajian", "kelas": "l2"},
        {"id": "bab-2", "judul": "BAB II PERENCANAAN DAN PERJANJIAN KINERJA", "kelas": ""},
        {"id": "bab-2-a", "judul": f"A. Rencana Strategis {renstra}", "kelas": "l2"},
        {"id": "bab-2-b", "judul": f"B. Perjanjian Kinerja Tahun {tahun}", "kelas": "l2"},
        {"id": "bab-3", "judul": "BAB III AKUNTABILITAS KINERJA", "kelas": ""},
        {"id": "bab-3-a", "judul": "A. Pengukuran Capaian Kinerja", "kelas": "l2"},
        {"id": "bab-3-b", "judul": "B. Akuntabilitas Keuangan", "kelas": "l2"},
        {"id": "bab-4", "judul": "BAB IV PENUTUP", "kelas": ""},
        {"id": "lampiran", "judul": f"LAMPIRAN: Perjanjian Kinerja Tahun {tahun}", "kelas": ""},
    ]
    pernyataan_reviu = pernyataan_konten(tahun=tahun)  # reviu APIP, printed before the Lampiran
    if pernyataan_reviu:
        daftar_isi.insert(
            -1, {"id": "pernyataan-reviu", "judul": "PERNYATAAN TELAH DIREVIU", "kelas": ""}
        )
    daftar_tabel = [
        {"id": "tabel-1-1", "judul": "Tabel 1.1 Pegawai menurut status dan unit kerja"},
        {"id": "tabel-2-1", "judul": "Tabel 2.1 Sasaran strategis dan indikator kinerja Renstra"},
        {"id": "tabel-2-2", "judul": f"Tabel 2.2 Perjanjian Kinerja Tahun {tahun}"},
    ]
    if anggaran:
        daftar_tabel.append(
            {"id": "tabel-3-1", "judul": "Tabel 3.1 Realisasi anggaran per program dan kegiatan"}
        )
    if anggaran and anggaran["output"]:
        daftar_tabel.append(
            {
                "id": "tabel-3-2",
                "judul": "Tabel 3.2 Target dan realisasi volume Rincian Output (RO)",
            }
        )
    daftar_gambar = [
        {"id": "gambar-1-1", "judul": "Gambar 1.1 Struktur organisasi"},
        {"id": "gambar-1-2", "judul": "Gambar 1.2 Pegawai PNS menurut tingkat pendidikan"},
        {"id": "gambar-1-3", "judul": "Gambar 1.3 PPNPN menurut tingkat pendidikan"},
        {"id": "gambar-3-1", "judul": f"Gambar 3.1 Capaian indikator kinerja Tahun {tahun}"},
    ]

    return {
        "tahun": tahun,
        "satker": {
            "nama": satker.nama if satker else "Sekretariat KPU",
            "nama_komisi": f"KPU {satker.nama_wilayah}" if satker else "KPU",
            "alamat": satker.alamat if satker else "",
            "logo_url": satker.logo.url if satker and satker.logo else "/static/img/logo-kpu.svg",
            "kota": kota,
        },
        "sekretaris": {"nama": sekretaris.nama, "nip": sekretaris.nip} if sekretaris else None,
        "tempat_tanggal": getattr(naskah, "tempat_tanggal", "")
        or (f"{kota}, " if kota else "")
        + formatting.tanggal(getattr(naskah, "tanggal", None) or date(tahun + 1, 1, 31)),
        "tanggal_struktur": akhir_tahun,
        "naskah": {key: naskah_render(value, isian) for key, value in teks.items()},
        "isian": isian,
        "ringkasan": {**ringkasan, "jumlah": len(capaian), "rata_rata": rata_rata},
        "organisasi": organisasi,
        "renstra": {
            "pk": renstra.pk,
            "periode": f"{renstra.tahun_mulai}–{renstra.tahun_selesai}",
            "visi": renstra.visi,
            "misi": [m.uraian for m in renstra.misi.all()],
            "tujuan": [t.uraian for t in renstra.tujuan.all()],
            "tahun_list": tahun_list,
            "tahun_akhir": renstra.tahun_selesai,
        },
        "tabel_2_1": tabel_2_1,
        "tabel_2_2": [
            {
                "no": b.indikator.sasaran.nomor,
                "sasaran": b.indikator.sasaran.uraian,
                "indikator": b.indikator.uraian,
                "iku": b.indikator_id in iku["indikator_ids"],
                "target": b.indikator.nilai_teks(b.target),
            }
            for b in pk_baris
        ],
        "pk": {
            "tempat": perjanjian.tempat,
            "tanggal": perjanjian.tanggal,
            "pihak_pertama": perjanjian.pihak_pertama_nama,
            "jabatan_pertama": perjanjian.pihak_pertama_jabatan,
            "pihak_kedua": perjanjian.pihak_kedua_nama,
            "jabatan_kedua": perjanjian.pihak_kedua_jabatan,
            "revisi": perjanjian.revisi or None,
            "status": perjanjian.status,
            "status_label": perjanjian.get_status_display(),
        },
        "iku": iku,
        "rencana_aksi": lkj_rencana_aksi_kumpulkan(tahun=tahun),
        "sasaran_list": sasaran_list,
        "grafik_capaian_svg": grafik_capaian(baris=capaian, tahun=tahun, pengaturan=pengaturan),
        "keterangan_batas": (
            f"Capaian dibatasi paling tinggi {batas}%."
            if batas
            else "Capaian tidak dibatasi (tanpa batas atas)."
        ),
        # Which average it is (kinerja.selectors.capaian_rata_rata): printed beside it.
        "keterangan_rata_rata": (
            "Rata-rata capaian dihitung dari nilai capaian setiap indikator setelah dibatasi "
            f"paling tinggi {batas}%, atas indikator yang capaiannya dapat dihitung."
            if batas
            else "Rata-rata capaian dihitung dari nilai capaian setiap indikator tanpa batas "
            "atas, atas indikator yang capaiannya dapat dihitung."
        ),
        "anggaran": anggaran,
        "hibah": hibah,
        "daftar_isi": daftar_isi,
        "daftar_tabel": daftar_tabel,
        "daftar_gambar": daftar_gambar,
        "pernyataan_reviu": pernyataan_reviu,
    }
