"""Reads and computed figures of the anggaran app.

Every figure is one function computed from stored data:

- ``jumlah_ke_atas``: sums leaf values up the tree (pagu from detail lines, realisasi from akun
  lines): every subtotal is the sum of its children by construction;
- ``sisa_compute`` (pagu − realisasi) and ``serapan_compute`` (realisasi ÷ pagu × 100, 2 decimals);
- ``pohon_anggaran``: the whole tree of a document with pagu/realisasi/sisa/serapan per node,
  as of a revision, in a constant number of queries;
- ``realisasi_bulanan``: per month and cumulative, against the RPD (halaman III) with the
  monthly deviation as IKPA measures it;
- ``ringkasan_per_sumber_dana``: DIPA (APBN) and hibah side by side, never added together;
- ``tabel_3_1`` and ``laporan_hibah``: what the LKj (Bab III B) prints; ``laporan_keuangan``
  both plus the per-source summary made from them (the report page and API);
- ``output_ro_list``: per RO line its volume target, monthly output realisasi and capaian next
  to its pagu and realisasi anggaran (the output page, its API and the LKj's RO table).
"""

from . import ikpa  # noqa: F401  (the IKPA: selectors.ikpa.ikpa_tahun and its formulas)
from .bulanan import (  # noqa: F401
    BarisBulan,
    Bulanan,
    bulan_berlalu,
    realisasi_bulanan,
    rpd_tanpa_realisasi,
)
from .hitung import (  # noqa: F401
    BATAS_DEVIASI_IKPA,
    NOL,
    SEN,
    SERATUS,
    SisaPaguAkun,
    capaian_volume_compute,
    deviasi_compute,
    jumlah_ke_atas,
    pagu_detail_compute,
    serapan_compute,
    sisa_compute,
)
from .laporan import (  # noqa: F401
    Ringkasan,
    anggaran_per_sasaran,
    kegiatan_tanpa_sasaran,
    laporan_hibah,
    laporan_keuangan,
    revisi_perubahan,
    ringkasan_dokumen,
    ringkasan_per_sumber_dana,
    tabel_3_1,
)
from .output import (  # noqa: F401
    BarisOutputRo,
    BulanOutput,
    output_ro_list,
    realisasi_output_antrean,
    realisasi_output_dikembalikan,
    realisasi_output_get,
    realisasi_output_list,
    rencana_angka,
    volume_ro_list,
    volume_ro_terakhir,
    volume_teks,
)
from .pohon import (  # noqa: F401
    Pohon,
    Simpul,
    akun_pilihan,
    detail_pilihan,
    dipa_of_tahun,
    dokumen_get,
    dokumen_list,
    impor_list,
    pagu_detail_map,
    pohon_anggaran,
    pos_get,
    realisasi_list,
    revisi_list,
    revisi_pilih,
    revisi_terakhir,
    sisa_pagu_akun,
)
