"""What the LHE follow-up shows on the home pages (registered in ``kinerja.dasbor``): on the
Dasbor pimpinan a card with the open and overdue findings of every evaluation; on the home of a
Staf/Kasubag their sub-bagian's open findings as tasks (not bound to the working year: a
finding stays open until the Sekretaris accepts it)."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Panel, Tugas

from . import selectors_lhe


def dasbor_temuan_lhe(*, tahun: int) -> dict:
    """Open and overdue findings of every LHE (``tahun`` is not used: findings of earlier
    evaluations stay open across years)."""
    return {
        "terbuka": selectors_lhe.jumlah_terbuka(),
        "terlambat": selectors_lhe.jumlah_terlambat(),
        "url": reverse("kinerja:lhe_list"),
    }


def temuan_lhe_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """The open findings assigned to the user's sub-bagian, oldest deadline first."""
    if user.unit_id is None:
        return []
    terbuka = list(selectors_lhe.temuan_terbuka(unit=user.unit_id))
    return [
        Tugas(
            kunci="temuan_lhe",
            judul="Temuan evaluasi SAKIP belum selesai ditindaklanjuti",
            jumlah=len(terbuka),
            url=reverse("kinerja:lhe_list"),
            tindakan="Buka hasil evaluasi & tindak lanjut",
            butir=tuple(
                Butir(
                    label=f"{t}: {t.rekomendasi[:120]}",
                    url=reverse("kinerja:tindak_lanjut_tambah", args=[t.pk]),
                    keterangan=f"batas {t.batas_waktu:%d-%m-%Y}"
                    + (" (terlambat)" if t.batas_waktu < hari_ini else ""),
                )
                for t in terbuka[:BUTIR_MAKS]
            ),
        )
    ]


PANEL = Panel(
    "temuan_lhe",
    dasbor_temuan_lhe,
    kartu="kinerja/dasbor/_kartu_temuan_lhe.html",
    urutan=35,
    tersimpan=False,
)
