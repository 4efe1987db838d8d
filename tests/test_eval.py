"""`kg eval GOLD`: a score table, JSON scores, --min-f1 as a gate, and a bad annotation named in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, BuiltStore, Kg, one_line_error

GOLD = ROOT / "eval" / "seeds.json"
GROUPS = ["all", "direct", "indirect+mixed"]


def test_the_score_table(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("eval", GOLD, "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["statements", "gold", "pred", "quote", "P", "quote", "R", "quote", "F1",
                                "P", "R", "F1"]
    rows = {ln.split()[0]: ln.split()[1:] for ln in lines[2:5]}
    assert list(rows) == GROUPS
    gold_total = len([s for s in json.loads(GOLD.read_text(encoding="utf-8"))["statements"]
                      if s.get("required", True)])
    assert int(rows["all"][0]) == gold_total
    for values in rows.values():
        assert all(0.0 <= float(v) <= 1.0 for v in values[2:])


def test_brief_leaves_out_the_lists(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("eval", GOLD, "--brief", "--store", seed_store.path)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 5
    assert "missed (" not in result.stdout and "false hits (" not in result.stdout


def test_the_json_scores(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("eval", GOLD, "--format", "json", "--store", seed_store.path)
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert list(report["scores"]) == GROUPS
    for scores in report["scores"].values():
        assert {"gold", "predicted", "p", "r", "f1", "quote_p", "quote_r", "quote_f1"} <= set(scores)
        assert 0.0 <= scores["f1"] <= scores["quote_f1"] <= 1.0
    assert report["scores"]["all"]["f1"] > 0, "the seed graph finds no annotated statement with its speaker"
    assert {"misses", "wrong_speaker", "false_hits"} <= set(report)


def test_min_f1_is_a_gate(seed_store: BuiltStore, kg: Kg) -> None:
    perfect = kg("eval", GOLD, "--brief", "--min-f1", "1.0", "--store", seed_store.path)
    assert perfect.exit_code == 1
    assert "all" in perfect.stdout, "the scores are printed before failing"
    assert kg("eval", GOLD, "--brief", "--min-f1", "0", "--store", seed_store.path).exit_code == 0


def test_min_f1_must_be_a_fraction(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("eval", GOLD, "--min-f1", "80", "--store", seed_store.path)
    assert result.exit_code == 2
    assert "Invalid value for '--min-f1'" in result.stderr


def test_json_lines_annotation(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "001_b27ff9fd65003ce8", "speaker": "John Kirby", "kind": "direct",
                                "quote": "Remember, this is a change in mission, right?"}) + "\n\n", encoding="utf-8")
    result = kg("eval", gold, "--format", "json", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["scores"]["all"]["gold"] == 1


BAD_GOLD = {
    "not JSON": ("gold.json", '{"statements": [', "not valid JSON"),
    "no statements": ("gold.json", '{"entities": []}', "expected an object with a 'statements' list"),
    "statements not a list": ("gold.json", '{"statements": {}}', "expected an object with a 'statements' list"),
    "statement without quote": ("gold.json", '{"statements": [{"doc": "x"}]}', "statement 0 needs at least"),
    "bad JSON line": ("gold.jsonl", '{"doc": "x", "quote": "y"}\n{oops\n', ":2: not valid JSON"),
}


@pytest.mark.parametrize("case", list(BAD_GOLD))
def test_a_bad_annotation(case: str, seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    name, text, expected = BAD_GOLD[case]
    gold = tmp_path / name
    gold.write_text(text, encoding="utf-8")
    result = kg("eval", gold, "--store", seed_store.path)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert error.startswith(f"Error: {gold}") and expected in error


def test_a_missing_annotation(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    gold = tmp_path / "missing.json"
    result = kg("eval", gold, "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {gold}: cannot read annotation")


def test_a_non_utf8_annotation(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    gold = tmp_path / "latin.json"
    gold.write_bytes('{"statements": [{"doc": "x", "quote": "caf\u00e9"}]}'.encode("latin-1"))
    result = kg("eval", gold, "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == f"Error: {gold}: annotation is not UTF-8"
