"""The Berkeley Function Calling Leaderboard (BFCL v4), single-turn: its data and its AST checker.

`data` reads entries from the installed `bfcl-eval` package; `checker` scores calls by BFCL's rules
with BFCL's error types, without importing `bfcl-eval` (whose checker pulls every model client).

    >>> from mcptrain.bfcl import load_category
    >>> entry = load_category("parallel")[0]
    >>> entry.check(list(reversed(entry.gold_calls()))).valid  # parallel calls match in any order
    True
"""

from mcptrain.bfcl.checker import Answer, CheckResult, check, check_call, gold_calls, normalise
from mcptrain.bfcl.data import BFCL_EVAL_VERSION, CATEGORIES, NO_ANSWER, BfclEntry, data_root, load_category

__all__ = [
    "BFCL_EVAL_VERSION",
    "CATEGORIES",
    "NO_ANSWER",
    "Answer",
    "BfclEntry",
    "CheckResult",
    "check",
    "check_call",
    "data_root",
    "gold_calls",
    "load_category",
    "normalise",
]
