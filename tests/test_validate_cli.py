"""`kg validate`: exit codes 0 (conforms), 1 (violations), 2 (usage or runtime error), and its report formats."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import BuiltStore, Kg, one_line_error
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

KG = "https://w3id.org/kg/ontology#"
PREFIXES = f"@prefix kg: <{KG}> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
GOOD_ARTICLE = PREFIXES + """
<http://example.org/article/a> a kg:Article ;
    kg:articleId "a" ;
    kg:sha256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" .
"""
# A statement with everything but its content.
NO_CONTENT = GOOD_ARTICLE + """
<http://example.org/article/a#char=0,5> a kg:TextSpan ;
    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> "0"^^xsd:nonNegativeInteger ;
    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> "5"^^xsd:nonNegativeInteger ;
    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "Hello" ;
    kg:inArticle <http://example.org/article/a> .
<http://example.org/statement/s1> a kg:Statement ;
    kg:contentDigest "abc" ;
    kg:contentSpan <http://example.org/article/a#char=0,5> ;
    kg:kind kg:Direct ;
    kg:inArticle <http://example.org/article/a> .
"""
FOCUS = "http://example.org/statement/s1"


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.ttl"
    path.write_text(GOOD_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "no-content.ttl"
    path.write_text(NO_CONTENT, encoding="utf-8")
    return path


# -- exit code 0 ------------------------------------------------------------------------------------
def test_the_seed_graph_conforms(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("validate", "--store", seed_store.path)
    assert result.exit_code == 0, result.stdout[:3000]
    assert result.stdout.startswith(f"{seed_store.path}: conforms (")


def test_a_conforming_file(good_file: Path, kg: Kg) -> None:
    result = kg("validate", good_file)
    assert result.exit_code == 0
    assert result.stdout == f"{good_file}: conforms (3 triples checked)\n"


def test_a_conforming_file_as_junit(good_file: Path, kg: Kg) -> None:
    result = kg("validate", good_file, "--format", "junit")
    assert result.exit_code == 0
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    assert [case.get("name") for case in suite.iter("testcase")] == ["graph conforms"]


# -- exit code 1 ------------------------------------------------------------------------------------
def test_a_statement_without_content_is_a_violation(bad_file: Path, kg: Kg) -> None:
    result = kg("validate", bad_file)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bad_file}: 1 violation(s) in {len(Graph().parse(bad_file))} triples"
    assert lines[1] == f"  Violation: {FOCUS} content: A statement has exactly one kg:content, a non-empty string."


def test_the_json_report(bad_file: Path, kg: Kg) -> None:
    result = kg("validate", bad_file, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False and report["source"] == str(bad_file)
    assert [(v["focus"], v["path"], v["severity"]) for v in report["violations"]] == [
        (FOCUS, KG + "content", "Violation")]


def test_the_junit_report(bad_file: Path, kg: Kg) -> None:
    result = kg("validate", bad_file, "--format", "junit")
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    failures = [f for case in suite.iter("testcase") for f in case.iter("failure")]
    assert len(failures) == 1
    assert "kg:content" in (failures[0].get("message") or "")
    assert FOCUS in (failures[0].text or "")


def test_the_turtle_report(bad_file: Path, kg: Kg) -> None:
    result = kg("validate", bad_file, "--format", "turtle")
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle")
    assert (None, SH.conforms, Literal(False)) in report
    assert set(report.objects(None, SH.resultPath)) == {URIRef(KG + "content")}
    assert set(report.objects(None, SH.focusNode)) == {URIRef(FOCUS)}


def test_the_report_written_to_a_file(bad_file: Path, tmp_path: Path, kg: Kg) -> None:
    out = tmp_path / "shacl.xml"
    result = kg("validate", bad_file, "--format", "junit", "-o", out)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"{bad_file}: 1 violation(s)"
    ET.parse(out)


@pytest.mark.parametrize("suffix", [".nt", ".nq", ".trig"])
def test_other_rdf_file_types(suffix: str, bad_file: Path, tmp_path: Path, kg: Kg) -> None:
    fmt = {".nt": "nt", ".nq": "nquads", ".trig": "trig"}[suffix]
    path = tmp_path / f"data{suffix}"
    if fmt == "nt":
        Graph().parse(bad_file).serialize(path, format=fmt)
    else:
        from rdflib import Dataset

        ds = Dataset()
        g = ds.graph(URIRef("http://example.org/graph"))
        g.parse(bad_file)
        ds.serialize(path, format=fmt)
    result = kg("validate", path)
    assert result.exit_code == 1
    assert f"{FOCUS} content:" in result.stdout


# -- exit code 2 ------------------------------------------------------------------------------------
def test_a_missing_file(tmp_path: Path, kg: Kg) -> None:
    path = tmp_path / "missing.ttl"
    result = kg("validate", path)
    assert result.exit_code == 2
    assert one_line_error(result) == f"Error: {path}: no such file"


def test_an_unparseable_file(tmp_path: Path, kg: Kg) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("@prefix kg: <https://w3id.org/kg/ontology#> .\n<a> kg:content \"unterminated .\n",
                    encoding="utf-8")
    result = kg("validate", path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {path}: cannot parse as turtle")


def test_a_binary_file(tmp_path: Path, kg: Kg) -> None:
    path = tmp_path / "image.ttl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    result = kg("validate", path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {path}: cannot parse as turtle")


def test_an_unknown_file_type(tmp_path: Path, kg: Kg) -> None:
    path = tmp_path / "data.csv"
    path.write_text("a,b\n", encoding="utf-8")
    result = kg("validate", path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {path}: unknown RDF file type")


def test_an_unknown_report_format(good_file: Path, kg: Kg) -> None:
    result = kg("validate", good_file, "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
