"""Walking a JSON-LD document: nodes, their types, references, with JSONPath parts."""

from __future__ import annotations

from collections.abc import Iterable
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


def has_type(node: dict[str, Any], name: str) -> bool:
    """Whether ``name`` is one of the node's ``@type`` values (``name in types_of(node)``)."""
    value = node.get("@type")
    if isinstance(value, str):
        return value == name
    return isinstance(value, list) and name in value


def is_reference(value: Any) -> bool:
    """``{"@id": "..."}`` and nothing else: a link to a node defined elsewhere."""
    return isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@id"), str)


def walk_nodes(value: Any, path: Path = ()) -> list[tuple[Path, dict[str, Any]]]:
    """Every JSON object in ``value`` (references included), depth first, with its path."""
    found: list[tuple[Path, dict[str, Any]]] = []
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            found.append((where, item))
            children = [
                ((*where, key), child)
                for key, child in item.items()
                if key != "@context" and isinstance(child, (dict, list))
            ]
        else:
            children = [
                ((*where, index), child)
                for index, child in enumerate(item)
                if isinstance(child, (dict, list))
            ]
        stack.extend(reversed(children))
    return found


_CONTAINERS = (dict, list)
_NESTED = 100
"""Levels walked by recursion (the usual document has three or four); a subtree deeper
than that is walked with a stack of its own, so that no document can exhaust Python's."""


def collect_nodes(value: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``value``, in the order of :func:`walk_nodes`, without paths.

    Checks walk this cheaper list and ask for a node's path only when they
    report something about it. Recursion, about twice as fast as a stack here (every
    check of every document starts with this walk), down to :data:`_NESTED` levels.
    """
    found: list[dict[str, Any]] = []
    if isinstance(value, _CONTAINERS):
        _collect(value, found, 0)
    return found


def _collect(item: dict[str, Any] | list[Any], found: list[dict[str, Any]], depth: int) -> None:
    if depth > _NESTED:
        found += _collect_with_stack(item)
        return
    if isinstance(item, dict):
        found.append(item)
        for key, child in item.items():
            if isinstance(child, _CONTAINERS) and key != "@context":
                _collect(child, found, depth + 1)
    else:
        for child in item:
            if isinstance(child, _CONTAINERS):
                _collect(child, found, depth + 1)


def _collect_with_stack(value: dict[str, Any] | list[Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            children = [
                child
                for key, child in item.items()
                if isinstance(child, _CONTAINERS) and key != "@context"
            ]
        else:
            children = [child for child in item if isinstance(child, _CONTAINERS)]
        if children:
            children.reverse()
            stack += children
    return found


def node_definitions(nodes: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``@id`` -> node for every node that defines something (more than an @id); first wins."""
    defined: dict[str, dict[str, Any]] = {}
    for node in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and len(node) > 1:  # more than an @id: not a reference
            defined.setdefault(node_id, node)
    return defined


def resolve(value: Any, defined: dict[str, dict[str, Any]]) -> Any:
    """A referenced node when ``value`` is a reference that resolves; ``value`` otherwise."""
    if is_reference(value) and value["@id"] in defined:
        return defined[value["@id"]]
    return value
