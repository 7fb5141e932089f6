"""Stage 2: split front matter from the body and parse both, keeping line numbers.

YAML is read only with PyYAML's safe loader (the C one when libyaml is there),
extended to refuse duplicate keys and to bound what anchors and aliases may
expand to. Markdown is parsed by one reused markdown-it instance with raw HTML
switched off; token maps give every block its source line.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

# python-frontmatter's own safe loader: libyaml's CSafeLoader when PyYAML has it.
from frontmatter.default_handlers import SafeLoader as _BaseLoader

from seo_export.findings.codes import finding
from seo_export.model import Finding

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FENCE = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"duplicate key {key!r}")
        self.key = key
        self.line = line


class StrictSafeLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader, refusing duplicate mapping keys instead of keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
            except TypeError:  # unhashable key; the base constructor reports it
                continue
            if duplicate:
                raise _DuplicateKey(key, key_node.start_mark.line)
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        """YAML dates as dates; a date-like value that is no date stays text.

        PyYAML raises a bare ValueError for ``2024-13-01``; kept as text, it
        reaches the date reader, which reports it with its key and line.
        """
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


StrictSafeLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", StrictSafeLoader.construct_yaml_timestamp
)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A source text split and parsed, before any interpretation."""

    front_matter: dict[str, Any]
    """The YAML mapping (empty when it could not be read)."""
    key_lines: dict[str, int]
    """Top-level front-matter key -> 1-based line."""
    item_lines: dict[str, tuple[int, ...]]
    """Top-level key whose value is a list -> 1-based line of each item."""
    tokens: list[Token]
    """markdown-it-py tokens of the body (empty when the fast parser read it)."""
    body_line: int
    """1-based line of the body's first line in the file."""
    front_matter_line: int = 1
    """1-based line of the opening ``---``."""
    tree: Any = None
    """The markdown-it-pyrs syntax tree of the body, when the fast parser read it."""
    body: str = ""
    """The Markdown body."""
    findings: tuple[Finding, ...] = field(default=())
    """Problems that stop the article from being built."""

    @property
    def ok(self) -> bool:
        """Whether the article can go on to be normalized."""
        return not self.findings


# Where markdown-it-pyrs and markdown-it-py part ways (found by the property
# tests): raw HTML (which only markdown-it-py can switch off), NUL (which it
# replaces), Unicode whitespace other than ASCII, and emphasis markers next to
# non-ASCII punctuation or symbols (the two follow different CommonMark
# versions on which of those count as punctuation).
_REFERENCE_ONLY = (
    "\x00<\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
"""Looked for one by one with ``in`` (a memchr-like scan each, and none at all for a
character wider than the body's widest, as most bodies are Latin-1): 0.7 us a body where
a regular expression's character class took 10 us (5 and 15 with a wider character)."""


def _fast_parser_agrees(body: str) -> bool:
    for char in _REFERENCE_ONLY:
        if char in body:
            return False
    # Each emphasis marker's neighbours, found with str.find: most bodies have few markers
    # or none (a regex over every character cost 90 us an article, this 0.1 us).
    for marker in "*_":
        index = body.find(marker)
        while index != -1:
            for neighbour in (
                body[index - 1 : index] if index else "",
                body[index + 1 : index + 2],
            ):
                if neighbour > "\x7f" and unicodedata.category(neighbour)[0] in "PSZ":
                    return False
            index = body.find(marker, index + 1)
    return True


def _fast_tree(parser: Any, body: str) -> Any:
    """The fast parser's tree, or None when it fails (then the reference parses the body).

    markdown-it-pyrs 0.4 panics on some inputs (``[![](/x) `` `` found by the
    property tests); a Rust panic arrives as a BaseException, not an Exception.
    """
    try:
        return parser.tree(body)
    except BaseException as error:
        if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
            raise  # an interrupt (Ctrl-C, SIGTERM during a build), not a panic
        return None


@functools.cache
def fast_markdown_parser() -> Any:
    """The markdown-it-pyrs parser with the same rules, or None when it is not installed."""
    try:
        import markdown_it_pyrs
    except ImportError:  # a platform without its wheel: the reference parser does it all
        return None
    return markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["table", "strikethrough"])


@functools.cache
def markdown_parser() -> MarkdownIt:
    """The one MarkdownIt instance, CommonMark plus tables, raw HTML escaped."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def parse_document(
    text: str, display: str, max_nodes: int = 10000, *, engine: str = "auto"
) -> ParsedDocument:
    """Split ``text`` (LF line ends) into front matter and body and parse both.

    ``engine`` "auto" parses a body with markdown-it-pyrs when it is installed
    and the body has none of the characters on which the two parsers differ
    (``<``, unusual Unicode whitespace); "reference" always uses markdown-it-py.
    Both give the same blocks.
    """
    split = split_front_matter(text)
    if isinstance(split, str):
        code = split
        message = (
            "has no front matter; start the file with --- and a title"
            if code == "front-matter-missing"
            else "front matter has no closing --- line"
        )
        return _failed(finding(code, message, display, 1))
    yaml_text, yaml_line, body, body_line = split
    front_matter, findings = load_front_matter(yaml_text, yaml_line, display, max_nodes)
    if findings:
        return _failed(*findings)
    fast = fast_markdown_parser() if engine == "auto" and _fast_parser_agrees(body) else None
    tree = _fast_tree(fast, body) if fast is not None else None
    return ParsedDocument(
        front_matter=front_matter.values,
        key_lines=front_matter.key_lines,
        item_lines=front_matter.item_lines,
        tokens=markdown_parser().parse(body) if tree is None else [],
        tree=tree,
        body=body,
        body_line=body_line,
        front_matter_line=yaml_line - 1,
    )


def _failed(*findings: Finding) -> ParsedDocument:
    return ParsedDocument(
        front_matter={}, key_lines={}, item_lines={}, tokens=[], body_line=1, findings=findings
    )


def split_front_matter(text: str) -> tuple[str, int, str, int] | str:
    """(yaml, its first line, body, its first line), or a finding code on failure.

    Leading blank lines before the opening fence are allowed. python-frontmatter's
    own split strips the text and its fence pattern swallows blank lines, which
    would shift every line number after it; this split keeps offsets.
    """
    stripped = text.lstrip("\n\t ")
    leading = text[: len(text) - len(stripped)]
    opening = _FENCE.match(stripped)
    if opening is None:
        return "front-matter-missing"
    start = len(leading) + opening.end() + 1
    closing = _FENCE.search(text, start)
    if closing is None:
        return "front-matter-unclosed"
    yaml_text = text[start : closing.start()]
    yaml_line = text.count("\n", 0, start) + 1
    body_start = min(closing.end() + 1, len(text))
    body_line = text.count("\n", 0, body_start) + 1
    return yaml_text, yaml_line, text[body_start:], body_line


@dataclass(frozen=True, slots=True)
class FrontMatterData:
    """The YAML mapping and where its top-level keys and list items are."""

    values: dict[str, Any]
    """The mapping, keys as text."""
    key_lines: dict[str, int]
    """Top-level key -> 1-based line."""
    item_lines: dict[str, tuple[int, ...]]
    """Top-level key whose value is a list -> 1-based line of each item."""


_EMPTY = FrontMatterData({}, {}, {})


def load_front_matter(
    yaml_text: str, first_line: int, display: str, max_nodes: int
) -> tuple[FrontMatterData, list[Finding]]:
    """The front matter with its lines, or findings saying why it cannot be read."""
    if not yaml_text.strip():
        return _EMPTY, []
    try:
        data, key_lines, item_lines = _load_yaml(yaml_text, first_line)
    except (yaml.YAMLError, RecursionError) as exc:
        return _EMPTY, [_yaml_problem(exc, first_line, display)]
    if data is None:
        return _EMPTY, []
    problem = _shape_problem(data, max_nodes)
    if problem is not None:
        code, message = problem
        return _EMPTY, [finding(code, message, display, first_line)]
    return FrontMatterData(data, key_lines, item_lines), []


def _load_yaml(
    yaml_text: str, first_line: int
) -> tuple[Any, dict[str, int], dict[str, tuple[int, ...]]]:
    """(the YAML value, line of each top-level key, lines of each top-level list's items)."""
    loader = StrictSafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        key_lines, item_lines = _top_level_lines(node, first_line)
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, key_lines, item_lines


def _yaml_problem(exc: BaseException, first_line: int, display: str) -> Finding:
    """The finding for front matter that PyYAML could not read, at the line it points at."""
    if isinstance(exc, _DuplicateKey):
        message = f"front matter: duplicate key {exc.key!r}"
        return finding(
            "yaml-duplicate-key", message, display, first_line + exc.line, key=str(exc.key)
        )
    if isinstance(exc, RecursionError):
        return finding("yaml-too-large", "front matter nests too deeply", display, first_line)
    assert isinstance(exc, yaml.YAMLError)
    line = _mark_line(exc, first_line)
    if isinstance(exc, yaml.constructor.ConstructorError):
        tag = _one_line(str(exc.problem or ""))
        if "python/" in tag or "!!python" in tag or "tag:yaml.org,2002:python" in tag:
            message = f"front matter: {tag}; only plain YAML values are read"
            return finding("yaml-unsafe-tag", message, display, line)
        return finding("yaml-invalid", f"front matter: {tag}", display, line)
    problem = _one_line(str(getattr(exc, "problem", None) or exc))
    if "nesting depth" in problem:  # libyaml's own limit on [[[[...]]]]
        return finding(
            "yaml-too-large", f"front matter nests too deeply ({problem})", display, line
        )
    return finding("yaml-invalid", f"front matter is not valid YAML: {problem}", display, line)


def _shape_problem(data: object, max_nodes: int) -> tuple[str, str] | None:
    """(code, message) when the YAML value is no front matter: not a mapping, too large once
    its aliases are expanded, or with a key that is not text."""
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single {type(data).__name__} value"
        return "yaml-not-mapping", f"front matter is {kind}, not key: value pairs"
    if _exceeds_node_budget(data, max_nodes):
        return (
            "yaml-too-large",
            f"front matter expands to more than {max_nodes:,} values (max_front_matter_nodes)",
        )
    non_string = next((key for key in data if not isinstance(key, str)), None)
    if non_string is not None:
        return "yaml-invalid", f"front matter key {non_string!r} is not text"
    return None


def _exceeds_node_budget(data: object, budget: int) -> bool:
    """Whether walking ``data`` as a tree (aliases expanded) visits more than ``budget`` nodes.

    Aliases make a small YAML text expand into an exponentially large tree (the
    "billion laughs"); counting with a budget stops as soon as it is exceeded,
    and also stops on self-referencing structures.
    """
    remaining = budget
    stack: list[object] = [data]
    while stack:
        remaining -= 1
        if remaining < 0:
            return True
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return False


def _mark_line(exc: yaml.YAMLError, first_line: int) -> int:
    # The context mark is where the broken construct began (the key, the
    # opening bracket), which is where an author looks; the problem mark is
    # often the end of the text. A tab, though, is found where it is: the context is
    # only the value before it, a line too early.
    problem = str(getattr(exc, "problem", "") or "")
    context, found = getattr(exc, "context_mark", None), getattr(exc, "problem_mark", None)
    mark = found if "tab" in problem and found is not None else context or found
    return first_line + mark.line if mark is not None else first_line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _top_level_lines(
    node: yaml.Node | None, first_line: int
) -> tuple[dict[str, int], dict[str, tuple[int, ...]]]:
    """(key -> line, key -> line of each list item) for the top-level mapping."""
    key_lines: dict[str, int] = {}
    item_lines: dict[str, tuple[int, ...]] = {}
    if not isinstance(node, yaml.MappingNode):
        return key_lines, item_lines
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value not in key_lines:
            key_lines[key_node.value] = first_line + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                item_lines[key_node.value] = tuple(
                    first_line + item.start_mark.line for item in value_node.value
                )
    return key_lines, item_lines
