"""Demo of the applicant's file: every demo recruitment has its body's default checklist
(``rekrutmen_create`` copies it) and a status for every applicant and item, consistent with the
screening the demo already ran. INVENTED data: every applicant who met the requirements has
every document *ada*; of those already TMS, one in four lacks the health certificate and one in
four has a diploma recorded *tidak sah* (so ``dokumen_tidak_lengkap`` never turns an MS
applicant into TMS)."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from .model_berkas import ItemBerkas, StatusBerkas, status_kurang
from .models import Pendaftar, Rekrutmen
from .services.versi import pendaftar_versi_naik

ALASAN_DEMO = "Ijazah tidak dilegalisasi (contoh demo)"


@transaction.atomic
def muat_berkas(*, stdout) -> None:
    """One ``INSERT … SELECT`` per recruitment (15,000 KPPS applicants × 7 items), then one
    UPDATE of the reason flag; skipped for a recruitment that already has statuses."""
    qn = connection.ops.quote_name
    sekarang = timezone.now()
    for rekrutmen in Rekrutmen.objects.order_by("pk"):
        if StatusBerkas.objects.filter(item__rekrutmen=rekrutmen).exists():
            continue
        if not ItemBerkas.objects.filter(rekrutmen=rekrutmen).exists():
            continue
        tms = "p.status_administrasi = 'tms'"
        sql = (
            f"INSERT INTO {qn(StatusBerkas._meta.db_table)} "  # noqa: S608 - no user input
            "(pendaftar_id, item_id, status, alasan, dicatat_oleh_id, dicatat_pada) "
            "SELECT p.id, i.id, "
            f"CASE WHEN {tms} AND p.id %% 4 = 0 AND i.kode = 'surat_sehat' THEN 'tidak_ada' "
            f"WHEN {tms} AND p.id %% 4 = 1 AND i.kode = 'ijazah' THEN 'tidak_sah' "
            "ELSE 'ada' END, "
            f"CASE WHEN {tms} AND p.id %% 4 = 1 AND i.kode = 'ijazah' THEN %s ELSE '' END, "
            "NULL, %s "
            f"FROM {qn(Pendaftar._meta.db_table)} p "
            f"JOIN {qn(ItemBerkas._meta.db_table)} i ON i.rekrutmen_id = p.rekrutmen_id "
            "WHERE p.rekrutmen_id = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [ALASAN_DEMO, sekarang, rekrutmen.pk])
            n = cursor.rowcount
        kurang = status_kurang(item__rekrutmen=rekrutmen).values("pendaftar_id")
        Pendaftar.objects.filter(rekrutmen=rekrutmen, pk__in=kurang).update(
            tms_dokumen_tidak_lengkap=True
        )
        pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
        stdout.write(f"  badan_adhoc: berkas {rekrutmen.kode}: {n} status (contoh)")
