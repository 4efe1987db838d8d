"""Reading articles: furniture, headline, publication date; offsets stay those of the original."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.records import Article
from kg.text import clean_text, find_furniture, find_headline, parse_date, read_article

FURNITURE = [  # (line, is furniture)
    ("News ID: 97644", True),
    ("Publish Date : 12 December 2021 - 21:22", True),
    ("Back to top button", True),
    ("* Comment:", True),
    ("Tags: football, transfers", True),
    ("LONDON (Reuters) –", True),
    ("SportsFootballTransfersPremier League", True),
    ("The club said the striker would miss the final.", False),
    ("Share prices fell 3% on Monday.", False),
    ("Comments from the coach were not available.", False),
    ("By Daniel Okafor", True),
    ("By MARCUS HALE Associated Press", True),
    ("By Tom Ashcroft, PA Industrial Correspondent", True),
    ("By Hyunjoo Jin and Akash Sriram", True),  # co-authors
    ("By Anna Berg, Tom Hughes and Li Wei", True),
    ("(Reporting by Daniel Okafor; Editing by Alison Greaves)", True),
    ("Writing by Isabel Woodford; Editing by Daniel Wallis", True),
    ("Photo: Passengers queue at the South Terminal (Gareth Fuller/PA)", True),
    ("© 2024 PA Media, All Rights Reserved", True),
    ("Published: 09:14, 12 March 2024 | Updated: 11:02, 12 March 2024", True),
    ("By Monday the strike had ended.", False),
    ("By contrast, the union grew.", False),
    ("Photographers were kept outside the court.", False),
]


@pytest.mark.parametrize(("line", "furniture"), FURNITURE)
def test_furniture_lines(line: str, furniture: bool) -> None:
    text = f"{line}\nThe board met on Monday and approved the merger.\n"
    assert bool(list(find_furniture(text))) is furniture


def test_page_title_with_site_name_is_furniture_and_headline_is_kept() -> None:
    text = ("Court rejects appeal, says judge - Daily Courier\n\nCourt rejects appeal, says judge\n\n"
            "The appeal court rejected the request on Tuesday.\n")
    furniture = tuple(find_furniture(text))
    assert [f.text for f in furniture] == ["Court rejects appeal, says judge - Daily Courier"]
    headline = find_headline(text, furniture)
    assert headline is not None and headline.text == "Court rejects appeal, says judge"
    assert text[headline.start:headline.end] == headline.text


def test_clean_text_keeps_length_and_blanks_furniture() -> None:
    text = "News ID: 1\nThe\u00a0minister said the budget was ready.\n"
    article = Article("a", "a.txt", text, "x", furniture=tuple(find_furniture(text)))
    cleaned = clean_text(article)
    assert len(cleaned) == len(text)
    assert cleaned.startswith(" " * len("News ID: 1") + "\n")
    assert "The minister" in cleaned


@pytest.mark.parametrize(("value", "iso"), [
    ("12 December 2021 - 21:22", "2021-12-12T21:22"),
    ("March 3, 2023", "2023-03-03"),
    ("2020-01-03", "2020-01-03"),
    ("sometime last year", None),
    ("41 March 2023", None),
])
def test_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


def test_read_article_errors_name_the_file(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt"):
        read_article(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(InputError, match="binary"):
        read_article(binary)


def test_read_article_publication_date(tmp_path) -> None:
    path = tmp_path / "match.txt"
    path.write_text("Published: 4 May 2022\nThe coach said the team was ready.\n", encoding="utf-8")
    article = read_article(path)
    assert article.published == "2022-05-04"
    assert article.id == "match"


@pytest.mark.parametrize(("header", "iso"), [
    ("JOHANNESBURG, 13 May 2025", "2025-05-13"),  # a dateline on its own line, no dash
    ("Thu 6 Mar 2025 at 18:42", "2025-03-06"),  # an abbreviated weekday, "at" a time
    ("08:12, Aug 17 2025", "2025-08-17"),  # the time first
    ("Updated 10:42 GMT, 12 February 2026", "2026-02-12"),  # the only date a page gives
    ("PATNA, March 6, 2025 -", "2025-03-06"),
])
def test_a_date_line_gives_the_publication_date_and_is_no_prose(tmp_path, header: str, iso: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text(f"Police arrest businessman\n\n{header}\n\nPolice arrested a man on Saturday.\n", encoding="utf-8")
    article = read_article(path)
    assert article.published == iso
    assert header.strip(" -") not in clean_text(article)


@pytest.mark.parametrize("headline", ['Iran lets inspectors back into Fordow, says enrichment "not negotiable"',
                                      "Budget 2025 | What it means for your pension",
                                      "Arsenal vs Chelsea | Premier League", "Trump v Harris | The final debate"])
def test_a_headline_with_a_bar_is_still_the_headline(tmp_path, headline: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text(f"{headline}\n\nThe minister said the plan was fair.\n", encoding="utf-8")
    article = read_article(path)
    assert article.headline is not None and article.headline.text == headline


def test_a_sites_name_and_section_are_furniture_not_the_headline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("News24 | South Africa\nShare this article\n\nJudge refuses to delay trial, says minister "
                    "is abusing court process\n\nThe court refused to postpone the trial.\n", encoding="utf-8")
    article = read_article(path)
    assert article.headline is not None and article.headline.text.startswith("Judge refuses")


DATELINES = [  # (first paragraph, dateline blanked before parsing or None)
    ("LONDON (Reuters) - Britain will introduce a lobbying register, a minister said on Tuesday.",
     "LONDON (Reuters) - "),
    ("NEW ORLEANS (AP) — A federal judge on Thursday threw out a confession in a fire case.", "NEW ORLEANS (AP) — "),
    ("BOGOTA, May 30 (Reuters) - Two candidates will face each other in a runoff next month.",
     "BOGOTA, May 30 (Reuters) - "),
    ("SAN JOSE, California, Oct 24 - Shares of the chipmaker fell 14% in extended trading.",
     "SAN JOSE, California, Oct 24 - "),
    ("BEIJING/TOKYO (Reuters) - China demanded that Japan release a fishing boat and its crew.",
     "BEIJING/TOKYO (Reuters) - "),
    ("BRUSSELS, March 14, 2024 (Reuters) - The European Commission fined the company 3.1 billion euros.",
     "BRUSSELS, March 14, 2024 (Reuters) - "),
    ("PATNA, 6 March 2025 (PTI) - The state cabinet approved a new bridge over the Ganges river.",
     "PATNA, 6 March 2025 (PTI) - "),
    # an Indian wire's dateline has no dash, only the agency in parentheses
    ("Bengaluru, Sep 12 (PTI) Police detained over 300 protesters in Mandya on Friday.", "Bengaluru, Sep 12 (PTI) "),
    ("Kyiv (AFP) - A Russian missile strike killed nine people in Kharkiv on Sunday, officials said.", "Kyiv (AFP) - "),
    ("Arsenal (ENG) - Bayern Munich (GER) ended 2-2 in the first leg of the quarter-final on Tuesday.", None),
    ("Kenya, Uganda and Tanzania (EAC) members met in Arusha on Friday to discuss tariffs.", None),
    ("EU leaders met in Brussels on Monday - and agreed on nothing new, officials said.", None),
    ("NATO said on Monday that it would send more troops to the region next spring.", None),
]


@pytest.mark.parametrize(("para", "dateline"), DATELINES)
def test_inline_dateline_is_blanked(para: str, dateline: str | None) -> None:
    text = f"Headline of the story\n\n{para}\n"
    article = Article("a", "a.txt", text, "x", furniture=tuple(find_furniture(text)))
    cleaned = clean_text(article)
    assert len(cleaned) == len(text)
    if dateline is None:
        assert cleaned == text
    else:
        assert para.removeprefix(dateline) in cleaned and dateline not in cleaned


def test_linked_headlines_after_read_more_are_furniture() -> None:
    text = ("The strike will start on Friday, the union said.\n\nRead more:\n"
            "Airline passengers face disruption as staff walk out\nRail strikes: what you need to know\n")
    assert [f.text for f in find_furniture(text)] == [
        "Read more:", "Airline passengers face disruption as staff walk out", "Rail strikes: what you need to know"]
