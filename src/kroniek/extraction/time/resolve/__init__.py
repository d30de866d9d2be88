"""Resolution: a recognised expression turned into a TIMEX3 value against the article's date at
its own precision. ``values`` resolves one match ("drie weken geleden", "vorige week"),
``clock`` the days, hours and holidays it combines, ``ranges`` both ends of a range,
``calendar`` the date arithmetic, ``joins`` and ``context`` combine neighbours and anchor days
to the story, ``tense`` tells past from present sentences."""
