"""The parsing toolkit every one-line parser is built on: words, numbers, amounts, times, days.

- ``tokens``: a line split into words that keep their offsets into what was typed;
- ``numerals``: digits (decimal comma or point), number words, ranges, approximate and bounded
  quantities ("about 5", "2-3", "under 10");
- ``amounts``: durations ("1m30s", "~2 minutes", "approx. 2-3 min") and doses ("2,5 ml");
- ``clocks``: clock times and windows ("7.30 a.m.", "19h30", "between 6:30 and 7:15");
- ``days``: relative days, weekdays and dates, day first ("yesterday", "Tuesday", "28/11");
- ``dayparts``: parts of the day ("this morning", "after lunch", "last night");
- ``relative``: times counted back from now ("10 min ago", "half an hour ago", "just now");
- ``moments``: turning a day and a wall-clock time into a UTC instant that has passed;
- ``phrases``: vocabulary patterns, a longest-phrase matcher and typo tolerance;
- ``vocab``: the words themselves, as data per language (``vocab/{en,es,ru}/*.toml``), the
  language read (``vocab.speaking``) added to English.

Readers take ``(tokens, at)`` and return ``(stop, value)`` or None; they never raise. A phrase
that looks like a time, a date or an amount but cannot be one comes back as a ``Bad`` value, so
that a parser can refuse it rather than keep it as words.
"""
