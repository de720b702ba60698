"""API viewsets of the kinerja app, registered on the project router."""


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
