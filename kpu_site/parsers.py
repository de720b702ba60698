"""The API's JSON parser (the default in ``REST_FRAMEWORK``): the top level of a JSON body is
an object, since every input serializer reads named fields. ``true``, ``1.5`` or
``[null, null]`` is a 400 "Isi permintaan harus objek JSON." before any view reads it.

Its own module: DRF imports the parser classes named in the settings while it sets itself up,
so this module imports nothing of ours (``kpu_site.api`` imports DRF's views).
"""

from __future__ import annotations

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

PESAN_BUKAN_OBJEK = "Isi permintaan harus objek JSON."


class ObjekJSONParser(JSONParser):
    """JSON whose top level is an object."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            raise ParseError(PESAN_BUKAN_OBJEK)
        return data
