"""The chronicle: what no single article knows, built across the store as articles come in.

* ``identity`` — one entity record per real-world entity ("Erdogan", "Recep Tayyip Erdoğan" and,
  through the article, "de Turkse president" are one), with aliases and first/last seen;
* ``stories`` — every article in one story: the articles reporting the same event or development;
* ``series`` — figures that count the same thing, and the sources that disagree about them;
* ``events`` — the mentions of one event in the articles of a story counted once;
* ``build`` — the hook ingest calls inside its write transaction, and the rebuild.

Public face: :class:`Chronicle`, :func:`rebuild`, :data:`VERSION`.
"""

from __future__ import annotations

from .build import VERSION, Chronicle, ensure_chronicle, rebuild, stored_version

__all__ = ["VERSION", "Chronicle", "ensure_chronicle", "rebuild", "stored_version"]
