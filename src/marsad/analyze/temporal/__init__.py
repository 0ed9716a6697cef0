"""The parts of ``marsad.analyze.dates``, in the order text flows through them.

``fold`` maps text onto the form the patterns are written in, and offsets back; ``lexicon``
holds the words; ``grammar`` the rules and ``patterns`` their compiled alternations and where
they are tried; ``interpret`` (dates), ``interpret_hijri``
(Hijri dates) and ``days`` (day words and weekdays) turn a match into a ``candidate``, reading
the ``tense`` of the sentence where a year or a direction is missing; ``calendar`` and
``hijri`` (Umm al-Qura, through ``hijridate``) do the date arithmetic and write values.
"""
