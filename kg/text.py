"""Reading articles: files and folders in, :class:`~kg.records.Article` records out.

Page furniture (site names, category lines, "Back to top button", "News ID: ...", a repeated
headline) is found here and *blanked* rather than removed: :func:`clean_text` returns a string of
exactly the same length as the original, so every offset the extractor computes on it is an offset
into the original file. Non-breaking and other exotic spaces are normalised the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.extract.lexicon import wire_agencies
from kg.records import Article, Span

ARTICLE_SUFFIX = ".txt"

# Characters replaced one-for-one before parsing (length-preserving).
SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                               "\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\t"), " ")

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
for _name, _num in list(MONTHS.items()):
    MONTHS[_name[:3]] = _num
MONTHS["sept"] = 9

# Whole lines that are page furniture, whatever the site. Each is a named rule so that a reader can
# see why a line was dropped.
FURNITURE_LINES: dict[str, re.Pattern[str]] = {
    "news-id": re.compile(r"^\s*(news|story|article)\s*(id|code|no\.?)\s*[:#]\s*\S+\s*$", re.I),
    "publish-date": re.compile(r"^\s*(publish(ed)?|posted|updated|last updated)\s*(date|on|at)?\s*[:\-]?\s*"
                               r"[\w ,:.\-/]*\d{4}[\w ,:.\-/]*$", re.I),
    "back-to-top": re.compile(r"^\s*back to top( button)?\s*$", re.I),
    "comment": re.compile(r"^\s*\*?\s*(comments?|leave a (comment|reply)|your comment)\s*:?\s*$", re.I),
    "share": re.compile(r"^\s*(share( this( article)?)?|print|email|tweet|related( news| articles)?|"
                        r"read more|advertisement|subscribe)\s*:?\s*$", re.I),
    "tags": re.compile(r"^\s*(tags?|keywords|categories|category)\s*:.*$", re.I),
    # "BAGHDAD (Dispatches) –": a dateline standing alone on its line
    "dateline": re.compile(r"^\s*[A-Z][A-Z .,'’-]{2,40}(\([^)]{1,40}\))?\s*[–—-]+\s*$"),
    # "By Jane Doe", "By JANE DOE Associated Press", "By Tom Ashcroft, PA Industrial Correspondent"
    # "By Hyunjoo Jin and Akash Sriram": co-authors
    "byline": re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
                         r"(?:\s*(?:,|,?\s+and|&)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})*"
                         r"(?:\s*,?\s+[A-Z][\w ,&'’-]{0,60})?\s*$"),
    # "(Reporting by X; Editing by Y)", "Writing by X", "Additional reporting by Z"
    "credits": re.compile(r"^\s*\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|"
                          r"written|produced|translated)\s+by\b.*$", re.I),
    # "Photo: ... (Name/Agency)", "Picture: ...", "Image caption ...", "Pictured: ..."
    "caption": re.compile(r"^\s*\(?\s*(?:photo(?:graph)?|picture|image(?: caption)?|pictured|caption|"
                          r"file photo)\s*[:|–—-].*$", re.I),
    "copyright": re.compile(r"^\s*(?:©|\(c\)|copyright\b).*$", re.I),
    # "News24 | South Africa", "TechPulse | Business": a site's name and section, set off by bars
    # (a one-word site name, then sections of at most three words: not "Arsenal vs Chelsea | Premier League")
    "site-section": re.compile(r"^\s*[A-Z][\w&.'’-]{1,30}(?:\s+\|\s+[A-Z][\w&.'’-]*(?:\s[\w&.'’-]+){0,2}){1,4}\s*$"),
    # "JOHANNESBURG, 13 May 2025", "Thu 6 Mar 2025 at 18:42": a dateline or a date standing alone (see
    # DATELINE_DATE, which reads the publication date from it); filled in below, once the date pattern exists
    "date-line": re.compile(r"(?!)"),
    # "Published: 09:14, 12 March 2024 | Updated: 11:02, 12 March 2024"
    "timestamps": re.compile(r"^\s*(?:published|posted|updated|last updated)\b[^|\n]*\d{4}[^|\n]*"
                             r"(?:\|\s*(?:published|posted|updated|last updated)\b[^|\n]*)+$", re.I),
}
# A dateline opening the first paragraph of wire copy: "LONDON (Reuters) - ", "BOGOTA, May 30 (Reuters) -",
# "SAN JOSE, California, Oct 24 - ", "NEW ORLEANS (AP) — ". Blanked, the rest of the paragraph kept.
INLINE_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+){0,3})"  # the city, in capitals: "THE HAGUE", "BEIJING/TOKYO"
    r"(?:,\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?)?"  # the state or country: ", California"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?)?"  # ", Oct 24", ", 6 May 2024"
    r"\s*(?:\([A-Za-z][\w .&/-]{0,30}\))?"  # the agency: "(Reuters)"
    r"\s*[–—-]+\s+(?=[A-Z\"“‘'])")
# Lines that follow a "Read more:" / "Related:" line and read as linked headlines, not prose.
LINK_LIST_HEAD = re.compile(r"^\s*(?:read more|related(?: stories| articles| news)?|more on this story|"
                            r"see also)\s*:\s*$", re.I)
# Category menus glued together by the page scraper: "North AmericaIraqOthersResistance Axis".
GLUED_WORDS = re.compile(r"[a-z][A-Z]")
SENTENCE_END = re.compile(r"[.!?\"”’:]\s*$")
HEADLINE_END = re.compile(r"(?:[.!?][\"”’]?|:)\s*$")  # (a headline may end on a quotation: says X "not negotiable")

PUBLISH_HEADER = re.compile(
    r"^\s*(?:publish(?:ed)?|posted)\s*(?:date|on|at)?\s*[:\-]?\s*(?P<date>.+?)\s*$", re.I | re.M)
# A full date (day, month and year) where a dateline or a date line gives it, near the top of the
# article: "PATNA, March 6, 2025 –", "LONDON, 6 March 2025 (Reuters) -", a line "March 6, 2025" or
# "Thursday, 6 March 2025, 10:30". A date inside prose ("On March 6, 2025, the court ...") is no
# publication date.
_FULL_DATE = (r"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
              r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+)?"  # ("Thu 6 Mar 2025")
              r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
              r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})")
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?"  # "18:42", "10.30 a.m. GMT"
_CITY_DATE = (r"[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+){0,3}"  # the city: "PATNA", "NEW DELHI"
              r"(?:,\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)?)?,\s*"  # the state or country: ", Bihar"
              r"(?P<date>" + _FULL_DATE + r")\s*(?:\([A-Za-z][\w .&/-]{0,30}\))?\s*")  # the date, the agency
# a line holding only a date and a time, either first: "Thu 6 Mar 2025 at 18:42", "08:12, Aug 17 2025"
_DATE_ALONE = (r"(?:" + _CLOCK + r"\s*[,|–—-]?\s*)?(?P<alone>" + _FULL_DATE + r")(?:\s*[,|–—-]?\s*(?:at\s+)?"
               + _CLOCK + r")?\s*$")
# then a dash (wire copy goes on after it) or the end of the line ("JOHANNESBURG, 13 May 2025" on its own)
DATELINE_DATE = re.compile(r"^\s*(?:" + _CITY_DATE + r"(?:[–—-]|$)|" + _DATE_ALONE + r")", re.M)
DATELINE_LINES = 8  # how many non-blank lines from the top a dateline is looked for in
FURNITURE_LINES["date-line"] = re.compile(r"^\s*(?:" + _CITY_DATE + r"[–—-]?\s*$|" + _DATE_ALONE + r")")
# A dateline whose city is not in capitals: "Bengaluru, Sep 12 (PTI) Police detained ..." (an Indian wire's: a
# date and the agency, no dash), "Kyiv (AFP) - A Russian missile ..." (AFP's: the agency and a dash)
# (with no date, only a wire agency's own initials, kg/data/media.tsv: not "Arsenal (ENG) - Bayern", "Nvidia (NVDA) -")
AGENCY_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*\([A-Z]{2,6}\)\s*(?:[–—-]+\s*)?"
    r"|\s*\((?:" + "|".join(wire_agencies()) + r")\)\s*[–—-]+\s*)(?=[A-Z\"“‘'])")


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the article files named by ``paths`` (files, or folders searched recursively), sorted.

    Raises :class:`InputError` for a path that does not exist or a folder with no ``.txt`` file.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(p for p in path.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file())
            if not found:
                raise InputError(f"{path}: folder contains no {ARTICLE_SUFFIX} articles")
            yield from found
        else:
            yield path


def article_id(path: Path) -> str:
    return path.stem


def read_article(path: str | Path) -> Article:
    """Read one article; raise :class:`InputError` naming the file when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not a UTF-8 text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from exc
    if not text.strip():
        raise InputError(f"{path}: empty article")
    furniture = tuple(find_furniture(text))
    return Article(
        id=article_id(path),
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        published=publication_date(text),
        headline=find_headline(text, furniture),
        furniture=furniture,
    )


def _lines(text: str) -> Iterator[Span]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield Span(pos, pos + len(body), body)
        pos += len(line)


TITLE_SITE_TAIL = re.compile(r"\s*[-|–—:]\s*\S")  # " - Site Name" after a repeated headline


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("’", "'").replace("‘", "'")).strip().lower()


def find_furniture(text: str) -> Iterator[Span]:
    """Spans of page furniture: whole lines that are not article prose."""
    lines = [ln for ln in _lines(text) if ln.text.strip()]
    dropped: set[int] = set()
    in_links = False
    for i, ln in enumerate(lines):
        if in_links and not SENTENCE_END.search(ln.text) and len(ln.text.split()) <= 15:
            dropped.add(i)
            continue
        in_links = bool(LINK_LIST_HEAD.match(ln.text))
        if any(rule.match(ln.text) for rule in FURNITURE_LINES.values()):
            dropped.add(i)
        elif len(GLUED_WORDS.findall(ln.text)) >= 2 and not SENTENCE_END.search(ln.text) \
                and len(ln.text.split()) <= 15:
            dropped.add(i)
    # A page title ("Headline - Site Name") repeated as the article's own headline counts once:
    # drop the first copy, which carries the site name.
    if lines:
        first = _norm(lines[0].text)
        for j, ln in enumerate(lines[1:6], 1):
            other = _norm(ln.text)
            if j in dropped or len(other) < 15:
                continue
            if first == other or (first.startswith(other) and TITLE_SITE_TAIL.match(first, len(other))):
                dropped.add(0)
                break
    for i in sorted(dropped):
        yield lines[i]
    yield from _inline_datelines(lines, dropped)


def _inline_datelines(lines: list[Span], dropped: set[int]) -> Iterator[Span]:
    """The dateline that opens the first prose paragraph of wire copy (blanked, the paragraph kept)."""
    for i, ln in enumerate(lines[:8]):
        if i in dropped:
            continue
        m = INLINE_DATELINE.match(ln.text) or AGENCY_DATELINE.match(ln.text)
        if m and len(ln.text) > m.end() + 40:
            yield Span(ln.start, ln.start + m.end(), m.group(0))
            return


def dateline_city(article: Article) -> str | None:
    """The city of the dateline that opens wire copy, as written: "SANTIAGO, Chile (AP) -" → "SANTIAGO"."""
    for span in article.furniture:
        piece = article.text[span.start:span.end + 1]  # (with the letter after it)
        m = INLINE_DATELINE.match(piece) or AGENCY_DATELINE.match(piece)
        if m:
            return m.group("city")
    return None


def find_headline(text: str, furniture: tuple[Span, ...]) -> Span | None:
    """The first prose line, when it reads as a headline (no sentence-final punctuation)."""
    skip = {(f.start, f.end) for f in furniture}
    for ln in _lines(text):
        if not ln.text.strip() or (ln.start, ln.end) in skip:
            continue
        stripped = ln.text.strip()
        if HEADLINE_END.search(stripped) or len(stripped.split()) > 25:
            return None
        lead = len(ln.text) - len(ln.text.lstrip())
        return Span(ln.start + lead, ln.start + lead + len(stripped), stripped)
    return None


def clean_text(article: Article) -> str:
    """The text handed to the parser: same length as the original, furniture blanked."""
    chars = list(article.text.translate(SPACE_LIKE))
    for span in article.furniture:
        for i in range(span.start, span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def parse_date(text: str) -> str | None:
    """An ISO date (and time) from a header value such as ``12 December 2021 - 21:22``."""
    t = text.strip()
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?", t)
    if m:
        y, mo, d, hh, mm = m.groups()
        return f"{y}-{mo}-{d}" + (f"T{hh}:{mm}" if hh else "")
    m = re.search(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", t) or None
    day = month = year = None
    if m and m.group(2).lower() in MONTHS:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    else:
        m = re.search(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", t)
        if m and m.group(1).lower() in MONTHS:
            day, month, year = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
    if not (day and month and year) or not 1 <= day <= 31:
        return None
    rest = t[m.end():] if m else ""
    tm = re.search(r"\b(\d{1,2}):(\d{2})\b", rest)
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso + (f"T{int(tm.group(1)):02d}:{tm.group(2)}" if tm else "")


def publication_date(text: str) -> str | None:
    """The publication date from a header line near the top of the article (*Published: ...*),
    else from a dateline or a date line there (:func:`dateline_date`), if any."""
    head = text[:2000]
    for m in PUBLISH_HEADER.finditer(head):
        value = parse_date(m.group("date"))
        if value:
            return value
    return dateline_date(head) or _updated_date(head)


# ("Updated 10:42 GMT, 12 February 2026": a short line of a date and a time, not "Updated rules take effect on ...")
UPDATED_HEADER = re.compile(r"^\s*(?:last\s+)?updated\s*(?::|on|at)?\s*(?=[\d(]|[A-Z][a-z]{2}\b)[^\n]{0,50}$",
                            re.I | re.M)


def _updated_date(head: str) -> str | None:
    """The date of an "Updated 10:42 GMT, 12 February 2026" line: a story is published by then, and it is the
    only date such a page gives."""
    for line in UPDATED_HEADER.finditer(head):
        m = re.search(_FULL_DATE, line.group(0))
        value = parse_date(m.group(0)) if m else None
        if value:
            return value
    return None


def dateline_date(text: str) -> str | None:
    """The full date of a dateline (*PATNA, March 6, 2025 –*) or of a line holding only a date,
    among the first lines of the article: the day the story was filed."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:DATELINE_LINES]
    for ln in lines:
        m = DATELINE_DATE.match(ln)
        if m:
            value = parse_date(m.group("date") or m.group("alone"))
            if value:
                return value
    return None
