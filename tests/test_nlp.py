"""The attribute ruler indexed by kg (kg.nlp.index_attribute_ruler) finds exactly the stock Matcher's matches."""

from __future__ import annotations

import pytest

from kg.nlp import _IndexedMatcher, index_attribute_ruler

pytestmark = pytest.mark.model

# Sport, business, court and conversational English: every kind of pattern the English ruler holds
# (tag alone, word and tag, dependency, spaces, two-token contractions, regular expressions).
TEXTS = [
    "The striker ain't fit, and y'all know it, the coach said on Saturday.\n\n  \n"
    "“We're gonna win this, let's be honest,” Ruiz told reporters. There are three games left.",
    "Shares of Acme Corp. fell 4.5% to $12.30 after the company cut its forecast; analysts had "
    "expected 2.1 billion euros. It was nothin' like last year, one trader said.",
    "The judge, who had been appointed in 2019, ruled that the defendants' appeal was   filed too late. "
    "Is it true? “I gotta say, there's no case,” the lawyer wrote on X.\t\n",
]


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def test_kg_models_use_the_indexed_matcher(nlp) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, _IndexedMatcher)


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_matches_as_spacys_matcher(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    indexed = nlp.get_pipe("attribute_ruler").matcher
    doc = nlp(text)
    ours = indexed(doc, allow_missing=True, as_spans=False)
    stock = indexed._original(doc, allow_missing=True, as_spans=False)
    assert sorted(ours) == sorted(stock)
    assert len(ours) >= len(doc)  # every token has a tag pattern at least


def test_the_same_annotations_as_the_stock_ruler(nlp) -> None:  # type: ignore[no-untyped-def]
    ruler = nlp.get_pipe("attribute_ruler")
    text = " ".join(TEXTS)
    ours = [(t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]
    indexed = ruler.matcher
    ruler.matcher = indexed._original
    try:
        stock = [(t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]
    finally:
        ruler.matcher = indexed
    assert ours == stock
    assert {"AUX", "PUNCT", "SPACE", "PROPN"} <= {pos for pos, _, _ in ours}


def test_a_ruler_with_another_kind_of_pattern_keeps_its_matcher() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], {"POS": "PROPN"})
    stock = ruler.matcher
    assert index_attribute_ruler(ruler) is False
    assert ruler.matcher is stock
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})  # and a pattern on a field the index does not read
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"ORTH": "Inc."}]], {"POS": "PROPN"})
    assert index_attribute_ruler(ruler2) is False


def test_an_indexed_blank_ruler_sets_what_its_patterns_say() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["gon", "wan"]}}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    assert index_attribute_ruler(ruler) is True
    doc = nlp("gonna say nothin'  wan na")
    assert [t.text for t in doc] == ["gon", "na", "say", "nothin'", " ", "wan", "na"]
    assert [t.lemma_ for t in doc] == ["go", "", "", "nothing", "", "go", ""]
    assert [t.pos_ for t in doc][4] == "SPACE"


def test_a_pattern_added_after_indexing_is_found() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "acme"}]], {"POS": "PROPN"})
    assert index_attribute_ruler(ruler) is True
    ruler.add([[{"LOWER": "corp"}]], {"POS": "PROPN"})
    assert [t.pos_ for t in nlp("acme corp")] == ["PROPN", "PROPN"]


@pytest.mark.parametrize(("text", "sentences"), [
    # a given name written short opens a name: no sentence ends there
    ("Md. Rafiqul Islam, the state minister for water, said the embankment would hold.", 1),
    ("The minister met Mohd. Azlan Hashim in Putrajaya on Monday.", 1),
    ("According to Md. Rafiqul Islam, the state minister, the embankment would hold.", 1),
    # ... but the surname Ma ends one, after a given name or a verb
    ("The deal was signed by Jack Ma. The company said it was pleased.", 2),
    ("“We are done,” said Ma. Alibaba shares rose 3%.", 2),
])
def test_a_short_given_name_ends_no_sentence(nlp, text: str, sentences: int) -> None:  # type: ignore[no-untyped-def]
    assert len(list(nlp(text).sents)) == sentences
