"""What every benchmark result records about its run, and how it is written.

    >>> report = {**run_info(), "results": results}   # command, date, machine
    >>> write_report(ROOT / "results" / "router.json", report)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from mcptrain.io import atomic_write_text


def run_info() -> dict[str, Any]:
    """The command that ran (as typed from the repository root), the UTC date, and the machine."""
    return {
        "command": " ".join(["python", f"benchmarks/{Path(sys.argv[0]).name}", *sys.argv[1:]]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpu_count": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
    }


def write_report(path: Path, report: dict[str, Any]) -> None:
    """Indented JSON, written to a temporary file and renamed (a failed run leaves the old result)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(report, indent=2) + "\n")
