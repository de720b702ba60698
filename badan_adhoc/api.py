"""API viewsets of the badan_adhoc app, registered on the project router."""


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
