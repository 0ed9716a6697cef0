"""The parts of ``marsad.analyze.dates``, in the order text flows through them.

``fold`` maps text onto the form the patterns are written in, and offsets back; ``lexicon``
holds the words; ``grammar`` the compiled patterns; ``interpret`` (dates) and ``days`` (day
words and weekdays) turn a match into a ``candidate``; ``calendar`` does the date arithmetic
and writes values.
"""
