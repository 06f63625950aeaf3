"""Trajectories of real tool use: the crate's builders, and an embedded SQLite store to keep them.

The builders are the crate's `StepBuilder` / `TrajectoryBuilder` (spec §4.7), same defaults and
same `build()` rules. The store is ours: one SQLite file that several processes (a recording
proxy, a trainer) can append to and read at once.

    >>> traj = (
    ...     TrajectoryBuilder("t1", "spawn a coder")
    ...     .add_step(StepBuilder("agent_spawn").with_reward(0.8).build())
    ...     .build()
    ... )
    >>> with TrajectoryStore(Path("trajs.db")) as store:
    ...     written = store.append(traj)
    ...     store.get("t1") == traj
    True

Store layout (schema version 1)::

    schema_version(version)
    trajectories(seq PK, id UNIQUE, task, success, total_reward, session_id, user_id,
                 timestamp, domain, complexity, record JSON)
    steps(trajectory_id -> trajectories.id, idx, tool_name, success, reward, duration_ms,
          log_prob, ref_log_prob, error)

`record` holds the whole ToolTrajectory and is what reads return; the other columns copy parts
of it so that SQL can filter and aggregate without parsing JSON.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from mcptrain.errors import StoreError
from mcptrain.io import atomic_write_lines, dumps_compact, read_jsonl_models
from mcptrain.types import DifficultyLevel, ToolTrajectory, TrajectoryMetadata, TrajectoryStep

__all__ = ["OnConflict", "StepBuilder", "TrajectoryBuilder", "TrajectoryStore", "SCHEMA_VERSION"]

OnConflict = Literal["error", "skip", "replace"]

SCHEMA_VERSION = 1


# --------------------------------------------------------------------------------------------
# Builders (the crate's, spec §4.7)
# --------------------------------------------------------------------------------------------


class StepBuilder:
    """Build one `TrajectoryStep`; defaults are the crate's (`parameters={}`, `success=True`, zeros).

    >>> StepBuilder("memory_store").with_params({"key": "k"}).with_error("timeout").build().success
    False
    """

    def __init__(self, tool_name: str) -> None:
        self._step = TrajectoryStep(tool_name=tool_name)

    def with_params(self, params: Any) -> StepBuilder:
        self._step.parameters = params
        return self

    def with_state(self, state_embedding: list[float]) -> StepBuilder:
        self._step.state_embedding = list(state_embedding)
        return self

    def with_log_prob(self, log_prob: float) -> StepBuilder:
        self._step.log_prob = log_prob
        return self

    def with_ref_log_prob(self, ref_log_prob: float) -> StepBuilder:
        self._step.ref_log_prob = ref_log_prob
        return self

    def with_reward(self, reward: float) -> StepBuilder:
        self._step.reward = reward
        return self

    def with_success(self, success: bool) -> StepBuilder:
        self._step.success = success
        return self

    def with_error(self, message: str) -> StepBuilder:
        """Record an error; like the crate, this also marks the step as failed."""
        self._step.error = message
        self._step.success = False
        return self

    def with_duration(self, duration_ms: int) -> StepBuilder:
        self._step.duration_ms = duration_ms
        return self

    def with_result(self, text: str) -> StepBuilder:
        """The raw text the server returned (our extension; the crate has no such field)."""
        self._step.result = text
        return self

    def build(self) -> TrajectoryStep:
        # A copy, so that building twice or setting after build never aliases a returned step.
        return self._step.model_copy(deep=True)


class TrajectoryBuilder:
    """Build a `ToolTrajectory`: success = the last step's, total_reward = the plain sum.

    >>> (TrajectoryBuilder("t", "spawn then task")
    ...  .add_step(StepBuilder("agent_spawn").with_reward(0.8).build())
    ...  .add_step(StepBuilder("task_create").with_reward(0.9).build())
    ...  .build().total_reward)
    1.7000000000000002
    """

    def __init__(self, id: str, task: str) -> None:
        self._id = id
        self._task = task
        self._steps: list[TrajectoryStep] = []
        self._metadata = TrajectoryMetadata()

    def add_step(self, step: TrajectoryStep) -> TrajectoryBuilder:
        self._steps.append(step)
        return self

    def with_metadata(self, metadata: TrajectoryMetadata) -> TrajectoryBuilder:
        """Replace the whole metadata (the crate's behaviour: earlier session/complexity are lost)."""
        self._metadata = metadata.model_copy(deep=True)
        return self

    def with_complexity(self, complexity: DifficultyLevel) -> TrajectoryBuilder:
        self._metadata.complexity = complexity
        return self

    def with_session(self, session_id: str) -> TrajectoryBuilder:
        self._metadata.session_id = session_id
        return self

    def build(self) -> ToolTrajectory:
        steps = [s.model_copy(deep=True) for s in self._steps]
        return ToolTrajectory(
            id=self._id,
            task=self._task,
            steps=steps,
            success=steps[-1].success if steps else False,
            total_reward=sum(s.reward for s in steps),  # no discounting, as in the crate
            metadata=self._metadata.model_copy(deep=True),
        )


# --------------------------------------------------------------------------------------------
# SQLite store
# --------------------------------------------------------------------------------------------

# seq, not id, is the INTEGER PRIMARY KEY: it is the rowid, so insertion order survives VACUUM
# (an implicit rowid may be renumbered) and keyset pagination can walk it. id stays the unique key.
_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE trajectories (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    task         TEXT NOT NULL,
    success      INTEGER NOT NULL,
    total_reward REAL NOT NULL,
    session_id   TEXT,
    user_id      TEXT,
    timestamp    INTEGER NOT NULL,
    domain       TEXT,
    complexity   TEXT,
    record       TEXT NOT NULL
);
CREATE TABLE steps (
    trajectory_id TEXT NOT NULL REFERENCES trajectories(id),
    idx           INTEGER NOT NULL,
    tool_name     TEXT NOT NULL,
    success       INTEGER NOT NULL,
    reward        REAL NOT NULL,
    duration_ms   INTEGER NOT NULL,
    log_prob      REAL NOT NULL,
    ref_log_prob  REAL NOT NULL,
    error         TEXT,
    PRIMARY KEY (trajectory_id, idx)
);
CREATE INDEX trajectories_session ON trajectories(session_id);
CREATE INDEX trajectories_timestamp ON trajectories(timestamp);
CREATE INDEX trajectories_success ON trajectories(success);
CREATE INDEX steps_tool ON steps(tool_name, trajectory_id);
"""

# Seconds a writer waits for another process's write transaction before giving up.
_BUSY_TIMEOUT_S = 30.0


class TrajectoryStore:
    """An append-mostly store of `ToolTrajectory` records in one SQLite file.

    Several processes may write and read the same file at once (WAL mode, a busy timeout, and
    write transactions that take the lock up front). Each store object holds one connection; it
    may be shared by the threads of the process that opened it (calls are serialised), but a
    child process must open its own store.

        >>> store = TrajectoryStore(Path("trajs.db"))
        >>> store.append_many([traj_a, traj_b])       # one transaction: both or neither
        2
        >>> [t.id for t in store.query(tool="agent_spawn", success=True)]
        ['a']

    Filters shared by `query`, `iter_batches`, `count` and `export_jsonl`:
    `session_id` (exact), `tool` (any step called it), `success` (the trajectory's),
    `since <= metadata.timestamp < until` (seconds since the epoch; half-open so consecutive
    windows never count a record twice). Results come in insertion order.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._pid = os.getpid()
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = self._open()

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder; give a file path for the trajectory store")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction is exactly
            # what the code shows. check_same_thread=False: threads share it under self._lock.
            conn = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"{self.path}: cannot open the trajectory store ({e}); check the path") from None
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            _enable_wal(conn)  # readers never block the writer, nor it them
            conn.execute("PRAGMA synchronous = NORMAL")  # safe in WAL: a crash loses no committed data
            self._ensure_schema(conn)
        except sqlite3.Error as e:
            conn.close()
            if e.sqlite_errorname == "SQLITE_NOTADB":
                why = "not a SQLite database; give a new file or an existing trajectory store"
            elif e.sqlite_errorname == "SQLITE_BUSY":
                why = f"locked by another process for over {_BUSY_TIMEOUT_S:.0f} s; retry when it is done"
            else:
                why = f"cannot open the trajectory store ({e}); check the file and its permissions"
            raise StoreError(f"{self.path}: {why}") from None
        except StoreError:
            conn.close()
            raise
        return conn

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        # IMMEDIATE: two processes opening a new file at once must not both create the schema.
        conn.execute("BEGIN IMMEDIATE")
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                for statement in _SCHEMA.strip().split(";\n"):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif "schema_version" not in tables:
                raise StoreError(
                    f"{self.path}: a SQLite database but not an mcptrain trajectory store; give another file"
                )
            else:
                (version,) = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
                if version != SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: trajectory store schema version {version}, this mcptrain reads "
                        f"version {SCHEMA_VERSION}; export it with the mcptrain that wrote it"
                    )
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the trajectory store is closed; open a new TrajectoryStore")
        if os.getpid() != self._pid:
            # A SQLite connection copied into a forked child corrupts locks; refuse instead.
            raise StoreError(
                f"{self.path}: store opened in process {self._pid}, used in {os.getpid()}; "
                "open a new TrajectoryStore in each process"
            )
        return self._conn

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if self._conn is not None and os.getpid() == self._pid:
                self._conn.close()
            self._conn = None

    def __enter__(self) -> TrajectoryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def append(self, traj: ToolTrajectory, on_conflict: OnConflict = "error") -> bool:
        """Store one trajectory; True if it was written (False only when skipped as a duplicate).

        >>> store.append(traj); store.append(traj, on_conflict="skip")
        True
        False
        """
        return self.append_many([traj], on_conflict=on_conflict) == 1

    def append_many(self, trajs: Iterable[ToolTrajectory], on_conflict: OnConflict = "error") -> int:
        """Store trajectories in one transaction (all or none); returns how many were written.

        A duplicate id raises StoreError naming it (and writes nothing) unless `on_conflict` is
        "skip" (keep the stored one) or "replace" (the new one replaces it and moves to the end
        of the insertion order).

            >>> store.append_many([a, b, a], on_conflict="skip")
            2
        """
        if on_conflict not in ("error", "skip", "replace"):
            raise ValueError(f"on_conflict must be 'error', 'skip' or 'replace', not {on_conflict!r}")
        with self._lock:
            conn = self._connection()
            written = 0
            # IMMEDIATE takes the write lock now, so a busy store makes us wait (busy timeout)
            # instead of failing when a read transaction tries to upgrade to a write.
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise StoreError(f"{self.path}: cannot start a write ({e}); retry later") from None
            try:
                for traj in trajs:
                    written += self._insert(conn, traj, on_conflict)
                conn.execute("COMMIT")
            except BaseException as e:
                _rollback(conn)
                if isinstance(e, sqlite3.Error | OverflowError):
                    raise StoreError(f"{self.path}: write failed, nothing stored ({e})") from None
                raise
            return written

    def _insert(self, conn: sqlite3.Connection, traj: ToolTrajectory, on_conflict: OnConflict) -> int:
        exists = conn.execute("SELECT 1 FROM trajectories WHERE id = ?", (traj.id,)).fetchone()
        if exists:
            if on_conflict == "skip":
                return 0
            if on_conflict == "error":
                raise StoreError(
                    f"{self.path}: trajectory id {traj.id!r} is already stored, nothing written; "
                    "pass on_conflict='skip' or 'replace'"
                )
            conn.execute("DELETE FROM steps WHERE trajectory_id = ?", (traj.id,))
            conn.execute("DELETE FROM trajectories WHERE id = ?", (traj.id,))
        nan = _nan_field(traj)
        if nan:
            # SQLite would store NaN as NULL and fail on a NOT NULL column with a puzzling message.
            raise StoreError(
                f"{self.path}: trajectory {traj.id!r} has {nan} = NaN, nothing written; "
                "fix the reward or policy code that produced it"
            )
        m = traj.metadata
        conn.execute(
            "INSERT INTO trajectories (id, task, success, total_reward, session_id, user_id, timestamp,"
            " domain, complexity, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                traj.id,
                traj.task,
                traj.success,
                traj.total_reward,
                m.session_id,
                m.user_id,
                m.timestamp,
                m.domain,
                m.complexity.value if m.complexity else None,
                _record_json(traj),
            ),
        )
        conn.executemany(
            "INSERT INTO steps (trajectory_id, idx, tool_name, success, reward, duration_ms, log_prob,"
            " ref_log_prob, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    traj.id,
                    i,
                    s.tool_name,
                    s.success,
                    s.reward,
                    s.duration_ms,
                    s.log_prob,
                    s.ref_log_prob,
                    s.error,
                )
                for i, s in enumerate(traj.steps)
            ],
        )
        return 1

    def import_jsonl(self, path: Path | str, on_conflict: OnConflict = "error") -> int:
        """Read a JSONL file of ToolTrajectory lines and store them all in one transaction.

        Every line is validated before anything is written: a bad line raises DataError
        "file:line: ..." and the store is unchanged. Returns how many were written.

            >>> store.import_jsonl(Path("trajs.jsonl"))   # 3 valid lines
            3
        """
        trajs = read_jsonl_models(Path(path), ToolTrajectory)
        return self.append_many(trajs, on_conflict=on_conflict)

    # -- reading ---------------------------------------------------------------------------

    def get(self, id: str) -> ToolTrajectory | None:
        """The trajectory with this id, equal to the one written; None if there is none."""
        rows = self._select("SELECT record FROM trajectories WHERE id = ?", [id])
        return ToolTrajectory.model_validate_json(rows[0][0]) if rows else None

    def query(
        self,
        *,
        session_id: str | None = None,
        tool: str | None = None,
        success: bool | None = None,
        since: int | None = None,
        until: int | None = None,
        limit: int | None = None,
    ) -> list[ToolTrajectory]:
        """Trajectories matching every given filter, in insertion order, at most `limit`.

        >>> [t.id for t in store.query(session_id="s1", limit=1)]
        ['a']
        """
        where, params = _where(session_id, tool, success, since, until)
        sql = f"SELECT record FROM trajectories {where} ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [ToolTrajectory.model_validate_json(r[0]) for r in self._select(sql, params)]

    def iter_batches(
        self,
        batch_size: int,
        *,
        session_id: str | None = None,
        tool: str | None = None,
        success: bool | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> Iterator[list[ToolTrajectory]]:
        """Stream matching trajectories in insertion order, `batch_size` at a time.

        Each batch is its own short query resuming after the last seq seen (keyset pagination),
        so no read transaction stays open between batches and writers are never held up.
        Records appended while iterating appear in later batches; none is seen twice.

            >>> [len(b) for b in store.iter_batches(2)]   # 5 stored
            [2, 2, 1]
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        where, params = _where(session_id, tool, success, since, until)
        where = f"{where} AND seq > ?" if where else "WHERE seq > ?"
        sql = f"SELECT seq, record FROM trajectories {where} ORDER BY seq LIMIT ?"
        last_seq = 0
        while True:
            rows = self._select(sql, [*params, last_seq, batch_size])
            if not rows:
                return
            last_seq = rows[-1][0]
            yield [ToolTrajectory.model_validate_json(r[1]) for r in rows]
            if len(rows) < batch_size:
                return

    def count(
        self,
        *,
        session_id: str | None = None,
        tool: str | None = None,
        success: bool | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> int:
        """How many trajectories match the filters (all of them with none)."""
        where, params = _where(session_id, tool, success, since, until)
        return int(self._select(f"SELECT COUNT(*) FROM trajectories {where}", params)[0][0])

    def stats(self) -> dict[str, Any]:
        """Summary numbers of the whole store.

        Rates and averages are 0.0 on an empty store; timestamps ignore unset ones (0) and are
        None when no trajectory has one.

            >>> store.stats()
            {'trajectories': 2, 'steps': 3, 'success_rate': 0.5, 'avg_total_reward': 0.85,
             'steps_by_tool': {'agent_spawn': {'calls': 2, 'success_rate': 1.0, 'avg_duration_ms': 15.0},
                               ...},
             'sessions': 1, 'first_timestamp': 100, 'last_timestamp': 200}
        """
        (n, success_rate, avg_reward, sessions, first, last) = self._select(
            "SELECT COUNT(*), COALESCE(AVG(success), 0.0), COALESCE(AVG(total_reward), 0.0),"
            " COUNT(DISTINCT session_id), MIN(NULLIF(timestamp, 0)), MAX(NULLIF(timestamp, 0))"
            " FROM trajectories",
            [],
        )[0]
        by_tool = self._select(
            "SELECT tool_name, COUNT(*), AVG(success), AVG(duration_ms) FROM steps"
            " GROUP BY tool_name ORDER BY tool_name",
            [],
        )
        return {
            "trajectories": n,
            "steps": sum(r[1] for r in by_tool),
            "success_rate": float(success_rate),
            "avg_total_reward": float(avg_reward),
            "steps_by_tool": {
                tool: {"calls": calls, "success_rate": float(ok), "avg_duration_ms": float(ms)}
                for tool, calls, ok, ms in by_tool
            },
            "sessions": sessions,
            "first_timestamp": first,
            "last_timestamp": last,
        }

    def export_jsonl(
        self,
        path: Path | str,
        *,
        session_id: str | None = None,
        tool: str | None = None,
        success: bool | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> int:
        """Write matching trajectories, one compact JSON line each in insertion order; returns the count.

        The file appears whole or not at all. Exporting, importing into a new store and exporting
        again gives the same bytes.

            >>> store.export_jsonl(Path("out.jsonl"), success=True)
            1
        """
        lines = [
            _record_json(traj)
            for batch in self.iter_batches(
                1000, session_id=session_id, tool=tool, success=success, since=since, until=until
            )
            for traj in batch
        ]
        atomic_write_lines(Path(path), lines)
        return len(lines)

    def _select(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with self._lock:
            conn = self._connection()
            try:
                return conn.execute(sql, params).fetchall()
            except sqlite3.Error as e:
                raise StoreError(f"{self.path}: read failed ({e})") from None


def _enable_wal(conn: sqlite3.Connection) -> None:
    # Switching a file to WAL needs an exclusive lock, and SQLite does not wait for that one
    # through the busy timeout: two processes opening a new store together would see "database
    # is locked". So retry here. The mode is stored in the file, so later opens are a no-op.
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if e.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _nan_field(traj: ToolTrajectory) -> str | None:
    """The first float bound for an SQL column that is NaN, or None.

    >>> _nan_field(ToolTrajectory(id="t", task="x", total_reward=float("nan")))
    'total_reward'
    """
    # Steps first: a NaN step reward also makes the sum NaN, and the step is the cause to report.
    for i, step in enumerate(traj.steps):
        for name in ("reward", "log_prob", "ref_log_prob"):
            if math.isnan(getattr(step, name)):
                return f"steps[{i}].{name}"
    return "total_reward" if math.isnan(traj.total_reward) else None


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite rolls back by itself after some errors (disk full, I/O); a second ROLLBACK would fail.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _record_json(traj: ToolTrajectory) -> str:
    """The one JSON spelling of a trajectory: stored in `record` and written by export."""
    return dumps_compact(traj.model_dump(mode="json"))


def _where(
    session_id: str | None,
    tool: str | None,
    success: bool | None,
    since: int | None,
    until: int | None,
) -> tuple[str, list[Any]]:
    """Filters -> (SQL WHERE clause or "", its parameters).

    >>> _where("s1", None, True, None, None)
    ('WHERE session_id = ? AND success = ?', ['s1', True])
    """
    clauses: list[str] = []
    params: list[Any] = []
    if session_id is not None:
        clauses.append("session_id = ?")
        params.append(session_id)
    if tool is not None:
        clauses.append("id IN (SELECT trajectory_id FROM steps WHERE tool_name = ?)")
        params.append(tool)
    if success is not None:
        clauses.append("success = ?")
        params.append(success)
    if since is not None:
        clauses.append("timestamp >= ?")
        params.append(since)
    if until is not None:
        clauses.append("timestamp < ?")
        params.append(until)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
