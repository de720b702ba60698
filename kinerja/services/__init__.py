"""Writes of the kinerja app: the Renstra tree and its targets, Perjanjian Kinerja (draft →
signed → revision), realisasi with the verification workflow and optimistic locking, evidence,
year lock, settings.

Rules broken raise ``ValidationError`` (Indonesian, naming the field); an action by someone not
allowed raises ``PermissionDenied``. Nothing is partly written (``transaction.atomic``).
The LKj's services are in ``kinerja.lkj.services``.
"""

from ._dasar import (  # noqa: F401
    boleh_kelola_perencanaan,
    nilai_periksa,
    pastikan_perencana,
    target_pasangan_periksa,
)
from .pengaturan import pengaturan_capaian_update, tahun_lock, tahun_unlock  # noqa: F401
from .perencanaan import (  # noqa: F401
    PK_KOLOM_UBAH,
    boleh_tandatangani_pk,
    pk_aksi_boleh,
    pk_baris_update,
    pk_create,
    pk_perubahan_create,
    pk_sign,
    pk_update,
    target_tahunan_set,
)
from .realisasi import (  # noqa: F401
    bukti_berkas_add,
    bukti_delete,
    bukti_tautan_add,
    realisasi_aksi_boleh,
    realisasi_approve,
    realisasi_return,
    realisasi_save,
    realisasi_submit,
    realisasi_verify,
)
from .renstra import (  # noqa: F401
    INDIKATOR_KOLOM,
    MISI_KOLOM,
    RENSTRA_KOLOM,
    SASARAN_KOLOM,
    TUJUAN_KOLOM,
    indikator_create,
    indikator_update,
    misi_create,
    misi_update,
    renstra_create,
    renstra_update,
    sasaran_create,
    sasaran_update,
    tujuan_create,
    tujuan_update,
)
