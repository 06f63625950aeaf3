"""Catalogues: built-ins, file formats, validation errors."""

import json
import re
from pathlib import Path

import pytest

from mcptrain.catalogue import Catalogue
from mcptrain.errors import CatalogueError, DataError, SchemaError
from mcptrain.types import ToolCategory, ToolSpec

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference"


def write(tmp_path: Path, obj: object, name: str = "tools.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(obj))
    return path


# --- built-ins -----------------------------------------------------------------------------------


def test_ruvllm_has_the_crates_48_tools_in_order():
    cat = Catalogue.builtin("ruvllm")
    assert len(cat) == 48
    # catalogue order is the crate's tool index (spec §3.8)
    assert cat.names[:3] == ["agent_spawn", "agent_terminate", "agent_status"]
    assert cat.names[-2:] == ["embeddings_generate", "embeddings_search"]
    assert cat.tool_index("memory_store") == 6
    assert cat.tool_index("nope") is None
    assert "hooks_pre-task" in cat and "hive-mind_init" in cat
    # 14 of the crate's 19 categories have tools; Terminal, GitHub, Claims, Daa, Coordination have none
    assert list(cat.categories) == [
        c.short for c in ToolCategory.all()
        if c not in (ToolCategory.Terminal, ToolCategory.GitHub, ToolCategory.Claims,
                     ToolCategory.Daa, ToolCategory.Coordination)
    ]  # fmt: skip
    assert sum(len(t.required_params) + len(t.optional_params) for t in cat) == 99  # spec §3.8
    assert sum(len(t.use_cases) for t in cat) == 98


@pytest.mark.skipif(not (SHARED / "ruvllm-tools.json").exists(), reason="shared reference not present")
def test_ruvllm_matches_the_crate_reference_exactly():
    crate = json.loads((SHARED / "ruvllm-tools.json").read_text())
    cat = Catalogue.builtin("ruvllm")
    for ref, tool in zip(crate, cat, strict=True):
        assert (tool.name, tool.category, tool.description) == (ref["name"], ref["category"], ref["description"])
        assert ToolCategory.from_any(tool.category).value == ref["category_variant"]
        assert tool.use_cases == ref["use_cases"]
        assert [p.model_dump() for p in tool.required_params] == ref["required_params"]
        assert [p.model_dump() for p in tool.optional_params] == ref["optional_params"]


def test_claude_flow_builtin_has_199_tools_in_23_categories():
    cat = Catalogue.builtin("claude-flow")
    assert len(cat) == 199
    assert len(cat.categories) == 23
    assert cat.version == "3.0.0-alpha.179"
    assert sum(bool(t.annotations.destructive) for t in cat) == 45
    assert sum(bool(t.annotations.needs_external) for t in cat) == 49
    # every one of the crate's 48 names is a real Claude Flow tool
    assert set(Catalogue.builtin("ruvllm").names) <= set(cat.names)


def test_unknown_builtin_names_the_choices():
    with pytest.raises(CatalogueError, match="unknown catalogue 'nope'.*ruvllm, claude-flow, general"):
        Catalogue.load("nope")


# --- file formats --------------------------------------------------------------------------------


def test_openai_tool_list(tmp_path):
    path = write(tmp_path, [{
        "type": "function",
        "function": {"name": "get_weather", "description": "Weather for a city",
                     "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                    "required": ["city"]}},
    }])  # fmt: skip
    cat = Catalogue.load(path)
    assert cat.names == ["get_weather"]
    assert cat.get("get_weather").required == ["city"]
    assert cat.get("get_weather").category == "get"  # name prefix when no category is given


def test_bfcl_types_map_to_json_schema(tmp_path):
    path = write(tmp_path, [{
        "name": "math.hypot", "description": "Euclidean norm",
        "parameters": {"type": "dict", "required": ["point"], "properties": {
            "point": {"type": "tuple", "items": {"type": "float"}},
            "options": {"type": "dict", "properties": {"exact": {"type": "boolean"}}},
            "tag": {"type": "any"},
        }},
    }])  # fmt: skip
    schema = Catalogue.load(path).get("math.hypot").input_schema
    assert schema["type"] == "object"
    assert schema["properties"]["point"] == {"type": "array", "items": {"type": "number"}}
    assert schema["properties"]["options"]["type"] == "object"
    assert "type" not in schema["properties"]["tag"]  # any JSON value
    assert Catalogue.load(path).get("math.hypot").category == "math"


def test_mcp_tools_list_shape_and_hints(tmp_path):
    path = write(tmp_path, {"tools": [{
        "name": "delete_note", "description": "Delete a note",
        "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}},
        "annotations": {"destructiveHint": True, "readOnlyHint": False},
    }]})  # fmt: skip
    tool = Catalogue.load(path).get("delete_note")
    assert tool.annotations.destructive is True and tool.annotations.read_only is False


def test_save_and_load_round_trip(tmp_path):
    cat = Catalogue.builtin("ruvllm")
    cat.save(tmp_path / "c.json")
    again = Catalogue.load(tmp_path / "c.json")
    assert again.name == "ruvllm" and again.version == "2.2.0"
    assert [t.model_dump() for t in again] == [t.model_dump() for t in cat]


# --- validation ----------------------------------------------------------------------------------


def test_duplicate_name_names_the_tool_and_file(tmp_path):
    path = write(tmp_path, [{"name": "a"}, {"name": "a"}])
    with pytest.raises(CatalogueError, match=r"tools.json: duplicate tool name 'a'"):
        Catalogue.load(path)


def test_empty_name_is_rejected(tmp_path):
    path = write(tmp_path, [{"name": " "}])
    with pytest.raises(CatalogueError, match="tool #0 has no name"):
        Catalogue.load(path)


def test_invalid_schema_names_the_tool_and_place(tmp_path):
    path = write(tmp_path, [{"name": "bad", "inputSchema": {"type": "object", "properties": {"x": {"type": 5}}}}])
    with pytest.raises(SchemaError, match=r"tool 'bad': invalid input schema at properties/x/type"):
        Catalogue.load(path)


def test_non_object_schema_is_rejected():
    with pytest.raises(SchemaError, match="must be 'object'"):
        Catalogue([ToolSpec(name="f", input_schema={"type": "string"})])


def test_unknown_bfcl_type_is_rejected(tmp_path):
    path = write(tmp_path, [{"name": "f", "parameters": {"type": "dict", "properties": {"x": {"type": "complex"}}}}])
    with pytest.raises(SchemaError, match="tool 'f': unknown parameter type 'complex'"):
        Catalogue.load(path)


def test_malformed_json_reports_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"name": "a"},\n  {"name": }\n]\n')
    with pytest.raises(DataError, match=r"broken.json:3:\d+: invalid JSON"):
        Catalogue.load(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        Catalogue.load(tmp_path / "nope.json")


def test_empty_tool_list(tmp_path):
    with pytest.raises(CatalogueError, match="lists no tools"):
        Catalogue.load(write(tmp_path, {"tools": []}))


# --- the general catalogue ------------------------------------------------------------------------


def test_general_builtin_is_broad_varied_and_valid():
    from mcptrain.dataset.phrasing import request_templates, template_params
    from mcptrain.dataset.values import is_natural

    cat = Catalogue.load("general")  # every schema is checked against its meta-schema on load
    assert len(cat) >= 250 and len(cat.categories) >= 20
    names = cat.names
    assert any("." in n for n in names)  # finance.loan_payment
    assert any(n[0].islower() and any(c.isupper() for c in n) for n in names)  # getAccountBalance
    assert any("_" in n and "." not in n for n in names)  # calculate_triangle_area
    kinds: set[str] = set()
    for t in cat:
        assert t.description and is_natural(t), t.name
        assert set(t.required) <= set(t.properties), t.name
        for p in t.properties.values():
            kinds.add("enum" if "enum" in p else p["type"])
            assert p.get("description"), t.name
        templates = request_templates(t)
        assert templates and any(template_params(r)[0] <= set(t.required) for r in templates), t.name
        for r in templates:
            assert template_params(r)[1] <= set(t.properties), (t.name, r)
    assert kinds == {"integer", "number", "string", "boolean", "enum", "array", "object"}
    assert sum("default" in p for t in cat for p in t.properties.values()) > 50
    assert sum(not t.required for t in cat) >= 1  # a few take no required argument at all
    # near neighbours: picking among them is the point
    assert {"get_current_weather", "get_weather_forecast", "getHourlyForecast"} <= set(names)
    assert {"calculate_simple_interest", "calculate_compound_interest"} <= set(names)


def test_general_json_is_what_the_build_script_writes():
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "build_general_catalogue.py"
    spec = importlib.util.spec_from_file_location("build_general_catalogue", script)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.check(mod.TOOLS) == []
    built = Catalogue(mod.TOOLS, name="general", version="1", source=mod.SOURCE)
    data = Path(__file__).resolve().parents[1] / "src" / "mcptrain" / "catalogue" / "data" / "general.json"
    # rebuild the JSON after editing the script (the built-in also carries the phrasebook's wordings)
    assert built.to_dict() == Catalogue.from_file(data, default_name="general").to_dict()


def test_phrasebook_adds_requests_and_rejects_bad_templates(tmp_path):
    cat = Catalogue.builtin("general")
    book = tmp_path / "book.json"
    book.write_text(json.dumps({"fibonacci_sequence": ["give me {n} Fibonacci numbers"]}))
    schema = cat.with_phrasebook(book).get("fibonacci_sequence").input_schema
    before = cat.get("fibonacci_sequence").input_schema["x-mcptrain-requests"]
    assert schema["x-mcptrain-requests"] == [*before, "give me {n} Fibonacci numbers"]
    for entry, needle in [
        ({"fibonacci": ["x {n}"]}, "has no tool 'fibonacci'"),
        ({"fibonacci_sequence": ["x {count}"]}, "'{count}' is not a parameter (n)"),
        ({"fibonacci_sequence": ["x {n?many|few}"]}, "which is not a boolean"),
        ({"fibonacci_sequence": "x {n}"}, "give a list of non-empty request strings"),
        ({"fibonacci_sequence": ["x [{n}"]}, "unbalanced"),
    ]:
        book.write_text(json.dumps(entry))
        with pytest.raises(CatalogueError, match=re.escape(needle)):
            cat.with_phrasebook(book)
