"""mcptrain: train models to call MCP tools well.

The public names follow the ruvllm crate's training module (McpToolDef, ToolCallDataset,
ToolTrajectory, ...); where the crate simulates, mcptrain does the real thing.
"""

from mcptrain.errors import McptrainError
from mcptrain.types import (
    DifficultyLevel,
    McpToolDef,
    ToolAnnotations,
    ToolCall,
    ToolCallExample,
    ToolCategory,
    ToolSpec,
    ToolTrajectory,
    TrajectoryMetadata,
    TrajectoryStep,
    Turn,
)

__version__ = "0.1.0"

__all__ = [
    "DifficultyLevel",
    "McpToolDef",
    "McptrainError",
    "ToolAnnotations",
    "ToolCall",
    "ToolCallExample",
    "ToolCategory",
    "ToolSpec",
    "ToolTrajectory",
    "TrajectoryMetadata",
    "TrajectoryStep",
    "Turn",
    "__version__",
]
