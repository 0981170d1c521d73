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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
