"""The ``thidua`` command line."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="Structured, grounded records of Vietnamese emulation meetings from news articles.")


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, folders (recursive), globs, or - for stdin"),
    output: Path = typer.Option(..., "-o", "--output", help="JSONL file to write ('-' for stdout)"),
    workers: int = typer.Option(0, "--workers", "-w", help="Parallel worker processes (0: all cores)"),
    resume: bool = typer.Option(False, "--resume", help="Keep what OUTPUT already holds and do only the rest"),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a local cluster)"),
    chunk_size: int = typer.Option(8, "--chunk-size", help="Articles per task sent to a worker"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary"),
):
    """Extract one record per input article into a JSONL file, in input order.

    Every input gives exactly one line (an error record when it cannot be read). Lines are
    written whole; after an interruption, the same command with --resume completes the run.
    """
    import os
    import time

    from . import batch
    from .ingest import read_inputs

    workers = workers or os.cpu_count() or 1
    to_stdout = str(output) == "-"
    if resume and to_stdout:
        raise typer.BadParameter("--resume needs an output file", param_hint="--resume")
    state = batch.resume_state(output) if resume else batch.ResumeState(set(), 0, 0)
    summary = batch.Summary(skipped=state.lines)
    raws = (raw for raw in read_inputs(inputs) if raw.path not in state.done)
    if engine is Engine.dask:
        lines = batch.run_dask(raws, scheduler=scheduler, workers=workers, chunk_size=chunk_size)
    else:
        lines = batch.run_local(raws, workers=workers, chunk_size=chunk_size)
    try:
        if not to_stdout:
            output.parent.mkdir(parents=True, exist_ok=True)
        writer = batch.LineWriter(None if to_stdout else output, append=resume)
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=2)
    show_progress = not quiet and sys.stderr.isatty()
    started = time.perf_counter()
    progress = batch.progress_bar(inputs, state.lines) if show_progress else None
    try:
        for line in lines:
            writer.write(line)
            summary.add(line)
            if progress is not None:
                progress.update(1)
                progress.set_postfix(meetings=summary.meetings, errors=summary.errors, refresh=False)
    except KeyboardInterrupt:
        summary.seconds = time.perf_counter() - started
        typer.echo(f"\ninterrupted: {summary.text()}; run again with --resume to finish", err=True)
        raise typer.Exit(code=130)
    finally:
        writer.close()
        if progress is not None:
            progress.close()
    summary.seconds = time.perf_counter() - started
    if not quiet:
        typer.echo(f"{summary.text()} -> {output}", err=True)
        for line in summary.first_errors:
            typer.echo(f"  error: {line}", err=True)


@app.command()
def schema(output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout")):
    """Print the JSON Schema of a record (generated from the pydantic model)."""
    from .record import json_schema_text

    text = json_schema_text()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def validate(
    path: Path = typer.Argument(..., help="A JSONL file of records"),
    max_problems: int = typer.Option(1000, help="Stop listing problems after this many (all are counted)"),
):
    """Check every line against the record schema and the grounding rule.

    Each problem is printed with its line number, field path and reason. Exit status 0 when
    the file is clean, 1 otherwise.
    """
    from .validate import validate_file

    problems = validate_file(path, out=sys.stdout, max_listed=max_problems)
    raise typer.Exit(code=1 if problems else 0)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold records (JSONL, one object per article with 'id')"),
    pred: Path = typer.Argument(..., help="thidua records (JSONL)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the full result as JSON here"),
    details: bool = typer.Option(False, "--details", help="List every miss and extra"),
):
    """Field-level precision, recall and F1 against gold, following the contract's scoring rules."""
    from .evaluate import evaluate as run_evaluation, format_report

    for path in (gold, pred):
        if not path.is_file():
            typer.echo(f"error: no such file: {path}", err=True)
            raise typer.Exit(code=2)
    try:
        result = run_evaluation(gold, pred)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2)
    typer.echo(format_report(result, details=details))
    if json_out:
        import json

        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


@app.command()
def index(
    records: List[Path] = typer.Argument(..., help="JSONL files of records (thidua extract output)"),
    db: Path = typer.Option(Path("archive.sqlite"), "--db", help="The SQLite archive to create or update"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the problems, no summary"),
):
    """Load records into the searchable SQLite archive (one table per kind of fact, FTS5).

    Re-indexing a record replaces what the archive held for its doc_id, never duplicates it.
    A line that is not a valid record is reported and skipped; the others are indexed.
    """
    import sqlite3

    from .archive import index_files

    try:
        report = index_files(records, db)
    except sqlite3.Error as exc:
        typer.echo(f"error: cannot write the archive {db}: {exc}", err=True)
        raise typer.Exit(code=2)
    for problem in report.problems:
        typer.echo(f"skipped {problem.text()}", err=True)
    if not quiet:
        typer.echo(f"{report.text()} -> {db}", err=True)


@app.command()
def search(
    query: str = typer.Argument("", help='Words (diacritics optional), "a phrase", AND/OR/NOT, prefix*'),
    db: Path = typer.Option(Path("archive.sqlite"), "--db", help="The archive made by thidua index"),
    province: Optional[str] = typer.Option(None, "--province", help="Meetings held in this province"),
    year: Optional[int] = typer.Option(None, "--year", help="Meetings of this year"),
    group: Optional[str] = typer.Option(None, "--group", help="Meetings of a cụm/khối whose name contains this"),
    award_type: Optional[str] = typer.Option(None, "--award-type", help="Meetings with an award of this type (co_thi_dua, bang_khen, ...)"),
    person: Optional[str] = typer.Option(None, "--person", help="Meetings an official of this name took part in"),
    unit: Optional[str] = typer.Option(None, "--unit", help="Meetings naming this unit (member, leader, recipient)"),
    limit: int = typer.Option(10, "--limit", "-n", help="At most this many results"),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line instead of text"),
):
    """Ranked full-text search of the archive, with or without diacritics."""
    import sqlite3

    from .archive import connect
    from .search import Filters, QueryError, format_hit, search as run_search

    if not db.is_file():
        typer.echo(f"error: no archive at {db} (make one with: thidua index RECORDS.jsonl --db {db})", err=True)
        raise typer.Exit(code=2)
    filters = Filters(province=province, year=year, group=group, award_type=award_type,
                      person=person, unit=unit)
    try:
        conn = connect(db, create=False)
        hits = run_search(conn, query, filters, limit)
    except (QueryError, sqlite3.DatabaseError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2)
    color = sys.stdout.isatty()
    for hit in hits:
        typer.echo(hit.to_json() if as_json else format_hit(hit, color))
    if not hits and not as_json:
        typer.echo("no match", err=True)


@app.command()
def review(
    records: List[Path] = typer.Argument(..., help="JSONL files of records (thidua extract output)"),
    output: Path = typer.Option(Path("review.html"), "-o", "--output", help="The HTML page to write"),
    title: Optional[str] = typer.Option(None, "--title", help="The page title (default: the input names)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary"),
):
    """Write one self-contained HTML page to check the records: every evidence span
    highlighted in its article, the record beside it, filters by relevance, province and field."""
    from .review import write_review

    try:
        summary = write_review(records, output, title=title)
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=2)
    if not quiet:
        typer.echo(f"{summary.text()} -> {output}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
