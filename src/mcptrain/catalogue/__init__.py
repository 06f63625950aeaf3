"""Tool catalogues: the crate's 48 tools, Claude Flow's 199, 394 everyday functions, any MCP server, JSON files.

    >>> cat = Catalogue.builtin("ruvllm")
    >>> len(cat), cat.get("memory_store").category
    (48, 'memory')
    >>> Catalogue.load("tools.json")              # our JSON, OpenAI or BFCL function lists
    >>> Catalogue.from_mcp("node mcp-server.js")  # any MCP server: stdio command or http(s) URL
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from mcptrain.catalogue.loaders import detect_and_parse, tools_from_mcp_listing
from mcptrain.dataset.phrasing import SLOT, request_templates
from mcptrain.dataset.values import HINT_REQUESTS
from mcptrain.errors import CatalogueError, SchemaError
from mcptrain.io import atomic_write_text, dumps_pretty, read_json
from mcptrain.types import ToolSpec

BUILTIN = ("ruvllm", "claude-flow", "general")


class Catalogue:
    """An ordered, validated set of tools. The order is the crate's tool index (`tool_index`)."""

    def __init__(
        self,
        tools: list[ToolSpec],
        name: str = "custom",
        version: str | None = None,
        source: str | None = None,
        where: str | None = None,
    ) -> None:
        validate_tools(tools, where or source or name)  # `where`: the file to name in error messages
        self.tools = list(tools)
        self.name = name
        self.version = version
        self.source = source
        self._by_name = {t.name: t for t in self.tools}

    # --- constructors ---------------------------------------------------------------------------

    @classmethod
    def builtin(cls, name: str) -> Catalogue:
        """A catalogue shipped in the package: `ruvllm` (48 tools), `claude-flow` (199) or `general`
        (394 everyday functions in 47 categories, written for training; scripts/build_general_catalogue.py)."""
        if name not in BUILTIN:
            raise CatalogueError(
                f"unknown catalogue '{name}'; use one of {', '.join(BUILTIN)} or a path to a JSON file"
            )
        data = resources.files("mcptrain.catalogue") / "data"
        with resources.as_file(data / f"{name}.json") as path:
            cat = cls.from_file(path, default_name=name)
        book = data / "phrasebooks" / f"{name}.json"
        if book.is_file():  # how people ask for these tools, for the generator (see `with_phrasebook`)
            with resources.as_file(book) as path:
                cat = cat.with_phrasebook(path)
        return cat

    @classmethod
    def from_file(cls, path: str | Path, default_name: str | None = None) -> Catalogue:
        """Our catalogue JSON, an MCP `tools/list` result, an OpenAI tool list or a BFCL function list."""
        path = Path(path)
        raw = read_json(path)
        name, version, tools = detect_and_parse(raw, str(path))
        source = raw.get("source") if isinstance(raw, dict) else None
        return cls(
            tools, name=name or default_name or path.stem, version=version, source=source or str(path), where=str(path)
        )

    @classmethod
    def from_mcp(
        cls,
        target: Any,
        timeout: float = 30.0,
        name: str | None = None,
        cwd: str | Path | None = None,
    ) -> Catalogue:
        """The tools a live MCP server lists: `target` is a stdio command line or an http(s) URL."""
        from mcptrain import mcp_sdk  # the one module that imports the MCP SDK

        listing = mcp_sdk.list_tools(target, timeout=timeout, cwd=cwd)
        source = target if isinstance(target, str) else type(target).__name__
        return cls(tools_from_mcp_listing(listing, source), name=name or "server", source=source)

    @classmethod
    def load(cls, spec: str | Path) -> Catalogue:
        """A built-in name or a file path: what `--catalog NAME|PATH` accepts."""
        if str(spec) in BUILTIN:
            return cls.builtin(str(spec))
        path = Path(spec)
        if path.suffix.lower() != ".json" and not path.exists():
            raise CatalogueError(
                f"unknown catalogue '{spec}'; use one of {', '.join(BUILTIN)} or a path to a JSON file"
            )
        return cls.from_file(path)

    # --- access -----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.tools)

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self.tools)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> ToolSpec:
        try:
            return self._by_name[name]
        except KeyError:
            raise CatalogueError(f"catalogue '{self.name}' has no tool '{name}'") from None

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.tools]

    def tool_index(self, name: str) -> int | None:
        """The crate's `tool_index`: position in catalogue order, None if unknown."""
        tool = self._by_name.get(name)
        return None if tool is None else self.tools.index(tool)

    @property
    def categories(self) -> dict[str, list[str]]:
        """Short category name -> tool names, both in catalogue order."""
        out: dict[str, list[str]] = {}
        for t in self.tools:
            out.setdefault(t.category, []).append(t.name)
        return out

    def with_phrasebook(self, path: str | Path) -> Catalogue:
        """This catalogue with requests in people's words for its tools, read from a phrasebook: a JSON
        object `{"tool_name": ["template", ...]}` in the slot syntax of `dataset.phrasing` ("save
        {value} under {key}[ in the {namespace} namespace]"). The generator then asks for these tools
        mostly in those words. The templates go into each input schema as `x-mcptrain-requests`, an
        annotation that validators and the router ignore.
        """
        book = read_json(Path(path))
        if not isinstance(book, dict):
            raise CatalogueError(f"{path}: a phrasebook is a JSON object of tool name -> list of requests")
        tools = {t.name: t for t in self.tools}
        for name, templates in book.items():
            if name not in tools:
                raise CatalogueError(f"{path}: catalogue '{self.name}' has no tool '{name}'; fix or drop its entry")
            tool = tools[name]
            if not isinstance(templates, list) or not all(isinstance(t, str) and t.strip() for t in templates):
                raise CatalogueError(f"{path}: tool '{name}': give a list of non-empty request strings")
            for template in templates:
                check_template(template, tool, str(path))
            schema = dict(tool.input_schema)
            schema[HINT_REQUESTS] = [*request_templates(tool), *templates]
            tools[name] = tool.model_copy(update={"input_schema": schema})
        return Catalogue(list(tools.values()), self.name, self.version, self.source)

    def subset(self, names: list[str]) -> Catalogue:
        return Catalogue([self.get(n) for n in names], self.name, self.version, self.source)

    # --- output -----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "tools": [t.model_dump(mode="json") for t in self.tools],
        }

    def save(self, path: str | Path) -> None:
        """Write our catalogue JSON (readable again by `Catalogue.from_file`), atomically."""
        atomic_write_text(Path(path), dumps_pretty(self.to_dict()))

    def __repr__(self) -> str:
        return f"Catalogue(name={self.name!r}, tools={len(self)}, version={self.version!r})"


def validate_tools(tools: list[ToolSpec], where: str) -> None:
    """Names non-empty and unique; every input schema a valid JSON Schema describing an object."""
    seen: set[str] = set()
    for i, tool in enumerate(tools):
        if not tool.name.strip():
            raise CatalogueError(f"{where}: tool #{i} has an empty name; give every tool a name")
        if tool.name in seen:
            raise CatalogueError(f"{where}: duplicate tool name '{tool.name}'; tool names must be unique")
        seen.add(tool.name)
        check_schema(tool.input_schema, tool.name, where)


def check_template(template: str, tool: ToolSpec, where: str) -> None:
    """A request template names only the tool's parameters, `{p?yes|no}` only booleans and
    `{p=a:x|b:y}` only values of p's enum."""
    for m in SLOT.finditer(template):
        name, yes, mapping = m.group(1), m.group(2), m.group(4)
        prop = tool.properties.get(name)
        bad = None
        if prop is None:
            bad = f"'{{{name}}}' is not a parameter ({', '.join(tool.properties) or 'it has none'})"
        elif yes is not None and prop.get("type") != "boolean":
            bad = f"'{m.group(0)}' writes yes/no text for '{name}', which is not a boolean"
        elif mapping is not None:
            enum = [str(v) for v in prop.get("enum") or []]
            keys = [part.split(":", 1)[0] for part in mapping.split("|")]
            if not enum or any(k not in enum for k in keys):
                bad = f"'{m.group(0)}' maps values that are not in the enum of '{name}' ({', '.join(enum)})"
        if bad:
            raise CatalogueError(f"{where}: tool '{tool.name}': request {template!r}: {bad}")
    if template.count("[") != template.count("]") or template.count("{") != template.count("}"):
        raise CatalogueError(f"{where}: tool '{tool.name}': request {template!r}: unbalanced [ ] or {{ }}")


def check_schema(schema: Any, tool: str, where: str) -> None:
    if not isinstance(schema, dict):
        raise SchemaError(f"{where}: tool '{tool}': input schema must be a JSON object")
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        validator.check_schema(schema)
    except jsonschema.SchemaError as e:
        at = "/".join(str(p) for p in e.path) or "(root)"
        raise SchemaError(
            f"{where}: tool '{tool}': invalid input schema at {at}: {e.message}; fix the schema"
        ) from None
    if schema.get("type", "object") != "object":
        raise SchemaError(
            f"{where}: tool '{tool}': input schema type must be 'object', not {schema.get('type')!r}"
        )


__all__ = ["BUILTIN", "Catalogue", "check_schema", "check_template", "validate_tools"]
