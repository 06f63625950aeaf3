"""The trainer on a 3-tool catalogue with the tiny encoder: learning, exact resume, checkpoint errors."""

import json
from pathlib import Path

import pytest
import torch

from mcptrain.catalogue import Catalogue
from mcptrain.checkpoint import CheckpointError
from mcptrain.dataset import ToolDatasetConfig, generate_splits
from mcptrain.errors import McptrainError
from mcptrain.grpo import GrpoConfig
from mcptrain.policy.encoder import Encoder
from mcptrain.trainer import McpToolTrainer, McpTrainingConfig
from mcptrain.trajectories import StepBuilder, TrajectoryBuilder
from mcptrain.types import ToolCall, ToolCallExample, ToolSpec

CAT = Catalogue([
    ToolSpec(name="notes_add", category="notes", description="Add a note with a title",
             input_schema={"type": "object", "properties": {"title": {"type": "string"}}, "required": ["title"]}),
    ToolSpec(name="notes_list", category="notes", description="List the saved notes",
             input_schema={"type": "object", "properties": {"limit": {"type": "integer"}}}),
    ToolSpec(name="weather_get", category="weather", description="Get the weather forecast for a city",
             input_schema={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}),
], name="tiny")  # fmt: skip


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder.tiny()


@pytest.fixture(scope="module")
def data() -> list[ToolCallExample]:
    return generate_splits(CAT, ToolDatasetConfig.default().with_overrides(examples_per_tool=8)).train.examples


def config(**overrides) -> McpTrainingConfig:
    grpo = GrpoConfig.for_tool_use(group_size=2, update_epochs=1, mini_batch_size=4, learning_rate=1e-3)
    base = dict(encoder="tiny", embedding_dim=16, epochs=1, batch_size=8, grpo_steps=4, requests_per_step=3, grpo=grpo)
    return McpTrainingConfig(**{**base, **overrides})


def new_trainer(encoder: Encoder, **overrides) -> McpToolTrainer:
    trainer = McpToolTrainer(config(**overrides), encoder=encoder)
    trainer.load_tool_definitions(CAT)
    return trainer


def test_crate_names_and_reward_oracles(encoder):
    trainer = new_trainer(encoder)
    assert trainer.num_tools() == 3 and trainer.tool_index("notes_list") == 1 and trainer.tool_name(2) == "weather_get"
    assert trainer.tool_index("nope") is None and trainer.tool_name(9) is None
    assert trainer.compute_reward("notes_add", "notes_add", True, True) == pytest.approx(1.0)
    assert trainer.compute_reward("weather_get", "notes_add", False, False) == 0.0  # other category
    assert trainer.compute_reward("notes_list", "notes_add", False, False) == pytest.approx(0.2)  # same category


def test_resume_continues_exactly(encoder, data, tmp_path):
    # uninterrupted: warm start, then 4 GRPO steps
    a = new_trainer(encoder)
    a.train_supervised(data)
    losses_a = [r.total_loss for r in a.train_grpo(data).grpo_results]
    # interrupted after 2 steps, exported, rebuilt from the folder alone, 2 more steps
    b = new_trainer(encoder)
    b.train_supervised(data)
    b.train_grpo(data, steps=2)
    b.export_checkpoint(tmp_path / "ck")
    c = McpToolTrainer.from_checkpoint(tmp_path / "ck", encoder=encoder)
    assert c.stats().grpo_steps == 2 and c.grpo_stats().total_updates == 2
    losses_c = [r.total_loss for r in c.train_grpo(data, steps=2).grpo_results]
    assert losses_c == pytest.approx(losses_a[2:], abs=1e-6)
    for (name, pa), pc in zip(a.policy.state_dict().items(), c.policy.state_dict().values(), strict=True):
        assert torch.allclose(pa, pc, atol=1e-6), name


def test_grpo_logs_every_curve(encoder, data):
    trainer = new_trainer(encoder)
    logs = []
    trainer.train_grpo(data, steps=2, on_step=lambda step, log: logs.append(log))
    keys = {"reward_mean", "reward_std", "frac_zero_std_groups", "kl", "entropy", "clip_fraction", "grad_norm",
            "learning_rate", "reward/composite/mean"}  # fmt: skip
    assert keys <= set(logs[0])
    assert len(trainer.stats().curves["reward_mean"]) == 2


def test_supervised_then_predict(encoder, data):
    trainer = new_trainer(encoder, epochs=6, embedding_dim=32)
    with torch.no_grad():
        loss_before = float(trainer.policy.supervised_loss(data))
    before = trainer.evaluate_tool_accuracy(data)
    trainer.train_supervised(data)
    with torch.no_grad():
        loss_after = float(trainer.policy.supervised_loss(data))
    after = trainer.evaluate_tool_accuracy(data)
    assert loss_after < 0.5 * loss_before  # the expected calls became far more likely
    # decoding rules (written values, no call where a value says nothing) already get much of this tiny
    # catalogue right untrained; training must keep it and be right nearly everywhere
    assert after.exact_call_accuracy >= max(before.exact_call_accuracy, 0.9)
    assert trainer.stats().eval_history == [before.tool_accuracy, after.tool_accuracy]
    assert trainer.stats().best_accuracy == after.tool_accuracy


def call_logp(trainer: McpToolTrainer, prompt: str, call: ToolCall) -> float:
    """log π(call | prompt): the sum of the call's decisions."""
    lp, _, mask = trainer.policy.log_prob([ToolCallExample(prompt=prompt)], [call])
    return float((lp * mask).sum().detach())


def test_trajectories_raise_the_rewarded_call(encoder):
    trainer = new_trainer(encoder)
    good = ToolCall(name="weather_get", arguments={"city": "Oslo"})
    before = call_logp(trainer, "weather in Oslo", good)
    trajs = [
        TrajectoryBuilder("t1", "weather in Oslo")
        .add_step(StepBuilder("weather_get").with_params({"city": "Oslo"}).with_reward(1.0).build())
        .build(),
        TrajectoryBuilder("t2", "weather in Oslo")
        .add_step(StepBuilder("notes_list").with_reward(0.0).with_success(False).build())
        .build(),
    ]  # a reward of 0.0 reads as "none stored" (proxy records), so the failed call says it failed
    result = trainer.train_on_trajectories(trajs)
    assert result.samples_processed == 2 and result.grad_norm > 0
    assert call_logp(trainer, "weather in Oslo", good) > before


def test_recorded_use_without_rewards_learns_from_success(encoder):
    """Proxy records: a request (task), a call, success or failure, reward 0.0 and no log-prob."""
    trainer = new_trainer(encoder)
    good = ToolCall(name="notes_add", arguments={"title": "Milk"})

    def step(tool: str, success: bool, **params):
        return StepBuilder(tool).with_params(params).with_success(success).build()

    before = call_logp(trainer, "note down Milk", good)
    trajs = [
        TrajectoryBuilder("a", "note down Milk").add_step(step("notes_add", True, title="Milk")).build(),
        TrajectoryBuilder("b", "note down Milk").add_step(step("notes_list", False)).build(),
        TrajectoryBuilder("c", "").add_step(step("weather_get", True, city="Oslo")).build(),  # no request: skipped
        TrajectoryBuilder("d", "x").add_step(step("other_server_tool", True)).build(),  # not in the catalogue
    ]
    result = trainer.train_on_recorded_use(trajs)
    assert result.samples_processed == 2  # the off-policy update saw a and b only
    assert call_logp(trainer, "note down Milk", good) > before
    with pytest.raises(McptrainError, match="mcptrain/task"):
        trainer.train_on_recorded_use(trajs[2:])


def test_trainer_buffer(encoder):
    trainer = new_trainer(encoder)
    assert trainer.train_buffered() is None
    trainer.add_trajectory(
        TrajectoryBuilder("t", "x").add_step(StepBuilder("notes_list").with_reward(1).build()).build()
    )
    assert trainer.stats().total_trajectories == 1
    assert trainer.train_buffered() is not None and trainer.trajectory_buffer == []


def test_corrupt_or_foreign_checkpoints_fail_clearly(encoder, data, tmp_path):
    trainer = new_trainer(encoder)
    trainer.train_grpo(data, steps=1)
    ck = trainer.export_checkpoint(tmp_path / "ck")
    with pytest.raises(CheckpointError, match="no such checkpoint folder"):
        McpToolTrainer.from_checkpoint(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CheckpointError, match="no checkpoint.json"):
        McpToolTrainer.from_checkpoint(tmp_path / "empty")
    manifest = json.loads((ck / "checkpoint.json").read_text())
    (ck / "checkpoint.json").write_text(json.dumps({**manifest, "format_version": 99}))
    with pytest.raises(CheckpointError, match="format_version 99"):
        McpToolTrainer.from_checkpoint(ck, encoder=encoder)
    (ck / "checkpoint.json").write_text(json.dumps(manifest))
    weights = ck / "policy" / "weights.safetensors"
    weights.write_bytes(weights.read_bytes()[:100])
    with pytest.raises(CheckpointError, match="policy"):
        McpToolTrainer.from_checkpoint(ck, encoder=encoder)


def test_export_is_atomic_over_an_existing_checkpoint(encoder, tmp_path):
    trainer = new_trainer(encoder)
    ck = trainer.export_checkpoint(tmp_path / "ck")
    trainer.export_checkpoint(ck)  # replaces in place, leaves no temp folders behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ck"]
    assert (Path(ck) / "policy" / "weights.safetensors").exists()


def test_dynamic_sampling_keeps_only_groups_that_differ(encoder, data):
    """DAPO's dynamic sampling: of 3x the requests, the step keeps those whose G calls got different
    rewards; without it, tied groups (no advantage) take their share of the step."""
    tied = {}
    for factor in (1, 4):
        trainer = new_trainer(encoder, epochs=6, dynamic_sampling=factor)
        trainer.train_supervised(data)
        result = trainer.train_grpo(data, steps=3)
        tied[factor] = [r.frac_zero_std_groups for r in result.grpo_results]
    assert max(tied[1]) > 0.0  # the warm start makes many groups tie
    assert tied[4] == [0.0, 0.0, 0.0]


def test_keep_best_ends_on_the_best_val_policy_and_survives_a_checkpoint(encoder, data, tmp_path):
    """With a val set, GRPO scores val before its first step, every eval_frequency steps and after its
    last; restore_best puts back the weights of the best of those scores (a later one must beat it),
    and a checkpoint carries them: a resumed trainer restores the same weights."""
    trainer = new_trainer(encoder, eval_frequency=2, grpo_steps=5, grpo=GrpoConfig.for_tool_use(
        group_size=2, update_epochs=1, mini_batch_size=4, learning_rate=0.3))  # fmt: skip
    trainer.train_supervised(data)
    val = data[:12]
    seen: list[float] = []
    trainer.train_grpo(data, val=val, on_step=lambda step, log: seen.append(log.get("val_exact_call", -1.0)))
    stats = trainer.stats()
    evaluated = [s for s in seen if s >= 0]  # after steps 2, 4 and 5 (the last)
    assert len(evaluated) == 3
    assert stats.best_val_exact is not None and stats.best_val_exact >= max(evaluated)
    assert stats.best_val_step in (0, 2, 4, 5)
    if stats.best_val_step != 0:  # the first step that reached the best score is kept
        assert evaluated[(0, 2, 4, 5).index(stats.best_val_step) - 1] == stats.best_val_exact
    trainer.export_checkpoint(tmp_path / "ck")
    assert trainer.restore_best() == stats.best_val_step
    assert trainer.evaluate_tool_accuracy(val).exact_call_accuracy == pytest.approx(stats.best_val_exact)
    resumed = McpToolTrainer.from_checkpoint(tmp_path / "ck", encoder=encoder)
    assert resumed.restore_best() == stats.best_val_step
    for (name, pa), pb in zip(trainer.policy.state_dict().items(), resumed.policy.state_dict().values(), strict=True):
        assert torch.equal(pa, pb), name
    plain = new_trainer(encoder)
    plain.train_grpo(data, steps=1)
    assert plain.restore_best() is None and plain.stats().best_val_exact is None  # no val, nothing kept
