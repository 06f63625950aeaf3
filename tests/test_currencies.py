"""Currencies as written in requests -> ISO 4217 codes, and which one a conversion's source and target
take (mcptrain.currencies)."""

from __future__ import annotations

import pytest

from mcptrain.currencies import currency_for, currency_mentions, currency_role


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("How many Canadian dollars for 500 US dollars?", [("Canadian dollars", "CAD"), ("US dollars", "USD")]),
        ("from British pounds to Japanese yen", [("British pounds", "GBP"), ("Japanese yen", "JPY")]),
        ("20000 Japanese Yen in United States Dollar", [("Japanese Yen", "JPY"), ("United States Dollar", "USD")]),
        ("I have 100 euro. How much is it in USD?", [("euro", "EUR"), ("USD", "USD")]),
        ("Convert $500 to Hong Kong dollars", [("$", "USD"), ("Hong Kong dollars", "HKD")]),
        ("Brazilian real to mexican pesos", [("Brazilian real", "BRL"), ("mexican pesos", "MXN")]),
        ("I won the game, a real deal", []),  # currency names that are common words: only after a country
    ],
)
def test_currency_mentions_read_what_people_write(text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[m.start : m.end], m.code) for m in currency_mentions(text)] == found


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("How many Canadian dollars can I get for 500 US dollars?", "USD", "CAD"),  # the amount's is the source
        ("Calculate the cost in British Pounds if I need to convert 200 US dollars.", "USD", "GBP"),
        ("Convert 150 Euros to Canadian dollars.", "EUR", "CAD"),
        ("the exchange rate from British pounds to Japanese yen", "GBP", "JPY"),  # "from" ... "to"
        ("How much will 20000 Japanese Yen be in United States Dollar?", "JPY", "USD"),
        ("the rate of euros and dollars and yen", None, None),  # three currencies: which two is not said
    ],
)
def test_a_conversion_takes_its_source_and_target_from_the_words_around_them(
    text: str, source: str | None, target: str | None
) -> None:
    assert (currency_for(text, "source"), currency_for(text, "target")) == (source, target)
    assert currency_for("Messi's net worth in euro", None) == "EUR"
    assert currency_for("a price in euro or in dollars", None) is None  # two: which one is not said


def test_currency_role_comes_from_the_name_then_the_description() -> None:
    assert currency_role(["base", "currency"], []) == "source"
    assert currency_role(["to", "currency"], []) == "target"
    assert currency_role(["currency"], ["the", "currency", "to", "convert", "from"]) == "source"
    assert currency_role(["currency"], ["the", "currency", "to", "which", "you", "want", "to", "convert"]) == "target"
    assert currency_role(["currency"], ["the", "currency", "of", "the", "price"]) is None
