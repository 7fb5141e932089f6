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


def is_reference(value: Any) -> bool:
    """``{"@id": "..."}`` and nothing else: a link to a node defined elsewhere."""
    return isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str)


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


def collect_nodes(value: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``value``, in the order of :func:`walk_nodes`, without paths.

    Checks walk this cheaper list and ask for a node's path only when they
    report something about it.
    """
    found: list[dict[str, Any]] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            children = [
                child
                for key, child in item.items()
                if isinstance(child, (dict, list)) and key != "@context"
            ]
        else:
            children = [child for child in item if isinstance(child, (dict, list))]
        if children:
            children.reverse()
            stack += children
    return found


def node_definitions(nodes: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """``@id`` -> node for every node that defines something (more than an @id); first wins."""
    defined: dict[str, dict[str, Any]] = {}
    for node in nodes:
        node_id = node.get("@id")
        if isinstance(node_id, str) and not is_reference(node):
            defined.setdefault(node_id, node)
    return defined


def resolve(value: Any, defined: dict[str, dict[str, Any]]) -> Any:
    """A referenced node when ``value`` is a reference that resolves; ``value`` otherwise."""
    if is_reference(value) and value["@id"] in defined:
        return defined[value["@id"]]
    return value
