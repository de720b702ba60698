"""Pages of the anggaran app. Thin: read through selectors, write through services.

Every page is readable by every role holding ``anggaran.view_*``; write pages additionally
need ``akses.boleh_tulis`` (Sekretaris/Admin, Staf/Kasubag Keuangan). Any table can be
downloaded as Excel with ``?unduh=xlsx``.
"""

from .dokumen import (  # noqa: F401
    DokumenBukaView,
    DokumenCreateView,
    DokumenDetailView,
    DokumenKunciView,
    DokumenListView,
    DokumenUpdateView,
    PosCreateView,
    PosDetailView,
    PosUpdateView,
    RevisiCreateView,
    RevisiDetailView,
    RpdUpdateView,
)
from .ikpa import IkpaTerbaruView, IkpaView, ParameterIkpaView  # noqa: F401
from .impor_dipa import DipaImporView, RevisiImporView  # noqa: F401
from .laporan import LaporanTerbaruView, LaporanView, SerapanView  # noqa: F401
from .output import (  # noqa: F401
    OutputAntreanView,
    OutputImporView,
    OutputRoListView,
    OutputTerbaruView,
    RealisasiOutputAksiView,
    RealisasiOutputBuktiView,
    RealisasiOutputIsiView,
    VolumeRoUpdateView,
)
from .realisasi import RealisasiCreateView, RealisasiImporView, RealisasiListView  # noqa: F401
