"""The annual Laporan Kinerja (LKj/LAKIP): content gathered from the data, rendered to PDF."""
