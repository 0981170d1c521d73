"""The ``thidua`` command line."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured, grounded records of Vietnamese emulation meetings from news articles.")


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin"),
    output: Path = typer.Option(..., "-o", "--output", help="JSONL file to write ('-' for stdout)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary"),
):
    """Extract one record per input article into a JSONL file."""
    from .ingest import read_inputs
    from .run import Summary, process, write_records

    summary = Summary()
    out = sys.stdout if str(output) == "-" else open(output, "w", encoding="utf-8", newline="\n")
    try:
        for rec in write_records((process(raw) for raw in read_inputs(inputs)), out):
            summary.add(rec)
    finally:
        if out is not sys.stdout:
            out.close()
    if not quiet:
        typer.echo(f"{summary.read} articles read, {summary.meetings} meetings found, "
                   f"{summary.errors} errors -> {output}", err=True)
        for line in summary.error_paths:
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

    result = run_evaluation(gold, pred)
    typer.echo(format_report(result, details=details))
    if json_out:
        import json

        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
