"""Arabic named entities: a two-stage CRF tagger trained on ANERcorp, shipped in the package.

``default_tagger().mentions(text)`` gives the people (PER), places (LOC), organizations (ORG)
and other names (MISC) of a text as character spans of it. How the model is made and scored:
``train.py``, ``src/marsad/data/ner/README.md`` and ``make bench-ner``.
"""

from marsad.analyze.ner.tagger import Mention, Tagger, default_tagger

__all__ = ["Mention", "Tagger", "default_tagger"]
