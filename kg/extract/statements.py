"""Statements of one article: who said what, as direct, indirect or mixed speech.

Two passes over the parsed article:

- *reported speech*: a cue verb from ``kg/data/cue_verbs.tsv`` with a clausal complement
  ("X said (that) ...", "X told Y that ...", "..., X has warned", "X said in a letter to staff that
  ..." where the parser hangs the clause on the document), a participial tail that shares the main
  clause's speaker (", stressing that ..."), or "according to X". A verb that only introduces quoted
  words, coordinated after what was said (", and called on staff to ..."), is the speaker's next act
  and is cut off;
- *direct quotes*: double-quoted passages attributed by the nearest cue verb outside the quotes
  (before: `X noted, "..."`; after: `"...," he said`), a quote split by its attribution counted
  once, a quote paragraph without attribution continuing the previous speaker, and a longer quoted
  fragment inside reported speech making a *mixed* statement. Short quoted words (scare quotes,
  titles) are never statements of their own.

Speakers are resolved inside the article only: a name (or the name a relative pronoun hangs on: "X,
who told investigators that"); a country written by its own name; a name apposed to a description
("Its policy director, Sarah Lindqvist, said"); a pronoun (the last person in subject position, if of
no other gender; the paragraph's own subject before an earlier speaker); a description ("the
spokesman", "the judge", "the ministry", "the company", "the steelmaker") through the titles, head
nouns and trades the article itself gives, or the speaker an earlier description with that head noun
was resolved to; "it" or a description that says only that it is a body ("the paramilitary group") for the
organization that spoke just before; the issuer of a document ("a statement from X"); the organization of an unnamed
spokesperson ("a spokesperson for X", "a X spokeswoman", "a company spokeswoman" after a sentence whose
subject is one company); a description followed at once by the person it introduces, or, in a lede, the
person the next paragraph introduces when the article says of them a word of the description ("A retired
police colonel told ... / Rodolfo Ilagan, who headed ... the City Police Office, said"); a description by
age ("the 61-year-old") for the one person the article gives that age; "the army" for the country's armed
forces named just before; "the trader" for the one person described so in an apposition to their name; a
body's board ("The board of X said"); a service's people ("Police said") for the one body named after the
service; "his lawyer said" for the person the next paragraph names with that title; the person of a name
the parser hung on their title or body ("Jang Min-kyu, director of X, warned", "X of Lima consultancy Y
said"); the speaker of "X, asked about Y, said", not the question; or, for a definite description of a
person with no other referent ("the French midfielder said"), the person the paragraph or the one before
is about (not one things were done to). Otherwise the speaker stays
unresolved, and an unnamed person ("a senior official, who spoke on condition of anonymity") takes the
focus, so that a later "she said" or unattributed quote is not given to an earlier, named speaker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import lexicon
from kg.extract.docindex import SUBJECT_DEPS, index_of
from kg.extract.entities import AFFILIATED, AGED_BODIES, CLUB_WORDS
from kg.records import Article, Entity, Span, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OPEN_QUOTES, CLOSE_QUOTES = "“\"", "”\""
NESTED_MAX = 60  # characters of a quotation nested inside another with the same marks
MIN_QUOTE_WORDS = 4  # shorter quoted passages are scare quotes, titles or single words
PRONOUNS = {"he", "she"}
# Titles that tell a person's gender, so that "she said" is never given to Mr X.
GENDERED = {"mr": "m", "mr.": "m", "sir": "m", "spokesman": "m", "chairman": "m", "king": "m", "prince": "m",
            "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "spokeswoman": "f",
            "chairwoman": "f", "queen": "f", "princess": "f"}
# Documents that speak for whoever issued them: "a statement from X said", "according to a report by X".
DOCUMENTS = {"statement", "report", "editorial", "note", "letter", "memo", "filing", "release", "communique",
             "communiqué", "post", "article", "study", "survey", "document", "ruling", "judgment", "complaint",
             # courts' and speakers' own words: "wrote in a 54-page opinion that", "said in remarks that"
             "opinion", "decision", "affidavit", "testimony", "submission", "petition", "lawsuit", "email",
             "message", "speech", "remarks",
             # counts and figures: "according to a quick count by the electoral institute"
             "count", "tally", "estimate", "estimates", "projection", "projections", "data", "figures", "poll"}
# Verbs whose object is a document ("a speech that he delivered", "an email that Reuters has seen").
DOCUMENT_VERBS = {"deliver", "give", "make", "send", "receive", "see", "read", "write", "post", "publish", "sign",
                  "file", "issue", "release", "obtain", "review", "share", "circulate", "broadcast", "draft", "submit"}
# Said in one, but not issued by whoever "by" names ("an interview with X by Y": Y asked): only for "said in an
# interview that ...".
SPOKEN_DOCUMENTS = {"interview"}
TELL_VERBS = {"tell", "inform", "brief", "assure", "warn", "remind"}  # cues with the hearers as their object
# Occasions on which people speak: "told analysts on a call that", "said at a briefing that".
SPOKEN_OCCASIONS = {"call", "briefing", "conference", "meeting", "hearing", "speech", "address", "podcast",
                    "broadcast", "rally", "event", "summit", "session"}
# Documents whose "of" names what they counted or studied, not who made them ("a poll of Israelis by Channel 12").
SURVEYS = {"poll", "survey", "count", "tally", "study", "estimate", "estimates", "census"}
# Pronouns after a person's name in a sentence about that person only, telling the person's gender.
OBJECT_PRONOUNS = {"his": "m", "him": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"}
RELATIVE_PRONOUNS = {"who", "that", "which"}
REFLEXIVES = {"itself", "themselves", "himself", "herself"}
UNNAMED_ROLES = {"official", "officer", "source", "analyst", "member", "lawyer", "economist", "researcher"}
# Of those, the ones a description uses for someone unnamed even when no one unnamed was introduced ("the official
# said"); "the analyst said" after "Felicity Tan, a senior fellow at X, said" is her, unless "an analyst" came before
# or the person in focus holds another kind of title ("Acme chief executive Tom Price ... the analyst said").
ANONYMOUS_ROLES = {"official", "officer", "source", "member", "lawyer"}
RESEARCH_TITLES = {"analyst", "economist", "researcher", "strategist", "fellow", "professor", "lecturer", "scientist",
                   "expert"}
# Person nouns that are no title but name the person in focus by vocation or origin ("the nun said", "the Cork native
# said", "the Basque rider said"); not "the man", "the father", "the farmer", who are as often someone new.
FOCUS_PERSON_NOUNS = {"nun", "priest", "native", "rider", "cyclist"}
# "Analysts at X said": the firm's research speaks for X (an official, an officer or a lawyer speaks as a person)
STAFF_NOUNS = {"analyst", "economist", "strategist", "researcher", "scientist", "observer", "expert"}
STAFF_COMPOUND = {"analyst", "economist", "strategist"}  # "Jefferies analysts": the firm; "Kremlin observers": not
TAIL_DEPS = {"advcl", "xcomp", "conj", "acl"}  # a participle or coordinated verb sharing a subject
BETWEEN_CUE_AND_QUOTE = {"PUNCT", "ADV", "ADP", "PART", "SCONJ"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Findings that "suggest" or "show" something without anyone speaking: "Polls suggest opinion is split".
DATA_SOURCES = {"poll", "polls", "survey", "surveys", "data", "figure", "figures", "statistic", "statistics",
                "number", "numbers", "result", "results", "evidence", "research", "trend", "trends", "projection",
                "projections", "model", "models", "analysis", "indicator", "indicators", "reading", "readings"}
VERDICT_VERBS = {"declare", "deem", "pronounce", "rule", "find"}  # "declared the election invalid": an act
NOT_SAYING = {"decline", "refuse", "fail"}  # "declined to say": a cue under these reports no speech
CONTINUE_PARAGRAPHS = 2  # an unattributed quote continues a speaker at most this many paragraphs back


@dataclass(frozen=True)
class Quote:
    start: int  # inside the quotation marks
    end: int
    para: int
    opens_para: bool
    words: int


@dataclass
class Raw:
    """A statement before its speaker is resolved."""

    content: Span
    kind: str
    cue: Token | None
    subject: Token | None  # the speaker's head token, when the sentence names one
    para: int
    continues: bool = False  # an unattributed quote paragraph
    needs_speaker: bool = False  # no speech verb (`X rejected it: "..."`): kept only with a resolved speaker
    parts: tuple[tuple[int, int], ...] = ()  # a split quote's parts, without the attribution between them


def extract_statements(doc: Doc, article: Article, entities: list[Entity]) -> list[Statement]:
    text = index_of(doc).text
    paras = _paragraph_starts(text)
    quotes = find_quotes(text, paras)
    raws = _reported(doc, quotes, paras)
    raws += _direct(doc, quotes, paras, raws)
    head = article.headline
    if head is not None:  # a headline sums the story up; its body tells who said what
        raws = [r for r in raws if not (head.start <= r.content.start and r.content.end <= head.end)]
    raws.sort(key=lambda r: r.content.start)
    return _resolve(doc, article, entities, raws, quotes, paras)


# ---------------------------------------------------------------- quotes
def _paragraph_starts(text: str) -> list[int]:
    """Starts of the paragraphs: lines with text (blank lines between paragraphs are no paragraphs)."""
    return [0] + [m.end() for m in re.finditer(r"\n", text) if text[m.end():m.end() + 200].split("\n", 1)[0].strip()]


def _para_of(paras: list[int], pos: int) -> int:
    lo, hi = 0, len(paras) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paras[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def find_quotes(text: str, paras: list[int] | None = None) -> list[Quote]:
    """Double-quoted passages, paragraph by paragraph; an unclosed opening quote runs to the paragraph end."""
    paras = paras or _paragraph_starts(text)
    out: list[Quote] = []
    for n, pstart in enumerate(paras):
        pend = paras[n + 1] - 1 if n + 1 < len(paras) else len(text)
        i = pstart
        while i < pend:
            if text[i] in OPEN_QUOTES and (text[i] != '"' or i == pstart or not text[i - 1].isalnum()):
                close = _closing(text, i, pend)
                end = close if close is not None else pend
                inner = text[i + 1:end]
                s, e = i + 1 + (len(inner) - len(inner.lstrip())), i + 1 + len(inner.rstrip().rstrip(","))
                if e > s:
                    opens = not text[pstart:i].strip()
                    out.append(Quote(s, e, n, opens, len(re.findall(r"\w+", text[s:e]))))
                i = (close if close is not None else pend) + 1
            else:
                i += 1
    return out


def _closing(text: str, i: int, pend: int) -> int | None:
    """The closing mark of the quote opened at i; a short quotation nested in it with the same curly marks
    (“He called it “nonsense” today”) is skipped rather than taken for the end."""
    close = next((j for j in range(i + 1, pend) if text[j] in CLOSE_QUOTES), None)
    if text[i] != "“" or close is None:
        return close
    inner = text.find("“", i + 1, close)
    if inner >= 0 and close - inner <= NESTED_MAX and text[inner - 1:inner].isspace():
        after = next((j for j in range(close + 1, pend) if text[j] in CLOSE_QUOTES), None)
        if after is not None:
            return after
    return close


def _in_quote(quotes: list[Quote], pos: int) -> Quote | None:
    return next((q for q in quotes if q.start <= pos < q.end), None)


# ---------------------------------------------------------------- cue verbs
def _cue(tok: Token, direct: bool) -> str | None:
    """The cue lemma when ``tok`` is a reporting verb (with its particle, if the entry needs one)."""
    entry = lexicon.cue_verbs().get(tok.lemma_.lower())
    if entry is None or tok.pos_ not in ("VERB", "AUX") or (entry.direct_only and not direct):
        return None
    if any(c.dep_ == "neg" for c in tok.children) or tok.dep_ == "xcomp" and (
            tok.head.lemma_ in NOT_SAYING
            or tok.head.lemma_ in ("have", "be") and any(c.lower_ == "yet" and c.i < tok.i for c in tok.head.children)):
        return None  # "did not say whether ...", "declined to say ...", "has yet to say": nothing was said
    if entry.direct_only and any(c.lower_ in REFLEXIVES and c.dep_ == "dobj" for c in tok.children):
        return None  # "a group calling itself "...", "describes himself as "..."": a name, not speech
    if entry.direct_only and any(c.dep_ == "auxpass" for c in tok.children) \
            and not any(c.dep_ == "agent" for c in tok.children):
        return None  # "Residents were called to a meeting titled "..."": nobody speaks
    if _asked_aside(tok):
        return None  # "X, asked about the mine, said ...": the question is the reporter's
    if entry.particle:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if not any(c.lower_ == entry.particle for c in tok.children) and (nxt is None or nxt.lower_ != entry.particle):
            return None
    return entry.lemma


ASKED = frozenset({"ask", "question", "press"})


def _asked_aside(tok: Token) -> bool:
    """"Mwangi, asked whether coaches would face sanctions, said ...": a participle set off by commas between a
    speaker and the cue, however the parser hung it (as the main verb, or as a clause of the cue)."""
    if tok.lemma_.lower() not in ASKED or tok.tag_ not in ("VBD", "VBN") or tok.i == 0 \
            or tok.doc[tok.i - 1].text != ",":
        return False
    for v in tok.sent:
        if v.i > tok.i and v.doc[v.i - 1].text == "," and (v.head.i == tok.i or tok.head.i == v.i) \
                and v.lemma_.lower() in lexicon.cue_verbs() and v.pos_ in ("VERB", "AUX"):
            return True
    return False


def _subject(tok: Token) -> Token | None:
    """The speaker's head: the cue's subject, or the subject of the clause a participle tail hangs on.

    A tail inside a reported clause (`X says the government ..., stressing that ...`) belongs to the
    reporting verb's subject, not to the reported clause's.
    """
    own = _own_subject(tok)
    if own is None and tok.head.i != tok.i and _asked_aside(tok.head):
        return _own_subject(tok.head)  # ("Mwangi, asked ..., said": the parser made "asked" the main verb)
    aside = next((c for c in tok.children if c.i < tok.i and _asked_aside(c)), None) if own is None else None
    if aside is not None:
        return _own_subject(aside)  # (or gave the aside the speaker as its subject)
    if own is None and tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() == "quote":
        # "X was quoted by TASS as saying", "TASS quoted X as saying": the one quoted speaks, not the outlet
        quoted = tok.head.head
        return next((c for c in quoted.children if c.dep_ == "nsubjpass"), None) \
            or next((c for c in quoted.children if c.dep_ == "dobj"), None)
    if own is None and tok.dep_ == "conj" and _complement(tok) is not None:
        outer = _outer_cue(tok)
        if outer is not None:
            return _subject(outer)
    stranded = _stranded_subject(tok) if own is None else None
    if stranded is not None:
        return stranded
    if own is None and tok.dep_ in TAIL_DEPS and tok.tag_ == "VBG":
        for anc in tok.ancestors:
            subj = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None and _cue(anc, direct=False) and not subj.is_ancestor(tok):
                return subj
    for _ in range(4):
        subj = _own_subject(tok)
        if subj is not None:
            return subj
        if tok.dep_ not in TAIL_DEPS and tok.dep_ != "parataxis" or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _stranded_subject(tok: Token) -> Token | None:
    """"Opening the case, Fiona Maclennan KC, prosecuting for the SFO, told the jury": the parser hung the name
    on the opening participle (a subjectless clause before the cue) instead of making it the cue's subject."""
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG" and _own_subject(c) is None:
            name = next((n for n in c.children if n.i > c.i and n.dep_ in ("npadvmod", "dep", "appos")
                         and n.pos_ == "PROPN" and n.ent_type_ in ("PERSON", "ORG")), None)
            if name is not None:
                return name
    return None


def _outer_cue(tok: Token) -> Token | None:
    """"He said the PT had learned nothing and argued that ...": a cue coordinated by the parser with the verb of the
    clause another cue reports is that cue's second act, when its form is the outer cue's and not the reported
    verb's (a past perfect, "had learned", is no simple past "argued"), and the reported subject is a body (a
    person may do both: "police said the suspect had fled and claimed that ..." stays the suspect's)."""
    head = tok.head
    outer = head.head
    if head.dep_ != "ccomp" or outer is head or _cue(outer, direct=False) is None or _own_subject(outer) is None:
        return None
    perfect = any(c.dep_ in ("aux", "auxpass") for c in head.children) or head.tag_ in ("VBN", "VBG")
    inner = _own_subject(head)
    if inner is None or not _a_body(inner):
        return None  # ("prosecutors said the driver had been drinking and admitted that ...": the driver admitted)
    return outer if tok.tag_ == outer.tag_ and perfect and not any(c.dep_ == "aux" for c in tok.children) else None


def _a_body(tok: Token) -> bool:
    """Whether a subject is a body or a country: by the model's label, an acronym ("the PT") or its noun ("the
    company")."""
    word = tok.lemma_.lower()
    return tok.ent_type_ in ("ORG", "GPE", "NORP") or word in _body_nouns() or word in lexicon.institutions() \
        or tok.tag_ == "NNP" and len(tok.text) >= 2 and tok.text.isupper()


def _own_subject(tok: Token) -> Token | None:
    """The verb's subject; of two (a misparsed "The ruling All Progressives Congress"), the proper noun.

    "The 47-year-old said" is parsed with no subject, its words hung on the verb as a determiner and
    an adjective: the age is the subject."""
    subs = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if len(subs) > 1 and subs[1].tag_ in ("NNP", "NNPS") and subs[1].left_edge.i == subs[0].i + 1:
        return subs[1]
    if len(subs) > 1 and any(t.text in ("—", "–", "-", "--") for t in tok.doc[subs[0].i:subs[1].left_edge.i]):
        return subs[1]  # "PRINCETON, N.J. (AP) — Marlowe said": the dateline's city read as a second subject
    if not subs and tok.pos_ == "VERB":
        return next((c for c in tok.lefts if c.dep_ == "amod" and _is_age(c)), None)
    return subs[0] if subs else None


def _is_age(tok: Token) -> bool:
    """"old" of "the 47-year-old": a person described by age."""
    return tok.lower_ == "old" and any(c.lower_ in ("year", "years") and any(n.like_num for n in c.children)
                                       for c in tok.children)


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(start, end, index_of(doc).text[start:end])


def _tokens_span(doc: Doc, toks: list[Token]) -> Span | None:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in {"that", "whether"} and (
            toks[0].dep_ in ("mark", "dobj") or toks[0].dep_ == "nsubj" and any(  # ("that Isfahan was ready":
                t.dep_ in SUBJECT_DEPS and t.head.i == toks[0].head.i for t in toks[1:]))):  # a mark read as subject)
        toks = toks[1:]
    while toks and (toks[-1].is_punct and toks[-1].text not in "”\"’)" or toks[-1].dep_ == "cc"):
        toks = toks[:-1]  # (and a coordinator left behind by a dropped tail: "regretted the deaths but")
    if not toks:
        return None
    return _span(doc, toks[0].idx, toks[-1].idx + len(toks[-1]))


# ---------------------------------------------------------------- reported speech
def _reported(doc: Doc, quotes: list[Quote], paras: list[int]) -> list[Raw]:
    out = []
    for tok in index_of(doc).tokens:
        cue = _cue(tok, direct=False)
        if cue:
            raw = _inverted_apposed(doc, tok, quotes, paras) or _two_subjects(doc, tok, quotes, paras) \
                or _reported_clause(doc, tok, quotes, paras) or _parenthetical(doc, tok, quotes, paras)
        elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            raw = _according_to(doc, tok, quotes, paras)
        else:
            continue
        if raw is not None:
            out.append(raw)
    return out


# "…, SANZAAR, the body that runs the Rugby Championship, said": a name and its description after the clause
INVERTED_APPOSED = re.compile(r",\s+(?P<name>(?:[A-Z][\w.&'’-]*\s+){0,5}[A-Z][\w.&'’-]*),\s+"
                              r"(?:the|a|an|which|who|whose|its)\s[^,]{2,90}?,\s*$")


def _inverted_apposed(doc: Doc, tok: Token, quotes: list[Quote], paras: list[int]) -> Raw | None:
    """"Wiremu will face a hearing, SANZAAR, the body that runs the Rugby Championship, said": the parser hangs
    the name on the clause (or the clause on the name), so the cue has no subject of its own; the name set off
    by commas before the description is the speaker, the clause before it what was said."""
    comp = _complement(tok)
    if _own_subject(tok) is not None or comp is not None and comp.i > tok.i:
        return None  # ("As shares fell, Musk, the Tesla boss, said demand was strong": what follows is said)
    ix = index_of(doc)
    start = tok.sent.start_char
    m = INVERTED_APPOSED.search(ix.text, start, tok.idx)
    if m is None or m.start() <= start:
        return None
    content = _tokens_span(doc, [t for t in tok.sent if t.idx < m.start()])
    name = ix.tokens[ix.token_at_or_after(m.end("name")) - 1]
    if content is None or len(re.findall(r"\w+", content.text)) < 3 or name.pos_ != "PROPN" \
            or not any(t.dep_ in SUBJECT_DEPS for t in tok.sent if t.idx < m.start()) \
            or any(q.start < content.end and content.start < q.end for q in quotes):
        return None
    return Raw(content, "indirect", tok, name, _para_of(paras, content.start))


def _two_subjects(doc: Doc, tok: Token, quotes: list[Quote], paras: list[int]) -> Raw | None:
    """"Her party, Miriam Tessendorf told the Bundestag, would support ...": the reported clause's subject read as
    the cue's first subject; the name next to the cue speaks, and what was said is the clause around it."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if len(subjects) == 2 and comp is not None and _own_subject(comp) is None \
            and "," in (subjects[0].right_edge.text, doc[subjects[0].right_edge.i + 1].text) \
            and subjects[1].right_edge.i == tok.i - 1:
        first = _tokens_span(doc, list(subjects[0].subtree))
        second = _tokens_span(doc, list(comp.subtree))
        if first is None or second is None:
            return None
        kind = "mixed" if any(first.start <= q.start < second.end for q in quotes) else "indirect"
        return _around(doc, first, second, kind, tok, subjects[1], paras)
    return None


def _parenthetical(doc: Doc, tok: Token, quotes: list[Quote], paras: list[int]) -> Raw | None:
    """"The delays, Radebe said, were unacceptable": an attribution set off by commas inside the clause it
    reports. What was said is the clause around it, in two parts (as a split quotation's are joined)."""
    head = tok.head
    if tok.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    # the commas around the attribution (the parser may count them as its own)
    left = tok.left_edge.i if tok.left_edge.text == "," else tok.left_edge.i - 1
    right = tok.right_edge.i if tok.right_edge.text == "," else tok.right_edge.i + 1
    if left <= head.left_edge.i or right >= len(doc) or doc[left].text != "," or doc[right].text != ",":
        return None
    # after the clause's verb, only before a clause coordinated with it: "Nine patients are children, she said, and
    # two are in intensive care"
    # (the coordinated clause has a subject of its own: not "The plan was approved, she said, and thanked the council")
    if head.i < tok.i and not (right + 1 < len(doc) and doc[right + 1].dep_ == "cc" and doc[right + 1].head.i == head.i
                               and any(c.dep_ == "conj" and c.i > right and c.pos_ in ("VERB", "AUX")
                                       and _own_subject(c) is not None for c in head.children)):
        return None
    first = _tokens_span(doc, list(doc[head.left_edge.i:left]))
    second = _tokens_span(doc, list(doc[right + 1:head.right_edge.i + 1]))
    if first is None or second is None or len(re.findall(r"\w+", first.text + " " + second.text)) < 3:
        return None
    if any(q.start < second.end and first.start < q.end for q in quotes):
        return None  # ('"The delays," Radebe said, "were unacceptable"': a split quotation)
    return _around(doc, first, second, "indirect", tok, _subject(tok), paras)


def _around(doc: Doc, first: Span, second: Span, kind: str, cue: Token, subject: Token | None,
            paras: list[int]) -> Raw:
    """What was said in two parts around its attribution: the span over both, and the parts themselves."""
    content = _span(doc, first.start, second.end)
    return Raw(content, kind, cue, subject, _para_of(paras, content.start),
               parts=((first.start, first.end), (second.start, second.end)))


def _content_tokens(head: Token) -> list[Token]:
    """The complement's tokens, without tails that are statements of their own (", adding that ...")."""
    drop: set[int] = set()
    for t in head.subtree:
        if t.dep_ == "prep" and t.lower_ == "according" and t.i > head.i and t.doc[t.i - 1].text == ",":
            # ", according to X": the source of the report, not part of what was said (not "paid according to
            # the law")
            drop.update(x.i for x in t.subtree)
            drop.add(t.i - 1)
        elif t is not head and t.dep_ in TAIL_DEPS and _cue(t, direct=False) and _complement(t) is not None:
            drop.update(x.i for x in t.subtree)
            left = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
            if left is not None and left.text == ",":
                drop.add(left.i)
        elif t.dep_ == "appos" and t.head.i < head.i < t.i:
            # "said the decision had been taken on instructions, a charge he did not substantiate": the writer's
            # comment on the whole clause, hung on its subject
            drop.update(x.i for x in t.subtree)
            if t.doc[t.left_edge.i - 1].text == ",":
                drop.add(t.left_edge.i - 1)
        elif t.dep_ == "conj" and t.head.i == head.i and t.tag_ == "VBD" and _speech_act(t) \
                and not any(c.dep_ in SUBJECT_DEPS for c in t.children):
            # "said that the company had lost €20 million a day, and called on staff to return": the
            # speaker's next act, coordinated by the parser inside what was said
            drop.update(x.i for x in t.subtree)
            k = t.left_edge.i - 1
            while k > head.i and t.doc[k].lower_ in (",", "and", "but"):
                drop.add(k)
                k -= 1
    # "reported, citing unnamed officials, that the plan had been shelved": what hangs before "that" is no content
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    toks = sorted((t for t in head.subtree if t.i not in drop and (mark is None or t.i >= mark.i)), key=lambda t: t.i)
    toks = toks[_leading_date(head, toks):]
    end = next((k for k in range(1, len(toks)) if toks[k].i != toks[k - 1].i + 1), len(toks))
    return toks[:end] if toks and toks[0].i <= head.i else toks


FUTURE_WORDS = frozenset({"next", "tomorrow", "coming", "later", "upcoming"})


def _leading_date(head: Token, toks: list[Token]) -> int:
    """How many of ``toks`` open the complement with the time of the saying: "said on Tuesday they had
    captured the town", "said last week they had arrested two men". Without "that" the parser hangs the
    date on the reported verb, but a date between the cue and the clause's own subject dates the cue.
    (Before the cue it is the clause's own: "On Tuesday they captured the town, the group said".)"""
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or head.dep_ != "ccomp" or not toks or toks[0].i <= head.head.i:
        return 0
    k = 0
    for c in head.children:  # the head's own modifiers before its subject, left to right
        if c.i >= subj.i:
            break
        words = list(c.subtree)
        dated = (c.dep_ == "prep" and c.lower_ in ("on", "at") or c.dep_ in ("npadvmod", "advmod")) \
            and any(w.ent_type_ in ("DATE", "TIME") for w in words) \
            and not any(w.lower_ in FUTURE_WORDS for w in words)  # ("said next year the city will cut")
        if not dated or k >= len(toks) or words[0].i != toks[k].i:
            return 0
        k += len(words)
    return k if k < len(toks) and toks[k].i == subj.left_edge.i else 0


def _speech_act(tok: Token) -> bool:
    """A verb that only introduces quoted words ("urged", "called on", "condemned"): an act of the speaker's,
    never part of what was reported ("said the council met and announced a curfew" keeps "announced")."""
    entry = lexicon.cue_verbs().get(tok.lemma_.lower())
    return entry is not None and entry.direct_only and _cue(tok, direct=True) is not None


OCCASION_PREPS = frozenset({"before", "after", "during", "at", "ahead", "following"})


def _complement(tok: Token) -> Token | None:
    """The reported clause: the cue's clausal complement, or a parse that hides it.

    - `X wrote in a ruling that ...`: the that-clause read as a relative clause of the document;
    - `CLAUSE, negotiators said.`: the clause before an inverted attribution left unattached ("dep").
    """
    comps = [c for c in tok.children if c.dep_ == "ccomp" and not _asked_aside(c)]
    # (not a relative clause the parser hung on the cue: "In an interview, extracts of which were read to the jury,
    # the 61-year-old said the estimates were sound")
    comps = [c for c in comps if not (c.i < tok.i and any(_relative_of(t, c) for t in c.subtree if t.i < c.i))]
    # (a that-clause after the cue is what was said, not a clause before it: "Eastbrook was among the cities cited;
    # the police department told investigators that it had been quoted a 38 percent increase")
    comps = [c for c in comps if c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)] \
        or comps
    comp = comps[0] if comps else None
    if comp is not None and tok.lemma_.lower() in VERDICT_VERBS and comp.pos_ not in ("VERB", "AUX") \
            and not any(t.pos_ in ("VERB", "AUX") for t in comp.subtree):
        return None  # "declared the election invalid": a verbless small clause says what was done, not said
    if comp is not None:
        return comp
    for c in tok.children:  # "told visiting lawmakers that ...": a participle before the object read as a verb
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == tok.i + 1 and tok.lemma_.lower() in TELL_VERBS \
                and any(g.dep_ == "dobj" for g in c.children):  # (not "denied knowing that", "recalled hearing")
            inner = next((g for g in c.children if g.dep_ == "ccomp" and g.left_edge.lower_ == "that"), None)
            if inner is not None:
                return inner
    for heard in tok.children:  # ("told a weekly news briefing that ...": the that-clause read as the briefing's)
        if heard.dep_ == "dobj" and heard.i > tok.i and (heard.lower_ in SPOKEN_OCCASIONS or heard.lower_ in DOCUMENTS):
            rel = _document_clause(heard)
            if rel is not None:
                return rel
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at", "during") and prep.i > tok.i:
            # ("told analysts on a conference call that ...": the that-clause read as the call's)
            obj = next((o for o in prep.children if o.dep_ == "pobj" and (
                o.lower_ in DOCUMENTS or o.lower_ in SPOKEN_DOCUMENTS or o.lower_ in SPOKEN_OCCASIONS)), None)
            rel = _document_clause(obj) if obj is not None else None
            if rel is not None:
                return rel
    for prep in tok.children:  # ("told lawmakers before the vote that ...": the that-clause read as the vote's)
        if prep.dep_ == "prep" and prep.lower_ in OCCASION_PREPS and prep.i > tok.i:
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                rel = _document_clause(obj)
                if rel is not None and rel.left_edge.dep_ == "mark":
                    return rel
    for c in tok.children:
        # `It said the operation had targeted militants` read as "said [the ... targeted militants]": an object
        # holding a finite verb with its own subject is a clause the parser folded into a noun phrase
        # (its subject before the object's head noun: not "announced a plan that would cut jobs")
        if c.dep_ == "dobj" and c.i > tok.i and any(
                t.dep_ in SUBJECT_DEPS and t.i < c.i and t.lower_ not in RELATIVE_PRONOUNS
                and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.head.dep_ not in ("relcl", "acl")
                for t in c.subtree):
            return c
    subj = _own_subject(tok)
    for c in tok.children:
        if c.dep_ == "dep" and c.i < tok.i and subj is not None and c.right_edge.i + 2 == subj.left_edge.i \
                and tok.doc[c.right_edge.i + 1].text == "," \
                and all(t.is_space for t in tok.doc[c.sent.start:c.left_edge.i]) \
                and any(t.pos_ in ("VERB", "AUX") for t in c.subtree):
            return c
        # ("All her results since the test will be annulled, the tribunal said": read as an adverbial clause; not
        # "When he arrived, X said", "Asked about it, X said": no conjunction of its own, and a finite verb)
        if c.dep_ == "advcl" and c.i < tok.i and subj is not None and c.right_edge.i + 2 == subj.left_edge.i \
                and tok.doc[c.right_edge.i + 1].text == "," and c.left_edge.i == c.sent.start \
                and not any(m.dep_ in ("mark", "advmod") for m in c.children) and c.tag_ not in ("VBG", "VBN") \
                and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in c.subtree):
            return c
    return None


def _relative_of(t: Token, clause: Token) -> bool:
    """"extracts of which were read", "some of whom": a relative pronoun after "of" in the clause's subject, not
    inside a relative clause of its own ("The bill, which passed, will take effect" is said)."""
    if t.lower_ not in ("which", "whom", "whose") or t.dep_ != "pobj" or t.head.lower_ != "of":
        return False
    cur = t
    while cur.i != clause.i and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return False
        cur = cur.head
    return True


def _document_clause(obj: Token) -> Token | None:
    """The that-clause the parser hung on the document a cue names: `said in a statement that ...`,
    `wrote in a letter to employees that ...`, `said in a filing submitted to the court that ...`.

    A clause opening with "that" whose subject is not "that" itself is what the document says (a
    content clause); `a statement that was released` ("that" its subject) is a relative clause."""
    for t in obj.subtree:
        if t.i <= obj.i or t.dep_ not in ("relcl", "acl", "ccomp") or t.left_edge.lower_ != "that":
            continue
        if any(a.dep_ in ("relcl", "advcl", "ccomp") for a in t.ancestors if a.i != obj.i and obj.is_ancestor(a)):
            continue  # "a letter to shareholders who had complained that ...": another clause's complement
        first, subj = t.left_edge, _own_subject(t)
        if first.dep_ == "dobj" and t.lemma_ in DOCUMENT_VERBS and not any(
                c.dep_ == "dobj" and c.i != first.i for c in t.children):
            continue  # "a speech that he delivered in Philadelphia": "that" is the object, a relative clause (the
            # parser also reads a mark as an object: "a ruling that X had asked for an attorney")
        if first.dep_ == "mark" or subj is not None and subj.i != first.i:  # ("that there were ...": a mark)
            return t
    return None


def _reported_clause(doc: Doc, tok: Token, quotes: list[Quote], paras: list[int]) -> Raw | None:
    comp = _complement(tok)
    if comp is None:
        return None
    content = _tokens_span(doc, _content_tokens(comp))
    if content is None or len(re.findall(r"\w+", content.text)) < 3 and not (
            len(re.findall(r"\w+", content.text)) == 2 and any(c.dep_ in SUBJECT_DEPS for c in comp.children)):
        return None  # (a clause of two words is one with its own subject: "said deliveries rose")
    inside = [q for q in quotes if content.start < q.end and q.start < content.end]
    if any(q.start <= content.start and content.end <= q.end + 1 for q in inside):
        return None  # the complement is a direct quote: handled with the quotes
    if any(q.start <= tok.idx < q.end for q in quotes):
        return None  # a verb inside a quotation is the quoted speaker's, not an attribution
    subj = _subject(tok)
    if subj is not None and subj.lower_ in DATA_SOURCES and not any(
            c.dep_ == "prep" and c.lower_ in ("by", "from") for c in subj.children):
        return None  # "Polls suggest ...": a finding, not speech (unless issued by someone: "a survey by X")
    stripped = content.text.rstrip("“\"").rstrip()
    if stripped != content.text and any(q.start >= content.start + len(stripped) for q in quotes
                                        if q.start <= content.end + 1):  # ('said the attack came "after ...":
        content = _span(doc, content.start, content.start + len(stripped))  # a quotation opens, not closes)
    content = _through_quote(doc, tok, content, quotes)
    inside = [q for q in quotes if content.start < q.end and q.start < content.end]
    content, inside = _cut_after_quote(doc, content, inside, quotes)
    # `said his hopes were "more or less over"`: the whole clause, quoted words and all, as annotators keep it
    # (the quoted words alone lose what they are said of)
    kind = "mixed" if inside else "indirect"
    last = max(inside, key=lambda q: q.end, default=None)
    text = index_of(doc).text
    if last is not None and last.start > content.start and content.end <= last.end < len(text) \
            and text[last.end] in CLOSE_QUOTES:
        content = _span(doc, content.start, last.end + 1)  # ('were "more or less over."': the closing mark too)
    return Raw(content, kind, tok, subj, _para_of(paras, content.start))


def _through_quote(doc: Doc, cue: Token, content: Span, quotes: list[Quote]) -> Span:
    """`said that Doha was working "hour by hour" with Cairo and Washington to narrow the gaps`: the parser may
    hang a quotation that goes on with the reported clause, and what follows it, on the cue verb; the content
    then runs to the end of the sentence, unless a clause with a subject of its own comes after the quote."""
    text = index_of(doc).text
    m = re.match(r"\s*[\"“]", text[content.end:content.end + 3])
    q = next((q for q in quotes if m is not None and q.start == content.end + m.end()), None)
    sent = cue.sent
    if q is None or cue.i > index_of(doc).token_at_or_after(content.start) or q.end >= sent.end_char:
        return content
    rest = [t for t in sent if t.idx > q.end]
    if not rest or any(t.dep_ in SUBJECT_DEPS for t in rest) or not any(t.head.i == cue.i for t in rest):
        return content
    words = [t for t in rest if not t.is_punct and not t.is_space]
    # (the quotation may end the sentence: then the content ends with its closing mark)
    end = max(t.idx + len(t) for t in words) if words else q.end + (text[q.end:q.end + 1] in CLOSE_QUOTES)
    return _span(doc, content.start, end)


def _cut_after_quote(doc: Doc, content: Span, inside: list[Quote], quotes: list[Quote]) -> tuple[Span, list[Quote]]:
    """`said the apology "comes three weeks late" and pressed Kohl on ...`: a verb coordinated after the
    closing mark, with no subject of its own, is the speaker's next act, not what was said."""
    ix = index_of(doc)
    for q in inside:
        mark = q.end + (1 if ix.text[q.end:q.end + 1] in CLOSE_QUOTES else 0)
        if not (q.start > content.start and mark < content.end):
            continue
        k = ix.token_at_or_after(mark + 1 if ix.text[q.end:q.end + 1] in CLOSE_QUOTES else mark)
        toks = [t for t in ix.tokens[k:k + 3] if not t.is_space]
        # (not `said the company had "grown faster than our discipline" and needed to ...`: a past verb after a
        # quoted perfect ("had grown") goes on with what was reported; after "was a disaster" or "made a
        # mistake", "and walked out" is the speaker's act)
        if len(toks) >= 2 and toks[0].lower_ in ("and", "but") and toks[1].pos_ == "VERB" \
                and toks[1].tag_ in ("VBD", "VBZ") and toks[1].dep_ == "conj" \
                and not (toks[1].tag_ == "VBD" and toks[1].head.tag_ == "VBN") \
                and not any(c.dep_ in SUBJECT_DEPS for c in toks[1].children) and _in_quote(quotes, toks[1].head.idx):
            return _span(doc, content.start, mark), [x for x in inside if x.start < mark]
    return content, inside


def _according_to(doc: Doc, tok: Token, quotes: list[Quote], paras: list[int]) -> Raw | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = tok.head
    if source is not None and tok.i == tok.sent.start and not _in_quote(quotes, tok.idx) \
            and (head.i == tok.i or head.pos_ not in ("VERB", "AUX")):
        return _according_to_opening(doc, tok, source, paras)
    if source is None or head.i == tok.i or head.pos_ not in ("VERB", "AUX") or _in_quote(quotes, tok.idx):
        return None
    if tok.i > head.i and _cue(head, direct=True) and _own_subject(head) is not None \
            and any(head.sent.start_char <= q.start and q.end <= head.idx for q in quotes):
        return None  # '"…," Mohamed said, according to state media': Mohamed speaks; the media only report it
    if any(_cue(v, direct=False) and _own_subject(v) is not None and _complement(v) is not None
           for v in (head, *head.ancestors)):
        return None  # "X said the group was ready, according to a statement": X speaks; the statement is where
    while head.dep_ == "csubj" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # ("Iran's stockpile of uranium enriched to 60 percent has grown" read with a clausal subject)
    while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i \
            and (_own_subject(head) is None  # (or the verb of "40 wounded", with no auxiliary of its own)
                 or head.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
        head = head.head  # "31 people were killed and 40 wounded, according to X": the whole coordination
        # (not "Police used water cannons, and 40 people were detained, according to X": a clause of its own)
    skip = {t.i for t in tok.subtree}
    toks = [t for t in head.subtree if t.i not in skip]
    if tok.i == tok.sent.start:
        # "According to the report, circulated last month, Iran's stockpile has grown": what describes the source,
        # set off by commas, is no part of what it says (the parser may hang it on the clause; not "According to the
        # hospital, injured fans were treated", an adjective)
        k = tok.right_edge.i + 1
        while k < len(doc) and doc[k].is_punct:
            k += 1
        if k < len(doc) and doc[k].tag_ in ("VBN", "VBG") and doc[k].dep_ in ("advcl", "acl") and doc[k].text.islower():
            end = next((j for j in range(k, len(doc)) if doc[j].text == ","), None)
            if end is not None:
                toks = [t for t in toks if not k <= t.i <= end]
    issuer: Token | None = _document_issuer(source)
    if issuer is source and source.lower_ in DATA_SOURCES:
        # data speaks for the one it names as its source ("AIU data", "figures Kohl provided"), else for no
        # one ("according to figures", "according to results declared by the commission")
        issuer = next((c for c in source.children if c.dep_ in ("compound", "nmod", "amod") and c.text[:1].isupper()
                       and c.i < source.i), None) \
            or next((s for c in source.children if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj"
                     and s.pos_ == "PROPN"), None)
    if issuer is None:
        return None
    source = issuer
    content = _tokens_span(doc, toks)
    if content is None:
        return None
    # "Turnout was 56 percent, according to the commission, up from 41 percent": said in two parts around it
    first = _tokens_span(doc, [t for t in toks if t.i < tok.i])
    second = _tokens_span(doc, [t for t in toks if t.i > tok.right_edge.i])
    if first is not None and second is not None:
        return _around(doc, first, second, "indirect", tok, source, paras)
    return Raw(content, "indirect", tok, source, _para_of(paras, content.start))


def _according_to_opening(doc: Doc, tok: Token, source: Token, paras: list[int]) -> Raw | None:
    """"According to the Commission on Human Rights (CHR), at least 30 of the deaths ... bore signs of execution" parsed
    with no verb to hang the phrase on ("bore" read as a noun): what was said is the rest of the sentence after the
    comma that closes the source."""
    sent = tok.sent
    to = next(c for c in tok.children if c.lower_ == "to")  # (read as the root, "According" spans the sentence)
    k = to.right_edge.i + 1
    while k < sent.end and doc[k].text in (")", ","):
        k += 1
    if k == to.right_edge.i + 1 or doc[k - 1].text != ",":
        return None
    issuer = _document_issuer(source)
    content = _tokens_span(doc, [t for t in doc[k:sent.end] if not (t.i == sent.end - 1 and t.is_punct)])
    if content is None or len(re.findall(r"\w+", content.text)) < 4 or issuer.lower_ in DATA_SOURCES \
            or not any(t.pos_ in ("VERB", "AUX") for t in doc[k:sent.end]):
        return None  # ("According to legend, the castle's ghost, a headless knight": no clause)
    return Raw(content, "indirect", tok, issuer, _para_of(paras, content.start))


# ---------------------------------------------------------------- direct quotes
def _document_issuer(source: Token) -> Token:
    """"according to a statement from the Home Office": the issuer speaks, not the statement."""
    if source.lower_ not in DOCUMENTS:
        return source
    makers = ("from", "by") if source.lower_ in SURVEYS else ("from", "by", "of")  # (not "a poll of Israelis")
    for prep in sorted((p for p in source.children if p.dep_ == "prep" and p.lower_ in makers),
                       key=lambda p: makers.index(p.lower_)):
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return source


def _direct(doc: Doc, quotes: list[Quote], paras: list[int], reported: list[Raw]) -> list[Raw]:
    out: list[Raw] = []
    taken = [r.content for r in reported]
    i = 0
    while i < len(quotes):
        q = quotes[i]
        if any(s.start <= q.start and q.end <= s.end + 1 for s in taken):
            i += 1
            continue
        cue, last = _attribution(doc, quotes, i)
        start, end = q.start, quotes[last].end
        clause = _colon_clause(doc, q) if cue is None and q.words >= MIN_QUOTE_WORDS else None
        if cue is not None:
            text = index_of(doc).text
            utterance = q.words >= MIN_QUOTE_WORDS or text[q.end - 1] in ".!?"
            before = _before_region(doc, q, 0)
            # `"We are ready," Nunez said.`: a short quote that opens its sentence and ends in a comma before its cue
            # (not a name in quotation marks: `"Operation Sandstorm," as the army calls it`)
            opens_sentence = cue.idx > q.end and not before and (utterance or q.words >= 2 and text[q.end] == ","
                                                                 and not text[q.start:q.end].istitle())
            # `X told the BBC: "..."`: a quotation introduced by its cue and a colon is all quoted speech
            introduced = utterance and bool(before) and before[-1].text == ":" and any(t.i == cue.i for t in before)
            kind = "direct" if (_governs(doc, cue, q) and utterance) or q.opens_para or last > i \
                or opens_sentence or introduced or _characterises(doc, cue, q) else _embedded_kind(q)
            if kind is None and last == i:  # `called the strike “…”, noting that …`: the cue before it
                cue = next((t for t in reversed(before) if _characterises(doc, t, q) and _subject(t) is not None), cue)
                kind = "direct" if _characterises(doc, cue, q) else None
            if kind:
                parts = tuple((p.start, p.end) for p in quotes[i:last + 1]) if last > i else ()
                out.append(Raw(_span(doc, start, end), kind, cue, _subject(cue), q.para, parts=parts))
        elif clause is not None:
            out.append(Raw(_span(doc, start, end), "direct", clause, _own_subject(clause), q.para,
                           needs_speaker=True))
        elif q.words >= MIN_QUOTE_WORDS and (q.opens_para or not _before_region(doc, q, 0)):
            out.append(Raw(_span(doc, start, end), "direct", None, None, q.para, continues=True))
        i = last + 1
    return out


def _colon_clause(doc: Doc, q: Quote) -> Token | None:
    """`X rejected the allegation: "..."`, `Y was less sympathetic: "..."`: a clause and a colon before a quote.

    The quote is the words of the clause's subject even though its verb reports no speech. Only a
    quote that follows the colon and runs to the end of its sentence; the caller keeps the statement
    only when the subject resolves to someone (`The sign read: "..."` says nothing).
    """
    before = _before_region(doc, q, 0)
    if len(before) < 3 or before[-1].text != ":":
        return None
    tail = index_of(doc).text[q.end:].split("\n", 1)[0].lstrip("”\"’ ")
    if tail[:1].islower() or tail[:1] in (",", ";"):
        return None  # the sentence goes on after the quote: `... told: "..." and left`
    for t in before[:-1]:
        subj = _own_subject(t)
        if t.pos_ in ("VERB", "AUX") and subj is not None and before[0].i <= subj.i < t.i \
                and (subj.pos_ in ("PROPN", "NOUN") or subj.lower_ in PRONOUNS):
            return t
    return None


CHARACTERISING = {"call", "describe", "brand", "label", "dub", "term", "dismiss"}  # "called the strike “…”"
AS_ONLY = {"dismiss"}  # characterising only with "as": "dismissed the warning as “a threat”"


def _characterises(doc: Doc, cue: Token, q: Quote) -> bool:
    """`called the strike “completely disproportionate”`, `described the attack as “cowardly and barbaric”`,
    `called on staff to “return to dialogue”`: a short quotation (two words or more) that the cue applies to
    its object is the speaker's words, not a scare quote (not a name: `called the plan “Project Fear”`,
    `call him “the Special One”`)."""
    if cue.lemma_.lower() not in CHARACTERISING or q.words < 2 or not cue.idx < q.start:
        return False
    ix = index_of(doc)
    quoted = re.sub(r"^(?:the|a|an)\s+", "", ix.text[q.start:q.end], flags=re.I)
    if quoted.istitle() or any(c.lower_ == "what" for c in cue.children):
        return False  # a name ("the Special One"), or a term someone uses ("what the government calls “…”")
    between = ix.tokens[cue.i + 1:ix.token_at_or_after(q.start - 1)]
    if cue.lemma_.lower() in AS_ONLY and (not between or between[-1].lower_ != "as"):
        return False
    return len(between) <= 6 and all(t.pos_ not in ("VERB", "AUX", "PUNCT") and t.sent.start == cue.sent.start
                                     for t in between)


def _embedded_kind(q: Quote) -> str | None:
    """A quoted fragment inside a reported sentence: mixed when long enough to be speech."""
    return "mixed" if q.words >= MIN_QUOTE_WORDS else None


def _governs(doc: Doc, cue: Token, q: Quote) -> bool:
    """The cue stands right before the quote (`noted, "..."`, `condemned "..."`, `said: "..."`)."""
    if not cue.idx < q.start:
        return False
    ix = index_of(doc)  # the tokens after the cue that start before the opening mark (offsets ascend)
    between = ix.tokens[cue.i + 1:ix.token_at_or_after(q.start - 1)]
    return all(t.pos_ in BETWEEN_CUE_AND_QUOTE or t.is_space for t in between)


def _attribution(doc: Doc, quotes: list[Quote], i: int) -> tuple[Token | None, int]:
    """The cue verb of quote i and the index of the last quote it covers (a split quote counts once)."""
    q = quotes[i]
    nxt = quotes[i + 1] if i + 1 < len(quotes) and quotes[i + 1].para == q.para else None
    prev = quotes[i - 1] if i > 0 and quotes[i - 1].para == q.para else None
    after = _after_region(doc, q, nxt.start - 1 if nxt else len(index_of(doc).text))
    # (not a verb coordinated with the quoted clause: 'wrote that "transparency is no attack" and urged residents to
    # stay calm': the speaker's next act, not the attribution of the quote)
    cue = next((t for t in after if _cue(t, direct=True) and _subject(t) is not None and not _in_subject(t, q)
                and not _coordinated_after(t, q)), None)
    if cue is not None:
        if nxt is not None and _continues_split(doc, q, cue, nxt):
            return cue, i + 1
        return cue, i
    before = _before_region(doc, q, prev.end + 1 if prev else 0)
    cue = next((t for t in reversed(before) if _cue(t, direct=True) and _subject(t) is not None), None)
    if cue is None and before:
        cue = next((t for t in after + before if _cue(t, direct=False) and _subject(t) is not None
                    and not _in_subject(t, q)), None)
    return cue, i


def _coordinated_after(t: Token, q: Quote) -> bool:
    """``t`` is a verb coordinated by "and"/"but" with the quoted clause, after the quote ('wrote that "…" and urged
    residents to stay calm'); not an inverted attribution the parser hung on the quote ('"…," X said')."""
    return t.dep_ == "conj" and t.head.idx < q.end and any(
        c.dep_ == "cc" and q.end <= c.idx < t.idx for c in t.head.children)


def _in_subject(cue: Token, q: Quote) -> bool:
    """The quotation is part of the cue's subject ("A group calling itself "..." claimed the attack"): it
    names the speaker, it is not what they said."""
    subj = _own_subject(cue)
    if subj is None:
        return False
    return subj.left_edge.idx <= q.start and q.end <= subj.right_edge.idx + len(subj.right_edge)


def _token_index(doc: Doc, pos: int) -> int:
    """Index of the first token starting at or after character ``pos``."""
    return index_of(doc).token_at_or_after(pos)


def _after_region(doc: Doc, q: Quote, limit: int) -> list[Token]:
    """Tokens after a quote up to the end of its sentence (or the next quote, or the paragraph end)."""
    out: list[Token] = []
    for t in doc[_token_index(doc, q.end):]:
        if t.idx >= limit or "\n" in t.text or "\n" in t.whitespace_ and out:
            break
        if t.idx <= q.end + 2 and t.text in ".,!?”\"":
            continue
        if t.text in ".!?":
            break
        out.append(t)
    return out


def _before_region(doc: Doc, q: Quote, limit: int) -> list[Token]:
    """Tokens of the quote's sentence before its opening mark (empty when the quote opens a sentence)."""
    out: list[Token] = []
    k = _token_index(doc, q.start) - 1
    while k >= 0 and doc[k].idx >= q.start - 1 and doc[k].text in OPEN_QUOTES:
        k -= 1
    while k >= 0:
        t = doc[k]
        if t.idx < limit or t.text in ".!?" or "\n" in t.text or "\n" in t.whitespace_:
            break
        out.insert(0, t)
        k -= 1
    return [t for t in out if not t.is_space]


def _continues_split(doc: Doc, q: Quote, cue: Token, nxt: Quote) -> bool:
    """`"...," he said, "..."`: the attribution sits inside one quotation."""
    text = index_of(doc).text
    closing = text[q.end:q.end + 2]
    gap = text[cue.idx + len(cue):nxt.start - 1]
    return "," in closing and gap.rstrip().endswith(",") and "." not in gap


# ---------------------------------------------------------------- speakers
@dataclass
class _Mentions:
    by_pos: list[tuple[int, int, Entity]]
    ages: dict[str, int] | None = None  # the age the article gives each person (see _ages), worked out once

    def at(self, start: int, end: int) -> Entity | None:
        return next((e for s, t, e in self.by_pos if s <= start and end <= t), None)

    def span_at(self, pos: int) -> tuple[int, int, Entity] | None:
        return next(((s, t, e) for s, t, e in self.by_pos if s <= pos < t), None)

    def inside(self, start: int, end: int) -> list[str]:
        return list(dict.fromkeys(e.key for s, t, e in self.by_pos if start <= s and t <= end))


@dataclass
class _Focus:
    """Who the article is talking about: for pronouns ("he said") and unattributed quote paragraphs."""

    subjects: list[tuple[int, str, int, bool, bool]]  # (position, entity key, paragraph, passive, speech verb)
    prev: tuple[str | None, int] | None = None  # speaker (None: not known) and paragraph of the last statement
    person: tuple[str | None, int, int] | None = None  # last person in subject position (None: an unnamed one)
    gender: dict[str, str] = field(default_factory=dict)  # entity key -> "m" / "f", from titles and pronouns
    speaker: tuple[str, int] | None = None  # the last named person who spoke, and the paragraph

    passive: bool = False  # the current person is a passive subject ("Okafor was convicted")
    responded: bool = False  # the current person is the subject of a verb of speech ("X rejected the offer")

    def advance(self, pos: int) -> None:
        """Sentence subjects before ``pos`` that come after the current person take the focus."""
        while self.subjects and self.subjects[0][0] < pos:
            at, key, para, passive, responded = self.subjects.pop(0)
            if self.person is None or at > self.person[1]:
                self.person, self.passive, self.responded = (key, at, para), passive, responded


def _resolve(doc: Doc, article: Article, entities: list[Entity], raws: list[Raw], quotes: list[Quote],
             paras: list[int]) -> list[Statement]:
    index = _Mentions(sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[0]))
    out: list[Statement] = []
    focus = _Focus(_person_subjects(doc, index, quotes, paras), gender=_genders(doc, entities, index, quotes))
    seen: set[tuple[int, int]] = set()
    pending: list[int] = []  # statements whose description may name the next sentence's speaker
    for raw in raws:
        if (raw.content.start, raw.content.end) in seen or _overlaps_any(raw.content, out):
            continue
        seen.add((raw.content.start, raw.content.end))
        pos = raw.subject.idx if raw.subject is not None else raw.content.start
        if raw.parts and raw.kind == "indirect":  # "Pretorius, he said, would remain": not the clause's own subject
            pos = min(pos, raw.content.start)
        focus.advance(pos)
        mention, key = _speaker(doc, raw, index, entities, focus)
        if key is None and mention is not None:
            key = _described_before(mention, out) or _it(mention, raw, focus, entities, out, index) \
                or _company_before(mention, raw, out, entities, index) or _army_before(doc, mention, index)
        if raw.needs_speaker and key is None:
            continue
        ent = next((e for e in entities if e.key == key), None)
        if key and ent and ent.type == "Actor":
            focus.person, focus.passive, focus.responded = (key, pos, raw.para), False, False
            focus.speaker = (key, raw.para)
            _bind_pending(doc, out, pending, raw, mention, key, entities)
        elif mention is not None and key is None and raw.subject is not None and _is_unnamed_person(raw.subject):
            # "a senior official ... said": "she" is no longer the last person
            focus.person, focus.passive, focus.responded = (None, pos, raw.para), False, False
            if _is_role_description(mention.text) or not out and _introduces_lede(mention, raw.subject):
                pending.append(len(out))
        elif mention is not None and key is None and _is_role_description(mention.text):
            pending.append(len(out))
        focus.prev = (key, raw.para)
        parts = raw.parts or ((raw.content.start, raw.content.end),)
        about = dict.fromkeys(k for s, e in parts for k in index.inside(s, e) if k != key)
        st = Statement(content=raw.content, kind=raw.kind, speaker_mention=mention, speaker=key,  # type: ignore[arg-type]
                       cue=raw.cue.lemma_.lower() if raw.cue is not None else None,
                       cue_span=_span(doc, raw.cue.idx, raw.cue.idx + len(raw.cue)) if raw.cue is not None else None,
                       about=tuple(about), words=_split_words(index_of(doc).text, raw.parts))
        out.append(_with_medium_and_date(doc, article, st, raw, index, entities))
    return out


def _split_words(text: str, parts: tuple[tuple[int, int], ...]) -> str | None:
    """'"We played well," Guardiola said, "and we deserved it."' -> "We played well ... and we deserved it.":
    the parts of a split quote as annotators join them (the comma that led to the attribution dropped)."""
    if len(parts) < 2:
        return None
    return " ... ".join(re.sub(r",\s*$", "", text[s:e].strip()) if k < len(parts) - 1 else text[s:e].strip()
                        for k, (s, e) in enumerate(parts))


# "the group", "the armed group", "the Iran-backed group", "the organisation": a body of any kind
GENERIC_BODY = re.compile(r"[Tt]he\s+(?:[\w-]+\s+){0,2}(?:group|organi[sz]ation|outfit)")
# Nouns that may qualify such a description without making it another kind of group ("the rebel group"; not
# "the supporters group", "the campaign group")
ARMED_NOUNS = frozenset({"rebel", "militant", "insurgent", "guerrilla", "jihadist", "terror", "terrorist", "militia"})


def _only_says_body(mention: Span, raw: Raw) -> bool:
    """The words between "the" and "group" are adjectives ("the paramilitary group", "the Iran-backed group") or
    armed-group nouns ("the rebel group"), not a noun naming another kind of group ("the supporters group")."""
    anchor = raw.cue if raw.cue is not None else raw.subject
    if anchor is None:
        return False
    words = [t for t in anchor.doc if mention.start <= t.idx < mention.end][1:-1]
    return all(t.pos_ == "ADJ" or "-" in t.text or t.lower_ in ARMED_NOUNS for t in words)


def _it(mention: Span, raw: Raw, focus: _Focus, entities: list[Entity], done: list[Statement],
        index: _Mentions) -> str | None:
    """"…, the agency said in a report. … , it said": "it" is the organization that made the statement just
    before, in this paragraph or the one before, when no other organization was named in between ("Honda
    also announced a recall; it said" is Honda's, or nobody's). So is a description that names no kind of
    body but says only that it is one ("the paramilitary group said", "the organisation said")."""
    if not (mention.text.lower() == "it" or GENERIC_BODY.fullmatch(mention.text) and _only_says_body(mention, raw)) \
            or focus.prev is None or focus.prev[0] is None or raw.para - focus.prev[1] > 1:
        return None
    ent = next((e for e in entities if e.key == focus.prev[0]), None)
    if ent is None or ent.type != "Organization" or not done:
        return None
    # (names inside this statement's own words do not count: "The move follows a probe by the NHTSA, it said")
    end = min(mention.start, raw.content.start)
    return None if _other_org_between(index, done[-1].content.end, end, ent.key) else ent.key


def _other_org_between(index: _Mentions, start: int, end: int, key: str, text: str = "") -> bool:
    """Another organization (or a name the model may have mistyped as a person) named in ``[start, end)``; not one
    named only as the employer of analysts ("Analysts at Barclays were unimpressed. The company said")."""
    return any(e.type != "Place" and e.key != key and not STAFF_AT.search(text, max(0, s - 30), s)
               for s, t, e in index.by_pos if start <= s and t <= end)


_STAFF = "|".join(sorted(STAFF_COMPOUND))  # ("Analysts at Barclays said": they speak for their firm)
STAFF_SAID = re.compile(rf"(?i)(?:an?\s+)?(?:{_STAFF})s?\b")
STAFF_AT = re.compile(rf"\b(?:{_STAFF})s?\s+at\s+(?:the\s+)?$", re.I)


def _described_before(mention: Span, done: list[Statement]) -> str | None:
    """"the spokesperson said" after "A Downing Street spokesperson said": the speaker an earlier
    description with that head noun was resolved to (the latest such statement)."""
    m = re.fullmatch(r"[Tt]he\s+([a-z][\w-]*)", mention.text)
    if m is None or m.group(1) not in lexicon.role_nouns():
        return None
    for st in reversed(done):
        if st.speaker_mention is None or st.speaker_mention.text == mention.text:
            continue
        # the earlier description's head: its last word before for/of/at ("A spokesperson for the Home Office")
        head = re.split(r"\s+(?:for|of|at)\s+", st.speaker_mention.text.lower())[0].split()[-1]
        if head == m.group(1):
            return st.speaker  # the latest such description, even one nobody was found for
    return None


def _company_before(mention: Span, raw: Raw, done: list[Statement], entities: list[Entity],
                    index: _Mentions) -> str | None:
    """"Airbus delivered 766 jets, the European planemaker said. ... The company also said": the organization
    the latest company description ("the planemaker", "the company") was resolved to, when no other
    organization was named since."""
    # ("the European planemaker", "the Sheffield-based company")
    m = re.fullmatch(r"[Tt]he\s+(?:(?:[a-z][\w-]*|[A-Z][\w]*-based)\s+)?([a-z][\w-]*)", mention.text)
    if m is None or m.group(1) not in lexicon.company_words():
        return None
    # the latest company that spoke: described as one ("the European planemaker"), or named by a brand, not by
    # another kind of body ("Norland Steel", not "the Ministry of Health" or "the Transport Union")
    orgs = {e.key: e for e in entities if e.type == "Organization"}
    st = next((st for st in reversed(done) if st.speaker in orgs and st.speaker_mention is not None
               and not STAFF_SAID.match(st.speaker_mention.text)  # ("Analysts at Jefferies said": not the company)
               and (st.speaker_mention.text.lower().split()[-1] in lexicon.company_words()
                    or orgs[st.speaker].name.lower().split()[-1] not in lexicon.org_heads())), None)
    end = min(mention.start, raw.content.start)
    text = index_of(raw.cue.doc).text if raw.cue is not None else ""
    if st is None or st.speaker is None or _other_org_between(index, st.content.end, end, st.speaker, text):
        return None
    return st.speaker


# "the army", "the military": a country's armed forces, by the names armies take
ARMY_DESCRIPTION = re.compile(r"[Tt]he\s+(?:army|military|armed\s+forces)")
ARMY_NAME = re.compile(r"\b(?:Army|Military|Armed\s+Forces|Defen[cs]e\s+Forces?)\b")


def _army_before(doc: Doc, mention: Span, index: _Mentions) -> str | None:
    """"The Ethiopian National Defence Force said ... The army said": the armed forces the article named last before
    the description, within a few paragraphs, by a name that says it is a country's army ("Ethiopian National Defence
    Force", "Sudanese Armed Forces", "Pakistan Army"; not a rebel army such as the "Free Syrian Army", which "the
    army" of a report on it is not)."""
    if not ARMY_DESCRIPTION.fullmatch(mention.text):
        return None
    for s, _, e in reversed(index.by_pos):
        if s >= mention.start:
            continue
        if mention.start - s > TITLED_BEFORE or e.type == "Place":
            return None  # (a place named since: "The Russian Armed Forces said ... In Kyiv, the military said")
        words = e.name.split()
        if e.type == "Organization" and ARMY_NAME.search(e.name) \
                and words[words[0].lower() == "the"] in lexicon.places():
            # (nor a place the model found there that kg keeps no entity for, nor one the sentence opens in)
            ix = index_of(doc)
            opening = ix.text[ix.token_at(mention.start).sent.start_char:mention.start]
            return None if any(x.label_ in ("GPE", "LOC") and s < x.start_char < mention.start
                               and x.text not in e.name for x in index_of(doc).ents) \
                or re.match(r"\s*In\s+[A-Z]", opening) else e.key
    return None


def _person_subjects(doc: Doc, index: _Mentions, quotes: list[Quote],
                     paras: list[int]) -> list[tuple[int, str, int, bool, bool]]:
    """People named as the subject of a sentence's main verb, outside quotations ("Gallacher visited ...")."""
    out = []
    for sent in index_of(doc).sents:
        subj = _own_subject(sent.root)
        if subj is None:  # "Silva, making her first start, was outstanding" parsed with Silva the participle's
            subj = next((s for c in sent.root.children if c.dep_ == "advcl" and c.i < sent.root.i
                         for s in [_own_subject(c)] if s is not None and s.i < c.i
                         and all(t.is_space or t.is_punct for t in doc[sent.start:s.left_edge.i])), None)
        if subj is None or _in_quote(quotes, subj.idx):
            continue
        hit = _named_subject(subj, index)
        if hit is None:  # "Sinha's deputy, Kavita Mandal, was blunter": the name set beside the subject
            appos = next((c for c in subj.children if c.dep_ == "appos" and c.i > subj.i), None)
            hit = index.span_at(appos.idx) if appos is not None else None
        if hit is None and any(c.lower_ == "the" for c in subj.children) and _is_title_head(subj.lower_):
            # "The judge president was unconvinced": the one person named before with that title
            titled = {e.key: (s, t, e) for s, t, e in index.by_pos if s < subj.idx and e.type == "Actor"
                      and any(title.split()[-1] == subj.lower_ for title in e.titles)}
            hit = next(iter(titled.values())) if len(titled) == 1 else None
        if hit is not None and hit[2].type == "Actor":
            out.append((subj.idx, hit[2].key, _para_of(paras, subj.idx), subj.dep_ == "nsubjpass",
                        _responds(subj.head)))
    return out


# Verbs by which a person answers or addresses others without a clause of what they said.
RESPONSE_VERBS = frozenset({"reject", "dismiss", "respond", "reply", "criticise", "criticize", "condemn", "vow",
                            "address", "speak"})


def _responds(verb: Token) -> bool:
    """"X rejected that condition", "X spoke to reporters", "X ... in a speech": a verb of speech, by whom a quote
    in the next paragraph may be said."""
    lemma = verb.lemma_.lower()
    return lemma in lexicon.cue_verbs() or lemma in RESPONSE_VERBS or any(
        p.dep_ == "prep" and p.lower_ == "in" and o.lower_ in SPOKEN_DOCUMENTS | DOCUMENTS | {"speech", "briefing"}
        for p in verb.children for o in p.children if o.dep_ == "pobj")


def _genders(doc: Doc, entities: list[Entity], index: _Mentions, quotes: list[Quote]) -> dict[str, str]:
    """Gender from a title ("Ms X", "spokesman X") or from the possessive and object pronouns of a sentence
    about one person only ("Tom Hughes said his party ..."); a person with evidence both ways gets none."""
    found: dict[str, set[str]] = {}
    for e in entities:
        found[e.key] = {GENDERED[t.split()[-1]] for t in e.titles if t.split() and t.split()[-1] in GENDERED}
    people = [(s, e) for s, _, e in index.by_pos if e.type == "Actor"]
    for sent in index_of(doc).sents:
        inside = {e.key for s, e in people if sent.start_char <= s < sent.end_char}
        if len(inside) != 1:
            continue
        first = min(s for s, e in people if sent.start_char <= s < sent.end_char)
        for t in sent:
            g = OBJECT_PRONOUNS.get(t.lower_)
            if g and t.idx > first and _in_quote(quotes, t.idx) is None:
                found[next(iter(inside))].add(g)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


def _is_unnamed_person(subj: Token) -> bool:
    """A singular description of a person: "the registrar", "one resident", "a senior official"."""
    return subj.tag_ == "NN" and subj.lower_ not in lexicon.org_heads() and subj.lower_ not in DOCUMENTS \
        and lexicon.institutions().get(subj.lower_) is None


def _overlaps_any(content: Span, done: list[Statement]) -> bool:
    return any(s.content.start < content.end and content.start < s.content.end for s in done)


def _speaker(doc: Doc, raw: Raw, index: _Mentions, entities: list[Entity],
             focus: _Focus) -> tuple[Span | None, str | None]:
    if raw.continues:
        if focus.prev and raw.para - focus.prev[1] <= CONTINUE_PARAGRAPHS:
            return None, focus.prev[0]
        return None, None
    subj = raw.subject
    if subj is None:
        return None, None
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl" and subj.head.head.i < subj.i:
        subj = subj.head.head  # "Fernando Moura, who told investigators that ...": the antecedent speaks
    hit = _named_subject(subj, index)
    written = index_of(doc).text[hit[0]:hit[1]] if hit is not None else ""
    if hit is not None and hit[2].type == "Place" and written not in (hit[2].name, *hit[2].aliases) \
            and any(c.lower_ == "the" for c in subj.children):
        mention = _description(doc, subj)  # "the Spaniard said": a person of that country, not the country
        ages = _ages_if_described(doc, mention, index)
        if ages.get("") is not None:
            return mention, ages[""]
        found = _resolve_description(doc, mention, subj, index, entities)
        if found is None and _describes_person(doc, mention, subj, entities):
            found = _in_focus(raw, focus, subj.lower_, entities, mention.text)
        return mention, None if found in ages else found
    if hit is not None:
        return _span(doc, hit[0], hit[1]), _government_of(hit[2], entities)
    named = _named_in_description(subj, index) or _organ_of(subj, index)
    if named is not None:  # (unless the description's own name is apposed: "The Premier League's referees' body,
        mention = _description(doc, subj)  # PGMOL, said")
        return mention, _apposed_name(doc, subj, mention, raw.cue, index) or named
    if subj.lower_ in PRONOUNS or subj.lower_ in ("him", "her") and subj.dep_ == "dobj" \
            and subj.head.lemma_.lower() == "quote":  # ("the statement quoted him as saying")
        mention = _span(doc, subj.idx, subj.idx + len(subj))
        return mention, _pronoun(subj, raw, focus)
    mention = _description(doc, subj)
    apposed = _apposed_name(doc, subj, mention, raw.cue, index)
    if apposed is not None:
        return mention, apposed
    source = _document_source(subj, index) or _spokesperson_of(doc, subj, index, entities) or _staff_of(subj, index) \
        or _service_named(subj, entities)
    if source is not None:
        return mention, source
    ages = _ages_if_described(doc, mention, index)
    if ages.get("") is not None:
        return mention, ages[""]
    found = _resolve_description(doc, mention, subj, index, entities)
    if found is None and _describes_person(doc, mention, subj, entities) and not _introduces_name(doc, subj, mention):
        found = _in_focus(raw, focus, subj.lower_, entities, mention.text) \
            or _titled_before(mention, subj.lower_, index)
    return mention, None if found in ages else found


def _government_of(ent: Entity, entities: list[Entity]) -> str:
    """"Russia and Ukraine held talks ... Moscow said": a capital that speaks is its country's government, when the
    article names the country (kg/data/capitals.tsv); any other speaker is itself."""
    country = lexicon.capitals().get(ent.name) if ent.type == "Place" else None
    return next((e.key for e in entities if country and e.name == country and e.type in ("Place", "Organization")),
                ent.key)


def _named_subject(subj: Token, index: _Mentions) -> tuple[int, int, Entity] | None:
    """The mention a subject token falls in; for a post-nominal after a person's name ("Alexandra Penrose KC told the
    jury", "Jane Doe MP said": a word in capitals the parser made the head), the name's."""
    hit = index.span_at(subj.idx)
    if hit is None and subj.i > 0 and subj.text.isupper() and subj.text.isalpha() and 2 <= len(subj.text) <= 4:
        prev = subj.doc[subj.i - 1]
        hit = index.span_at(prev.idx)
        if hit is None or hit[2].type != "Actor" or hit[1] != prev.idx + len(prev) or prev.head.i != subj.i:
            return None
    if hit is None:
        # "Jang Min-kyu, director of X, said", parsed with the title as the subject and the name as its modifier
        for c in subj.children:
            person = index.span_at(c.idx) if c.dep_ == "nmod" and c.i < subj.i else None
            if person is not None and person[2].type == "Actor" \
                    and index_of(subj.doc).text[person[1]:person[1] + 1] == ",":
                return person
    if hit is not None and hit[2].type == "Organization":
        # "Rodrigo Alcántara Vélez of Lima consultancy Macroandina said", parsed with the body as the subject
        # and the person as its modifier: the person speaks
        for c in subj.children:
            person = index.span_at(c.idx) if c.dep_ in ("nmod", "compound") and c.i < subj.i else None
            if person is not None and person[2].type == "Actor" \
                    and any(t.lower_ == "of" and t.head.i == c.i for t in c.children):
                return person
    return hit


def _ages_if_described(doc: Doc, mention: Span, index: _Mentions) -> dict[str, str | None]:
    """For a description by age ("the 61-year-old said"): under "" the one person the article gives that age
    ("Hallworth, 61, denies ..."), and as keys the people it gives another age (whom the description is not)."""
    age = _age_described(mention.text)
    if age is None:
        return {}
    if index.ages is None:
        index.ages = _ages(doc, index)
    ages = index.ages
    same = [k for k, a in ages.items() if a == age]
    out: dict[str, str | None] = {k: None for k, a in ages.items() if a != age}
    out[""] = same[0] if len(same) == 1 else None
    return out


# A person's age as news gives it beside the name: "Hallworth, 61, of Weybridge", "Kazmi, aged 54,", "X, a
# 61-year-old ...", and before it: "61-year-old Jan Berg", "the 61-year-old former minister Jan Berg" (words that
# describe the person, not "the 44-year-old mother of X", "a 19-year-old was arrested by X"). Not "McIlroy (67)": a
# score or a minute.
AGE_AFTER = re.compile(r"\s*(?:,\s*(?:aged\s+)?(\d{1,3})\s*,|,\s+(?:a|an|the)\s+(\d{1,3})-year-old\b)")
AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:(?!(?:of|by|for|to|with|from|at|in|on|and|or|was|is|were|who|"
                        r"that|the|a|an|his|her|their)\s)[a-z][\w-]*\s+){0,3}$")
AGE_DESCRIBED = re.compile(r"\b(\d{1,3})-year-old\b")


def _age_described(text: str) -> int | None:
    m = AGE_DESCRIBED.search(text)
    return int(m.group(1)) if m else None


def _ages(doc: Doc, index: _Mentions) -> dict[str, int]:
    """The age the article gives each person beside a mention of their name; a person given two ages gets none."""
    text = index_of(doc).text
    found: dict[str, set[int]] = {}
    for s, t, e in index.by_pos:
        if e.type != "Actor":
            continue
        after = AGE_AFTER.match(text, t, min(len(text), t + 24))
        before = AGE_BEFORE.search(text, max(0, s - 60), s)
        for m in (after, before):
            value = next((int(g) for g in m.groups() if g), None) if m else None
            if value is not None and 10 <= value <= 110:
                found.setdefault(e.key, set()).add(value)
    return {k: v.pop() for k, v in found.items() if len(v) == 1}


# How far back "the 51-year-old cleric" may find the person titled so (characters: a few paragraphs of news).
TITLED_BEFORE = 1500


def _titled_before(mention: Span, head: str, index: _Mentions) -> str | None:
    """"the 51-year-old cleric" after "the Shiite cleric Moqtada al-Sadr", "the 58-year-old justice" after "Justice
    Howard Pruitt" (the last of two justices): the nearest person named before whom the article gives the title
    the description ends in. Not a spokesperson ("the spokesman said" is often someone not named yet)."""
    if not _is_title_head(head) or head in UNNAMED_ROLES or lexicon.role_nouns().get(head) == "spokespersonOf" \
            or re.search(r"(?:’s|'s)\s", mention.text):
        return None  # ("the council's solicitor": someone of the council, not the solicitor named before)
    aged = _aged_description(mention.text)
    for s, _, e in reversed(index.by_pos):
        if s >= mention.start:
            continue
        if mention.start - s > TITLED_BEFORE:
            return None
        if e.type == "Actor" and any(_same_title(t, head, aged) for t in e.titles):
            return e.key
    return None


def _aged_description(text: str) -> bool:
    """"the 62-year-old farmer leader": a description by age, of someone the article named before."""
    return _age_described(text) is not None


def _describes_person(doc: Doc, mention: Span, subj: Token, entities: list[Entity]) -> bool:
    """A definite description of a person that no one else in the article answers to: "the French
    midfielder" (when the article gave no one that nationality), "the chief executive", "the 47-year-old"."""
    # ("the 69-year-old diplomat"; not "the 175-year-old company"; but "the 63-year-old property developer, who")
    who = any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in subj.children)
    if _is_age(subj) or any(_is_age(c) for c in subj.children) and (subj.lower_ not in _body_nouns() or who):
        return mention.text[:4].lower() == "the "
    if not any(c.lower_ == "the" for c in subj.children) \
            or subj.tag_ not in ("NN", "NNP", "JJ") and not _is_title_head(subj.lower_) \
            or any(c.dep_ == "prep" or c.dep_ == "appos" and _names_someone(c) for c in subj.children):
        return False  # "the spokesman for the political bureau of X": someone of X, not the one in focus
    head = subj.lower_  # (an apposed description is no obstacle: "The governor, a 58-year-old economist, added")
    if head in ANONYMOUS_ROLES or lexicon.role_nouns().get(head) == "spokespersonOf" \
            or head in UNNAMED_ROLES and _unnamed_before(subj):
        return False  # "the spokesman said", "the official said": usually someone not named yet
    nation = _nationality_of_description(doc, mention)
    if nation is not None and any(place == nation[0] for _, place, _, _ in _nationals(doc, entities)):
        return False  # several people of that country ("the Frenchman"): _resolve_description's call
    # ("the French midfielder", "the Spaniard", "the nun", "the Cork native"; not "the Israeli military", a body)
    return _is_title_head(head) or head in FOCUS_PERSON_NOUNS and not _unnamed_before(subj) or (
        nation is not None and (nation[1] is not None and (_is_title_head(nation[1]) or nation[1] in
                                                           lexicon.person_nouns()) or _demonym(subj.text)))


def _names_someone(appos: Token) -> bool:
    """An apposition that is a name ("the chief minister, Ramesh Sinha,"), not a description ("the governor, a
    58-year-old economist,")."""
    return appos.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in appos.children)


def _unnamed_before(subj: Token) -> bool:
    """Whether the article brought in someone unnamed with this head noun before: "an analyst at Jefferies said
    ... the analyst said", "Two women were hurt ... the woman said" (not "Tan, an analyst at X," nor "analysts"
    as in "Tan and other analysts": one named)."""
    for t in subj.doc[:subj.i]:
        if t.lemma_.lower() != subj.lower_ or t.pos_ != "NOUN" or t.dep_ == "appos" \
                or any(c.dep_ == "appos" for c in t.children):
            continue
        if t.tag_ == "NNS" or any(c.lower_ in ("a", "an", "another", "one") for c in t.children):
            return True
    return False


def _demonym(word: str) -> bool:
    """A word for a person of a country ("Spaniard", "Briton", "Australian", "Frenchman"), not the country
    ("US"), by its ending or its mark in the places file ("Serb"); only asked of a word the places file
    lists, after "the"."""
    return word.lower().endswith(lexicon.PERSON_ENDINGS) or word in lexicon.person_demonyms()


def _introduces_name(doc: Doc, subj: Token, mention: Span) -> bool:
    """"The outgoing chief minister, Ramesh Prasad Sinha, said": the description brings its own name."""
    if any(c.dep_ == "appos" and _names_someone(c) for c in subj.children):
        return True  # (not an apposed description: "The governor, a 58-year-old economist, added")
    return re.match(r"\s*,\s*[A-Z]", index_of(doc).text[mention.end:mention.end + 4]) is not None


def _in_focus(raw: Raw, focus: _Focus, head: str, entities: list[Entity], mention_text: str = "") -> str | None:
    """The named person the text is about (the last one in subject position), when in this paragraph
    or the one before: the person a description with no other referent ("the French midfielder
    said") goes on about, as news prose varies how it names a person it has just introduced.

    Not someone things were done to ("Okafor was convicted. '...,' the judge said"), nor, for a leader's
    title, someone the article titles otherwise ("striker Marcus Rashford ... the manager said")."""
    if focus.person is None or focus.person[0] is None or raw.para - focus.person[2] > 1 or focus.passive:
        return None
    ent = next((e for e in entities if e.key == focus.person[0]), None)
    if ent is not None and head in UNNAMED_ROLES and not any(t.lower().split()[-1] in RESEARCH_TITLES
                                                             for t in ent.titles):
        return None  # ("Acme chief executive Tom Price ... the analyst said": someone else)
    if ent is not None and _is_title_head(head) and not any(_same_title(t, head) for t in ent.titles) \
            and not re.search(r"\s[A-Z]", mention_text) \
            and any(_same_title(t, head) for e in entities if e.key != ent.key and _named_before(e, raw)
                    for t in e.titles):
        return None  # ("Justices Ellery and Pruitt ... Castellano conceded; the 58-year-old justice said": not him)
    if ent is not None and ent.titles and lexicon.role_nouns().get(head) == "leaderOf" \
            and not any(_same_title(t, head, _aged_description(mention_text)) for t in ent.titles) \
            and not (FORMER.search(mention_text) and _aged_description(mention_text)):
        # (a past office, by age: "General X ... the 58-year-old former army commander said"; a pundit's "the former
        # Villa manager said" after "striker X scored" is someone else)
        return None  # ("striker Marcus Rashford scored twice ... the manager said": someone else leads;
    return focus.person[0]  # "manager Sean Dyche ... the Everton boss said": another word for the same title)


FORMER = re.compile(rf"(?i)\b(?:{'|'.join(sorted(lexicon.PAST_WORDS))})\b")  # ("the former X", "an ex-minister")
def _named_before(ent: Entity, raw: Raw) -> bool:
    """Whether the article names ``ent`` before the statement (a description cannot refer to someone named later)."""
    at = raw.subject.idx if raw.subject is not None else raw.content.start
    return any(m.start < at for m in ent.mentions)


# Words news uses for one and the same title ("manager Sean Dyche ... the Everton boss").
SAME_TITLES = (frozenset({"manager", "boss", "coach", "head coach"}),
               frozenset({"chief executive", "executive", "boss", "ceo", "chief executive officer"}))


def _same_title(title: str, head: str, aged: bool = False) -> bool:
    """The article's title for a person and a description's head noun name the same title. "Leader" is any title
    that leads only in a description by age ("the 62-year-old farmer leader"), which names someone named before;
    "the Conservative leader", "the union leader" are someone else."""
    t = title.lower()
    if aged and head == "leader" and lexicon.role_nouns().get(t) == "leaderOf":
        return True  # "the 62-year-old farmer leader" for "KRRS president Nagappa Hosur": any title that leads
    return t.split()[-1] == head or any(t in group and head in group for group in SAME_TITLES)


def _pronoun(subj: Token, raw: Raw, focus: _Focus) -> str | None:
    """"he", "she": the last person in subject position, when near and of no other gender.

    When another person was mentioned after the last speaker, the pronoun goes to whichever of the
    two is known to have its gender; if neither or both are, it is ambiguous and stays unresolved.
    """
    if focus.person is None or focus.person[0] is None or raw.para - focus.person[2] > CONTINUE_PARAGRAPHS + 1:
        return None
    key = focus.person[0]
    gender = "m" if subj.lower_ in ("he", "him") else "f"
    last = focus.speaker[0] if focus.speaker and raw.para - focus.speaker[1] <= CONTINUE_PARAGRAPHS + 1 else None
    if focus.person[2] == raw.para and (focus.speaker is None or focus.speaker[1] < raw.para):
        last = None  # the paragraph's own subject ("Rivero shrugged. '...,' he said"), not an earlier speaker
    if last is not None and last != key:
        fits = [k for k in (key, last) if focus.gender.get(k) == gender]
        unknown = [k for k in (key, last) if k not in focus.gender]
        if fits == [last] and unknown == [key] and (focus.person[2] == raw.para or focus.responded
                                                    and focus.person[2] == raw.para - 1):
            pass  # ("Peter Jones urged residents to stay away. “…,” he said": the one just introduced in the
            # quote's own paragraph, of no known gender, not the earlier speaker whose "he" is known; or in the
            # paragraph before, by a verb of speech: "Musa rejected that condition in a speech. / “…,” he said")
        elif len(fits) == 1:
            return fits[0]
        elif not fits and len(unknown) == 1:
            key = unknown[0]
        else:
            return None
    if focus.gender.setdefault(key, gender) != gender:
        return None
    return key


def _apposed_name(doc: Doc, subj: Token, mention: Span, cue: Token | None, index: _Mentions) -> str | None:
    """"Its policy director, Sarah Lindqvist, said": the name set beside the description."""
    for c in subj.children:
        hit = index.span_at(c.idx) if c.dep_ == "appos" and c.i > subj.i else None
        if hit is None and c.dep_ == "appos" and c.i > subj.i and c.pos_ == "PROPN":
            # "His barrister, Rafael Okonkwo SC,": the name before its letters; "the junta chief, Senior General Than
            # Myint Oo,": the name after the titles the parser made the head
            # (not a name inside its prepositions: "The 58-year-old, a three-time MLA from Udupi,")
            hit = next((h for t in c.subtree for h in [index.span_at(t.idx)]
                        if h and not _under_preposition(t, c)), None)
        if hit is None and c.dep_ == "appos" and c.i > subj.i and c.pos_ == "NOUN":
            # "Another passenger, retired teacher Gérard Pichon,": the name apposed to the apposed description
            hit = next((h for a in c.children if a.dep_ == "appos" for h in [index.span_at(a.idx)] if h), None)
        if hit is not None and hit[2].type in ("Actor", "Organization"):
            return hit[2].key
    text = index_of(doc).text
    # (the name after an honorific: "The WHO's representative in Malawi, Dr Ousmane Diallo, said")
    m = re.match(r"\s*,\s*" + lexicon.NAME_PREFIX, text[mention.end:])
    hit = index.span_at(mention.end + m.end()) if m else None
    if hit is None or hit[0] != mention.end + m.end() or hit[2].type == "Place":  # type: ignore[union-attr]
        return None
    close = re.match(r"\s*,\s*", text[hit[1]:])
    if close and cue is not None and cue.idx == hit[1] + close.end():
        return hit[2].key
    return None


def _under_preposition(t: Token, top: Token) -> bool:
    """Whether ``t`` hangs on a preposition below ``top`` (a lower-case one: not the "Than" of "Than Myint Oo")."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.text.islower():
            return True
        t = t.head
    return False


def _document_source(subj: Token, index: _Mentions) -> str | None:
    """"a statement from the Home Office", "an editorial in the Global Times": who issued the document."""
    if subj.lower_ not in DOCUMENTS:
        return None
    makers = ("from", "by", "in") if subj.lower_ in SURVEYS else ("from", "by", "in", "of")
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in makers:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = [e for s, t, e in index.by_pos
                             if obj.left_edge.idx <= s and t <= obj.right_edge.idx + len(obj.right_edge)]
                    found = [e for e in found if e.type != "Place"]
                    if found:
                        return found[-1].key
    return None


def _spokesperson_of(doc: Doc, subj: Token, index: _Mentions, entities: list[Entity]) -> str | None:
    """"a spokesperson for X", "a CalMac spokeswoman", "a department spokesperson": an unnamed voice of X.

    Only an indefinite one: "the spokesman for X" is a person the article may name next.
    """
    if lexicon.role_nouns().get(subj.lower_) != "spokespersonOf":
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        return None
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            hits = [e for s, t, e in index.by_pos
                    if obj.left_edge.idx <= s and t <= obj.right_edge.idx + len(obj.right_edge) and e.type != "Place"]
            if hits:
                return hits[-1].key
            return _org_by_noun(doc, obj.lower_, obj.idx, index, entities)
    for c in subj.children:
        if c.dep_ in ("compound", "nmod") and c.i < subj.i:
            hit = index.span_at(c.idx)
            if hit is not None and hit[2].type != "Place":
                return hit[2].key
            if hit is None and c.pos_ == "NOUN":
                return _org_by_noun(doc, c.lower_, c.idx, index, entities) or _org_nearby(subj, c.lower_, index)
    return None


def _staff_of(subj: Token, index: _Mentions) -> str | None:
    """"Analysts at Peel Hunt said", "Jefferies analysts said", "observers from the Organization of American
    States said", "an economist at X said": unnamed staff speak for the organization they are of. Not a
    definite singular ("the analyst"), who may be named next."""
    if subj.lemma_.lower() not in STAFF_NOUNS:
        return None
    if subj.tag_ != "NNS" and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children):
        return None
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "from"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            # the object's own name ("at the consultancy Wood Mackenzie"), not one inside a clause on it
            named = [obj, *(a for a in obj.children if a.dep_ in ("appos", "compound"))] if obj is not None else []
            hit = next((h for t in named for h in [index.span_at(t.idx)] if h and h[2].type == "Organization"), None)
            if hit is not None:
                return hit[2].key
        elif c.dep_ in ("compound", "nmod") and c.i < subj.i and subj.lemma_.lower() in STAFF_COMPOUND:
            hit = index.span_at(c.idx)  # "Jefferies analysts" (not "Kremlin observers": the topic)
            if hit is not None and hit[2].type == "Organization":
                return hit[2].key
    return None


# The people of a public service who speak for it, by the word its name is built on ("Prosecutors told the court"
# after "the Seoul Central District Prosecutors' Office"; "Police said" after "the Eastbrook Police Department").
SERVICE_PEOPLE = frozenset({"police", "prosecutors", "investigators", "regulators", "inspectors", "auditors"})


def _service_named(subj: Token, entities: list[Entity]) -> str | None:
    """The article's one organization whose name holds the bare plural subject of a service (see SERVICE_PEOPLE)."""
    word = subj.lower_
    if word not in SERVICE_PEOPLE or any(c.dep_ in ("det", "poss", "compound", "amod", "nmod") for c in subj.children):
        return None
    bodies = {e.key for e in entities if e.type == "Organization" and any(
        word in re.findall(r"[a-z]+", n.lower()) for n in (e.name, *e.aliases))}
    return bodies.pop() if len(bodies) == 1 else None


def _org_nearby(subj: Token, noun: str, index: _Mentions) -> str | None:
    """"Lufthansa called the strike unnecessary. ... a company spokeswoman said": when no organization is
    known to be a ``noun``, the one organization named in this sentence before the speaker or, failing that,
    in the sentence before, unless its name says it is another kind of body (a union for a company); a noun
    for what a body does ("the regulator") fits a body of any name."""
    if noun not in lexicon.company_words() and noun not in lexicon.org_heads():
        return None
    sent = subj.sent
    windows = [(sent.start_char, subj.idx)]
    if sent.start > 0:
        prev = subj.doc[sent.start - 1].sent
        windows.append((prev.start_char, prev.end_char))
    company = noun in lexicon.company_words()
    function = noun in lexicon.function_heads()  # ("The Central Bank of Ireland fined X. The regulator said")
    for start, end in windows:
        found = {e.key for s, t, e in index.by_pos if start <= s and t <= end and e.type == "Organization"
                 and _is_subject_at(subj.doc, s, t)
                 and (e.name.lower().split()[-1] == noun
                      # (a body named as an institution: "the Central Bank of Ireland", not "Boeing" or "Meta")
                      or function and lexicon.name_head(e.name.lower().split()) in lexicon.org_heads()
                      or company and e.name.lower().split()[-1] not in lexicon.org_heads())}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _is_subject_at(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is (the head of) a clause's subject ("Lufthansa called", not
    "reported by Reuters")."""
    ix = index_of(doc)
    tok = ix.tokens[max(0, ix.token_at_or_after(end) - 1)]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    # ("The Central Bank of Ireland has fined": the name's head is "Bank", not its last word)
    first = ix.token_at_or_after(start)
    while tok.head.i != tok.i and first <= tok.head.i and tok.head.idx < end:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def _named_in_description(subj: Token, index: _Mentions) -> str | None:
    """"Iraq's X resistance movement", "the Iraqi government": a description built on a name."""
    head = subj.lower_
    if head in lexicon.role_nouns() or subj.left_edge.i == subj.i:
        return None
    text = index_of(subj.doc).text
    # (not the body that backs or runs it: "the Hamas-run health ministry", "Iran-backed militias")
    found = [(s, e) for s, t, e in index.by_pos if subj.left_edge.idx <= s and t <= subj.idx
             and not AFFILIATED.match(text, t)]
    if head in lexicon.org_heads():
        orgs = [e for _, e in found if e.type != "Place"]
        return orgs[-1].key if orgs else None
    if lexicon.institutions().get(head) == "place":
        places = [e for _, e in found if e.type == "Place"]
        return places[-1].key if len(places) == 1 else None
    return None


ORGANS = frozenset({"board", "management", "leadership", "secretariat", "presidency", "bureau"})


def _organ_of(subj: Token, index: _Mentions) -> str | None:
    """"The board of the Central Reserve Bank of Peru said": a body's own organ speaks for the body."""
    if subj.lower_ not in ORGANS:
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                hit = index.span_at(obj.idx) if obj.dep_ == "pobj" else None
                if hit is not None and hit[2].type == "Organization":
                    return hit[2].key
    return None


def _description(doc: Doc, subj: Token) -> Span:
    """The speaker as written: the subject's phrase up to the first comma or relative clause."""
    toks = []
    if _is_age(subj) and subj.left_edge.i > 0 and subj.doc[subj.left_edge.i - 1].dep_ == "det" \
            and subj.doc[subj.left_edge.i - 1].head.i == subj.head.i:
        toks = [subj.doc[subj.left_edge.i - 1]]  # "the" of "the 47-year-old said", hung on the verb
    for t in subj.subtree:
        if t.i > subj.i and (t.text in ",(" or t.dep_ in ("relcl", "appos")):
            break
        toks.append(t)
    return _span(doc, toks[0].idx, toks[-1].idx + len(toks[-1]))


def _resolve_description(doc: Doc, mention: Span, subj: Token, index: _Mentions, entities: list[Entity]) -> str | None:
    """"The spokesman", "the judge" -> the one person the article titles so; "the ministry" -> the one ministry.

    "The club's manager" is read as "the manager"; "the French midfielder", "the Ghana international",
    "the Spaniard" -> the one person the article gave that nationality (see :func:`_nationals`).
    """
    definite = any(c.lower_ == "the" for c in subj.children) or any(
        c.dep_ == "poss" and c.pos_ == "NOUN" and any(d.lower_ == "the" for d in c.children) for c in subj.children)
    if not definite:
        return None
    nation = _nationality_of_description(doc, mention)
    if nation is not None:
        found = {k for k, place, word, pos in _nationals(doc, entities) if place == nation[0] and pos < mention.start
                 and (nation[1] is None or word == nation[1] or any(
                     t.split()[-1] == nation[1] for e in entities if e.key == k for t in e.titles))}
        return found.pop() if len(found) == 1 else None
    head = subj.lower_
    if _is_title_head(head):
        cands = [e for e in entities if e.type == "Actor" and any(t.split()[-1] == head for t in e.titles)]
        cands = [e for e in cands if any(m.start < mention.start for m in e.mentions)]
        owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
                      and c.lower_ not in _body_nouns()), None)  # ("the club's manager": any club's)
        if owner is not None:  # "the rebels' chief negotiator" is not "the government's chief negotiator, X"
            text = index_of(doc).text
            cands = [e for e in cands if any(owner.lower_ in text[max(0, m.start - 50):m.start].lower()
                                             or owner.lower_ in text[m.end:m.end + 50].lower() for m in e.mentions)]
        keys = {e.key for e in cands}
        return keys.pop() if len(keys) == 1 else None
    # "Apple said it would appeal. "…," the company said": no company known by its name, the one just speaking
    return _org_by_noun(doc, head, mention.start, index, entities) or _org_nearby(subj, head, index) \
        or _described_so(doc, head, mention.start, index)


def _described_so(doc: Doc, head: str, before: int, index: _Mentions) -> str | None:
    """"Ibrahim Abakar, a 52-year-old cattle trader, ... / "…," the trader said": the one person the article
    described with that noun in an apposition to their name before."""
    text = index_of(doc).text
    described = re.compile(rf",\s+(?:a|an|the|another)\s+(?:[\w’'-]+\s+){{0,4}}?{re.escape(head)}\b")
    keys = {e.key for s, t, e in index.by_pos if t <= before and e.type == "Actor" and described.match(text, t)}
    return keys.pop() if len(keys) == 1 else None


@lru_cache(maxsize=1)
def _body_nouns() -> frozenset[str]:
    """Head nouns of bodies and companies: what an age before them describes is no person."""
    return lexicon.org_heads() | lexicon.company_words() | frozenset(AGED_BODIES)


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """Role nouns, person titles and their last words ("minister" for "foreign minister")."""
    titles = set(lexicon.role_nouns()) | lexicon.person_titles()
    return frozenset(titles | {t.split()[-1] for t in titles})


def _is_title_head(head: str) -> bool:
    """Whether a description's head noun is a person's title: "the spokesman", "the French midfielder"."""
    return head in _title_heads()


def _nationality_of_description(doc: Doc, mention: Span) -> tuple[str, str | None] | None:
    """"the French midfielder" -> (France, "midfielder"); "the Spaniard" -> (Spain, None)."""
    m = re.fullmatch(r"[Tt]he\s+([A-Z][\w-]*)(?:\s+([a-z][\w-]*))?", mention.text)
    if m is None or m.group(1) not in lexicon.places():
        return None
    return lexicon.places()[m.group(1)], m.group(2)


def _nationals(doc: Doc, entities: list[Entity]) -> list[tuple[str, str, str | None, int]]:
    """People the article gives a nationality: (key, place, the noun after it, position).

    "French midfielder Paul Dumas", "the Spanish coach Luis Rivero" (before the name) and
    "Kwame Mensah, a Ghana international," or "Rivero, the Spaniard," (apposed after it).
    """
    text = index_of(doc).text
    places = lexicon.places()
    out = []
    for e in entities:
        if e.type != "Actor":
            continue
        for m in e.mentions:
            before = re.search(r"([A-Z][\w-]*)\s+((?:[a-z][\w-]*\s+){0,2})$", text[max(0, m.start - 60):m.start])
            if before and before.group(1) in places and before.group(2).strip():
                out.append((e.key, places[before.group(1)], before.group(2).split()[-1], m.start))
            after = re.match(r"^,\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+)?([A-Z][\w-]*)(?:\s+([a-z][\w-]*))?",
                             text[m.end:m.end + 60])
            if after and after.group(1) in places:
                out.append((e.key, places[after.group(1)], after.group(2), m.start))
    return out


CLUB_NOUNS = ("club", "team", "side")


def _org_by_noun(doc: Doc, head: str, before: int, index: _Mentions, entities: list[Entity]) -> str | None:
    """"the ministry", "the department", "the company": the one organization of that kind named before."""
    if head not in lexicon.org_heads() and head not in lexicon.company_words():
        return None
    named = {e.key for s, _, e in index.by_pos if s < before and e.type == "Organization"}
    # (by the name's own head first: "the club" after "the Rotary Club" and "Bayside United's academy" is the former)
    # (for clubs by the name alone: "English club Northgate City", a club the story mentions, is not thereby the club
    # the story is about)
    strict = {e.key for e in entities if e.key in named and _org_kind(e, head, loose=False)
              and not (head in CLUB_NOUNS and head not in e.name.lower().split())}
    cands = strict or {e.key for e in entities if e.key in named and _org_kind(e, head)}
    if len(cands) > 1 and head in CLUB_NOUNS:  # several clubs: the one the article is about, the first
        # in subject position ("Bayside United have sacked their coach ... Coral Coast wished him well. The club said")
        subjects = [(s, e.key) for s, t, e in index.by_pos if e.key in cands and s < before
                    and _is_subject_at(doc, s, t)]
        return min(subjects)[1] if subjects else None
    return cands.pop() if len(cands) == 1 else None


def _org_kind(e: Entity, head: str, loose: bool = True) -> bool:
    """Whether an organization is a ``head`` by its name ("Department for Education") or description; ``loose``: or
    by a word that names such bodies ("the club" of "Bayside United", "the company" of "Norland Steel AG")."""
    words = e.name.lower().split()
    name_head = words[words.index("of") - 1] if "of" in words[1:] else \
        words[words.index("for") - 1] if "for" in words[1:] else words[-1]
    if head in (words[-1], name_head) or any(t.split()[-1] == head for t in e.titles):
        return True
    if not loose:
        return False
    if head in CLUB_NOUNS and (words[-1] in CLUB_WORDS or words[0] == "fc"):
        return True  # "the club" of "Bayside United", "FC Porto"
    if head in lexicon.company_words():  # "the company", "the steelmaker": a company by its legal form or trade
        return words[-1].strip(".,") in lexicon.company_words() or \
            any(t.split()[-1] in lexicon.company_words() for t in e.titles)
    return False


def _is_role_description(text: str) -> bool:
    """"the spokesman", "the group's military spokesman", "his lawyer": a definite description headed by a role
    noun."""
    words = text.lower().split()
    return len(words) >= 2 and (words[0] == "the" and (words[1] in lexicon.role_nouns() or (
        words[1].endswith(("'s", "’s")) and words[-1] in lexicon.role_nouns()))
        or words[0] in ("his", "her", "their", "its") and words[-1] in lexicon.role_nouns())


# Words by which a lede keeps its source unnamed: such a description names no one the article introduces next.
ANONYMOUS = re.compile(r"(?i)\b(?:anonymity|anonymous(?:ly)?|unnamed|not authori[sz]ed|"
                       r"(?:not|declined|without) (?:to )?(?:be|being) (?:named|identified)|on background|"
                       r"on condition)\b")


def _introduces_lede(mention: Span, subj: Token) -> bool:
    """"A retired Philippine police colonel told a Senate inquiry that ...": the article's first statement, by a
    person described by a title and not yet named, whom the next paragraph names (see :func:`_bind_pending`); not
    an unnamed source ("a senior official, who asked not to be named")."""
    head = subj.lower_
    sent = subj.sent.text
    return re.match(r"(?i)an?\s", mention.text) is not None and head not in UNNAMED_ROLES \
        and (head in lexicon.person_titles() or head in lexicon.role_nouns()) and not ANONYMOUS.search(sent)


def _bind_pending(doc: Doc, out: list[Statement], pending: list[int], raw: Raw, mention: Span | None,
                  key: str, entities: list[Entity]) -> None:
    """`the spokesman ... has warned. / Mahmoud al-Rubaie told ...`: the description names the next speaker.

    Across a blank line, the name must take the description's title; or, when the description is the article's
    first statement and no person was named before it (a lede: "The chief executive of X told a court that ... /
    Thandiwe Mokoena, giving evidence ..., said"), the name must come with no title of its own ("Ahmed Nasser, an
    opposition lawmaker, said" is someone else)."""
    ent = next(e for e in entities if e.key == key)
    for n in list(pending):
        st = out[n]
        pending.remove(n)
        if mention is None or st.speaker_mention is None or mention.text != ent.name:
            continue
        first = min(m.start for m in ent.mentions)
        text = index_of(doc).text
        gap = text[st.content.end:mention.start]
        if first != mention.start or gap.count("\n") > 2 or len(re.findall(r"[.!?][”\"]?\s", gap)) > 1:
            continue
        # across a blank line, only a name that takes the description's title: "…, the group's military
        # spokesman said. / Yahya Saree, the spokesman, said …"
        description = st.speaker_mention.text
        role = re.split(r"\s+(?:of|for|at)\s+", description.lower())[0].split()[-1]
        after = text[mention.end:mention.end + 80]
        titled = re.match(rf",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(role)}\b", after)
        if titled and bool(FORMER.search(description)) != bool(FORMER.search(titled.group())):
            continue  # ("A former finance minister ... / X, the current finance minister, said": someone else)
        if gap.count("\n") > 1 and not titled:
            lede = n == 0 and not any(e.type == "Actor" and m.start < st.speaker_mention.start
                                      for e in entities for m in e.mentions)
            if not lede or re.match(r",\s+(?!who\b|whose\b|\d)(?:the\s|an?\s|[a-z]+(?<!ing)\b)", after) or any(
                    t.lower() not in lexicon.HONORIFICS and not _same_title(t, role) for t in ent.titles) \
                    or not _said_of(text, ent, description):
                continue
        out[n] = replace(st, speaker=key)


# Words of a description that say nothing of whom it describes.
UNDESCRIPTIVE = frozenset({"the", "a", "an", "of", "for", "at", "in", "on", "and", "its", "his", "her", "their",
                           "former", "retired", "senior", "top", "one", "ex", "then", "late", "who", "that"})


def _said_of(text: str, ent: Entity, description: str) -> bool:
    """Whether the article says of the person, after one of their names and in the same sentence, a word of the
    lede's description of them ("A retired police colonel ... / Rodolfo Ilagan, who headed the drug unit of the Cebu
    City Police Office"; "The chief executive of Kestrel ... / Mokoena, who became chief executive in 2022")."""
    words = {w for w in re.findall(r"[a-z][\w-]+", description.lower()) if w not in UNDESCRIPTIVE and len(w) > 2}
    for m in ent.mentions:
        stop = re.search(r"[.!?][”\"’]?\s|\n", text[m.end:m.end + 250])
        said = text[m.end:m.end + (stop.start() if stop else 250)].lower()
        if any(re.search(rf"\b{re.escape(w)}\b", said) for w in words):
            return True
    return False


# ---------------------------------------------------------------- medium and date
def _with_medium_and_date(doc: Doc, article: Article, st: Statement, raw: Raw, index: _Mentions,
                          entities: list[Entity]) -> Statement:
    cue = raw.cue
    if cue is None or cue.lower_ == "according":
        return st
    medium = medium_entity = None
    for child in cue.children:
        found = _medium(doc, child, index, entities)
        if found:
            medium, medium_entity = found
            break
    date_text = date = None
    for t in cue.subtree:
        said = raw.parts or ((st.content.start, st.content.end),)  # (the attribution between a split clause's parts)
        if t.ent_type_ == "DATE" and t.ent_iob_ == "B" and not any(s <= t.idx < e for s, e in said):
            ent = next(e for e in index_of(doc).ents if e.start == t.i)
            date_text = ent.text
            date = resolve_weekday(ent.text, article.published)
            break
    return replace(st, medium=medium, medium_entity=medium_entity, date=date, date_text=date_text)


@lru_cache(maxsize=1)
def _outlet_heads() -> frozenset[str]:
    """Head words of the news outlets ("agency" of "news agency")."""
    return frozenset(w.split()[-1] for w, m in lexicon.media().items() if m.kind == "outlet")


def _medium(doc: Doc, child: Token, index: _Mentions, entities: list[Entity]) -> tuple[Span, str | None] | None:
    """"told Iran's Tasnim news agency", "wrote on Twitter", "in a tweet", "in his televised speech"."""
    media = lexicon.media()
    if child.dep_ in ("dobj", "dative") and child.lower_ in _outlet_heads():
        toks = [t for t in child.subtree if t.i >= child.i or t.dep_ in ("compound", "amod", "nmod")]
        toks = [t for t in toks if t.i > max((x.i for x in child.subtree if x.dep_ == "case"), default=-1)]
        span = _tokens_span(doc, toks)
        if span is None:
            return None
        return span, next(iter(index.inside(span.start, span.end)), None)
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "via", "during"):
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        kind = media.get(obj.lower_)
        hit = index.span_at(obj.idx)
        if hit and kind and kind.kind == "platform":
            return _span(doc, hit[0], hit[1]), hit[2].key
        if kind and kind.kind in ("post", "channel"):
            clauses = {t.i for c in obj.children if c.dep_ in ("acl", "relcl", "ccomp") for t in c.subtree}
            span = _tokens_span(doc, [t for t in obj.subtree if t.i not in clauses])  # "in a statement [that …]"
            platform = next((e.key for e in entities if kind.platform and e.name == kind.platform), None)
            return (span, platform) if span else None
    return None


def resolve_weekday(text: str, published: str | None) -> str | None:
    """"Monday" -> the most recent Monday on or before the publication date; otherwise None."""
    day = next((i for i, d in enumerate(WEEKDAYS) if re.search(rf"\b{d}\b", text.lower())), None)
    if day is None or not published:
        return None
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (pub - dt.timedelta(days=(pub.weekday() - day) % 7)).isoformat()
