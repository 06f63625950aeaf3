"""Turn tool lists in the field's formats into ToolSpecs.

Formats recognised per entry, so one file may even mix them:
- ours / MCP `tools/list`:  {"name", "description", "input_schema" | "inputSchema", ...}
- OpenAI function tools:    {"type": "function", "function": {"name", "description", "parameters"}}
- BFCL / bare functions:    {"name", "description", "parameters": {"type": "dict", ...}}
  (BFCL types `dict`, `float`, `tuple`, `any` become `object`, `number`, `array` and no type)

    >>> bfcl = {"name": "f", "parameters": {"type": "dict", "properties": {"x": {"type": "float"}}}}
    >>> detect_and_parse([bfcl], "f.json")[2][0].input_schema
    {'type': 'object', 'properties': {'x': {'type': 'number'}}}
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import ValidationError

from mcptrain.errors import CatalogueError, SchemaError
from mcptrain.types import ToolAnnotations, ToolSpec

# BFCL writes Python (and Java/JavaScript) type names where JSON Schema has its own.
_TYPE_MAP = {
    "dict": "object", "object": "object", "hashmap": "object", "map": "object",
    "float": "number", "double": "number", "number": "number",
    "int": "integer", "integer": "integer", "long": "integer",
    "tuple": "array", "list": "array", "array": "array", "arraylist": "array",
    "str": "string", "string": "string", "char": "string",
    "bool": "boolean", "boolean": "boolean",
    "null": "null",
}  # fmt: skip
_MCP_HINTS = {
    "title": "title",
    "readOnlyHint": "read_only",
    "destructiveHint": "destructive",
    "idempotentHint": "idempotent",
    "openWorldHint": "open_world",
}


def detect_and_parse(raw: Any, where: str) -> tuple[str | None, str | None, list[ToolSpec]]:
    """A parsed JSON document -> (catalogue name, version, tools)."""
    name = version = None
    entries = raw
    if isinstance(raw, dict):
        if "tools" not in raw:
            raise CatalogueError(
                f"{where}: expected a list of tools or an object with a 'tools' list; found keys "
                f"{sorted(raw)[:5]}"
            )
        entries = raw["tools"]
        name, version = raw.get("name"), raw.get("version")
    if not isinstance(entries, list):
        raise CatalogueError(f"{where}: 'tools' must be a list of tool objects")
    if not entries:
        raise CatalogueError(f"{where}: the file lists no tools")
    tools = [parse_tool(entry, i, where) for i, entry in enumerate(entries)]
    return (str(name) if name else None), (str(version) if version else None), tools


def parse_tool(entry: Any, index: int, where: str) -> ToolSpec:
    if not isinstance(entry, dict):
        raise CatalogueError(f"{where}: tool #{index} is not a JSON object")
    if entry.get("type") == "function" and isinstance(entry.get("function"), dict):
        entry = entry["function"]  # OpenAI wraps the function one level down
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueError(f"{where}: tool #{index} has no name; give every tool a non-empty 'name'")

    if "input_schema" in entry or "inputSchema" in entry:
        schema = entry.get("input_schema", entry.get("inputSchema"))
    elif "parameters" in entry:
        schema = to_json_schema(entry["parameters"], name, where)
    else:
        schema = {"type": "object", "properties": {}}
    record = {
        "name": name,
        "category": entry.get("category") or infer_category(name),
        "description": entry.get("description") or "",
        "input_schema": schema,
        "use_cases": entry.get("use_cases") or [],
        "annotations": parse_annotations(entry.get("annotations")),
        "source": entry.get("source") or where,
    }
    try:
        return ToolSpec.model_validate(record)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise CatalogueError(f"{where}: tool '{name}': field '{field}': {err['msg']}") from None


def tools_from_mcp_listing(listing: list[dict[str, Any]], source: str) -> list[ToolSpec]:
    """Raw `tools/list` dicts (from `mcp_sdk.list_tools`) -> ToolSpecs."""
    return [parse_tool(entry, i, source) for i, entry in enumerate(listing)]


def parse_annotations(raw: Any) -> dict[str, Any]:
    """Our annotation dict, or MCP's camelCase hints, -> ToolAnnotations fields."""
    if not raw:
        return {}
    if not isinstance(raw, dict):
        return {}
    if any(k in raw for k in _MCP_HINTS if k != "title"):
        return {ours: raw[hint] for hint, ours in _MCP_HINTS.items() if raw.get(hint) is not None}
    return {k: v for k, v in raw.items() if k in ToolAnnotations.model_fields}


def infer_category(name: str) -> str:
    """The name's prefix: `hive-mind_init` -> `hive-mind`, `math.factorial` -> `math`, `get` -> `general`."""
    head = re.split(r"[_./]", name, maxsplit=1)
    return head[0] if len(head) == 2 and head[0] else "general"


def to_json_schema(params: Any, tool: str, where: str) -> dict[str, Any]:
    """A function's `parameters` (JSON Schema or BFCL's dialect) -> JSON Schema, without mutating it."""
    if not isinstance(params, dict):
        raise SchemaError(f"{where}: tool '{tool}': 'parameters' must be a JSON object")
    schema = copy.deepcopy(params)
    _map_types(schema, tool, where)
    schema.setdefault("type", "object")
    return schema


def _map_types(node: Any, tool: str, where: str) -> None:
    if isinstance(node, list):
        for item in node:
            _map_types(item, tool, where)
        return
    if not isinstance(node, dict):
        return
    t = node.get("type")
    if isinstance(t, str):
        key = t.lower()
        if key == "any":
            del node["type"]  # BFCL's `any`: JSON Schema says it by saying nothing
        elif key in _TYPE_MAP:
            node["type"] = _TYPE_MAP[key]
        else:
            raise SchemaError(
                f"{where}: tool '{tool}': unknown parameter type '{t}'; use a JSON Schema type "
                "(string, number, integer, boolean, object, array) or a BFCL one (dict, float, tuple, any)"
            )
    for key in ("properties", "patternProperties", "$defs", "definitions"):
        sub = node.get(key)
        if isinstance(sub, dict):
            for child in sub.values():
                _map_types(child, tool, where)
    for key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf", "prefixItems", "not"):
        if key in node:
            _map_types(node[key], tool, where)
