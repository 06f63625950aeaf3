"""Builders (crate oracles) and the SQLite trajectory store, on a tiny hand-built set."""

from __future__ import annotations

import multiprocessing as mp
import os
import sqlite3
import threading
from collections.abc import Iterator
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from mcptrain.errors import DataError, StoreError
from mcptrain.io import dumps_compact
from mcptrain.trajectories import StepBuilder, TrajectoryBuilder, TrajectoryStore
from mcptrain.types import DifficultyLevel, ToolTrajectory, TrajectoryMetadata, TrajectoryStep

# ------------------------------------------------------------------------------------------------
# Builders
# ------------------------------------------------------------------------------------------------


def test_crate_oracle_two_steps() -> None:
    # spec §4.7 / §4.10: (agent_spawn, 0.8), (task_create, 0.9) -> 2 steps, success, total 1.7
    traj = (
        TrajectoryBuilder("test-1", "Spawn agent and create task")
        .add_step(StepBuilder("agent_spawn").with_reward(0.8).build())
        .add_step(StepBuilder("task_create").with_reward(0.9).build())
        .build()
    )
    assert len(traj.steps) == 2
    assert traj.success is True
    assert traj.total_reward == pytest.approx(1.7, abs=1e-6)


def test_step_defaults_are_the_crates() -> None:
    step = StepBuilder("memory_store").build()
    assert step == TrajectoryStep(
        tool_name="memory_store",
        parameters={},
        state_embedding=[],
        log_prob=0.0,
        ref_log_prob=0.0,
        reward=0.0,
        success=True,
        error=None,
        duration_ms=0,
        next_state_embedding=None,
        result=None,
    )


def test_step_setters_chain() -> None:
    step = (
        StepBuilder("memory_store")
        .with_params({"key": "k", "value": 1})
        .with_state([0.1, 0.2])
        .with_log_prob(-0.5)
        .with_ref_log_prob(-0.6)
        .with_reward(0.3)
        .with_duration(12)
        .with_result('{"stored": true}')
        .build()
    )
    assert step.parameters == {"key": "k", "value": 1}
    assert step.state_embedding == [0.1, 0.2]
    assert (step.log_prob, step.ref_log_prob, step.reward) == (-0.5, -0.6, 0.3)
    assert step.duration_ms == 12
    assert step.result == '{"stored": true}'
    assert StepBuilder("x").with_success(False).build().success is False


def test_with_error_also_marks_failure() -> None:
    step = StepBuilder("memory_store").with_error("timeout").build()
    assert step.error == "timeout"
    assert step.success is False


def test_trajectory_success_is_last_step_and_empty_is_failure() -> None:
    failed_last = (
        TrajectoryBuilder("t", "x")
        .add_step(StepBuilder("a").build())  # success
        .add_step(StepBuilder("b").with_error("boom").build())  # failure, last
        .build()
    )
    assert failed_last.success is False
    recovered = (
        TrajectoryBuilder("t", "x")
        .add_step(StepBuilder("a").with_error("boom").build())
        .add_step(StepBuilder("a").build())  # the retry succeeds, so the trajectory does
        .build()
    )
    assert recovered.success is True
    empty = TrajectoryBuilder("t", "x").build()
    assert (empty.steps, empty.success, empty.total_reward) == ([], False, 0.0)


def test_with_metadata_replaces_the_whole_metadata() -> None:
    traj = (
        TrajectoryBuilder("t", "x")
        .with_session("s1")
        .with_complexity(DifficultyLevel.Hard)
        .with_metadata(TrajectoryMetadata(domain="ops"))  # session and complexity are lost
        .build()
    )
    assert traj.metadata == TrajectoryMetadata(domain="ops")
    traj = TrajectoryBuilder("t", "x").with_session("s1").with_complexity(DifficultyLevel.Hard).build()
    assert (traj.metadata.session_id, traj.metadata.complexity) == ("s1", DifficultyLevel.Hard)


# ------------------------------------------------------------------------------------------------
# Store: a tiny hand-built set
# ------------------------------------------------------------------------------------------------


def _traj(
    id: str,
    steps: list[tuple[str, float, bool, int]],
    *,
    session: str | None = None,
    timestamp: int = 0,
) -> ToolTrajectory:
    """steps: (tool, reward, success, duration_ms)."""
    b = TrajectoryBuilder(id, f"task {id}")
    for tool, reward, ok, ms in steps:
        s = StepBuilder(tool).with_reward(reward).with_duration(ms)
        b.add_step((s if ok else s.with_error("failed")).build())
    b.with_metadata(TrajectoryMetadata(session_id=session, timestamp=timestamp))
    return b.build()


def _tiny_set() -> list[ToolTrajectory]:
    #  id  session  ts   steps (tool, reward, ok, ms)                         success  total
    #  a   s1       100  agent_spawn 0.8 ok 10, task_create 0.9 ok 30          True     1.7
    #  b   s1       200  memory_store 0.2 FAIL 50                              False    0.2
    #  c   s2       300  agent_spawn 0.5 ok 20                                 True     0.5
    #  d   None       0  (no steps)                                            False    0.0
    return [
        _traj(
            "a", [("agent_spawn", 0.8, True, 10), ("task_create", 0.9, True, 30)], session="s1", timestamp=100
        ),
        _traj("b", [("memory_store", 0.2, False, 50)], session="s1", timestamp=200),
        _traj("c", [("agent_spawn", 0.5, True, 20)], session="s2", timestamp=300),
        _traj("d", []),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TrajectoryStore]:
    with TrajectoryStore(tmp_path / "t.db") as s:
        assert s.append_many(_tiny_set()) == 4
        yield s


def _ids(trajs: list[ToolTrajectory]) -> list[str]:
    return [t.id for t in trajs]


def test_round_trip_equal_including_floats(tmp_path: Path) -> None:
    traj = (
        TrajectoryBuilder("rt", "round trip")
        .add_step(
            StepBuilder("memory_store")
            .with_params({"key": "k", "nested": {"x": [1, 2.5, None]}})
            .with_state([0.1, 1 / 3, -1e-300, 123456789.123456789])
            .with_log_prob(-0.30000000000000004)
            .with_ref_log_prob(-2 / 7)
            .with_reward(0.1 + 0.2)
            .with_duration(7)
            .with_result("ok ✓")
            .build()
        )
        .add_step(TrajectoryStep(tool_name="x", next_state_embedding=[0.7], parameters="raw"))
        .with_metadata(
            TrajectoryMetadata(
                timestamp=1_700_000_000,
                user_id="u",
                session_id="s",
                complexity=DifficultyLevel.Expert,
                domain="d",
                context={"k": "v"},
            )
        )
        .build()
    )
    path = tmp_path / "t.db"
    with TrajectoryStore(path) as s:
        assert s.append(traj) is True
        assert s.get("rt") == traj
        assert s.get("missing") is None
    with TrajectoryStore(path) as s:  # and after reopening the file
        assert s.get("rt") == traj
        assert s.get("rt").steps[0].reward == 0.1 + 0.2  # bit-exact, not approx


def test_query_filters(store: TrajectoryStore) -> None:
    assert _ids(store.query()) == ["a", "b", "c", "d"]  # insertion order
    assert _ids(store.query(session_id="s1")) == ["a", "b"]
    assert _ids(store.query(session_id="nope")) == []
    assert _ids(store.query(tool="agent_spawn")) == ["a", "c"]  # a used it in step 0, c in step 0
    assert _ids(store.query(tool="task_create")) == ["a"]  # a step that is not the first counts
    assert _ids(store.query(success=True)) == ["a", "c"]
    assert _ids(store.query(success=False)) == ["b", "d"]
    assert _ids(store.query(since=200)) == ["b", "c"]  # since is inclusive
    assert _ids(store.query(until=200)) == ["a", "d"]  # until is exclusive; d has timestamp 0
    assert _ids(store.query(since=100, until=300)) == ["a", "b"]
    assert _ids(store.query(limit=2)) == ["a", "b"]
    # filters combine with AND: agent_spawn in session s1 -> only a
    assert _ids(store.query(tool="agent_spawn", session_id="s1")) == ["a"]
    assert _ids(store.query(tool="agent_spawn", success=True, since=250)) == ["c"]


def test_count_matches_query(store: TrajectoryStore) -> None:
    assert store.count() == 4
    assert store.count(session_id="s1") == 2
    assert store.count(tool="agent_spawn") == 2
    assert store.count(success=False) == 2
    assert store.count(since=100, until=300) == 2


def test_iter_batches_covers_every_record_once(store: TrajectoryStore) -> None:
    for size in (1, 2, 3, 4, 10):
        batches = list(store.iter_batches(size))
        # 4 records in batches of `size`: e.g. size 3 -> [3, 1]
        assert [len(b) for b in batches] == [min(size, 4 - i) for i in range(0, 4, size)]
        assert [t.id for b in batches for t in b] == ["a", "b", "c", "d"]
    assert [_ids(b) for b in store.iter_batches(1, tool="agent_spawn")] == [["a"], ["c"]]
    assert list(store.iter_batches(2, session_id="nope")) == []


def test_iter_batches_sees_appends_made_while_iterating(store: TrajectoryStore) -> None:
    seen: list[str] = []
    for batch in store.iter_batches(2):
        seen += _ids(batch)
        if seen == ["a", "b"]:
            store.append(_traj("e", []))  # appended mid-stream: comes later, exactly once
    assert seen == ["a", "b", "c", "d", "e"]


def test_stats_hand_checked(store: TrajectoryStore) -> None:
    stats = store.stats()
    assert stats["trajectories"] == 4
    assert stats["steps"] == 4  # a:2 + b:1 + c:1 + d:0
    assert stats["success_rate"] == pytest.approx(0.5)  # a, c of 4
    assert stats["avg_total_reward"] == pytest.approx((1.7 + 0.2 + 0.5 + 0.0) / 4)  # 0.6
    assert stats["steps_by_tool"] == {
        "agent_spawn": {"calls": 2, "success_rate": 1.0, "avg_duration_ms": 15.0},  # (10+20)/2
        "memory_store": {"calls": 1, "success_rate": 0.0, "avg_duration_ms": 50.0},
        "task_create": {"calls": 1, "success_rate": 1.0, "avg_duration_ms": 30.0},
    }
    assert stats["sessions"] == 2  # s1, s2 (d has none)
    assert (stats["first_timestamp"], stats["last_timestamp"]) == (100, 300)  # d's 0 means unset


def test_stats_of_empty_store(tmp_path: Path) -> None:
    with TrajectoryStore(tmp_path / "e.db") as s:
        assert s.stats() == {
            "trajectories": 0,
            "steps": 0,
            "success_rate": 0.0,
            "avg_total_reward": 0.0,
            "steps_by_tool": {},
            "sessions": 0,
            "first_timestamp": None,
            "last_timestamp": None,
        }


# ------------------------------------------------------------------------------------------------
# Duplicates and transactions
# ------------------------------------------------------------------------------------------------


def test_duplicate_id_raises_and_writes_nothing(store: TrajectoryStore) -> None:
    new = _traj("new", [])
    dup = _traj("b", [("agent_spawn", 1.0, True, 1)])
    with pytest.raises(StoreError, match="'b'"):
        store.append_many([new, dup])
    assert store.count() == 4 and store.get("new") is None  # all or nothing
    assert store.get("b").steps[0].tool_name == "memory_store"  # the stored b is untouched


def test_duplicate_within_one_batch_raises(tmp_path: Path) -> None:
    with TrajectoryStore(tmp_path / "t.db") as s:
        with pytest.raises(StoreError, match="'x'"):
            s.append_many([_traj("x", []), _traj("x", [])])
        assert s.count() == 0


def test_on_conflict_skip_and_replace(store: TrajectoryStore) -> None:
    dup = _traj("b", [("agent_spawn", 1.0, True, 1)])
    assert store.append(dup, on_conflict="skip") is False
    assert store.get("b").steps[0].tool_name == "memory_store"  # skip keeps the stored one
    assert store.append_many([_traj("e", []), dup], on_conflict="skip") == 1  # only e is new

    assert store.append(dup, on_conflict="replace") is True
    assert store.get("b") == dup
    # replace: its old steps are gone, and it moves to the end of the insertion order
    assert _ids(store.query(tool="memory_store")) == []
    assert _ids(store.query(tool="agent_spawn")) == ["a", "c", "b"]
    assert _ids(store.query()) == ["a", "c", "d", "e", "b"]


def test_bad_on_conflict_value(store: TrajectoryStore) -> None:
    with pytest.raises(ValueError):
        store.append(_traj("z", []), on_conflict="overwrite")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------------
# JSONL import / export
# ------------------------------------------------------------------------------------------------


def test_export_import_round_trip_is_byte_identical(store: TrajectoryStore, tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    assert store.export_jsonl(first) == 4
    lines = first.read_text(encoding="utf-8").splitlines()
    assert [ToolTrajectory.model_validate_json(line).id for line in lines] == ["a", "b", "c", "d"]
    assert ", " not in lines[3] and ": " not in lines[3]  # compact separators

    with TrajectoryStore(tmp_path / "copy.db") as copy:
        assert copy.import_jsonl(first) == 4
        assert copy.query() == store.query()
        second = tmp_path / "second.jsonl"
        assert copy.export_jsonl(second) == 4
    assert second.read_bytes() == first.read_bytes()


def test_export_with_filters(store: TrajectoryStore, tmp_path: Path) -> None:
    out = tmp_path / "ok.jsonl"
    assert store.export_jsonl(out, success=True) == 2
    assert [ToolTrajectory.model_validate_json(x).id for x in out.read_text().splitlines()] == ["a", "c"]


def test_bad_jsonl_line_inserts_nothing(tmp_path: Path) -> None:
    good = [dumps_compact(t.model_dump(mode="json")) for t in _tiny_set()]
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text("\n".join([good[0], good[1], "{not json", good[2]]) + "\n")
    missing_field = tmp_path / "missing.jsonl"
    missing_field.write_text("\n".join([good[0], '{"id": "x"}']) + "\n")  # no task
    with TrajectoryStore(tmp_path / "t.db") as s:
        with pytest.raises(DataError, match=r"bad\.jsonl:3:"):
            s.import_jsonl(bad_json)
        with pytest.raises(DataError, match=r"missing\.jsonl:2: .*task"):
            s.import_jsonl(missing_field)
        assert s.count() == 0  # the good lines before the bad one were not stored either


def test_import_duplicate_id_follows_on_conflict(store: TrajectoryStore, tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(dumps_compact(_traj("a", []).model_dump(mode="json")) + "\n")
    with pytest.raises(StoreError, match="'a'"):
        store.import_jsonl(path)
    assert store.import_jsonl(path, on_conflict="skip") == 0
    assert store.import_jsonl(path, on_conflict="replace") == 1
    assert store.get("a").steps == []


# ------------------------------------------------------------------------------------------------
# Opening bad files
# ------------------------------------------------------------------------------------------------


def test_not_a_database_raises_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("this is a text file, not SQLite\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db") as info:
        TrajectoryStore(path)
    assert "\n" not in str(info.value)  # one clear line
    assert path.read_text().startswith("this is a text file")  # and the file is left alone


def test_folder_and_foreign_database_raise_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        TrajectoryStore(tmp_path)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE users (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not an mcptrain trajectory store"):
        TrajectoryStore(other)


def test_closed_store_raises(tmp_path: Path) -> None:
    s = TrajectoryStore(tmp_path / "t.db")
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_store_file_is_wal_with_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    TrajectoryStore(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # persistent in the file
    assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
    conn.close()


# ------------------------------------------------------------------------------------------------
# Two writer processes at once
# ------------------------------------------------------------------------------------------------

N_PER_WRITER = 200


def _writer(path: str, name: str, start: Barrier) -> None:
    # Runs in a spawned child: each process opens its own store on the same file.
    start.wait()  # both begin together so their transactions really interleave
    with TrajectoryStore(Path(path)) as s:
        for i in range(N_PER_WRITER):
            s.append(_traj(f"{name}-{i}", [("agent_spawn", 0.5, True, i)], session=name, timestamp=i + 1))


def test_two_writer_processes(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(str(path), name, start)) for name in ("p1", "p2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]  # neither writer failed (e.g. 'database is locked')

    with TrajectoryStore(path) as s:
        assert s.count() == 2 * N_PER_WRITER
        assert s.count(session_id="p1") == s.count(session_id="p2") == N_PER_WRITER
        assert s.stats()["steps"] == 2 * N_PER_WRITER
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_threads_share_one_store(tmp_path: Path) -> None:
    # One connection, calls serialised by the store's lock: 4 threads x 25 appends all land.
    with TrajectoryStore(tmp_path / "t.db") as s:

        def work(name: str) -> None:
            for i in range(25):
                s.append(_traj(f"{name}-{i}", [("agent_spawn", 0.5, True, 1)]))

        threads = [threading.Thread(target=work, args=(f"th{k}",)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert s.count() == 100


def test_store_refuses_use_from_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = TrajectoryStore(tmp_path / "t.db")
    real_pid = os.getpid()
    monkeypatch.setattr(os, "getpid", lambda: real_pid + 1)  # as if we were a forked child
    with pytest.raises(StoreError, match="open a new TrajectoryStore in each process"):
        s.count()
    monkeypatch.undo()
    s.close()


def test_nan_is_refused_and_infinity_round_trips(tmp_path: Path) -> None:
    nan_step = StepBuilder("x").with_reward(float("nan")).build()
    inf_step = StepBuilder("x").with_log_prob(float("-inf")).build()  # probability 0 is legitimate
    with TrajectoryStore(tmp_path / "t.db") as s:
        with pytest.raises(StoreError, match=r"'bad' has steps\[0\]\.reward = NaN"):
            s.append(TrajectoryBuilder("bad", "x").add_step(nan_step).build())
        ok = TrajectoryBuilder("ok", "x").add_step(inf_step).build()
        s.append(ok)
        assert s.get("ok") == ok and s.count() == 1
