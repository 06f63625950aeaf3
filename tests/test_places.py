"""Places the way a schema asks for them: 'City, State', 'City, Country' (mcptrain.places)."""

from __future__ import annotations

import pytest

from mcptrain.places import (
    as_code,
    as_example,
    city_alone,
    code_form,
    complete_place,
    is_place,
    place_forms,
    place_spans,
    region_after,
    wants_city_state,
    whole_place,
    with_state,
)


@pytest.mark.parametrize(
    ("schema", "wanted"),
    [
        ({"type": "string", "description": "The city, in the format of 'City, State', such as 'Berkeley, CA'."}, True),
        ({"type": "string", "description": "The city where the salon is, such as 'New York, NY'."}, True),
        ({"type": "string", "description": "City name, e.g. Paris."}, False),
        ({"type": "string", "enum": ["Austin, TX"], "description": "City, State"}, False),
        ({"type": "integer", "description": "Zip code of the City, State"}, False),
    ],
)
def test_wants_city_state_reads_the_description(schema: dict, wanted: bool) -> None:
    assert wants_city_state(schema) is wanted


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Berkeley", "Berkeley, CA"),
        ("New York", "New York, NY"),  # a GeoNames alternate name of New York City
        ("Walnut Creek", "Walnut Creek, CA"),
        ("SF", "San Francisco, CA"),  # an abbreviation becomes the name
        ("Philly", "Philadelphia, PA"),
        ("NYC", "New York, NY"),  # the name the city goes by, not GeoNames' "New York City"
        ("New York City", "New York City, NY"),  # a name that starts with the city's stays as written
        ("Austin, TX", "Austin, TX"),  # already has its state
        ("Paris", "Paris"),  # Paris, TX is far smaller than Paris, France
        ("London", "London"),
        ("Atlantis Prime", "Atlantis Prime"),  # no such place
    ],
)
def test_with_state_completes_us_cities_only(text: str, place: str) -> None:
    assert with_state(text) == place


def test_the_router_knows_which_parameters_want_a_state() -> None:
    pytest.importorskip("torch")
    from mcptrain.catalogue import Catalogue
    from mcptrain.policy.encoder import Encoder
    from mcptrain.policy.features import build_table
    from mcptrain.types import ToolSpec

    tool = ToolSpec(
        name="find_events",
        description="Find events in a city",
        input_schema={
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "The city, in the format of 'City, State'."},
                "artist": {"type": "string", "description": "The performer."},
            },
        },
    )
    table = build_table(Catalogue([tool], name="events"), Encoder.tiny(), max_params=4, key="events")
    assert [p.place for p in table.tools[0].params] == [frozenset({"state"}), frozenset()]


@pytest.mark.parametrize(
    ("description", "forms"),
    [
        ("The city, in the format of 'City, State' or 'City, Country' if not in the US.", {"state", "country"}),
        ("The city, such as 'New York, NY' or 'London, UK'.", {"state", "country"}),  # UK is no US state
        ("The city, such as 'New York, NY' or 'Washington, DC'.", {"state", "country_code"}),  # abroad: 'Paris, FR'
        ("The location, e.g. 'Paris, France'.", {"country"}),
        ("The city where the salon is.", set()),
        ("The city and state, e.g. San Francisco, CA", {"state", "country_code"}),  # OpenAI's get_weather, no quotes
        ("The city and state, e.g., New York City, NY.", {"state", "country_code"}),
        ("The city, in the format 'City, State'.", {"state"}),  # no example: a city abroad stays as written
        (
            "'City, State' or 'City, Country' if not in the US. Examples: 'San Francisco, CA' or 'Paris, FR'.",
            {"state", "country", "country_code"},
        ),
        ("The city, e.g. London, UK", {"country"}),
        ("The city and country where the office is.", {"country"}),
        ("Use e.g. 5 for five days, NY time.", set()),  # no 'City, XX' after "e.g."
    ],
)
def test_place_forms_read_the_description(description: str, forms: set[str]) -> None:
    assert place_forms({"type": "string", "description": description}) == frozenset(forms)


@pytest.mark.parametrize(
    ("text", "forms", "place"),
    [
        ("Riga", {"state", "country"}, "Riga, Latvia"),
        ("Lang Son", {"state", "country"}, "Lang Son, Vietnam"),  # GeoNames: Lạng Sơn; the request's spelling stays
        ("London", {"state", "country"}, "London, UK"),
        ("Boston", {"state", "country"}, "Boston, MA"),  # a US city takes its state
        ("Boston", {"country"}, "Boston"),  # ... and no country where no state is asked for
        ("Riga", {"state"}, "Riga"),  # 'City, State' only: a foreign city stays as written
        ("Moscow", {"country"}, "Moscow, Russia"),  # Moscow, Idaho is far smaller
        ("Toronto, Canada", {"country"}, "Toronto, Canada"),
        ("Atlantis Prime", {"state", "country"}, "Atlantis Prime"),
        ("Berkeley California", {"state"}, "Berkeley, CA"),  # a state in words
        ("Lafayette in Louisiana", {"state"}, "Lafayette, LA"),
        ("Kansas City Missouri", {"state"}, "Kansas City, MO"),
        ("Berkeley California", {"country"}, "Berkeley California"),  # no state asked for
        ("Los Angeles from May", {"state"}, "Los Angeles, CA"),  # a span that ran past the city
        ("Riga on Monday", {"country"}, "Riga, Latvia"),
        ("New York Times", {"state"}, "New York Times"),  # no word like "from" after the city: a name
        ("Sydney, Australia", {"state", "country_code"}, "Sydney, AU"),  # a city abroad: its country's code
        ("Paris", {"state", "country", "country_code"}, "Paris, FR"),
        ("London, England", {"state", "country_code"}, "London, UK"),  # as APIs write it, not ISO's GB
        ("Riga on Monday", {"country_code"}, "Riga, LV"),
        ("Boston", {"state", "country_code"}, "Boston, MA"),
        ("Toronto, ON", {"state", "country_code"}, "Toronto, ON"),  # a province: no country to code
        ("I", {"state", "country_code"}, "I"),  # GeoNames' other names ("I" for Biyang) are no cities
        ("salon", {"country_code"}, "salon"),  # a word, not Salon-de-Provence
        ("I", {"country"}, "I"),
        ("bus", {"country"}, "bus"),  # a word, not Batumi's code BUS
        ("see", {"country"}, "see"),
        ("paris", {"country"}, "paris, France"),  # a city's own name, in lower case
        ("March", {"state", "country", "country_code"}, "March"),  # a month, though also a town in England
    ],
)
def test_complete_place_adds_the_region_the_parameter_wants(text: str, forms: set[str], place: str) -> None:
    assert complete_place(text, frozenset(forms)) == place


@pytest.mark.parametrize(
    ("text", "city", "place"),
    [
        ("weather in Chennai, Tamil Nadu in fahrenheit", "Chennai", "Chennai, Tamil Nadu"),
        ("temperatura em Divinópolis, MG? fahrenheit", "Divinópolis", "Divinópolis, MG"),
        ("concerts in Portland, OR. Can you look", "Portland", "Portland, OR"),  # the sentence ends there
        ("weather in Paris today", "Paris", "Paris"),  # no region written: GeoNames completes it
    ],
)
def test_a_city_takes_the_region_the_request_writes_after_it(text: str, city: str, place: str) -> None:
    a = text.index(city)
    assert text[a : region_after(text, a + len(city))] == place


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Marshall, MN", "Marshall"),
        ("London, England", "London"),
        ("Washington, DC", "Washington"),
        ("Yosemite National Park, CA", "Yosemite National Park, CA"),  # no city GeoNames knows: as written
        ("Paris", "Paris"),
        ("Philly", "Philadelphia"),  # a short name of a large city: its name
        ("LA", "Los Angeles"),
        ("Vegas", "Las Vegas"),
        ("Marshall", "Marshall"),  # a town's own name, though GeoNames also gives it to Post Falls
        ("Frisco", "Frisco"),  # a city of its own
    ],
)
def test_city_alone_drops_the_region_written_after_a_known_city(text: str, city: str) -> None:
    assert city_alone(text) == city


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Sushi in Boston, or tacos in Santa Clara County?", ["Boston", "Santa Clara"]),
        ("pandas in the wild in China", ["China"]),
        ("In Paris, find hotels near the Louvre", ["Paris"]),  # a capital at the sentence start is no name
        ("I'm in Berkeley California and looking", ["Berkeley"]),  # the state after it is the city's
        ("the next game of the Boston Celtics in Miami", ["Miami"]),  # a team, not the city
        ("an Uber from 2020 Addison Street, Berkeley, CA", []),  # the end of an address
        ("Tesco stores near Letterkenny,Ireland", []),  # a town too small to know, then its country
        ("a contract between John and Alice", []),  # Alice, TX has 19,000 people: too few to be sure
        ("stocks of Google and Apple", []),  # GeoNames' alternate names ("google" is Topeka) do not count
        ("the king of England in 1800", ["England"]),  # a nation GeoNames counts as part of the UK
    ],
)
def test_place_spans_find_places_a_request_names(text: str, places: list[str]) -> None:
    assert [text[a:b] for a, b in place_spans(text)] == places


@pytest.mark.parametrize(
    ("name", "description", "form"),
    [
        ("state", "The U.S. state abbreviation where the purchase is made, such as 'CA' for California.", "state"),
        ("country", "The country, in ISO 3166-1 alpha-2 code format, such as 'US'.", "country"),
        ("country", "Name of the country.", None),  # a name, not a code
        ("zip", "The zip code of the state.", None),  # named for neither
    ],
)
def test_code_form_reads_name_and_description(name: str, description: str, form: str | None) -> None:
    assert code_form(name, {"type": "string", "description": description}) == form


@pytest.mark.parametrize(
    ("text", "form", "code"),
    [
        ("California", "state", "CA"),
        ("San Francisco", "state", "CA"),  # a US city: its state
        ("New York", "state", "NY"),
        ("UK", "country", "GB"),  # what people write -> ISO
        ("London", "country", "GB"),  # a city: its country
        ("Germany", "country", "DE"),
        ("TX", "state", "TX"),  # already a code
        ("Atlantis Prime", "country", "Atlantis Prime"),  # unknown: as written
        ("California", None, "California"),  # a parameter that wants no code
        ("San Francisco, California", "state", "CA"),  # a city with its region written: the region's
        ("Portland, OR", "state", "OR"),
        ("London, UK", "country", "GB"),
        ("Springfield, Atlantis", "state", "Springfield, Atlantis"),  # no region after the comma
        ("San Francisco, California", None, "San Francisco, California"),
    ],
)
def test_as_code_gives_the_code_a_parameter_wants(text: str, form: str | None, code: str) -> None:
    assert as_code(text, form) == code


def test_is_place_knows_places_by_any_name() -> None:
    assert is_place("paris") and is_place("San Jose, CA") and is_place("nyc") and is_place("California")
    assert not is_place("hotel") and not is_place("life history") and not is_place("3rd")
    assert not is_place("salon") and not is_place("fun") and not is_place("March")  # others' names, a month


def test_a_city_takes_the_form_an_example_writes_it_in() -> None:
    """"New York City, NY" is "New York, NY" where the description shows that example; another city,
    another region or no example leaves it as written."""
    desc = "The city, in the format of 'City, State'; for example, 'New York, NY' or 'Paris, France'."
    assert as_example("New York City, NY", desc) == "New York, NY"
    assert as_example("Austin, TX", desc) == "Austin, TX"
    assert as_example("New York City, NY", "The city, in the format of 'City, State'.") == "New York City, NY"
    assert as_example("New York City", desc) == "New York City"


def test_a_city_whose_name_ends_in_its_region_gets_no_other() -> None:
    assert complete_place("Washington D.C.", frozenset({"state"})) == "Washington D.C."
    assert complete_place("Washington", frozenset({"state"})) == "Washington, DC"


@pytest.mark.parametrize(
    ("text", "read", "place"),
    [
        ("a therapist in Los Altos?", "Los", "Los Altos"),  # the gazetteer knows the longer name
        ("a salon in San Jose Downtown", "San Jose", "San Jose"),  # not longer: "San Jose Downtown" is none
        ("weather in Paris. Then Rome", "Paris", "Paris"),
    ],
)
def test_a_place_read_inside_a_longer_known_name_is_that_name(text: str, read: str, place: str) -> None:
    a = text.index(read)
    assert text[a : whole_place(text, a, a + len(read))] == place
