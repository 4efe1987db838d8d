"""Cross-article resolution: merges need evidence beyond a name, and every merge says why."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.records import Article, ArticleRecords, Entity, Relation, Span, Statement
from kg.resolve import Overrides, name_key, resolve


def _article(aid: str, text: str = "x" * 200) -> Article:
    return Article(aid, f"{aid}.txt", text, hashlib.sha256(text.encode()).hexdigest())


def _ent(key: str, etype: str, name: str, *aliases: str, titles: tuple[str, ...] = ()) -> Entity:
    return Entity(key, etype, name, aliases, (Span(0, len(name), name),), titles=titles)  # type: ignore[arg-type]


def _rec(aid: str, *entities: Entity, relations: tuple[Relation, ...] = (),
         statements: tuple[Statement, ...] = ()) -> ArticleRecords:
    return ArticleRecords(_article(aid), entities, statements, relations)


def _nodes(res) -> list[set[str]]:
    return sorted(({e.name, *e.aliases} for e in res.entities.values()), key=sorted)


def test_name_key_ignores_case_accents_apostrophes_and_al() -> None:
    assert name_key("Asa’ib Ahl al-Haq") == name_key("asaib ahl al haq")
    assert name_key("the Pentagon") == name_key("Pentagon")
    assert name_key("José Núñez") == name_key("Jose Nunez")


def test_same_full_name_across_articles_is_one_node_with_evidence() -> None:
    res = resolve([_rec("a", _ent("e1", "Actor", "Maria Lopez", "Lopez")),
                   _rec("b", _ent("e1", "Actor", "Maria López"))])
    assert len(res.entities) == 1
    (node,) = res.entities.values()
    assert any(ev.rule == "same-name" and ev.article == "b" for ev in node.evidence)


def test_two_countries_institutions_stay_apart_though_both_are_also_written_bare() -> None:
    # "Egypt's Foreign Ministry" and "Jordan's Foreign Ministry" in one story, each also written "Foreign Ministry"
    res = resolve([_rec("a", _ent("e1", "Organization", "Egypt's Foreign Ministry", "Foreign Ministry"),
                        _ent("e2", "Organization", "Jordan's Foreign Ministry", "Foreign Ministry")),
                   _rec("b", _ent("e1", "Organization", "Egypt's Foreign Ministry"))])
    assert _nodes(res) == [{"Egypt's Foreign Ministry", "Foreign Ministry"},
                           {"Jordan's Foreign Ministry", "Foreign Ministry"}]
    assert {len(e.members) for e in res.entities.values()} == {1, 2}
    # whichever article comes first: a bare "Foreign Ministry" elsewhere joins neither
    res = resolve([_rec("a", _ent("e1", "Organization", "Foreign Ministry")),
                   _rec("b", _ent("e1", "Organization", "Egypt's Foreign Ministry", "Foreign Ministry"),
                        _ent("e2", "Organization", "Jordan's Foreign Ministry", "Foreign Ministry"))])
    assert len(res.entities) == 3


def test_a_countrys_institution_merges_across_articles_by_its_owned_name_not_its_bare_one() -> None:
    res = resolve([_rec("a", _ent("e1", "Organization", "Kenya's Ministry of Health", "Ministry of Health")),
                   _rec("b", _ent("e1", "Organization", "Uganda's Ministry of Health", "Ministry of Health")),
                   _rec("c", _ent("e1", "Organization", "Kenya’s Ministry of Health", "Ministry of Health"))])
    assert sorted(len(e.members) for e in res.entities.values()) == [1, 2]
    # a body named by the bare name alone, in an article that gives no owner, is nobody's in particular
    res = resolve([_rec("a", _ent("e1", "Organization", "Kenya's Ministry of Health", "Ministry of Health")),
                   _rec("b", _ent("e1", "Organization", "Ministry of Health"))])
    assert len(res.entities) == 2


def test_a_surname_alone_never_merges_people_across_articles() -> None:
    # "Austin" the defence secretary and "Austin" in another story stay apart.
    res = resolve([_rec("a", _ent("e1", "Actor", "Austin")), _rec("b", _ent("e1", "Actor", "Austin"))])
    assert len(res.entities) == 2


def test_two_people_sharing_a_first_name_stay_two() -> None:
    res = resolve([_rec("a", _ent("e1", "Actor", "Hussein Ali")), _rec("b", _ent("e1", "Actor", "Hussein Hassan"))])
    assert len(res.entities) == 2


@pytest.mark.parametrize(
    ("titles_a", "titles_b", "merged"),
    [
        (("prime minister",), ("prime minister",), True),  # same title supports the spelling variant
        (("prime minister",), ("striker",), False),  # different roles: never merged on the name alone
        ((), (), False),
    ],
)
def test_spelling_variants_merge_only_with_support(titles_a, titles_b, merged) -> None:
    res = resolve([_rec("a", _ent("e1", "Actor", "Mustafa al-Kadhimi", titles=titles_a)),
                   _rec("b", _ent("e1", "Actor", "Mustafa al-Kadhemi", titles=titles_b))])
    assert (len(res.entities) == 1) is merged
    if merged:
        (node,) = res.entities.values()
        assert any(ev.rule.startswith("spelling-variant; same title") for ev in node.evidence)


@pytest.mark.parametrize(
    ("short", "full", "titles_a", "titles_b", "merged"),
    [
        # a second surname or a middle name left out, with a shared title
        ("Hernán Castañeda", "Hernán Castañeda Montoya", ("president",), ("president",), True),
        ("Julio Ñique", "Julio César Ñique Villacorta", ("ombudsman",), ("ombudsman",), True),
        ("Álvaro Benavides", "Álvaro Benavides del Solar", ("general manager",), ("general manager",), True),
        # a title's head alone is no support: two ministers, two coaches
        ("Ahmed Hassan", "Ahmed Mohamed Hassan", ("foreign minister",), ("health minister",), False),
        ("Carlos Sánchez", "Carlos Alberto Sánchez", ("assistant coach",), ("head coach",), False),
        # the name alone is not enough: "Hussein Ali" and "Hussein Ali Mohammed" may be two men
        ("Hussein Ali", "Hussein Ali Mohammed", (), (), False),
        ("Hussein Ali", "Hussein Ali Mohammed", ("commander",), ("striker",), False),
        # another first name, or the words in another order, is another person
        ("Ali Hussein", "Hussein Ali Mohammed", ("commander",), ("commander",), False),
    ],
)
def test_a_shorter_form_of_a_name_merges_only_with_support(short, full, titles_a, titles_b, merged) -> None:
    res = resolve([_rec("a", _ent("e1", "Actor", short, titles=titles_a)),
                   _rec("b", _ent("e1", "Actor", full, titles=titles_b))])
    assert (len(res.entities) == 1) is merged
    if merged:
        (node,) = res.entities.values()
        assert any(ev.rule.startswith("shorter-name; same title") for ev in node.evidence)


def _org_with_deputy(aid: str, org: str, acronym: str) -> ArticleRecords:
    return _rec(aid, _ent("e1", "Organization", org, acronym), _ent("e2", "Actor", "Karim Haddad"),
                relations=(Relation("e2", "memberOf", "e1", "deputy head", Span(0, 5, "xxxxx")),))


def test_organization_names_differing_in_head_noun_merge_with_a_shared_member() -> None:
    res = resolve([_org_with_deputy("a", "National Defence Units", "NDU"),
                   _org_with_deputy("b", "National Defence Forces", "NDF")])
    orgs = [e for e in res.entities.values() if e.type == "Organization"]
    assert len(orgs) == 1
    assert any(ev.rule.startswith("head-noun-variant") for ev in orgs[0].evidence)


def test_only_a_name_that_ends_in_a_head_noun_has_a_head_noun_block() -> None:
    """A head-noun variant differs only in a last word that is a head noun ("Units" / "Forces"), so only such
    names are blocked together; a block of every "Bloc of ..." or "Union of ..." (a sports union, a trade
    bloc) compared hundreds of unrelated names and made an incremental build regroup them all."""
    from kg.incremental import blocks
    from kg.records import ArticleSummary
    from kg.resolve import _Local, _without_head

    assert _without_head("national defence units") == ("national defence",)
    assert _without_head("bloc of solidarity") == ()
    for name, has in (("Premier League Clubs Association", True), ("Union of European Football", False)):
        loc = _Local.of(ArticleSummary.of(_rec("a", _ent("e1", "Organization", name))).entities[0])
        assert any(b.startswith("h\x1f") for b in blocks(("a", "e1"), loc)) is has


def test_organization_head_noun_variants_without_evidence_stay_apart() -> None:
    res = resolve([_rec("a", _ent("e1", "Organization", "National Defence Units")),
                   _rec("b", _ent("e1", "Organization", "National Defence Forces"))])
    assert len(res.entities) == 2


def test_shared_quoted_words_support_a_variant_merge() -> None:
    quote = Span(0, 20, "We will win the cup.")
    st = Statement(quote, "direct", None, speaker="e1")
    res = resolve([_rec("a", _ent("e1", "Actor", "Mohamed Salah"), statements=(st,)),
                   _rec("b", _ent("e1", "Actor", "Mohamed Saleh"), statements=(st,))])
    assert len(res.entities) == 1


def test_overrides_force_and_forbid_merges(tmp_path: Path) -> None:
    f = tmp_path / "overrides.toml"
    f.write_text('[[same]]\nnames = ["Bob Smith", "Robert Smith"]\n\n'
                 '[[not-same]]\nnames = ["Ana Diaz", "Ana Díaz Ruiz"]\n', encoding="utf-8")
    ov = Overrides.load(f)
    res = resolve([_rec("a", _ent("e1", "Actor", "Bob Smith")), _rec("b", _ent("e1", "Actor", "Robert Smith"))], ov)
    assert len(res.entities) == 1
    (node,) = res.entities.values()
    assert any(ev.rule == "override: same" for ev in node.evidence)
    # the two share the full name "Ana Diaz" and merge, unless the overrides forbid it
    pair = [_rec("a", _ent("e1", "Actor", "Ana Diaz")), _rec("b", _ent("e1", "Actor", "Ana Díaz Ruiz", "Ana Diaz"))]
    assert len(resolve(pair).entities) == 1
    assert len(resolve(pair, ov).entities) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[same]]\nnames = [\"only one\"]\n", "needs names"),
        ("[[maybe]]\nnames = [\"a\", \"b\"]\n", "unknown section"),
        ("[[same]\n", "not a valid overrides file"),
    ],
)
def test_bad_overrides_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "o.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as exc:
        Overrides.load(f)
    assert str(f) in str(exc.value)


def test_resolution_is_deterministic() -> None:
    recs = [_rec("b", _ent("e1", "Actor", "Lena Park")), _rec("a", _ent("e1", "Actor", "Lena Park"))]
    assert resolve(recs).entity_of == resolve(list(reversed(recs))).entity_of
