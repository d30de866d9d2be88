"""Recognition: where a time expression is and which pattern it matched — nothing here knows the
article's date. ``blocks`` holds the grammar's building blocks, ``dates`` / ``relative`` /
``ranges`` the patterns, ``triggers`` the words that decide which patterns a sentence gets."""
