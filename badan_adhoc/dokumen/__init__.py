"""A recruitment's documents rendered in the background (announcements as PDF, Excel, or a
ZIP of every kecamatan), kept with their SHA-256, downloaded with an audit row and, for the
documents without personal data, published on the public page ``/publik/pengumuman/``.

- ``models``: ``DokumenRekrutmen``, one rendering job and its stored file.
- ``jenis``: the registry of kinds; a kind is one function ``fn(dokumen, berkas, progres) ->
  meta`` registered with ``@dokumen_jenis(...)`` (``render`` registers the announcements).
- ``services``: request (idempotent by ``kunci``), claim, render, publish, log a download.
- ``selectors``: the lists of a recruitment, the public list (cached per publication).
"""
