"""The command line. Parses arguments, calls one library function per command, prints the result.

No other module imports click. Library errors (:class:`kg.errors.KgError`) become one-line
messages and exit code 2 (``kg validate`` also exits 1 when the graph has violations).
Heavy imports (spaCy, rdflib, pyshacl) happen inside the commands that need them, so that
``kg query`` starts fast.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


def store_option(fn: F) -> F:
    """``--store DIR`` (or KG_STORE), shared by every command that reads or writes the graph."""
    return click.option(
        "--store", "store", envvar="KG_STORE", default=".kg", show_default=True, metavar="DIR",
        type=click.Path(file_okay=False), help="Folder of the graph store (env: KG_STORE).",
    )(fn)


def errors_as_messages(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            raise CliError(str(exc), exc.exit_code) from exc

    return wrapper  # type: ignore[return-value]


class CliError(click.ClickException):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class; ours is per error


def _open(store: str, read_only: bool = True) -> Any:
    from kg.store import GraphStore

    return GraphStore(store, read_only=read_only)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build an RDF knowledge graph of who said what about whom from news articles.

    \b
    Example:
      kg build seeds/ && kg query who-said-what
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--base", default=None, metavar="IRI", help="Base IRI of instance data (default: https://w3id.org/kg/id/).")
@click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes (default: all cores).")
@click.option("--strict", is_flag=True, help="Fail on an unreadable article instead of skipping it.")
@click.option("--overrides", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="TOML file of names that are, or are not, the same entity (see README).")
@errors_as_messages
def build(paths: tuple[str, ...], store: str, base: str | None, model: str | None, jobs: int | None,
          strict: bool, overrides: str | None) -> None:
    """Build or update the graph from articles (.txt files, or folders of them).

    An article's id is its file name without extension. Unchanged articles are not parsed again;
    articles deleted from a folder leave the graph.

    \b
    Example:
      kg build seeds/ --jobs 2
    """
    from kg.build import build as run_build
    from kg.namespace import DEFAULT_BASE

    def warn(msg: str) -> None:
        click.echo(f"warning: {msg}", err=True)

    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def progress(done: int, total: int) -> None:  # a bar on stderr, when it is a terminal
            if not bars:
                bars.append(stack.enter_context(click.progressbar(length=total, label="building",
                                                                  file=sys.stderr)))
            bars[0].update(done)

        report = run_build(paths, store=store, base=base or DEFAULT_BASE, model=model, jobs=jobs, strict=strict,
                           progress=progress if sys.stderr.isatty() else None, warn=warn, overrides=overrides)
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("file", required=False, type=click.Path())
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json", "junit"]), default="text",
              show_default=True, help="Report format (junit: JUnit XML for CI systems).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@click.option("--engine", type=click.Choice(["auto", "rudof", "pyshacl"]), default="auto", show_default=True,
              help="SHACL engine: rudof (Rust, fast on large graphs) or pyshacl (reference); auto picks rudof.")
@errors_as_messages
def validate(file: str | None, store: str, fmt: str, output: str | None, engine: str) -> None:
    """Check the graph (or a Turtle/TriG/N-Quads FILE) against kg's SHACL shapes.

    Exit codes: 0 the graph conforms, 1 it has violations, 2 usage or runtime error.

    \b
    Example:
      kg validate --format junit -o shacl.xml
    """
    from kg.validate import render
    from kg.validate import validate as run_validate

    report = run_validate(file=file, engine=engine) if file else run_validate(store=_open(store), engine=engine)
    text = render(report, fmt)
    if output:
        import os

        tmp = f"{output}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, output)  # never a half-written report
        click.echo(f"{report.source}: {'conforms' if report.conforms else f'{len(report.violations)} violation(s)'}",
                   err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("query", required=False)
@click.option("--sparql", metavar="TEXT", help="Run this SPARQL text instead of a stored query.")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Bind a query parameter.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json/csv/tsv are the SPARQL 1.1 results formats.")
@click.option("--max-width", type=int, default=80, show_default=True, help="Clip table cells (0: never).")
@store_option
@errors_as_messages
def query(query: str | None, sparql: str | None, params: tuple[str, ...], fmt: str, max_width: int,
          store: str) -> None:
    """Run a stored query by NAME, a query FILE.rq, or --sparql TEXT (read-only).

    \b
    Examples:
      kg query who-said-what
      kg query statements-by --param speaker=Kirby --format csv
      kg query --sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.queries import adhoc_query, find_query, format_results, parse_params, run_query

    if bool(query) == bool(sparql):
        raise click.UsageError("give a query NAME or FILE.rq, or --sparql TEXT (exactly one)")
    q = adhoc_query(sparql) if sparql else find_query(query or "")
    bound = parse_params(params)
    results = run_query(_open(store), q, bound)
    click.echo(format_results(results, fmt, max_width), nl=False)


@cli.command("queries")
@errors_as_messages
def list_queries() -> None:
    """List the stored queries with their summaries and parameters.

    \b
    Example:
      kg queries
    """
    from kg.queries import stored_queries

    for q in stored_queries():
        click.echo(click.style(q.name, bold=True) + f"  {q.summary}")
        for p in q.params:
            click.echo(f"    --param {p.name}=VALUE  ({p.type}) {p.doc}; e.g. {p.name}={p.example}")
        for ex in q.examples:
            click.echo(f"    $ {ex}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "ntriples", "trig", "nquads", "jsonld"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically) instead of stdout.")
@store_option
@errors_as_messages
def export(fmt: str, output: str | None, store: str) -> None:
    """Export the graph in a standard RDF format (byte-identical for the same graph).

    \b
    Example:
      kg export --format trig -o news.trig
    """
    from kg.export import export as run_export

    data = run_export(_open(store), fmt, output)
    if data is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@cli.command()
@store_option
@errors_as_messages
def stats(store: str) -> None:
    """Counts per class and per article.

    \b
    Example:
      kg stats
    """
    from kg.queries import render_table
    from kg.stats import stats as run_stats

    classes, rows, total = run_stats(_open(store))
    click.echo(render_table(["class", "count"], [[c, str(n)] for c, n in classes]), nl=False)
    click.echo(f"{total} triples\n")
    click.echo(render_table(["article", "published", "statements", "attributed", "entities", "events"], rows),
               nl=False)


@cli.command("eval")
@click.argument("gold", type=click.Path())
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--brief", is_flag=True, help="Scores only, without the lists of misses and false hits.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None,
              help="Exit 1 when the overall F1 (quote and speaker right) is below this.")
@errors_as_messages
def eval_(gold: str, store: str, fmt: str, brief: bool, min_f1: float | None) -> None:
    """Score the graph's statements against an annotation (JSON or JSON lines).

    Prints precision, recall and F1 for finding each statement and for finding it with the right
    speaker, by kind, then what was missed, attributed to the wrong speaker, or found in excess.

    \b
    Example:
      kg build seeds/ && kg eval eval/seeds.json
    """
    from kg.evaluate import evaluate, load_gold, predicted_statements, render_json, render_text

    golds = load_gold(gold)
    report = evaluate(golds, predicted_statements(_open(store)))
    click.echo(render_json(report) if fmt == "json" else render_text(report, details=not brief), nl=False)
    if min_f1 is not None and report.scores["all"].f1 < min_f1:
        sys.exit(1)


@cli.command()
@click.argument("name")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Statements listed per section.")
@store_option
@errors_as_messages
def show(name: str, limit: int, store: str) -> None:
    """What the graph knows about an entity: type, names, roles, statements, articles, merges.

    NAME is matched case-insensitively against names and aliases (whole words).

    \b
    Example:
      kg show Kirby
    """
    from kg.show import render
    from kg.show import show as run_show

    click.echo(render(run_show(_open(store), name), limit), nl=False)


def main() -> None:
    cli(prog_name="kg")
