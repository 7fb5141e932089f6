"""``seo-export explain``: what a finding code means, who reports it, and how to fix it."""

from __future__ import annotations

import click

from seo_export.cli.options import fail


@click.command()
@click.argument("code", required=False)
def explain(code: str | None) -> None:
    """Print what finding CODE means and how to fix it (every code without CODE)."""
    import difflib

    from seo_export.checks.registry import all_codes, reported_by
    from seo_export.findings.report import matches_code

    codes = all_codes()
    if code is not None and code.endswith(("-", "*")):  # a family: list its codes
        family = [name for name in codes if matches_code(name, (code.lower(),))]
        if family:
            code, listed = None, family
    else:
        listed = list(codes)
    if code is None:
        for name in listed:
            described = codes[name]
            click.echo(f"{name:28} {described.severity.value:8} {described.meaning}")
        return
    code = code if code in codes else code.lower()  # codes are lower case
    info = codes.get(code)
    if info is None:
        close = difflib.get_close_matches(code, list(codes), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        fail(f"no finding code {code!r}.{hint} 'seo-export explain' lists them all.")
    click.echo(f"{code} ({info.severity.value}, reported by {reported_by(code)})\n")
    click.echo(f"What it means: {info.meaning}")
    click.echo(f"How to fix it: {info.fix}")
