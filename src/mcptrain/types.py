"""One vocabulary of records, validated whenever data comes from a file or a server.

Field names and JSON keys follow the ruvllm crate (snake_case, `None` written as `null`), so files
written by either side read in the other. Names follow MCP's own types where MCP has one
(`input_schema`, `is_error`, annotation hints).

    >>> ToolCall(name="memory_store", arguments={"key": "k", "value": 1}).model_dump()
    {'name': 'memory_store', 'arguments': {'key': 'k', 'value': 1}}
"""

from __future__ import annotations

import enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ToolCategory(enum.Enum):
    """The crate's 19 categories: the value is the serde variant, `.short` the crate's `name()`.

    Catalogues other than the crate's may use categories outside this enum (Claude Flow has
    `browser`, `transfer`, `analyze`, `progress`); those are plain strings everywhere.

        >>> ToolCategory.from_any("hive-mind").value
        'HiveMind'
    """

    AgentManagement = "AgentManagement"
    MemoryOperations = "MemoryOperations"
    SwarmCoordination = "SwarmCoordination"
    TaskManagement = "TaskManagement"
    HooksLearning = "HooksLearning"
    SessionManagement = "SessionManagement"
    Workflow = "Workflow"
    System = "System"
    Configuration = "Configuration"
    HiveMind = "HiveMind"
    Terminal = "Terminal"
    Neural = "Neural"
    Performance = "Performance"
    GitHub = "GitHub"
    Claims = "Claims"
    AiDefence = "AiDefence"
    Embeddings = "Embeddings"
    Daa = "Daa"
    Coordination = "Coordination"

    @property
    def short(self) -> str:
        """The crate's `name()`: the key of stats and per-category metric maps."""
        return _SHORT_NAMES[self]

    @classmethod
    def all(cls) -> list[ToolCategory]:
        """The crate's `ToolCategory::all()`, in its order."""
        return list(cls)

    @classmethod
    def from_any(cls, text: str) -> ToolCategory | None:
        """Variant (`"HiveMind"`) or short name (`"hive-mind"`) -> member; None if neither."""
        if text in cls.__members__:
            return cls[text]
        return _BY_SHORT.get(text)


_SHORT_NAMES = {
    ToolCategory.AgentManagement: "agent",
    ToolCategory.MemoryOperations: "memory",
    ToolCategory.SwarmCoordination: "swarm",
    ToolCategory.TaskManagement: "task",
    ToolCategory.HooksLearning: "hooks",
    ToolCategory.SessionManagement: "session",
    ToolCategory.Workflow: "workflow",
    ToolCategory.System: "system",
    ToolCategory.Configuration: "config",
    ToolCategory.HiveMind: "hive-mind",
    ToolCategory.Terminal: "terminal",
    ToolCategory.Neural: "neural",
    ToolCategory.Performance: "performance",
    ToolCategory.GitHub: "github",
    ToolCategory.Claims: "claims",
    ToolCategory.AiDefence: "aidefence",
    ToolCategory.Embeddings: "embeddings",
    ToolCategory.Daa: "daa",
    ToolCategory.Coordination: "coordination",
}
_BY_SHORT = {short: member for member, short in _SHORT_NAMES.items()}


def category_short(category: str) -> str:
    """Any category string -> the key used in stats maps (`"HiveMind"` -> `"hive-mind"`)."""
    member = ToolCategory.from_any(category)
    return member.short if member else category


def category_label(category: str) -> str:
    """Any category string -> what examples carry: the crate's variant where one exists."""
    member = ToolCategory.from_any(category)
    return member.value if member else category


class DifficultyLevel(str, enum.Enum):
    """Easy: a direct request. Medium: paraphrased. Hard: indirect, with distractors.
    Expert: indirect, several distractors, values stated in passing."""

    Easy = "Easy"
    Medium = "Medium"
    Hard = "Hard"
    Expert = "Expert"


class ToolAnnotations(BaseModel):
    """MCP's tool annotation hints plus what mcptrain needs to decide whether a call is safe to run."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    read_only: bool | None = None
    """MCP `readOnlyHint`: the tool does not modify its environment."""
    destructive: bool | None = None
    """MCP `destructiveHint`: the tool may delete or overwrite state."""
    idempotent: bool | None = None
    """MCP `idempotentHint`."""
    open_world: bool | None = None
    """MCP `openWorldHint`: the tool reaches outside entities (network, other programs)."""
    needs_external: bool | None = None
    """Needs outside programs, optional packages or the network to do its work."""
    notes: list[str] = Field(default_factory=list)
    """Why a flag is set, or what the tool really does (e.g. 'records the command, does not run it')."""


class ToolParam(BaseModel):
    """The crate's `ToolParam`, derived from a JSON Schema property (a read-only view)."""

    name: str
    param_type: str
    """The crate's ParamType: String, Integer, Boolean, Float, Object, Array, Enum (or Any)."""
    description: str = ""
    examples: list[str] = Field(default_factory=list)


class ToolSpec(BaseModel):
    """One tool: what `tools/list` returns plus category, use cases, annotations and provenance.

    The crate's `McpToolDef` is this class (`McpToolDef` is an alias); its `required_params` /
    `optional_params` are derived from `input_schema`.
    """

    model_config = ConfigDict(extra="forbid")

    name: str
    category: str = "general"
    """Short category name (`"hive-mind"`); the crate's variants are accepted and shortened."""
    description: str = ""
    input_schema: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})
    """The tool's JSON Schema for its arguments (MCP `inputSchema`)."""
    use_cases: list[str] = Field(default_factory=list)
    """Short phrases of what the tool is for ('store user preferences'); optional."""
    annotations: ToolAnnotations = Field(default_factory=ToolAnnotations)
    source: str | None = None
    """Where the definition came from: a file, a server command or URL, or a built-in catalogue."""

    def model_post_init(self, _context: Any) -> None:
        self.category = category_short(self.category)

    @property
    def properties(self) -> dict[str, dict[str, Any]]:
        props = self.input_schema.get("properties") or {}
        return props if isinstance(props, dict) else {}

    @property
    def required(self) -> list[str]:
        req = self.input_schema.get("required") or []
        return [r for r in req if isinstance(r, str)]

    @property
    def required_params(self) -> list[ToolParam]:
        return [_param(n, p) for n, p in self.properties.items() if n in self.required]

    @property
    def optional_params(self) -> list[ToolParam]:
        return [_param(n, p) for n, p in self.properties.items() if n not in self.required]

    def to_mcp(self) -> dict[str, Any]:
        """The wire shape of `tools/list`: `{"name", "description", "inputSchema"}`."""
        return {"name": self.name, "description": self.description, "inputSchema": self.input_schema}


McpToolDef = ToolSpec

_PARAM_TYPES = {
    "string": "String",
    "integer": "Integer",
    "boolean": "Boolean",
    "number": "Float",
    "object": "Object",
    "array": "Array",
}


def _param(name: str, prop: dict[str, Any]) -> ToolParam:
    if "enum" in prop:
        kind = "Enum"
    else:
        t = prop.get("type")
        kind = _PARAM_TYPES.get(t if isinstance(t, str) else "", "Any")
    examples = prop.get("x-ruvllm-raw-examples") or prop.get("examples") or prop.get("enum") or []
    return ToolParam(
        name=name,
        param_type=kind,
        description=str(prop.get("description", "")),
        examples=[e if isinstance(e, str) else _json(e) for e in examples],
    )


def _json(value: Any) -> str:
    import json

    return json.dumps(value)


class ToolCall(BaseModel):
    """A call in the OpenAI/MCP shape. "No tool" is represented by `None`, never by a ToolCall."""

    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)


class Turn(BaseModel):
    """One message of the conversation before the expected answer (error recovery history).

    `role="assistant"` carries a `call`; `role="tool"` carries the server's text in `content`
    and `is_error`; `role="user"` carries the request in `content`.
    """

    role: Literal["user", "assistant", "tool"]
    content: str | None = None
    call: ToolCall | None = None
    is_error: bool = False


ExampleKind = Literal["single", "irrelevant", "recovery", "multi_step"]


class ToolCallExample(BaseModel):
    """One JSONL line of a dataset: a superset of the crate's `ToolCallExample`.

    The expected answer is `expected_tool` + `expected_params` (the *first* call for multi-step
    examples, whose whole ordered answer is `expected_calls`; the *corrected* call for recovery
    examples, whose failed first attempt and error text are in `turns`).
    `expected_tool=None` means no tool serves the request.
    """

    prompt: str
    expected_tool: str | None = None
    expected_params: dict[str, Any] = Field(default_factory=dict)
    success: bool = True
    """The crate's flag: False for error-recovery examples (the first call in `turns` failed)."""
    category: str | None = None
    """The crate's variant string (`"HiveMind"`) where one exists, else the catalogue's category."""
    difficulty: DifficultyLevel = DifficultyLevel.Easy
    error_message: str | None = None
    alternatives: list[str] = Field(default_factory=list)
    context: str = ""
    quality_score: float = 1.0
    kind: ExampleKind = "single"
    candidate_tools: list[str] | None = None
    """Tools offered for this request; None means the whole catalogue."""
    turns: list[Turn] | None = None
    expected_calls: list[ToolCall] | None = None
    pattern: str | None = None
    """Id of the phrasing pattern the prompt was built from; splits keep test patterns unseen."""


class TrajectoryMetadata(BaseModel):
    """The crate's `TrajectoryMetadata`; `timestamp` is seconds since the epoch (0 = unset)."""

    timestamp: int = 0
    user_id: str | None = None
    session_id: str | None = None
    complexity: DifficultyLevel | None = None
    domain: str | None = None
    context: dict[str, str] = Field(default_factory=dict)


class TrajectoryStep(BaseModel):
    """The crate's `TrajectoryStep`, plus the raw `result` text a server returned (optional)."""

    tool_name: str
    parameters: Any = Field(default_factory=dict)
    state_embedding: list[float] = Field(default_factory=list)
    log_prob: float = 0.0
    ref_log_prob: float = 0.0
    reward: float = 0.0
    success: bool = True
    error: str | None = None
    duration_ms: int = 0
    next_state_embedding: list[float] | None = None
    result: str | None = None


class ToolTrajectory(BaseModel):
    """The crate's `ToolTrajectory`: `success` is the last step's, `total_reward` the sum."""

    id: str
    task: str
    steps: list[TrajectoryStep] = Field(default_factory=list)
    success: bool = False
    total_reward: float = 0.0
    metadata: TrajectoryMetadata = Field(default_factory=TrajectoryMetadata)
