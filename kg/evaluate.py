"""`kg eval GOLD`: score the graph's statements against a hand annotation.

The annotation is either a JSON file like ``eval/seeds.json`` (a ``statements`` list, and an
``entities`` list whose ids the statements' ``speaker`` may name) or JSON lines with one statement
per line: ``{"doc", "speaker", "quote", "kind", "required"}``.

Matching, per article: a predicted statement matches a gold one when the F1 of their lower-cased
word tokens is at least 0.5, one-to-one, best pairs first. The speaker is right when the names
share their last word or one contains the other (case, accents, possessive 's and al-/el-
prefixes ignored), against the gold speaker's name or any alias. A gold statement with no speaker
is right only when the graph names none either. ``required: false`` statements count neither for
recall nor against precision.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError, read_utf8

WORD = re.compile(r"[^\W_]+", re.UNICODE)
UNNAMED = {"", "unknown", "none", "null", "unnamed", "n/a"}
MATCH_F1 = 0.5
GROUPS = (("all", None), ("direct", {"direct"}), ("indirect+mixed", {"indirect", "mixed"}))


def tokens(text: str) -> list[str]:
    return WORD.findall((text or "").lower())


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    inter = sum((Counter(a) & Counter(b)).values())
    return 2.0 * inter / (len(a) + len(b))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("\u2019", "'")


def name_tokens(text: str) -> list[str]:
    text = re.sub(r"'s\b", "", _fold(text))
    out: list[str] = []
    for w in re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", text):
        w = re.sub(r"^(al|el|the)-", "", w).replace("'", "")
        out.extend(p for p in w.split("-") if p)
    while len(out) > 1 and out[0] in ("the", "al", "el"):
        out = out[1:]
    return out


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def same_speaker(gold_names: list[str], predicted: str) -> bool:
    p = name_tokens(predicted)
    if not p:
        return False
    for g in map(name_tokens, gold_names):
        if g and (g[-1] == p[-1] or _contains(g, p) or _contains(p, g)):
            return True
    return False


@dataclass
class GoldStatement:
    doc: str
    quote: str
    kind: str
    required: bool
    names: list[str] | None  # None: the annotation says nobody is named
    checkable: bool = True


@dataclass
class Predicted:
    doc: str
    quote: str
    kind: str
    speaker: str


@dataclass
class Scores:
    gold: int
    predicted: int
    quote_p: float
    quote_r: float
    quote_f1: float
    p: float
    r: float
    f1: float


@dataclass
class EvalReport:
    scores: dict[str, Scores]
    misses: list[tuple[GoldStatement, str]] = field(default_factory=list)  # (gold, why)
    false_hits: list[Predicted] = field(default_factory=list)
    wrong_speaker: list[tuple[GoldStatement, Predicted]] = field(default_factory=list)


def load_gold(path: str | Path) -> list[GoldStatement]:
    path = Path(path)
    text = read_utf8(path, "annotation")
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{path}: not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
            raise InputError(f"{path}: expected an object with a 'statements' list")
    else:
        rows = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise InputError(f"{path}:{lineno}: not valid JSON: {exc}") from exc
        data = {"statements": rows}
    return _gold_statements(data, path)


def _gold_statements(data: dict[str, Any], path: Path) -> list[GoldStatement]:
    ents = {e["id"]: e for e in data.get("entities", []) if "id" in e}
    out = []
    for i, s in enumerate(data["statements"]):
        if not isinstance(s, dict) or "doc" not in s or "quote" not in s:
            raise InputError(f"{path}: statement {i} needs at least 'doc' and 'quote'")
        spk = s.get("speaker")
        checkable = True
        if spk in ents:
            names: list[str] | None = [ents[spk]["name"], *ents[spk].get("aliases", [])]
        elif spk is None or _fold(str(spk)).strip() in UNNAMED:
            names = None
        else:
            names = [str(spk)]
            checkable = s.get("speaker_type") not in ("pronoun", "nominal")
        out.append(GoldStatement(doc=str(s["doc"]), quote=str(s["quote"]).replace(" ... ", " "),
                                 kind=str(s.get("kind", "direct")), required=bool(s.get("required", True)),
                                 names=names, checkable=checkable))
    return out


def predicted_statements(store: Any) -> list[Predicted]:
    from kg.queries import find_query, run_query

    rows = run_query(store, find_query("who-said-what"))
    out = []
    for sol in rows:
        def v(name: str, sol: Any = sol) -> str:
            term = sol[name]
            return "" if term is None else str(term.value)

        out.append(Predicted(doc=v("article"), quote=v("quote"), kind=v("kind") or "direct", speaker=v("speaker")))
    return out


def _speaker_right(g: GoldStatement, p: Predicted) -> bool:
    if g.names is None:
        return _fold(p.speaker).strip() in UNNAMED
    if not g.checkable:
        return True
    return _fold(p.speaker).strip() not in UNNAMED and same_speaker(g.names, p.speaker)


def evaluate(gold: list[GoldStatement], predicted: list[Predicted]) -> EvalReport:
    docs = {g.doc for g in gold}
    predicted = [p for p in predicted if p.doc in docs]
    by_g: dict[str, list[GoldStatement]] = defaultdict(list)
    by_p: dict[str, list[Predicted]] = defaultdict(list)
    for g in gold:
        by_g[g.doc].append(g)
    for p in predicted:
        by_p[p.doc].append(p)
    gold_rows: list[tuple[GoldStatement, bool, bool]] = []  # (gold, matched, speaker right)
    pred_rows: list[tuple[Predicted, str, bool, bool, bool]] = []  # (pred, kind, counts, matched, correct)
    report = EvalReport(scores={})
    for doc in sorted(docs):
        gs, ps = by_g[doc], by_p[doc]
        gt, pt = [tokens(g.quote) for g in gs], [tokens(p.quote) for p in ps]
        pairs = sorted((-token_f1(a, b), i, j) for i, a in enumerate(gt) for j, b in enumerate(pt)
                       if token_f1(a, b) >= MATCH_F1)
        gm: dict[int, int] = {}
        pm: dict[int, int] = {}
        for _, i, j in pairs:
            if i not in gm and j not in pm:
                gm[i], pm[j] = j, i
        for gi, g in enumerate(gs):
            pj = gm.get(gi)
            ok = pj is not None and _speaker_right(g, ps[pj])
            gold_rows.append((g, pj is not None, ok))
            if g.required and pj is None:
                report.misses.append((g, "quote not found"))
            elif g.required and pj is not None and not ok:
                report.wrong_speaker.append((g, ps[pj]))
        for pi, p in enumerate(ps):
            gi2 = pm.get(pi)
            match = gs[gi2] if gi2 is not None else None
            if match is None:
                report.false_hits.append(p)
            pred_rows.append((p, match.kind if match else p.kind, match is None or match.required,
                              match is not None, match is not None and _speaker_right(match, p)))
    for label, kinds in GROUPS:
        gr = [r for r in gold_rows if r[0].required and (kinds is None or r[0].kind in kinds)]
        pr = [r for r in pred_rows if r[2] and (kinds is None or r[1] in kinds)]
        qp, qr, qf = _prf(sum(r[3] for r in pr), len(pr), sum(r[1] for r in gr), len(gr))
        ep, er, ef = _prf(sum(r[4] for r in pr), len(pr), sum(r[2] for r in gr), len(gr))
        report.scores[label] = Scores(len(gr), len(pr), qp, qr, qf, ep, er, ef)
    return report


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def render_text(report: EvalReport, details: bool = True) -> str:
    head = f"{'statements':<16}{'gold':>6}{'pred':>6}{'quote P':>9}{'quote R':>9}{'quote F1':>10}" \
           f"{'P':>7}{'R':>7}{'F1':>7}"
    lines = ["quote = the statement was found; P/R/F1 = found with the right speaker", head]
    for label, s in report.scores.items():
        lines.append(f"{label:<16}{s.gold:>6}{s.predicted:>6}{s.quote_p:>9.3f}{s.quote_r:>9.3f}{s.quote_f1:>10.3f}"
                     f"{s.p:>7.3f}{s.r:>7.3f}{s.f1:>7.3f}")
    if details:
        def clip(t: str, n: int = 90) -> str:
            t = " ".join(t.split())
            return t if len(t) <= n else t[: n - 1] + "…"

        if report.misses:
            lines += ["", f"missed ({len(report.misses)}):"]
            lines += [f"  {g.doc}  {(g.names or ['(unnamed)'])[0]}: “{clip(g.quote)}”" for g, _ in report.misses]
        if report.wrong_speaker:
            lines += ["", f"wrong speaker ({len(report.wrong_speaker)}):"]
            lines += [f"  {g.doc}  want {(g.names or ['(unnamed)'])[0]!r}, got {p.speaker or '(unnamed)'!r}: "
                      f"“{clip(g.quote, 70)}”" for g, p in report.wrong_speaker]
        if report.false_hits:
            lines += ["", f"false hits ({len(report.false_hits)}):"]
            lines += [f"  {p.doc}  {p.speaker or '(unnamed)'}: “{clip(p.quote)}”" for p in report.false_hits]
    return "\n".join(lines) + "\n"


def render_json(report: EvalReport) -> str:
    def first(names: list[str] | None) -> str | None:
        return names[0] if names else None

    return json.dumps({
        "scores": {k: vars(v) for k, v in report.scores.items()},
        "misses": [{"doc": g.doc, "quote": g.quote, "speaker": first(g.names)} for g, _ in report.misses],
        "wrong_speaker": [{"doc": g.doc, "quote": g.quote, "want": first(g.names), "got": p.speaker}
                          for g, p in report.wrong_speaker],
        "false_hits": [vars(p) for p in report.false_hits],
    }, indent=2, ensure_ascii=False) + "\n"
