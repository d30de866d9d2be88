"""Speaker naming: who a quote's speaker phrase is, as the fullest name the article uses.

* ``people`` — :class:`People`, the article's index of person-like mentions and canonical names;
* ``resolution`` — a speaker phrase (pronoun, name, role, description, body) to a canonical name;
* ``narration`` — descriptions and pronouns in narration as antecedents;
* ``genders`` — gender evidence that rules out mismatched pronouns;
* ``names`` — what a name looks like and the word lists that tell names from other capitals.
"""

from __future__ import annotations

from .names import ADJECTIVE_RE, FUNCTION_CAPS, NAME_RE, Mention
from .people import People

__all__ = ["ADJECTIVE_RE", "FUNCTION_CAPS", "NAME_RE", "Mention", "People"]
