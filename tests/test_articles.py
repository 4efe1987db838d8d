"""kg.text: reading article files, finding page furniture, and a parser text with the original offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text import clean_text, iter_article_paths, publication_date, read_article

HEADLINE = "Resistance has decided to expel US forces, says Iraq’s Asa’ib"
PAGE = (
    f"{HEADLINE.replace('’s Asa’ib', '’s Asa' + chr(39) + 'ib')} - Islamic Invitation Turkey\n"
    "North AmericaIraqOthersResistance AxisWest Asia\n"
    "News ID: 97644\n"
    "Publish Date : 12 December 2021 - 21:22\n"
    "\n"
    f"{HEADLINE}\n"
    "\n"
    "“The presence of American\u00a0troops in Iraq is a clear violation,” Mahmoud al-Rubaie said.\n"
    "Back to top button\n"
)
FURNITURE = [
    "Resistance has decided to expel US forces, says Iraq’s Asa'ib - Islamic Invitation Turkey",
    "North AmericaIraqOthersResistance AxisWest Asia",
    "News ID: 97644",
    "Publish Date : 12 December 2021 - 21:22",
    "Back to top button",
]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "001_page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_article_record(page: Path) -> None:
    article = read_article(page)
    assert article.id == "001_page"
    assert article.path == str(page)
    assert article.text == PAGE
    assert len(article.sha256) == 64


def test_the_publish_date_header_gives_the_publication_time(page: Path) -> None:
    assert read_article(page).published == "2021-12-12T21:22"


@pytest.mark.parametrize(("header", "expected"), [
    ("Publish Date : 12 December 2021 - 21:22", "2021-12-12T21:22"),
    ("Published: December 12, 2021", "2021-12-12"),
    ("Posted on 2020-01-03 08:15", "2020-01-03T08:15"),
    ("Publish Date : sometime last week", None),
    ("The talks were published in 2021.", None),  # prose, not a header
])
def test_publication_date(header: str, expected: str | None) -> None:
    assert publication_date(f"{header}\nBody text.\n") == expected


DATELINE_DATES = [  # (top of an article without a "Published" header, publication date)
    ("Court convicts former minister\n\nPATNA, March 6, 2025 – A special court on Wednesday convicted him.",
     "2025-03-06"),
    ("LONDON, 6 March 2025 (Reuters) - Britain will introduce a lobbying register.", "2025-03-06"),
    ("SAN JOSE, California, Oct 24, 2024 - Shares of the chipmaker fell 14%.", "2024-10-24"),
    ("Floods hit Kerala\nMarch 6, 2025\nHeavy rain flooded villages on Tuesday.", "2025-03-06"),
    ("Floods hit Kerala\nThursday, 6 March 2025, 10:30 IST\nHeavy rain flooded villages.", "2025-03-06"),
    # a dateline without a year, or a date inside prose, is no publication date
    ("BOGOTA, May 30 (Reuters) - Two candidates will face each other in a runoff.", None),
    ("On March 6, 2025, a special court in Patna convicted the former minister.", None),
    ("Talks ended\nThe talks that began on March 6, 2025 ended without a deal.", None),
    # a "Published" header wins over a dateline
    ("Published: 4 May 2022\nPATNA, March 6, 2025 – The court ruled.", "2022-05-04"),
]


@pytest.mark.parametrize(("top", "expected"), DATELINE_DATES)
def test_a_dateline_date_is_the_publication_date_without_a_header(top: str, expected: str | None) -> None:
    assert publication_date(top + "\n") == expected


def test_furniture_lines(page: Path) -> None:
    article = read_article(page)
    assert [f.text for f in article.furniture] == FURNITURE
    for span in article.furniture:
        assert PAGE[span.start:span.end] == span.text


def test_the_repeated_headline_counts_once_without_the_site_name(page: Path) -> None:
    headline = read_article(page).headline
    assert headline is not None
    assert headline.text == HEADLINE
    assert PAGE[headline.start:headline.end] == HEADLINE
    assert headline.start > PAGE.index("Publish Date")  # the second copy, not the page title


@pytest.mark.parametrize("line", [
    "The spokesman said the talks would go on.",  # prose
    "Iraq and Iran",  # short, no glued words
    "McDonald and McCain spoke about the DeLorean at length yesterday in Washington.",  # a sentence with camel case
])
def test_prose_is_not_furniture(line: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{line}\nMore text follows here.\n", encoding="utf-8")
    assert read_article(path).furniture == ()


def test_clean_text_keeps_length_and_offsets(page: Path) -> None:
    article = read_article(page)
    clean = clean_text(article)
    assert len(clean) == len(PAGE)
    blanked = {i for f in article.furniture for i in range(f.start, f.end)}
    for i, (orig, new) in enumerate(zip(PAGE, clean, strict=True)):
        if i in blanked:
            assert new == (orig if orig in "\r\n" else " ")
        elif orig == "\u00a0":
            assert new == " "
        else:
            assert new == orig, f"offset {i}: {orig!r} became {new!r}"
    quote = "Mahmoud al-Rubaie"
    assert clean[PAGE.index(quote):PAGE.index(quote) + len(quote)] == quote
    assert clean.splitlines()[5] == HEADLINE


def test_clean_text_keeps_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("News ID: 1\r\nHe said\u2009it was over.\r\n".encode())
    article = read_article(path)
    clean = clean_text(article)
    assert len(clean) == len(article.text)
    assert clean == " " * len("News ID: 1") + "\r\nHe said it was over.\r\n"


# -- unreadable articles ---------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty article"),
    (b"  \n\t\n", "empty article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not a UTF-8 text article"),
    ("Caf\u00e9 society.\n".encode("latin-1"), "not valid UTF-8 (byte 3)"),
])
def test_an_unreadable_article_is_named(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_article(path)
    assert str(exc.value) == f"{path}: {message}"


def test_article_paths(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    assert list(iter_article_paths([tmp_path])) == [tmp_path / "b.txt", tmp_path / "sub" / "a.txt"]
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_article_paths([tmp_path / "missing"]))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"empty: folder contains no \.txt articles"):
        list(iter_article_paths([tmp_path / "empty"]))
