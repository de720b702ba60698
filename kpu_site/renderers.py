"""DRF renderers (a module of its own: ``REST_FRAMEWORK`` settings import it while DRF loads)."""

from __future__ import annotations

from rest_framework.renderers import BrowsableAPIRenderer


class BrowsableAPIRendererCsp(BrowsableAPIRenderer):
    """DRF's browsable API pages place a few elements with ``style="float: right"`` and put the
    code highlighting rules in a ``<style>`` element; only these HTML pages (the API seen in a
    browser, for developers) allow inline styles (``style-src 'self' 'unsafe-inline'``).
    Scripts stay ``'self'`` only: DRF's scripts are static files, its CSRF token a JSON data
    block that is never run."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is not None:
            response._csp_update = {"style-src": ["'unsafe-inline'"]}
        return super().render(data, accepted_media_type, renderer_context)
