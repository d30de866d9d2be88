"""Exact hashes and the MinHash-LSH near-duplicate index (texts written for these tests)."""

from __future__ import annotations

import pytest

from kroniek.ingest.dedup import NearDuplicateIndex, normalise_text, text_hash

STORY = (
    "De gemeenteraad van Zwolle heeft dinsdagavond ingestemd met de bouw van een nieuwe brug over "
    "de IJssel. Wethouder Petra de Vries sprak van een historisch besluit voor de stad en haar "
    "inwoners. De bouw begint volgend jaar in het voorjaar en moet binnen drie jaar klaar zijn. "
    "De kosten worden geraamd op veertig miljoen euro, waarvan de provincie de helft betaalt. "
    "Omwonenden maken zich zorgen over geluidsoverlast tijdens de werkzaamheden aan de oevers. "
    "De gemeente belooft een informatieavond te houden voordat de eerste paal de grond in gaat."
)
OTHER = (
    "Bij een brand in een loods op een bedrijventerrein in Deventer is woensdagnacht niemand "
    "gewond geraakt. De brandweer was met vijf wagens ter plaatse en had het vuur na ongeveer twee "
    "uur onder controle. Volgens een woordvoerder van de veiligheidsregio is de oorzaak van de "
    "brand nog onbekend. Omwonenden werd gevraagd ramen en deuren gesloten te houden vanwege de rook."
)


def test_normalise_text() -> None:
    assert normalise_text("  „Hé”  ‘dat’ —  ﬁne\n\tKLAAR ") == '"hé" \'dat\' - fine klaar'


def test_text_hash_ignores_layout_quotes_and_case() -> None:
    a = text_hash("Hij zei: “Dat klopt” — echt.")
    assert a == text_hash('hij  zei: "dat klopt" - ECHT.\n')
    assert a != text_hash("Hij zei: “Dat klopt niet” — echt.")
    assert len(a) == 32 and int(a, 16) >= 0


def test_signature_is_compact_and_stable() -> None:
    idx = NearDuplicateIndex()
    sig = idx.signature(STORY)
    assert isinstance(sig, bytes) and len(sig) == 64 * 4
    assert sig == NearDuplicateIndex().signature(STORY)
    assert len(NearDuplicateIndex(num_perm=128).signature(STORY)) == 512


def edited(text: str) -> str:
    """An agency copy with a new first sentence and a changed word."""
    sentences = text.split(". ")
    return ". ".join(["Het is officieel"] + sentences[1:]).replace("veertig", "40")


def test_near_duplicate_found_with_score() -> None:
    idx = NearDuplicateIndex(threshold=0.5)
    idx.add("zwolle", idx.signature(STORY))
    idx.add("deventer", idx.signature(OTHER))
    hit = idx.query(idx.signature(edited(STORY)))
    assert hit is not None and hit[0] == "zwolle" and 0.5 <= hit[1] < 1.0
    assert idx.query(idx.signature(STORY)) == ("zwolle", 1.0)
    unrelated = "Ajax heeft zondag met 3-0 gewonnen van Feyenoord in een uitverkochte Johan Cruijff ArenA."
    assert idx.query(idx.signature(unrelated)) is None


def test_threshold_filters_weaker_matches() -> None:
    idx = NearDuplicateIndex(threshold=0.95)
    idx.add("zwolle", idx.signature(STORY))
    assert idx.query(idx.signature(edited(STORY))) is None


def test_persist_and_reload() -> None:
    first = NearDuplicateIndex()
    stored = [("zwolle", first.signature(STORY)), ("deventer", first.signature(OTHER))]
    second = NearDuplicateIndex()
    assert second.load(stored) == 2 and len(second) == 2 and "zwolle" in second
    assert second.query(second.signature(OTHER)) == ("deventer", 1.0)


def test_re_adding_a_key_replaces_it() -> None:
    idx = NearDuplicateIndex()
    idx.add("a", idx.signature(STORY))
    idx.add("a", idx.signature(OTHER))
    assert len(idx) == 1
    assert idx.query(idx.signature(STORY)) is None
    assert idx.query(idx.signature(OTHER)) == ("a", 1.0)


def test_short_texts_and_wrong_signature_length() -> None:
    idx = NearDuplicateIndex()
    idx.add("kort", idx.signature("Kabinet gevallen"))
    assert idx.query(idx.signature("kabinet  GEVALLEN")) == ("kort", 1.0)
    with pytest.raises(ValueError, match="num_perm"):
        idx.query(b"\x00" * 10)
