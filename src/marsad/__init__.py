"""Marsad (مرصد): an Arabic-first news story tracker.

>>> from marsad import Marsad
"""

from marsad.app import Marsad, SearchHit
from marsad.engine.local import IngestReport
from marsad.models import Article, RawDocument, Rejection

__all__ = ["Article", "IngestReport", "Marsad", "RawDocument", "Rejection", "SearchHit"]
__version__ = "0.1.0"
