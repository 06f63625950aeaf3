"""Dates and times of day as written in requests <-> the format a parameter's schema names
(mcptrain.dates)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mcptrain.dates import (
    Today,
    coerce_date,
    date_format,
    date_texts,
    datetime_format,
    speaks_of_time,
    stated_today,
    when_spans,
    writes_date,
    writes_time,
    written_year,
)


@pytest.mark.parametrize(
    ("schema", "fmt"),
    [
        ({"type": "string", "description": "The date, in the format of YYYY-MM-DD such as '2022-12-01'."}, "%Y-%m-%d"),
        ({"type": "string", "description": "Birth date. Must be in MM-DD-YYYY format."}, "%m-%d-%Y"),
        ({"type": "string", "description": "Departure date in the format of 'dd/mm/yyyy'."}, "%d/%m/%Y"),
        ({"type": "string", "format": "date"}, "%Y-%m-%d"),
        ({"type": "string", "description": "Start, in the format 'YYYY-MM-DD HH:mm:ss'."}, None),  # a datetime
        ({"type": "string", "description": "Start time, YYYY-MM-DDTHH:MM."}, None),
        ({"type": "string", "description": "From YYYY-MM-DD or MM/DD/YYYY."}, None),  # which one?
        ({"type": "integer", "description": "Year, YYYY-MM-DD."}, None),
        ({"type": "string", "enum": ["2024-01-01"], "description": "YYYY-MM-DD"}, None),
        ({"type": "string", "description": "The pickup time, in 24-hour format 'HH:MM'."}, "%H:%M"),
        ({"type": "string", "description": "Departure in 24-hour format, such as '14:00' for 2 PM."}, "%H:%M"),
        ({"type": "string", "description": "Time, HH:MM:SS."}, "%H:%M:%S"),
        ({"type": "string", "format": "time"}, "%H:%M:%S"),
        ({"type": "string", "description": "A format such as 'YYYY-MM-DD HH:MM:SS' or 'HH:MM'."}, None),
        ({"type": "string", "description": "The alarm time, 'HH:MM AM/PM'."}, None),  # 12-hour
        ({"type": "string", "description": "Countdown, in the format 'MM:SS'."}, None),  # a duration
        ({"type": "string", "description": "The date (month-day-year) to check."}, "%m-%d-%Y"),  # in words
        ({"type": "string", "description": "The date of the flight, e.g., 2022-04-28."}, "%Y-%m-%d"),  # an example
        ({"type": "string", "description": "Start, e.g. 2022-04-28T10:00."}, None),  # a datetime example
        ({"type": "string", "description": "Version, e.g. 2022-04-28."}, None),  # an ISO example of no date
    ],
)
def test_date_format_comes_from_the_schema(schema: dict, fmt: str | None) -> None:
    assert date_format(schema) == fmt


@pytest.mark.parametrize("fmt", ["%Y-%m-%d", "%m-%d-%Y", "%d-%m-%Y", "%Y/%m/%d", "%m/%d/%Y", "%d/%m/%Y"])
def test_every_written_form_reads_back_to_the_value(fmt: str) -> None:
    day = date(2023, 1, 1)
    for _ in range(400):  # every day of 2023 and a month of 2024, days 1-12 included (month/day ambiguity)
        value = day.strftime(fmt)
        forms = date_texts(value, fmt)
        assert forms[0] == value and len(set(forms)) == len(forms) > 4
        assert [coerce_date(f, fmt) for f in forms] == [value] * len(forms), value
        day += timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 11th, 2023", "2023-03-11"),
        ("Jun.20,2023", "2023-06-20"),
        ("the 12th of march 2023", "2023-03-12"),
        ("15th October,2023", "2023-10-15"),
        ("2023 April 4th", "2023-04-04"),
        ("2022/08/16", "2022-08-16"),
        ("March 2023", "March 2023"),  # no day: left as written
        ("next Friday", "next Friday"),
        ("2022", "2022"),
        ("4th", "4th"),  # no year: left as written, not filled in from today's date
    ],
)
def test_coerce_date_reads_what_people_write(text: str, iso: str) -> None:
    assert coerce_date(text, "%Y-%m-%d") == iso


def test_a_value_is_no_date_in_another_format() -> None:
    assert date_texts("2023-03-11", "%m/%d/%Y") == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("the forecast for Pacifica on April 11th, 2023", True),
        ("from 2023-10-01 to 2023-10-07", True),
        ("air quality in London 2022/08/16", True),
        ("Jun.20,2023", True),
        ("starting on the 12th of March", True),
        ("you may want 3 apples", False),  # "may" without a day or year is a verb
        ("I have 3 cats and 2 dogs", False),
        ("sometime in May", False),
    ],
)
def test_writes_date_finds_dates_in_digits_or_words(text: str, written: bool) -> None:
    assert writes_date(text) is written


@pytest.mark.parametrize("fmt", ["%H:%M", "%H:%M:%S"])
def test_every_written_time_reads_back_to_the_value(fmt: str) -> None:
    for minute in range(0, 24 * 60, 5):
        value = f"{minute // 60:02d}:{minute % 60:02d}" + (":00" if fmt == "%H:%M:%S" else "")
        forms = date_texts(value, fmt)
        assert forms[0] == value and len(set(forms)) == len(forms) >= 3
        assert [coerce_date(f, fmt) for f in forms] == [value] * len(forms), value


@pytest.mark.parametrize(
    ("text", "hm"),
    [
        ("10:00 AM", "10:00"),
        ("at 9 am", "09:00"),
        ("5:30pm", "17:30"),
        ("11PM", "23:00"),
        ("2 in the afternoon", "14:00"),
        ("4:30 in the afternoon", "16:30"),
        ("8 in the evening", "20:00"),
        ("9 o'clock in the morning", "09:00"),
        ("12 am", "00:00"),
        ("noon", "12:00"),
        ("on 2023-04-22 at 19:00", "19:00"),
        ("5", "5"),  # a bare number says no time of day: left as written
        ("2023.10.1", "2023.10.1"),
        ("13 pm", "13 pm"),
    ],
)
def test_coerce_time_reads_what_people_write(text: str, hm: str) -> None:
    assert coerce_date(text, "%H:%M") == hm


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("pick it up at 10:00 AM", True),
        ("a table this Friday at 8 in the evening", True),
        ("set an alarm for 11PM", True),
        ("lunch at noon", True),
        ("book 2 tickets for 5 people", False),
        ("a rating of 4.5 stars", False),
        ("on 2023-04-22", False),
    ],
)
def test_writes_time_finds_times_of_day(text: str, written: bool) -> None:
    assert writes_time(text) is written


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("departing on April 15th and returning on April 22nd 2023", ["2023-04-15", "2023-04-22"]),
        ("the weather in London on the 12th of March. It's 2023 right now", ["2023-03-12"]),
        ("a music event on March 6th", []),  # no year written: not a whole date
        ("March 6th, in 2022 or 2023", []),  # two years: which one is not said
    ],
)
def test_a_date_without_a_year_takes_the_one_the_request_writes(text: str, dates: list[str]) -> None:
    year = written_year(text)
    assert [coerce_date(text[a:b], "%Y-%m-%d", year) for a, b in when_spans(text, "%Y-%m-%d")] == dates


@pytest.mark.parametrize(
    ("schema", "fmt"),
    [
        ({"type": "string", "description": "in ISO-8601 format (YYYY-MM-DDTHH:MM:SS), no offset"}, "%Y-%m-%dT%H:%M:%S"),
        ({"type": "string", "description": "in the format 'YYYY-MM-DD HH:mm:ss', or 'null'"}, "%Y-%m-%d %H:%M:%S"),
        ({"type": "string", "description": "timestamp 'YYYY-MM-DDTHH:MM:SSZ'."}, "%Y-%m-%dT%H:%M:%SZ"),
        ({"type": "string", "format": "date-time"}, "%Y-%m-%dT%H:%M:%S"),
        ({"type": "string", "description": "Departure time, in the format of 'dd/mm/yyyy HH:MM'."}, "%d/%m/%Y %H:%M"),
        ({"type": "string", "description": "The date, YYYY-MM-DD"}, None),  # a date alone: date_format's
        ({"type": "string", "description": "'YYYY-MM-DD HH:MM' or 'YYYY-MM-DDTHH:MM:SS'"}, None),  # which one?
    ],
)
def test_datetime_format_comes_from_the_schema(schema: dict, fmt: str | None) -> None:
    assert datetime_format(schema) == fmt


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Reschedule it to November 1, 2023 at 8pm London time", ["2023-11-01T00:00:00", "2023-11-01T20:00:00"]),
        ("at 8pm on March 3rd, 2024 please", ["2024-03-03T20:00:00", "2024-03-03T00:00:00"]),
        ("the time of the request as '2023-04-01 12:00:00'", ["2023-04-01T00:00:00", "2023-04-01T12:00:00"]),
        ("with creation timestamp '2023-03-05T16:45:00Z'", ["2023-03-05T16:45:00"]),
        ("sometime at 8pm", []),  # no date: no date-time
    ],
)
def test_a_datetime_is_a_date_with_the_time_written_next_to_it(text: str, values: list[str]) -> None:
    fmt = "%Y-%m-%dT%H:%M:%S"
    assert [coerce_date(text[a:b], fmt, written_year(text)) for a, b in when_spans(text, fmt)] == values


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("weather tomorrow? today is 2023.10.1", date(2023, 10, 1)),
        ("Today is Tuesday April 25th 2023", date(2023, 4, 25)),
        ("music events next Monday. today is 2023-10-1 monday", date(2023, 10, 1)),  # the date, not the weekday
        ("assuming today is April 4th, 2023?", date(2023, 4, 4)),
        ("available tomorrow, today is 20230929", date(2023, 9, 29)),
        ("Today's date is March 6, 2024.", date(2024, 3, 6)),
        ("what is on today?", None),
        ("today is a good day", None),
    ],
)
def test_stated_today_reads_the_day_a_request_says_it_is(text: str, day: date | None) -> None:
    today = stated_today(text)
    assert (today.day if today else None) == day


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 2023-10-01 is a Sunday; weeks start on Sunday, so "next Monday" is in the week after this one
        ("weather in New York tomorrow? today is 2023.10.1", ["2023-10-02"]),
        ("music events next Monday in Portland. today is 2023-10-1", ["2023-10-09"]),
        ("any events this Sunday? Today is Friday 2023-09-29.", ["2023-10-01"]),
        ("on the upcoming Saturday? Today is Tuesday April 25th 2023", ["2023-04-29"]),
        ("Wednesday next week? today is 2023.3.1", ["2023-03-08"]),  # a Wednesday: the one a week on
        ("the forecast on April 13th of next year? today is 2023.10.1", ["2024-04-13"]),
        ("from today until the 12th. today is 2023.10.1", ["2023-10-01", "2023-10-12"]),
        ("the day after tomorrow; today is 2023.12.31", ["2024-01-02"]),
        ("theater on the 9th? currently is sep 2023", ["2023-09-09"]),  # a month alone: days of it only
        ("theater tomorrow? currently is sep 2023", []),
        ("what's the weather? today is 2023.10.1", ["2023-10-01"]),  # no other date: today's
        ("the weather tomorrow", []),  # no today said, none set
    ],
)
def test_relative_dates_count_from_the_day_the_request_says_it_is(text: str, values: list[str]) -> None:
    today = stated_today(text)
    spans = when_spans(text, "%Y-%m-%d", written_year(text), today)
    assert [coerce_date(text[a:b], "%Y-%m-%d", written_year(text), today) for a, b in spans] == values


def test_relative_dates_count_from_a_day_set_where_the_request_says_none() -> None:
    text = "book it for next Friday"
    spans = when_spans(text, "%m/%d/%Y", today=Today(date(2026, 11, 27)))  # a Friday
    assert [coerce_date(text[a:b], "%m/%d/%Y", today=Today(date(2026, 11, 27))) for a, b in spans] == ["12/04/2026"]
    assert coerce_date("next Friday", "%Y-%m-%d") == "next Friday"  # no today: as written


def test_a_datetime_in_another_date_order_reads_back_in_it() -> None:
    text = "departing from Paris on the 12th of March 2023 at 3 in the afternoon"
    fmt = "%d/%m/%Y %H:%M"
    assert [coerce_date(text[a:b], fmt, written_year(text)) for a, b in when_spans(text, fmt)][-1] == "12/03/2023 15:00"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("2023-04-01", True), ("the 3rd", True), ("Mar. 5", True), ("next Friday", True), ("tomorrow", True),
        ("this weekend", True), ("noon", True), ("8 pm", True), ("in two weeks", True),
        ("six_months", True), ("Summer", True), ("annual", True),
        ("flight", False), ("Celsius", False), ("Paris", False), ("marble", False), ("summit", False),
        ("assist", False),
    ],
)  # fmt: skip
def test_speaks_of_time_tells_a_date_or_time_from_other_words(text: str, when: bool) -> None:
    assert speaks_of_time(text) == when
