"""Compare offline language identifiers for kroniek's "is this Dutch?" question.

    python bench/language.py [N]     # from the repo root; N DPG articles (default 300)

Dutch: the first N non-empty DPG Media 2019 articles (text cut to 5000 chars, as ``identify``
does) and their titles (short text). Non-Dutch: short English/German/French news sentences written
for this benchmark. Prints accuracy per set, Dutch-vs-not accuracy, ms per item and load time.
Identifiers that are not installed (langid, lingua-language-detector) are skipped.
Corpora are read from ../shared/corpora (or $KRONIEK_CORPORA).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

CORPORA = Path(os.environ.get("KRONIEK_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
DPG = CORPORA / "dpgmedia2019-news" / "dpgMedia2019-articles-byarticle-all.jsonl"

OTHER = {
    "en": [
        "The government collapsed on Tuesday after talks on the budget broke down.",
        "Police said no one was injured in the fire at a warehouse near the harbour.",
        "Shares in the bank fell sharply after it reported a loss for the third quarter.",
        "The prime minister will travel to Brussels for an emergency summit on migration.",
        "Thousands of people marched through the city centre to demand climate action.",
        "The club confirmed that its coach has signed a new contract until 2022.",
        "Heavy rain caused flooding in several villages in the south of the country.",
        "Scientists say the new vaccine could be available by the end of next year.",
        "The minister denied that he had known about the problems for months.",
        "Train services between the two cities were suspended because of a strike.",
    ],
    "de": [
        "Die Regierung ist am Dienstag nach gescheiterten Haushaltsgesprächen zurückgetreten.",
        "Nach Angaben der Polizei wurde bei dem Brand in einer Lagerhalle niemand verletzt.",
        "Die Aktien der Bank fielen deutlich, nachdem sie einen Verlust gemeldet hatte.",
        "Der Ministerpräsident reist zu einem Sondergipfel über Migration nach Brüssel.",
        "Tausende Menschen zogen durch die Innenstadt, um mehr Klimaschutz zu fordern.",
        "Der Verein bestätigte, dass der Trainer einen neuen Vertrag bis 2022 unterschrieben hat.",
        "Starker Regen führte in mehreren Dörfern im Süden des Landes zu Überschwemmungen.",
        "Forscher sagen, der neue Impfstoff könnte Ende nächsten Jahres verfügbar sein.",
        "Der Minister bestritt, seit Monaten von den Problemen gewusst zu haben.",
        "Der Zugverkehr zwischen den beiden Städten wurde wegen eines Streiks eingestellt.",
    ],
    "fr": [
        "Le gouvernement est tombé mardi après l'échec des négociations sur le budget.",
        "Selon la police, personne n'a été blessé dans l'incendie d'un entrepôt près du port.",
        "L'action de la banque a chuté après l'annonce d'une perte au troisième trimestre.",
        "Le Premier ministre se rendra à Bruxelles pour un sommet d'urgence sur la migration.",
        "Des milliers de personnes ont défilé dans le centre-ville pour réclamer des mesures.",
        "Le club a confirmé que son entraîneur a signé un nouveau contrat jusqu'en 2022.",
        "De fortes pluies ont provoqué des inondations dans plusieurs villages du sud du pays.",
        "Selon les chercheurs, le nouveau vaccin pourrait être disponible l'an prochain.",
        "Le ministre a nié avoir eu connaissance des problèmes depuis des mois.",
        "La circulation des trains entre les deux villes a été suspendue en raison d'une grève.",
    ],
}

Classifier = Callable[[str], str]


def load_dpg(n: int) -> tuple[list[str], list[str]]:
    texts, titles = [], []
    with DPG.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if (row.get("text") or "").strip():
                texts.append(row["text"][:5000])
                if (row.get("title") or "").strip():
                    titles.append(row["title"])
            if len(texts) >= n:
                break
    return texts, titles


def make_py3langid() -> Classifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: ident.classify(text)[0]


def make_kroniek() -> Classifier:
    from kroniek.analysis.language import identify

    identify("warm up")
    return lambda text: identify(text)[0]


def make_langid() -> Classifier:
    from langid.langid import LanguageIdentifier, model

    ident = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    return lambda text: ident.classify(text)[0]


def make_lingua(low: bool) -> Callable[[], Classifier]:
    def build() -> Classifier:
        from lingua import LanguageDetectorBuilder

        builder = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
        if low:
            builder = builder.with_low_accuracy_mode()
        det = builder.build()

        def classify(text: str) -> str:
            lang = det.detect_language_of(text)
            return lang.iso_code_639_1.name.lower() if lang else "und"

        return classify

    return build


CANDIDATES: dict[str, Callable[[], Classifier]] = {
    "kroniek.identify (py3langid)": make_kroniek,
    "py3langid 0.4": make_py3langid,
    "langid 1.1.6": make_langid,
    "lingua (high accuracy)": make_lingua(False),
    "lingua (low accuracy)": make_lingua(True),
}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    if not DPG.exists():
        sys.exit(f"DPG corpus not found at {DPG}; set KRONIEK_CORPORA")
    texts, titles = load_dpg(n)
    other = [(lang, s) for lang, items in OTHER.items() for s in items]
    print(f"{len(texts)} Dutch articles, {len(titles)} Dutch titles, {len(other)} en/de/fr sentences\n")
    header = (f"{'identifier':30} {'load s':>7} {'nl art':>7} {'nl title':>9} {'other':>6} "
              f"{'nl-vs-not':>9} {'ms/art':>7} {'ms/sent':>8}")
    print(header)
    print("-" * len(header))
    for name, make in CANDIDATES.items():
        t0 = time.perf_counter()
        try:
            classify = make()
        except ImportError as exc:
            print(f"{name:30} not installed ({exc.name})")
            continue
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        art = [classify(t) for t in texts]
        ms_art = (time.perf_counter() - t0) / len(texts) * 1000
        tit = [classify(t) for t in titles]
        t0 = time.perf_counter()
        oth = [classify(s) for _, s in other]
        ms_sent = (time.perf_counter() - t0) / len(other) * 1000
        nl_art = sum(x == "nl" for x in art) / len(art)
        nl_tit = sum(x == "nl" for x in tit) / len(tit)
        oth_acc = sum(x == lang for x, (lang, _) in zip(oth, other)) / len(other)
        total = len(art) + len(tit) + len(oth)
        binary = (sum(x == "nl" for x in art + tit) + sum(x != "nl" for x in oth)) / total
        print(f"{name:30} {load:7.2f} {nl_art:7.1%} {nl_tit:9.1%} {oth_acc:6.1%} {binary:9.1%} "
              f"{ms_art:7.2f} {ms_sent:8.3f}")
        wrong = sorted({x for x in tit if x != "nl"})
        if wrong:
            print(f"{'':30}   titles misread as: {', '.join(wrong)}")


if __name__ == "__main__":
    main()
