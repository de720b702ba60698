"""The checklist columns of the applicant import (``impor.pendaftar_import``).

Optional: one column per item code of the recruitment's checklist (``ktp``, ``ijazah``, …)
with ``ada`` / ``tidak ada`` / ``tidak sah`` (case and spacing ignored; empty = not checked),
and for a *tidak sah* its reason in ``<kode>_alasan``. While the applicants stream into the
database, each written row keeps only one character per item (and the reasons of *tidak sah*
cells); once the applicants are written, their new ids (in file order) are read back and the
statuses streamed into ``StatusBerkas`` by the same bulk writer."""

from __future__ import annotations

from django.db.models import Max

from kpu_site.impor import Kesalahan

from ..model_berkas import ItemBerkas, StatusBerkas
from ..models import Pendaftar
from .berkas import PESAN_ALASAN, PESAN_STATUS, status_baca
from .penulis import NULL_COPY, PenulisMassal, _teks_copy

_HURUF = {
    StatusBerkas.Status.ADA: "a",
    StatusBerkas.Status.TIDAK_ADA: "t",
    StatusBerkas.Status.TIDAK_SAH: "s",
}
_STATUS = {h: s.value for s, h in _HURUF.items()}
_KOSONG = "-"
#: the values of the fast path: the lower-case forms a file usually has
_CEPAT = {"ada": "a", "tidak ada": "t", "tidak sah": "s", "": _KOSONG}


class KolomBerkas:
    """The checklist columns found in an applicant file's header (``kolom``)."""

    def __init__(self, *, rekrutmen, kolom: list[str]):
        self.kolom = []  # (item id, kode, status position, reason position or -1)
        for pk, kode in ItemBerkas.objects.filter(rekrutmen=rekrutmen).values_list("pk", "kode"):
            if kode in kolom:
                alasan = f"{kode}_alasan"
                self.kolom.append(
                    (pk, kode, kolom.index(kode), kolom.index(alasan) if alasan in kolom else -1)
                )
        self.baris: list[str] = []  # per written applicant: one character per column
        self.alasan: dict[tuple[int, int], str] = {}  # (written row, column): reason

    def __bool__(self) -> bool:
        return bool(self.kolom)

    def baca(self, nomor: int, values: list[str]) -> tuple[str, dict[int, str], list[Kesalahan]]:
        """The statuses of one row as characters, its reasons by column, and its problems."""
        huruf, alasan, salah = [], {}, []
        for j, (_pk, kode, i_status, i_alasan) in enumerate(self.kolom):
            mentah = values[i_status] if i_status < len(values) else ""
            h = _CEPAT.get(mentah) or _CEPAT.get(mentah.strip().lower())
            if h is None:
                nilai = status_baca(mentah)
                if nilai is None:
                    salah.append(Kesalahan(nomor, kode, PESAN_STATUS.format(nilai=mentah.strip())))
                    continue
                h = _HURUF.get(nilai, _KOSONG)
            if h == "s":
                teks = values[i_alasan].strip() if 0 <= i_alasan < len(values) else ""
                if not teks:
                    salah.append(Kesalahan(nomor, kode, f"{PESAN_ALASAN} (kolom {kode}_alasan)"))
                    continue
                if len(teks) > 255:
                    salah.append(Kesalahan(nomor, f"{kode}_alasan", "paling panjang 255 karakter."))
                    continue
                alasan[j] = teks
            huruf.append(h)
        return "".join(huruf), alasan, salah

    def status_lama(self, *, rekrutmen_id: int) -> dict[int, tuple[str, dict[int, str]]]:
        """The stored checklist of every applicant of the recruitment in the form ``baca``
        gives a row (applicant id -> ``(letters, reasons)``), for the file's columns: one
        query."""
        posisi = {pk: j for j, (pk, *_rest) in enumerate(self.kolom)}
        per: dict[int, tuple[list[str], dict[int, str]]] = {}
        for pid, item_id, status, alasan in StatusBerkas.objects.filter(
            pendaftar__rekrutmen_id=rekrutmen_id, item_id__in=posisi
        ).values_list("pendaftar_id", "item_id", "status", "alasan"):
            huruf, teks = per.setdefault(pid, ([_KOSONG] * len(self.kolom), {}))
            j = posisi[item_id]
            huruf[j] = _HURUF.get(status, _KOSONG)
            if huruf[j] == "s":
                teks[j] = alasan
        return {pid: ("".join(h), t) for pid, (h, t) in per.items()}

    def kosong(self) -> tuple[str, dict[int, str]]:
        """An applicant without any checklist status, as ``baca`` reads an empty row."""
        return _KOSONG * len(self.kolom), {}

    def kolom_beda(self, berkas, berkas_lama) -> str:
        """The first checklist column (or its reason column) where two rows differ."""
        (huruf, alasan), (huruf_lama, alasan_lama) = berkas, berkas_lama
        for j, (_pk, kode, _i, _a) in enumerate(self.kolom):
            if huruf[j : j + 1] != huruf_lama[j : j + 1]:
                return kode
            if alasan.get(j, "") != alasan_lama.get(j, ""):
                return f"{kode}_alasan"
        return self.kolom[0][1]

    def simpan(self, huruf: str, alasan: dict[int, str]) -> None:
        """Keep a written row's statuses until the applicants' ids are known."""
        n = len(self.baris)
        self.baris.append(huruf)
        for j, teks in alasan.items():
            self.alasan[(n, j)] = teks

    @staticmethod
    def id_terakhir() -> int:
        """The highest applicant id before the write: the new rows' ids are above it."""
        return Pendaftar.objects.aggregate(m=Max("pk"))["m"] or 0

    def tulis(self, *, rekrutmen_id: int, setelah_id: int, pengguna, sekarang) -> int:
        """Write the kept statuses for the applicants written after ``setelah_id`` (in the
        order of the file: ids are given in write order; the caller holds the recruitment's
        row lock, so no other import of it interleaves)."""
        if not any(h != _KOSONG for b in self.baris for h in b):
            return 0
        # read before the COPY: no other query can run on the connection during it
        ids = list(
            Pendaftar.objects.filter(rekrutmen_id=rekrutmen_id, pk__gt=setelah_id)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        penulis = PenulisMassal(
            StatusBerkas,
            ("pendaftar_id", "item_id", "status", "alasan", "dicatat_oleh_id", "dicatat_pada"),
        )
        oleh = getattr(pengguna, "pk", None)
        item_ids = [k[0] for k in self.kolom]
        postgres = penulis.postgres
        akhir = f"\t{NULL_COPY if oleh is None else oleh}\t{sekarang.isoformat()}\n"

        def baris():
            for n, (pid, huruf) in enumerate(zip(ids, self.baris, strict=True)):
                for j, h in enumerate(huruf):
                    if h == _KOSONG:
                        continue
                    alasan = self.alasan.get((n, j), "")
                    if postgres:
                        yield f"{pid}\t{item_ids[j]}\t{_STATUS[h]}\t{_teks_copy(alasan)}{akhir}"
                    else:
                        yield (pid, item_ids[j], _STATUS[h], alasan, oleh, sekarang)

        return penulis.tulis_aliran(baris())
