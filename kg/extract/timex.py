"""Time expressions: found in text, resolved at the precision the text gives, never invented.

``find_timexes(text, published)`` returns :class:`Timex` records for

- absolute dates: ``January 3, 2020`` → ``2020-01-03`` (xsd:date), ``December 2021`` →
  ``2021-12`` (xsd:gYearMonth), ``2003`` / ``early 2003`` → ``2003`` (xsd:gYear),
  ``between 2007 and 2011`` → an interval ``2007``–``2011``;
- expressions relative to the publication date: ``on Monday``, ``yesterday``, ``last month``,
  ``last year``, ``in February``, ``September 16`` (a day without its year: its latest
  occurrence no more than two months after the publication date — news tells mostly the past,
  and the near future) — resolved when the article has a date, else kept as text with
  value None;
- offsets that need an anchor event (``two days after``, ``days before``): returned with an
  :class:`Offset` and value None; :func:`shift` applies them to the anchor's time.

A time named as a point of comparison or, for a year or month, after *since* (``the highest
turnout since 2000``, ``up from 2019``, ``more than in 2015``) is returned with ``reference=True``: it is a time,
but not the time of the event the sentence tells.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.records import Span, TimeValue

MONTH_NAMES = ("January February March April May June July August September October November December").split()
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({m.lower()[:3]: i for i, m in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
UNIT_DAYS = {"day": 1, "week": 7}
# Words just before a time that make it a point of comparison, not an event time.
REFERENCE_BEFORE = re.compile(
    r"(?i)\b(?:than(?:\s+(?:in|on|at))?|compared\s+(?:with|to)(?:\s+(?:in|on))?|"
    r"(?:up|down|rising|falling|rose|fell)\s+from|(?:same|year-earlier)\s+(?:period|month|quarter)\s+(?:of|in)|"
    r"record\s+set\s+in)\s+(?:the\s+)?$"
)
# "since 2000", "since March": a year or a month after *since* starts a state or a comparison (*the
# highest turnout since 2000*); a day after it (*on strike since Monday*) may well date the event.
SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")
DAY_KINDS = frozenset({"iso", "mdy", "dmy", "month-day", "day-month", "weekday", "deictic-day"})
MAX_DAYS_AHEAD = 61  # a day named without its year is at most this far after the publication date

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)(?!\d|,\d)"
_PART = r"(?:(?:early|mid|late|the end of|the beginning of|the start of)[- ]?)?"
_NOT_NUM = r"(?<![\d,.$£€])"

# Named patterns, most specific first; a later pattern never overlaps an earlier match.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "interval",
        re.compile(
            r"\b(?:between\s+" + _PART + r"(?P<y1>\d{4})\s+and\s+" + _PART + r"(?P<y2>\d{4})"
            r"|from\s+(?P<y3>\d{4})\s+(?:to|until|till|through)\s+(?P<y4>\d{4})"
            r"|(?P<y5>\d{4})\s*[-–]\s*(?P<y6>\d{4}))\b"
        ),
    ),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mo>\d{2})-(?P<day>\d{2})\b")),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR)),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)),
    ("month-year", re.compile(r"\b" + _PART + _MONTH + r",?\s+(?:of\s+)?" + _YEAR)),
    ("month-day", re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\s*\d)")),
    (
        "day-month",
        re.compile(r"(?<![\d,.])\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?!\s*,?\s*\d)"),
    ),
    (
        "offset",
        re.compile(
            r"(?i)\b(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve|a few|several|just|only)\s+)?(?P<unit>day|week|month|year)s?\s+"
            r"(?P<dir>after|before|later|earlier|following|prior to)\b"
        ),
    ),
    ("year", re.compile(_NOT_NUM + r"\b" + _PART + _YEAR)),
    (
        "weekday",
        re.compile(
            r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
    ),
    ("deictic-day", re.compile(r"(?i)\b(?P<word>yesterday|today|tonight)\b")),
    ("deictic", re.compile(r"(?i)\b(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)(?:['’]s)?\b")),
    ("month", re.compile(r"\b(?i:in|since|early|late|mid|last|back in|until|by)\s+" + _MONTH + r"(?!\s*\d)")),
)


@dataclass(frozen=True)
class Offset:
    """``two days after``: amount None for a vague count (``days``, ``a few weeks``)."""

    amount: int | None
    unit: str  # "day", "week", "month", "year"
    direction: int  # +1 after/later, -1 before/earlier


@dataclass(frozen=True)
class Timex:
    time: TimeValue
    kind: str  # the name of the pattern that found it
    offset: Offset | None = None
    reference: bool = False  # a point of comparison or a start ("since 2000"): dates no event


def _date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _tv(text: str, start: int, value: str | None, datatype: str | None, **kw: str | None) -> TimeValue:
    return TimeValue(text, value, datatype, span=Span(start, start + len(text), text), **kw)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _value(kind: str, m: re.Match[str], pub: dt.date | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(value, datatype, end, end_datatype) of one match."""
    g = m.groupdict()
    if kind == "interval":
        y1, y2 = (g["y1"] or g["y3"] or g["y5"]), (g["y2"] or g["y4"] or g["y6"])
        if int(y1) <= int(y2):
            return y1, "gYear", y2, "gYear"
        return None, None, None, None
    if kind in ("iso", "mdy", "dmy"):
        y = int(g["year"])
        mo = int(g["mo"]) if kind == "iso" else MONTHS[g["month"].lower().rstrip(".")]
        d = int(g["day"])
        return (f"{y:04d}-{mo:02d}-{d:02d}", "date", None, None) if _valid(y, mo, d) else (None, None, None, None)
    if kind == "month-year":
        return f"{int(g['year']):04d}-{MONTHS[g['month'].lower().rstrip('.')]:02d}", "gYearMonth", None, None
    if kind == "year":
        return g["year"], "gYear", None, None
    if pub is None:
        return None, None, None, None
    return _relative(kind, g, pub)


def _relative(kind: str, g: dict[str, str], pub: dt.date) -> tuple[str | None, str | None, str | None, str | None]:
    if kind == "weekday":
        back = (pub.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        return (pub - dt.timedelta(days=back)).isoformat(), "date", None, None
    if kind == "deictic-day":
        day = pub - dt.timedelta(days=1) if g["word"].lower() == "yesterday" else pub
        return day.isoformat(), "date", None, None
    if kind == "deictic":
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[g["which"].lower()]
        if g["unit"] == "year":
            return f"{pub.year + step:04d}", "gYear", None, None
        if g["unit"] == "month":
            y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}", "gYearMonth", None, None
        return None, None, None, None  # "last week": no calendar unit in XSD
    if kind in ("month-day", "day-month"):
        mo, d = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        days = [dt.date(y, mo, d) for y in (pub.year + 1, pub.year, pub.year - 1) if _valid(y, mo, d)]
        found = next((x for x in days if (x - pub).days <= MAX_DAYS_AHEAD), None)
        return (found.isoformat(), "date", None, None) if found else (None, None, None, None)
    if kind == "month":
        mo = MONTHS[g["month"].lower().rstrip(".")]
        y = pub.year if mo <= pub.month else pub.year - 1  # news tells the past: the latest such month
        return f"{y:04d}-{mo:02d}", "gYearMonth", None, None
    return None, None, None, None


def _offset(g: dict[str, str]) -> Offset:
    n = (g.get("n") or "").lower()
    amount = int(n) if n.isdigit() else NUMBER_WORDS.get(n)
    direction = 1 if g["dir"].lower() in ("after", "later", "following") else -1
    return Offset(amount, g["unit"].lower(), direction)


def find_timexes(text: str, published: str | None = None, offset: int = 0) -> list[Timex]:
    """Time expressions in ``text`` (spans shifted by ``offset``), sorted by position."""
    pub = _date(published)
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if kind == "month" and m.group("month") == "May" and not re.match(r"(?i)in\b", m.group(0)):
                continue  # "may" the modal verb
            if kind == "month":
                s, e = m.start("month"), m.end("month")
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            piece = text[s:e]
            if kind == "offset":
                out.append(Timex(_tv(piece, s + offset, None, None), kind, _offset(m.groupdict())))
                continue
            value, datatype, end, end_dt = _value(kind, m, pub)
            before = max(0, s - 40)
            reference = bool(REFERENCE_BEFORE.search(text, before, s)) or (
                kind not in DAY_KINDS and bool(SINCE_BEFORE.search(text, before, s))
            )
            out.append(
                Timex(_tv(piece, s + offset, value, datatype, end=end, end_datatype=end_dt), kind, reference=reference)
            )
    return sorted(out, key=lambda t: t.time.span.start if t.time.span else 0)


def shift(anchor: TimeValue, off: Offset, text: str, span: Span | None = None) -> TimeValue:
    """The time ``off`` away from ``anchor``, at the precision both allow; value None when unknown."""
    value, datatype = _shifted(anchor, off)
    return TimeValue(text, value, datatype, span=span)


def _shifted(anchor: TimeValue, off: Offset) -> tuple[str | None, str | None]:
    if not anchor.value or anchor.end:
        return None, None
    if anchor.datatype == "date":
        day = dt.date.fromisoformat(anchor.value)
        if off.amount is not None and off.unit in UNIT_DAYS:
            return (day + dt.timedelta(days=off.direction * off.amount * UNIT_DAYS[off.unit])).isoformat(), "date"
        if off.amount is None and off.unit == "day":
            # "days after January 3" stays in January; "days after January 29" might not.
            if (off.direction > 0 and day.day <= 18) or (off.direction < 0 and day.day >= 12):
                return anchor.value[:7], "gYearMonth"
            return None, None
    if off.amount is not None and off.unit in ("month", "year") and anchor.datatype in ("date", "gYearMonth"):
        months = off.amount * (12 if off.unit == "year" else 1) * off.direction
        y, mo = divmod(int(anchor.value[:4]) * 12 + int(anchor.value[5:7]) - 1 + months, 12)
        return f"{y:04d}-{mo + 1:02d}", "gYearMonth"
    if off.amount is not None and off.unit == "year" and anchor.datatype == "gYear":
        return f"{int(anchor.value) + off.direction * off.amount:04d}", "gYear"
    return None, None


def anniversary(anchor: TimeValue, years: int, text: str, span: Span | None = None) -> TimeValue:
    """The ``years``-th anniversary of an event at ``anchor``, at the anchor's precision."""
    if not anchor.value or anchor.end:
        return TimeValue(text, None, None, span=span)
    y = int(anchor.value[:4]) + years
    return TimeValue(text, f"{y:04d}{anchor.value[4:]}", anchor.datatype, span=span)


def with_text(tv: TimeValue, text: str, span: Span | None) -> TimeValue:
    """The same value, told by other words."""
    return replace(tv, text=text, span=span)


def compatible_time(a: TimeValue | None, b: TimeValue | None) -> bool:
    """Times agree when either is unknown, or one is the other at a coarser precision."""
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.end or b.end:
        return (a.value, a.end) == (b.value, b.end)
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]
