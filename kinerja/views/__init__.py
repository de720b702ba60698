"""Pages of the kinerja app: Renstra tree, PK (printable), realisasi input (htmx), the
verification queue, the capaian table and the LKj analyses. Thin: selectors read, services write.
The LKj pages are in ``kinerja.lkj.views``.
"""

from .capaian import (  # noqa: F401
    AnalisisIndexView,
    AnalisisView,
    CapaianView,
    KinerjaIndexView,
    PengaturanView,
    RealisasiIndexView,
)
from .impor import PKTargetImporView, RealisasiImporView  # noqa: F401
from .perencanaan import (  # noqa: F401
    PKBarisUbahView,
    PKBuatView,
    PKCetakView,
    PKDetailView,
    PKListView,
    PKPerubahanView,
    PKTandatanganiView,
    PKUbahView,
    RenstraDetailView,
    RenstraListView,
    RenstraPdfView,
)
from .realisasi import (  # noqa: F401
    AntreanView,
    BuktiHapusView,
    BuktiTambahView,
    BuktiUnduhView,
    RealisasiAksiView,
    RealisasiDetailView,
    RealisasiIsiView,
    RealisasiListView,
    RealisasiValidasiView,
)
