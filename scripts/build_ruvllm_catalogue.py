"""Build the built-in `ruvllm` catalogue from the crate's tool list (run by developers, not CI).

    python scripts/build_ruvllm_catalogue.py [--reference ../shared/reference]

Reads `ruvllm-tools.json` (the 48 tools exactly as ruvllm 2.2.0 defines them: names, categories,
parameters, examples, use cases) and carries over the destructive / outside-dependency flags of the
same-named Claude Flow tools from `claude-flow-tools.json`. Writes
`src/mcptrain/catalogue/data/ruvllm.json`.
"""

import argparse
import json
from pathlib import Path

from mcptrain.catalogue import Catalogue
from mcptrain.types import ToolAnnotations, ToolSpec

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = ap.parse_args()
    crate = json.loads((args.reference / "ruvllm-tools.json").read_text())
    flags = json.loads((args.reference / "claude-flow-tools.json").read_text())["flags"]

    tools = []
    for t in sorted(crate, key=lambda t: t["index"]):
        notes = [
            f"claude-flow: {flags[k][t['name']]}" for k in ("destructive", "external") if t["name"] in flags[k]
        ]
        tools.append(
            ToolSpec(
                name=t["name"],
                category=t["category"],
                description=t["description"],
                input_schema=t["parameters"],
                use_cases=t["use_cases"],
                annotations=ToolAnnotations(
                    destructive=t["name"] in flags["destructive"] or None,
                    needs_external=t["name"] in flags["external"] or None,
                    notes=notes,
                ),
                source="ruvllm 2.2.0 training/tool_dataset.rs",
            )
        )
    cat = Catalogue(tools, name="ruvllm", version="2.2.0", source="ruvllm 2.2.0 training/tool_dataset.rs")
    out = ROOT / "src" / "mcptrain" / "catalogue" / "data" / "ruvllm.json"
    cat.save(out)
    print(f"wrote {out}: {len(cat)} tools, {len(cat.categories)} categories")


if __name__ == "__main__":
    main()
