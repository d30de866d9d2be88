"""Extraction capabilities, one package each, each a pipeline stage with a small public face.

* ``entities`` — names typed and made canonical within the article ("Erdogan" -> Recep Erdogan);
* ``quotes`` — who said what: finders for direct, indirect and attributed speech, speaker naming;
* ``figures`` — reported quantities with qualifier, unit, subject, place and source;
* ``time`` — time expressions: recognition apart from resolution against the article's date.

A capability imports from ``kroniek.analysis``, ``kroniek.lexicon`` and ``kroniek.kb``, never from
another capability's internals, the store or the chronicle.
"""
