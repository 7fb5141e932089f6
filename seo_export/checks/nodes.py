"""Walking a JSON-LD document: nodes, their types, references, with JSONPath parts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Path = tuple[str | int, ...]


def types_of(node: dict[str, Any]) -> list[str]:
    """The node's ``@type`` values as a list of strings."""
    value = node.get("@type")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def is_reference(value: Any) -> bool:
    """``{"@id": "..."}`` and nothing else: a link to a node defined elsewhere."""
    return isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str)


def walk_nodes(value: Any, path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every JSON object in ``value`` (references included), depth first, with its path."""
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            if key != "@context":
                yield from walk_nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk_nodes(child, (*path, index))


def node_definitions(
    document: Any, nodes: Iterable[tuple[Path, dict[str, Any]]] | None = None
) -> dict[str, tuple[Path, dict[str, Any]]]:
    """``@id`` -> (path, node) for every node that defines something (more than an @id)."""
    defined: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path, node in walk_nodes(document) if nodes is None else nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and not is_reference(node):
            defined.setdefault(node_id, (path, node))
    return defined


def resolve(value: Any, defined: dict[str, tuple[Path, dict[str, Any]]]) -> Any:
    """A referenced node when ``value`` is a reference that resolves; ``value`` otherwise."""
    if is_reference(value) and value["@id"] in defined:
        return defined[value["@id"]][1]
    return value
