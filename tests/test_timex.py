"""Time expressions: absolute at the precision given, relative to the publication date, never invented."""

from __future__ import annotations

import pytest

from kg.extract.timex import Offset, anniversary, find_timexes, shift
from kg.records import TimeValue

PUBLISHED = "2021-12-12T21:22"  # a Sunday

ABSOLUTE = [
    ("The plant closed on January 3, 2020, after a fire.", "January 3, 2020", "2020-01-03", "date", None),
    ("Voting ended on 5 March 2024 in most districts.", "5 March 2024", "2024-03-05", "date", None),
    ("The merger closed in December 2021.", "December 2021", "2021-12", "gYearMonth", None),
    ("In Sept. 2019 the club was sold.", "Sept. 2019", "2019-09", "gYearMonth", None),
    ("In early 2003 the company went public.", "early 2003", "2003", "gYear", None),
    ("He coached the team between 2007 and 2011.", "between 2007 and 2011", "2007", "gYear", "2011"),
    ("She ruled from 1990 to 1995.", "from 1990 to 1995", "1990", "gYear", "1995"),
    ("The 2018-2020 drought hurt farmers.", "2018-2020", "2018", "gYear", "2020"),
]


@pytest.mark.parametrize(("text", "found", "value", "datatype", "end"), ABSOLUTE)
def test_absolute_dates(text: str, found: str, value: str, datatype: str, end: str | None) -> None:
    t = find_timexes(text)[0].time
    assert (t.text, t.value, t.datatype, t.end) == (found, value, datatype, end)
    assert t.span is not None and text[t.span.start : t.span.end] == found


RELATIVE = [
    ("The minister resigned on Saturday.", "Saturday", "2021-12-11", "date"),
    ("Prices fell on Sunday.", "Sunday", "2021-12-12", "date"),
    ("The court ruled yesterday.", "yesterday", "2021-12-11", "date"),
    ("Exports rose last month.", "last month", "2021-11", "gYearMonth"),
    ("Since last year's final, the club has changed.", "last year's", "2020", "gYear"),
    ("The strike began back in February.", "February", "2021-02", "gYearMonth"),
    ("The vote was held in December.", "December", "2021-12", "gYearMonth"),
    # a day without its year: its latest occurrence up to two months after publication
    ("Phiri won the December 5 election.", "December 5", "2021-12-05", "date"),
    ("On 20 November the talks began.", "20 November", "2021-11-20", "date"),
    ("Sales begin on January 10.", "January 10", "2022-01-10", "date"),
    ("The 2nd of June vote was close.", "2nd of June", "2021-06-02", "date"),
    ("Prices rose earlier this month.", "this month", "2021-12", "gYearMonth"),
]


@pytest.mark.parametrize(("text", "found", "value", "datatype"), RELATIVE)
def test_relative_to_publication(text: str, found: str, value: str, datatype: str) -> None:
    t = find_timexes(text, PUBLISHED)[0].time
    assert (t.text, t.value, t.datatype) == (found, value, datatype)


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned on Saturday.",
        "Exports rose last month.",
        "The strike began back in February.",
        "The vote was held on December 5.",
    ],
)
def test_relative_without_publication_date_is_kept_unresolved(text: str) -> None:
    t = find_timexes(text, None)[0].time
    assert t.value is None and t.datatype is None and t.text


NOT_TIMES = [
    "There are about 2,500 soldiers in the country.",
    "You may leave now.",
    "The 14th Brigade scored 3 goals.",
    "Revenue reached $2019 million.",
    "Turnout was 5 percent in the 12 districts.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_time_expressions(text: str) -> None:
    assert find_timexes(text, PUBLISHED) == []


OFFSETS = [
    ("Two days after the final, the coach quit.", Offset(2, "day", 1)),
    ("Days before the vote, protests began.", Offset(None, "day", -1)),
    ("Three weeks later the bank failed.", Offset(3, "week", 1)),
]


@pytest.mark.parametrize(("text", "offset"), OFFSETS)
def test_offsets_wait_for_an_anchor(text: str, offset: Offset) -> None:
    tx = find_timexes(text, PUBLISHED)[0]
    assert tx.offset == offset and tx.time.value is None


SHIFTS = [
    (TimeValue("x", "2020-01-03", "date"), Offset(2, "day", 1), "2020-01-05", "date"),
    (TimeValue("x", "2020-01-03", "date"), Offset(None, "day", 1), "2020-01", "gYearMonth"),
    (TimeValue("x", "2020-01-30", "date"), Offset(None, "day", 1), None, None),  # might be February
    (TimeValue("x", "2020-01", "gYearMonth"), Offset(2, "day", 1), None, None),
    (TimeValue("x", "2020-11", "gYearMonth"), Offset(3, "month", 1), "2021-02", "gYearMonth"),
    (TimeValue("x", "2003", "gYear"), Offset(None, "day", -1), None, None),
    (TimeValue("x", None, None), Offset(2, "day", 1), None, None),
]


@pytest.mark.parametrize(("anchor", "offset", "value", "datatype"), SHIFTS)
def test_shift_keeps_only_the_precision_it_can_justify(
    anchor: TimeValue, offset: Offset, value: str | None, datatype: str | None
) -> None:
    t = shift(anchor, offset, "two days after")
    assert (t.value, t.datatype) == (value, datatype)


def test_anniversary_keeps_the_anchor_precision() -> None:
    assert anniversary(TimeValue("x", "2003-03", "gYearMonth"), 20, "t").value == "2023-03"
    assert anniversary(TimeValue("x", "2003", "gYear"), 20, "t").value == "2023"
    assert anniversary(TimeValue("x", None, None), 20, "t").value is None


REFERENCES = [  # (text, time found, is a point of comparison or a start, not an event time)
    ("Turnout was the highest since 2000.", "2000", True),
    ("Unemployment hit its lowest level since March 2019.", "March 2019", True),
    ("Sales were up from 2019 levels.", "2019", True),
    ("More people voted than in 2015.", "2015", True),
    ("Profit doubled compared with 2022.", "2022", True),
    ("The strike began in 2015.", "2015", False),
    ("Workers have been on strike since Monday.", "Monday", False),  # a day after "since" starts the event
    ("Phiri won the December 5 election.", "December 5", False),
]


@pytest.mark.parametrize(("text", "found", "reference"), REFERENCES)
def test_comparison_times_are_marked(text: str, found: str, reference: bool) -> None:
    tx = find_timexes(text, PUBLISHED)[0]
    assert (tx.time.text, tx.reference) == (found, reference)
