from kpu_site.navigasi import Menu

JUDUL = "Organisasi"

MENU = [
    Menu("Organisasi", "sekretariat:organisasi", perm="sekretariat.view_unitorganisasi"),
    Menu("Pegawai", "sekretariat:pegawai_list", perm="sekretariat.view_pegawai"),
    Menu("Riwayat jabatan", "sekretariat:riwayat_list", perm="sekretariat.view_riwayatjabatan"),
    Menu("Jabatan", "sekretariat:jabatan_list", perm="sekretariat.view_jabatan"),
    Menu("Unit organisasi", "sekretariat:unit_list", perm="sekretariat.view_unitorganisasi"),
    Menu("Komisioner", "sekretariat:komisioner_list", perm="sekretariat.view_komisioner"),
    Menu("Divisi", "sekretariat:divisi_list", perm="sekretariat.view_divisi"),
    Menu("Satker", "sekretariat:satker_detail", perm="sekretariat.view_satker"),
]
