"""Events: PLOVER-coded actions — who attacked, accused, requested, sanctioned, met or protested
against whom, when and where — each tied to the words that say so.

Public face: :func:`find_events` (the ``events`` stage), :func:`extract_events`, and
:data:`PLOVER_TYPES`.
"""

from __future__ import annotations

from .stage import extract_events, find_events

#: The 16 PLOVER event types (the POLECAT revision: REQUEST for the manual's DEMAND).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

__all__ = ["PLOVER_TYPES", "extract_events", "find_events"]
