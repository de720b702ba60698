"""API viewsets of the sekretariat app, registered on the project router."""


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
