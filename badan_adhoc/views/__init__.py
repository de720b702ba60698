"""Pages of the ad hoc recruitment (split by stage)."""

from .berkas import *  # noqa: F403
from .dokumen import *  # noqa: F403
from .ekspor import *  # noqa: F403
from .pendaftar import *  # noqa: F403
from .pola_nomor import *  # noqa: F403
from .rekrutmen import *  # noqa: F403
from .tahap import *  # noqa: F403
from .tanggapan import *  # noqa: F403
