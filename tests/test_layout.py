"""The layout rules of docs/ARCHITECTURE.md, held against the code.

A module over ~400 lines says why in its docstring; no function of the build
path (seo_export/build/) is over ~60 lines; every command has a module of its
name in cli/; every folder of the package says in its docstring what it holds.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from seo_export.cli import main

from conftest import REPO

PACKAGE = REPO / "seo_export"
MODULE_LINES = 400
BUILD_FUNCTION_LINES = 60
REASON = "Why it is long:"


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _long_modules_without_reason(modules: list[Path]) -> list[str]:
    unexplained = []
    for path in modules:
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if len(text.splitlines()) > MODULE_LINES and REASON not in docstring:
            unexplained.append(f"{_shown(path)}: {len(text.splitlines())} lines")
    return unexplained


def test_a_module_over_400_lines_says_why() -> None:
    assert _long_modules_without_reason(_modules()) == []


def test_the_module_rule_can_fail(tmp_path: Path) -> None:
    long = tmp_path / "long.py"
    long.write_text('"""A long module."""\n' + "x = 1\n" * MODULE_LINES, encoding="utf-8")
    explained = tmp_path / "explained.py"
    explained.write_text(
        f'"""A long module.\n\n{REASON} generated.\n"""\n' + "x = 1\n" * MODULE_LINES,
        encoding="utf-8",
    )
    assert _long_modules_without_reason([long, explained]) == [f"{long}: {MODULE_LINES + 1} lines"]


def _long_functions(path: Path, limit: int) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{_shown(path)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})"
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


def test_no_function_of_the_build_path_is_over_60_lines() -> None:
    found = [
        item
        for path in sorted((PACKAGE / "build").glob("*.py"))
        for item in _long_functions(path, BUILD_FUNCTION_LINES)
    ]
    assert found == []


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_a_module_of_its_name(command: str) -> None:
    assert (PACKAGE / "cli" / f"{command}.py").is_file()


def test_every_folder_says_what_it_holds() -> None:
    silent = [
        str(init.relative_to(REPO))
        for init in sorted(PACKAGE.glob("*/__init__.py"))
        if not ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    ]
    assert silent == []
