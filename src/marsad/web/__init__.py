"""The JSON API and the pages (``marsad serve``): ``create_app``."""

from marsad.web.app import create_app

__all__ = ["create_app"]
