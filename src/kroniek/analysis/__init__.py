"""Language analysis: what every extraction capability builds on.

* ``language`` — the language stage (is this Dutch?);
* ``dutch_model`` — the analysis stage: the shipped spaCy model (tokens, POS, lemmas, parse, NER);
* ``sentence_rules`` — sentence boundaries pinned at paragraphs and final punctuation;
* ``gazetteer`` — the entity ruler's organisation and place patterns;
* ``numbers`` / ``number_ranges`` — Dutch number words and ranges ("tweeënhalf miljoen", "6 of 7");
* ``training`` — ``kroniek train ner``: retrain the entity recogniser on your own data.

Modules here import nothing from ``kroniek.extraction`` or above.
"""
