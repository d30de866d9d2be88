"""Figures: reported quantities with qualifier, unit, subject, place, time and source chain.

Public face: :func:`find_figures` (the ``figures`` stage) and :func:`extract_figures`.
"""

from __future__ import annotations

from .stage import extract_figures, find_figures

__all__ = ["extract_figures", "find_figures"]
