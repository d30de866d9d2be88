"""Entities: the model's names typed, cleaned and made canonical within one article.

Public face: :func:`find_entities` (the ``entities`` stage) and :func:`role_index`.
"""

from __future__ import annotations

from .roles import NATIONALITIES, role_index
from .stage import find_entities

__all__ = ["NATIONALITIES", "find_entities", "role_index"]
