"""Writing a new DIPA or a revision from a checked sheet (see the package's docstring)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat, jejak_gabung
from kpu_site.formatting import angka, rupiah
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    Pemetaan,
)

from .. import selectors, services
from ..akses import pastikan_boleh_tulis
from ..models import DokumenAnggaran, Pagu, Pos, RencanaPenarikan, Revisi
from .hasil import NOL, TINGKAT, BarisPos, Beda, HasilDipa, pagu_compute
from .lembar import lembar_baca

# --- a new DIPA ---------------------------------------------------------------------------------


def dipa_impor_periksa(
    *,
    tahun: int,
    berkas,
    nama_berkas: str,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Read and check the sheet for a new DIPA of ``tahun`` (through a column-mapping profile
    when ``pemetaan`` is given); nothing is written."""
    hasil = HasilDipa(nama_berkas=nama_berkas, tahun=tahun)
    try:
        services.pastikan_tahun_terbuka(tahun)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", f"Impor tidak diizinkan: {exc.messages[0]}"))
        return hasil
    if selectors.dipa_of_tahun(tahun=tahun) is not None:
        hasil.kesalahan.append(
            Kesalahan(None, "", f"DIPA tahun {tahun} sudah ada; impor sebagai revisi DIPA.")
        )
        return hasil
    lembar_baca(hasil, berkas=berkas, pemetaan=pemetaan, lembar_rpd=lembar_rpd)
    return hasil


def _pohon_tulis(
    *, dokumen: DokumenAnggaran, baris: list[BarisPos], ada: dict[str, int], urutan_awal: int = 0
) -> dict[str, int]:
    """Create the lines of ``baris`` not in ``ada`` (code -> id), one bulk insert per level;
    returns every code's id."""
    ids = dict(ada)
    urutan = {b.kode_lengkap: urutan_awal + (i + 1) * 10 for i, b in enumerate(baris)}
    for tingkat in TINGKAT:
        baru = [
            Pos(
                dokumen=dokumen,
                induk_id=ids[b.induk] if b.induk else None,
                tingkat=tingkat,
                kode=b.kode,
                kode_lengkap=b.kode_lengkap,
                uraian=b.uraian,
                satuan=b.satuan,
                urutan=urutan[b.kode_lengkap],
            )
            for b in baris
            if b.tingkat == tingkat and b.kode_lengkap not in ids
        ]
        if baru:
            Pos.objects.bulk_create(baru, batch_size=2000)
            ids.update({p.kode_lengkap: p.pk for p in baru})
    return ids


@transaction.atomic
def dipa_impor(
    *,
    pengguna,
    tahun: int,
    nomor: str,
    tanggal: date,
    berkas,
    nama_berkas: str,
    uraian: str = "",
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """A new DIPA of ``tahun`` whose pagu awal (revisi ke-0) is the sheet: the document, its
    tree and its pagu in one transaction; ``ImporGagal`` (nothing written) when any row is
    wrong."""
    pastikan_boleh_tulis(pengguna)
    hasil = dipa_impor_periksa(
        tahun=tahun,
        berkas=berkas,
        nama_berkas=nama_berkas,
        pemetaan=pemetaan,
        lembar_rpd=lembar_rpd,
    )
    if hasil.kesalahan:
        raise ImporGagal(hasil.kesalahan)
    dokumen = services.dokumen_create(
        pengguna=pengguna,
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=tahun,
        nomor=nomor,
        tanggal=tanggal,
        uraian=uraian or f"DIPA Tahun Anggaran {tahun}",
        alasan_awal=f"Pagu awal (impor {nama_berkas})",
    )
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=0)
    ids = _pohon_tulis(dokumen=dokumen, baris=hasil.baris, ada={})
    Pagu.objects.bulk_create(
        [
            Pagu(revisi=revisi, pos_id=ids[b.kode_lengkap], volume=b.volume, harga=b.harga)
            for b in hasil.detail
        ],
        batch_size=2000,
    )
    if hasil.rpd:
        with jejak_gabung():  # the months' history; the import is the one audit entry
            services.rpd_set(pengguna=pengguna, revisi=revisi, nilai=hasil.rpd)
    hasil.dokumen = dokumen
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=dokumen,
        ringkasan=(
            f"Impor DIPA {nama_berkas}: {angka(len(hasil.baris))} baris pos, "
            f"{angka(len(hasil.detail))} detail, pagu {rupiah(hasil.total)}"
            f"{', RPD 12 bulan' if hasil.rpd else ''}."
        ),
    )
    return hasil


# --- a revision ---------------------------------------------------------------------------------


def revisi_impor_periksa(
    *,
    dokumen: DokumenAnggaran,
    berkas,
    nama_berkas: str,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Read the sheet of a revision of ``dokumen`` and compare it with the revision in force
    (``hasil.beda``: detail lines added, removed, changed); nothing is written. An akun whose
    new pagu is below its realisasi is an error, as in ``services.revisi_create``."""
    hasil = HasilDipa(nama_berkas=nama_berkas, tahun=dokumen.tahun, dokumen=dokumen)
    try:
        services.pastikan_terbuka(dokumen)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", f"Impor tidak diizinkan: {exc.messages[0]}"))
        return hasil
    lembar_baca(hasil, berkas=berkas, pemetaan=pemetaan, lembar_rpd=lembar_rpd)
    if hasil.kesalahan:
        return hasil
    lalu = selectors.revisi_terakhir(dokumen=dokumen)
    hasil.revisi_lalu = lalu
    hasil.rpd_lama = dict(
        RencanaPenarikan.objects.filter(revisi=lalu).values_list("bulan", "nilai")
    )
    pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=lalu)
    pos = {s.pos.kode_lengkap: s.pos for s in pohon.urut}
    pagu = {
        pos_id: (volume, harga)
        for pos_id, volume, harga in Pagu.objects.filter(revisi=lalu).values_list(
            "pos_id", "volume", "harga"
        )
    }
    for b in hasil.baris:
        lama = pos.get(b.kode_lengkap)
        if lama is not None and lama.tingkat != b.tingkat:
            hasil.kesalahan.append(
                Kesalahan(
                    b.nomor_baris,
                    "KODE",
                    f"kode {b.kode_lengkap} di DIPA adalah {lama.get_tingkat_display()}, di berkas "
                    f"{Pos.Tingkat(b.tingkat).label}.",
                )
            )
    if hasil.kesalahan:
        return hasil
    hasil.beda = _beda_hitung(hasil, pos=pos, pagu=pagu)
    if not hasil.beda and not hasil.rpd_berubah:
        hasil.kesalahan.append(
            Kesalahan(
                None, "", "tidak ada perubahan pagu, uraian atau RPD dibanding revisi yang berlaku."
            )
        )
        return hasil
    jumlah = hasil.jumlah_per_kode()
    baris_akun = {b.kode_lengkap: b.nomor_baris for b in hasil.baris if b.tingkat == "akun"}
    for s in pohon.tingkat(Pos.Tingkat.AKUN):
        baru = jumlah.get(s.pos.kode_lengkap, NOL)
        if s.realisasi > baru:
            hasil.kesalahan.append(
                Kesalahan(
                    baris_akun.get(s.pos.kode_lengkap),
                    "JUMLAH" if s.pos.kode_lengkap in baris_akun else "",
                    f"Akun {s.pos.kode_lengkap}: pagu menjadi {rupiah(baru)}, di bawah realisasi "
                    f"{rupiah(s.realisasi)}.",
                )
            )
    return hasil


def _beda_hitung(hasil: HasilDipa, *, pos: dict[str, Pos], pagu: dict) -> list[Beda]:
    beda = []
    di_berkas = set()
    for b in hasil.baris:
        di_berkas.add(b.kode_lengkap)
        lama = pos.get(b.kode_lengkap)
        uraian_lama = lama.uraian if lama is not None and lama.uraian != b.uraian else ""
        if b.tingkat != Pos.Tingkat.DETAIL:
            if uraian_lama:
                beda.append(Beda(b.kode_lengkap, b.uraian, "uraian", uraian_lama=uraian_lama))
            continue
        volume, harga = pagu.get(lama.pk, (NOL, NOL)) if lama else (NOL, NOL)
        if not pagu_compute(volume, harga):
            status = "tambah"
            volume = harga = NOL
        elif (volume, harga) != (b.volume, b.harga):
            status = "ubah"
        elif uraian_lama:
            status = "uraian"
        else:
            continue
        beda.append(
            Beda(b.kode_lengkap, b.uraian, status, volume, harga, b.volume, b.harga, uraian_lama)
        )
    for kode, p in pos.items():
        if p.tingkat != Pos.Tingkat.DETAIL or kode in di_berkas:
            continue
        volume, harga = pagu.get(p.pk, (NOL, NOL))
        if pagu_compute(volume, harga):
            beda.append(Beda(kode, p.uraian, "hapus", volume, harga, NOL, NOL))
    return beda


@transaction.atomic
def revisi_impor(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    tanggal: date,
    alasan: str,
    berkas,
    nama_berkas: str,
    dihitung_ikpa: bool = True,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Write the sheet as the next revision of ``dokumen``: the new lines are added to the
    tree, then ``services.revisi_create`` makes the revision with every added, removed (pagu 0)
    and changed detail. ``ImporGagal`` / ``ValidationError``: nothing written."""
    pastikan_boleh_tulis(pengguna)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    hasil = revisi_impor_periksa(
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        pemetaan=pemetaan,
        lembar_rpd=lembar_rpd,
    )
    if hasil.kesalahan:
        raise ImporGagal(hasil.kesalahan)
    ada = dict(Pos.objects.filter(dokumen=dokumen).values_list("kode_lengkap", "pk"))
    urutan_awal = max(
        Pos.objects.filter(dokumen=dokumen).values_list("urutan", flat=True), default=0
    )
    ids = _pohon_tulis(dokumen=dokumen, baris=hasil.baris, ada=ada, urutan_awal=urutan_awal)
    pos = Pos.objects.in_bulk([ids[b.kode_lengkap] for b in hasil.beda])
    with jejak_gabung():  # each line's history; the import is the one audit entry below
        for b in hasil.beda_uraian:
            services.pos_update(
                pengguna=pengguna,
                pos=pos[ids[b.kode_lengkap]],
                uraian=b.uraian,
                satuan=pos[ids[b.kode_lengkap]].satuan,
            )
    if hasil.beda_pagu or hasil.rpd_berubah:
        hasil.revisi = services.revisi_create(
            pengguna=pengguna,
            dokumen=dokumen,
            tanggal=tanggal,
            alasan=alasan,
            perubahan=[
                services.PerubahanPagu(
                    pos=pos[ids[b.kode_lengkap]], volume=b.volume_baru, harga=b.harga_baru
                )
                for b in hasil.beda_pagu
            ],
            rpd=hasil.rpd if hasil.rpd_berubah else None,
            dihitung_ikpa=dihitung_ikpa,
        )
    hitung = {s: sum(1 for b in hasil.beda if b.status == s) for s in ("tambah", "hapus", "ubah")}
    ringkasan = (
        f"{angka(hitung['tambah'])} detail ditambah, {angka(hitung['hapus'])} dihapus, "
        f"{angka(hitung['ubah'])} diubah, {angka(len(hasil.beda_uraian))} uraian diubah; "
        f"pagu {rupiah(hasil.total)}{'; RPD diubah' if hasil.rpd_berubah else ''}."
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=hasil.revisi or dokumen,
        ringkasan=(
            f"Impor revisi ke-{hasil.revisi.nomor} {nama_berkas}: {ringkasan}"
            if hasil.revisi
            else f"Impor POK {nama_berkas} (pagu tetap, tanpa revisi baru): {ringkasan}"
        ),
        perubahan={
            f"Uraian {b.kode_lengkap}": [b.uraian_lama, b.uraian] for b in hasil.beda_uraian
        },
    )
    return hasil
