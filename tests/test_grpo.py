"""GRPO: golden numbers worked out in comments, and real updates of a tiny policy built in code."""

from __future__ import annotations

import copy
import io
import math
from typing import Any

import pytest
import torch

from mcptrain.grpo import (
    GrpoBatch,
    GrpoConfig,
    GrpoOptimizer,
    GrpoSample,
    SampleGroup,
    adapt_kl_coefficient,
    aggregate_decisions,
    clipped_policy_loss,
    compute_gae,
    compute_relative_advantages,
    compute_returns,
    entropy_bonus,
    entropy_from_logits,
    group_advantages,
    kl_k3,
    masked_mean,
)

T = torch.tensor


# --- config ---------------------------------------------------------------------------------------


def test_config_default_and_presets_match_the_crate() -> None:
    differs = {  # spec §2.1: the fields each preset changes from Default
        "for_tool_use": dict(
            group_size=4,
            learning_rate=5e-6,
            kl_coefficient=0.05,
            kl_target=0.02,
            entropy_coefficient=0.005,
            update_epochs=2,
            mini_batch_size=16,
            clip_range=0.15,
        ),
        "exploration": dict(kl_coefficient=0.01, entropy_coefficient=0.05, clip_range=0.3),
        "stable": dict(learning_rate=1e-6, kl_coefficient=0.1, update_epochs=2, clip_range=0.1),
    }
    default = GrpoConfig().model_dump()
    assert {k: default[k] for k in ("group_size", "learning_rate", "kl_coefficient", "kl_min", "kl_max")} == {
        "group_size": 8,
        "learning_rate": 1e-5,
        "kl_coefficient": 0.02,
        "kl_min": 0.001,
        "kl_max": 0.1,
    }
    assert (default["kl_target"], default["entropy_coefficient"], default["max_grad_norm"]) == (0.01, 0.01, 1.0)
    assert (default["gamma"], default["gae_lambda"], default["value_coef"]) == (0.99, 0.95, 0.5)
    assert (default["update_epochs"], default["mini_batch_size"], default["clip_range"]) == (4, 32, 0.2)
    assert default["adaptive_kl"] and default["normalize_rewards"] and default["normalize_advantages"]
    for name, changed in differs.items():
        preset = getattr(GrpoConfig, name)().model_dump()
        assert {k: v for k, v in preset.items() if v != default[k]} == changed


def test_config_clip_range_defaults_and_asymmetric() -> None:
    cfg = GrpoConfig.for_tool_use()
    assert (cfg.epsilon_low, cfg.epsilon_high) == (0.15, 0.15)
    dapo = GrpoConfig(clip_range_high=0.28)
    assert (dapo.epsilon_low, dapo.epsilon_high) == (0.2, 0.28)
    assert GrpoConfig(normalize_advantages=False).effective_advantage_scale == "none"
    with pytest.raises(ValueError, match="kl_min"):
        GrpoConfig(kl_min=0.5, kl_max=0.1)


# --- golden numbers: the crate's oracles (spec §2.4) where the formulas coincide ------------------


def test_relative_advantages_crate_oracle() -> None:
    # mean 0.7; deviations [0.1, -0.1, 0.2, -0.2]; population var (0.01+0.01+0.04+0.04)/4 = 0.025;
    # σ = 0.158114; 0.1/σ = 0.632456, 0.2/σ = 1.264911
    got = compute_relative_advantages([0.8, 0.6, 0.9, 0.5])
    assert got == pytest.approx([0.632456, -0.632456, 1.264911, -1.264911], abs=1e-5)
    assert compute_relative_advantages([]) == []
    assert compute_relative_advantages([0.3]) == [0.0]  # one-sample group: advantage 0


def test_clipped_surrogate_for_tool_use_crate_oracle() -> None:
    # for_tool_use (ε = 0.15), old = ref (the crate takes the ratio against π_ref):
    # logπ − logπ_ref = [0.2, -0.3, 0.0, 0.2] -> ρ = [1.2214, 0.7408, 1.0, 1.2214]
    # rewards [1.0, 0.2, 0.5, 0.8]: mean 0.625, centred [0.375, -0.425, -0.125, 0.175],
    # σ = sqrt(0.3675/4) = 0.303109 -> A = [1.2372, -1.4022, -0.4124, 0.5774]
    # min(ρA, clip(ρ)A): [1.15·1.2372, 0.85·(-1.4022), -0.4124, 1.15·0.5774]
    # sum = (1.15·(0.375+0.175) − 0.85·0.425 − 0.125)/σ = 0.14625/0.303109 = 0.482500
    # policy loss = −0.482500/4 = −0.120625; ρ outside [0.85, 1.15] for 3 of 4 -> clip 0.75
    cfg = GrpoConfig.for_tool_use()
    logp = T([[-0.2], [-1.5], [-0.9], [-0.4]])
    ref = T([[-0.4], [-1.2], [-0.9], [-0.6]])
    adv = group_advantages(T([[1.0, 0.2, 0.5, 0.8]])).reshape(-1)  # [1, 4] -> [4]
    mask = torch.ones(4, 1, dtype=torch.bool)
    loss, clip = clipped_policy_loss(logp, ref, adv, mask, cfg.epsilon_low, cfg.epsilon_high, "grpo")
    assert loss.item() == pytest.approx(-0.120625, abs=1e-5)
    assert clip.item() == 0.75


def test_default_config_crate_oracle_policy_loss_is_zero() -> None:
    # logπ = logπ_ref: ρ = 1 everywhere, so the loss is −mean(A) = 0 for z-scored advantages
    adv = group_advantages(T([[0.5, 0.2, -0.3, 0.1]])).reshape(-1)  # [4]
    logp = T([[-0.5], [-0.3], [-0.7], [-0.4]])
    loss, clip = clipped_policy_loss(logp, logp, adv, torch.ones(4, 1), 0.2, 0.2)
    assert abs(loss.item()) < 1e-6 and clip.item() == 0.0


def test_adaptive_beta_crate_oracle() -> None:
    # β 0.02, target 0.01: 0.05 > 1.5·0.01 -> min(0.02·1.5, 0.1) = 0.03
    assert adapt_kl_coefficient(0.02, 0.05, 0.01, 0.001, 0.1) == pytest.approx(0.03)
    # 0.001 < 0.5·0.01 -> max(0.02/1.5, 0.001) = 0.013333
    assert adapt_kl_coefficient(0.02, 0.001, 0.01, 0.001, 0.1) == pytest.approx(0.0133333, abs=1e-6)
    # 0.01 ≤ 0.025 ≤ 0.03 with target 0.02 (for_tool_use oracle): unchanged
    assert adapt_kl_coefficient(0.05, 0.025, 0.02, 0.001, 0.1) == 0.05
    # bounded: 0.09·1.5 = 0.135 -> 0.1; 0.0012/1.5 = 0.0008 -> 0.001
    assert adapt_kl_coefficient(0.09, 1.0, 0.01, 0.001, 0.1) == 0.1
    assert adapt_kl_coefficient(0.0012, 0.0, 0.01, 0.001, 0.1) == 0.001


def test_gae_crate_oracle() -> None:
    # γλ = 0.9405. t=3 (done): δ = 0 − 0.5 = −0.5, gae = −0.5
    # t=2: δ = 1 + 0.99·0.5 − 0.5 = 0.995, gae = 0.995 + 0.9405·(−0.5) = 0.52475
    # t=1: δ = 0.495 − 0.5 = −0.005, gae = −0.005 + 0.9405·0.52475 = 0.488527375
    got = compute_gae([1, 0, 1, 0], [0.5] * 4, [False, False, False, True], next_value=0.5)
    assert got[3] == -0.5
    assert got[2] == pytest.approx(0.52475)
    assert got[1] == pytest.approx(0.488527375)


def test_returns_crate_oracle() -> None:
    # backwards with γ = 0.9: G2 = 1 (done resets first), G1 = 1 + 0.9·1 = 1.9, G0 = 1 + 0.9·1.9 = 2.71
    assert compute_returns([1, 1, 1], [False, False, True], gamma=0.9) == pytest.approx([2.71, 1.9, 1.0])
    # a done in the middle cuts the sum: G1 = 1 (reset), G0 = 1 + 0.9·1 = 1.9, G2 = 1
    assert compute_returns([1, 1, 1], [False, True, False], gamma=0.9) == pytest.approx([1.9, 1.0, 1.0])


# --- golden numbers: hand-computed ----------------------------------------------------------------


def test_kl_k3_hand_values() -> None:
    # π = 0.5, π_ref = 0.25: ref − logp = ln 0.5 = −0.693147; e^−0.693147 = 0.5;
    # k3 = 0.5 + 0.693147 − 1 = 0.193147
    # π = 0.25, π_ref = 0.5: ref − logp = +0.693147; k3 = 2 − 0.693147 − 1 = 0.306853
    logp = T([[math.log(0.5), math.log(0.25), -1.3]])
    ref = T([[math.log(0.25), math.log(0.5), -1.3]])
    assert kl_k3(logp, ref).tolist()[0] == pytest.approx([0.193147, 0.306853, 0.0], abs=1e-6)
    assert (kl_k3(torch.randn(50), torch.randn(50)) >= 0).all()  # never negative, unlike k1
    # a call the policy now gives e^-100 where the reference gave it e^-1: exp(99) is inf in float32;
    # clamped (log-ratio at 20, k3 at 10, as verl does) the value and its gradient stay finite
    far = torch.tensor([-100.0], requires_grad=True)
    kl = kl_k3(far, torch.tensor([-1.0]))
    kl.sum().backward()
    assert kl.item() == pytest.approx(10.0) and torch.isfinite(far.grad).all()


def test_aggregation_grpo_dr_grpo_dapo() -> None:
    # per-decision values, mask keeps 2 decisions of sample 0 and 1 of sample 1 (9s are padding)
    values = T([[-1.0, -1.0, 9.0], [-2.0, 9.0, 9.0]])
    mask = T([[True, True, False], [True, False, False]])
    # grpo: per-sample means (−1 −1)/2 = −1 and −2/1 = −2, then (−1 −2)/2 = −1.5
    assert aggregate_decisions(values, mask, "grpo").item() == pytest.approx(-1.5)
    # dr_grpo: sum −4 over N·D = 2·3 = 6 -> −0.666667; with max_decisions 4: −4/8 = −0.5
    assert aggregate_decisions(values, mask, "dr_grpo").item() == pytest.approx(-4 / 6)
    assert aggregate_decisions(values, mask, "dr_grpo", max_decisions=4).item() == pytest.approx(-0.5)
    # dapo: sum −4 over 3 real decisions = −1.333333
    assert aggregate_decisions(values, mask, "dapo").item() == pytest.approx(-4 / 3)


def test_loss_types_through_the_surrogate() -> None:
    # ρ = 1 everywhere, so each decision's loss is −A: sample 0 (A=1) −1, −1; sample 1 (A=2) −2
    # -> the same numbers as test_aggregation_grpo_dr_grpo_dapo
    logp = torch.zeros(2, 3)
    mask = T([[True, True, False], [True, False, False]])
    adv = T([1.0, 2.0])
    got = {t: clipped_policy_loss(logp, logp, adv, mask, 0.2, 0.2, t)[0].item() for t in ("grpo", "dr_grpo", "dapo")}
    assert got == pytest.approx({"grpo": -1.5, "dr_grpo": -4 / 6, "dapo": -4 / 3})


def test_epsilon_high_clipping() -> None:
    # ε_low 0.2, ε_high 0.28 (DAPO): clip range [0.8, 1.28]
    # ρ 1.5, A +1: min(1.5, 1.28) = 1.28      -> −1.28  (clipped above at 1 + ε_high)
    # ρ 0.5, A −1: min(−0.5, 0.8·−1) = −0.8   -> +0.8   (clipped below at 1 − ε_low)
    # ρ 1.5, A −1: min(−1.5, −1.28) = −1.5    -> +1.5   (pessimistic side: not clipped)
    # ρ 0.5, A +1: min(0.5, 0.8) = 0.5        -> −0.5
    # grpo, one decision each: (−1.28 + 0.8 + 1.5 − 0.5)/4 = 0.52/4 = 0.13
    logp = T([[math.log(1.5)], [math.log(0.5)], [math.log(1.5)], [math.log(0.5)]])
    adv = T([1.0, -1.0, -1.0, 1.0])
    mask = torch.ones(4, 1, dtype=torch.bool)
    loss, clip = clipped_policy_loss(logp, torch.zeros(4, 1), adv, mask, 0.2, 0.28)
    assert loss.item() == pytest.approx(0.13, abs=1e-6)
    assert clip.item() == 1.0  # every ρ is outside [0.8, 1.28]
    # symmetric ε = 0.2 clips the first at 1.2 instead: (−1.2 + 0.8 + 1.5 − 0.5)/4 = 0.15
    loss_sym, _ = clipped_policy_loss(logp, torch.zeros(4, 1), adv, mask, 0.2, 0.2)
    assert loss_sym.item() == pytest.approx(0.15, abs=1e-6)


def test_clip_fraction_counts_strict_inequalities() -> None:
    # ε chosen so that ρ = e^±0.25 land exactly on the bounds: 1 + (e^0.25 − 1) is exactly e^0.25
    # in float64 (and 1 − (1 − e^−0.25) exactly e^−0.25), so those two are not counted; e^±0.3 are.
    logp = T([[0.25, -0.25, 0.3, -0.3]], dtype=torch.float64)
    eps_high = math.exp(0.25) - 1
    eps_low = 1 - math.exp(-0.25)
    mask = torch.ones(1, 4, dtype=torch.bool)
    _, clip = clipped_policy_loss(logp, torch.zeros_like(logp), T([1.0]), mask, eps_low, eps_high)
    assert clip.item() == 0.5
    # padding is not counted: only the first two decisions are real -> 0/2
    _, clip = clipped_policy_loss(
        logp, torch.zeros_like(logp), T([1.0]), mask & T([True, True, False, False]), eps_low, eps_high
    )
    assert clip.item() == 0.0


def test_group_advantages_scales_and_ties() -> None:
    rewards = T([[1.0, 0.0], [3.0, 3.0]])
    # group: [0.5, −0.5]/0.5 = [1, −1]; the tied group is exactly 0
    assert group_advantages(rewards, "group").tolist() == [[1.0, -1.0], [0.0, 0.0]]
    # none: rewards minus group mean
    assert group_advantages(rewards, "none").tolist() == [[0.5, -0.5], [0.0, 0.0]]
    # batch: centred / population std of [1, 0, 3, 3]: mean 1.75, squares .5625 + 3.0625 + 1.5625·2
    # = 6.75, /4 = 1.6875, std 1.299038 -> 0.5/1.299038 = 0.384900
    got = group_advantages(rewards, "batch")
    assert got.tolist()[0] == pytest.approx([0.3849, -0.3849], abs=1e-4) and got[1].tolist() == [0.0, 0.0]
    # 3·0.1 does not sum to exactly 0.3, but a tied group must still be exactly zero
    assert group_advantages(T([[0.1, 0.1, 0.1]])).tolist() == [[0.0, 0.0, 0.0]]


def test_entropy_helpers() -> None:
    # uniform over 5 choices: ln 5 = 1.609438; a masked-out choice (-inf) adds 0, not NaN
    assert entropy_from_logits(torch.zeros(5)).item() == pytest.approx(math.log(5))
    assert entropy_from_logits(T([0.0, 0.0, -math.inf])).item() == pytest.approx(math.log(2))
    # (ln 5 + ln 2)/2 over the two real decisions; the 7 is padding
    ent = T([[math.log(5), math.log(2), 7.0]])
    assert entropy_bonus(ent, T([[True, True, False]])).item() == pytest.approx((math.log(5) + math.log(2)) / 2)
    assert masked_mean(T([[1.0]]), T([[False]])).item() == 0.0


def test_padding_with_minus_inf_keeps_gradients_finite() -> None:
    logp = T([[-0.5, -math.inf]], requires_grad=True)
    old = T([[-0.6, -math.inf]])
    loss, _ = clipped_policy_loss(logp, old, T([1.0]), T([[True, False]]), 0.2, 0.2)
    loss.backward()
    assert torch.isfinite(loss) and logp.grad is not None and torch.isfinite(logp.grad).all()


# --- a tiny policy: linear softmax over 5 actions, 2 decisions per sample -------------------------

N_ACTIONS, N_DECISIONS, N_FEATURES = 5, 2, 3


class TinyPolicy(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.head = torch.nn.Linear(N_FEATURES, N_DECISIONS * N_ACTIONS)

    def distribution(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(x).view(-1, N_DECISIONS, N_ACTIONS)  # [n, F] -> [n, D, K] logits

    def logp_fn(self, batch: GrpoBatch) -> tuple[torch.Tensor, torch.Tensor]:
        logits = self.distribution(batch.inputs["x"])  # [n, D, K]
        logp_all = torch.log_softmax(logits, dim=-1)  # [n, D, K]
        logp = logp_all.gather(-1, batch.inputs["actions"][..., None]).squeeze(-1)  # [n, D]
        return logp, entropy_from_logits(logits)  # [n, D], [n, D]


def make_policy(seed: int = 0) -> TinyPolicy:
    torch.manual_seed(seed)
    return TinyPolicy()


def make_batch(policy: TinyPolicy, rewards: torch.Tensor, seed: int = 0, ref: TinyPolicy | None = None) -> GrpoBatch:
    """old_logp from `policy` as it is now (just sampled); ref_logp from `ref` (default: the same)."""
    n = rewards.numel()
    gen = torch.Generator().manual_seed(seed)
    inputs = {
        "x": torch.randn(n, N_FEATURES, generator=gen),  # [N, F]
        "actions": torch.randint(0, N_ACTIONS, (n, N_DECISIONS), generator=gen),  # [N, D]
    }
    mask = torch.ones(n, N_DECISIONS, dtype=torch.bool)
    probe = GrpoBatch(torch.zeros(n, N_DECISIONS), None, mask, rewards, inputs)
    with torch.no_grad():
        old = policy.logp_fn(probe)[0]  # [N, D]
        ref_logp = (ref or policy).logp_fn(probe)[0]  # [N, D]
    return GrpoBatch(old_logp=old, ref_logp=ref_logp, mask=mask, rewards=rewards, inputs=inputs)


def quiet_config(**overrides: Any) -> GrpoConfig:
    """One epoch, one mini-batch, no KL, no entropy: only the policy gradient moves the weights."""
    base: dict[str, Any] = dict(
        kl_coefficient=0.0, adaptive_kl=False, entropy_coefficient=0.0, update_epochs=1, mini_batch_size=64
    )
    return GrpoConfig(**{**base, **overrides})


def flat_params(module: torch.nn.Module) -> torch.Tensor:
    return torch.cat([p.detach().reshape(-1) for p in module.parameters()])  # [P]


def grad_vector(module: torch.nn.Module) -> torch.Tensor:
    return torch.cat([p.grad.reshape(-1) for p in module.parameters() if p.grad is not None])  # [P]


def test_positive_advantage_raises_the_action_probability() -> None:
    policy = make_policy()
    x = torch.randn(1, N_FEATURES).expand(2, N_FEATURES)  # [2, F] the same request twice
    actions = T([[1, 1], [3, 3]])  # sample 0 takes action 1 at both decisions, sample 1 action 3
    inputs = {"x": x, "actions": actions}
    mask = torch.ones(2, N_DECISIONS, dtype=torch.bool)
    probe = GrpoBatch(torch.zeros(2, 2), None, mask, T([[1.0, 0.0]]), inputs)
    with torch.no_grad():
        old = policy.logp_fn(probe)[0]
        before = torch.softmax(policy.distribution(x[:1]), -1)[0]  # [D, K]
    batch = GrpoBatch(old, old.clone(), mask, T([[1.0, 0.0]]), inputs)
    GrpoOptimizer(policy, quiet_config(learning_rate=0.05)).step(batch, policy.logp_fn)
    with torch.no_grad():
        after = torch.softmax(policy.distribution(x[:1]), -1)[0]  # [D, K]
    assert (after[:, 1] > before[:, 1]).all()  # rewarded action up at both decisions
    assert (after[:, 3] < before[:, 3]).all()  # punished action down


@pytest.mark.parametrize(("loss_type", "clip_high"), [("grpo", None), ("dr_grpo", 0.28), ("dapo", 0.05)])
def test_grad_norm_is_the_real_pre_clip_norm(loss_type: str, clip_high: float | None) -> None:
    policy = make_policy()
    sampler, ref = make_policy(1), make_policy(2)  # old ≠ ref ≠ current, so every term has a gradient
    rewards = T([[1.0, 0.0, 0.5], [0.2, 0.9, 0.4]])
    batch = make_batch(sampler, rewards, ref=ref)
    cfg = GrpoConfig(
        kl_coefficient=0.05,
        entropy_coefficient=0.01,
        max_grad_norm=1e-3,
        update_epochs=1,
        mini_batch_size=6,
        loss_type=loss_type,  # type: ignore[arg-type]
        clip_range_high=clip_high,
    )
    # the same loss by hand on a copy, from the pure functions
    twin = copy.deepcopy(policy)
    logp, ent = twin.logp_fn(batch)  # [6, 2]
    adv = group_advantages(rewards).reshape(-1)  # [6]
    pol, _ = clipped_policy_loss(
        logp, batch.old_logp, adv, batch.mask, cfg.epsilon_low, cfg.epsilon_high, cfg.loss_type
    )
    assert batch.ref_logp is not None
    loss = pol + 0.05 * masked_mean(kl_k3(logp, batch.ref_logp), batch.mask) - 0.01 * entropy_bonus(ent, batch.mask)
    loss.backward()
    manual = torch.linalg.vector_norm(grad_vector(twin))

    result = GrpoOptimizer(policy, cfg).step(batch, policy.logp_fn)
    assert result.grad_norm == pytest.approx(manual.item(), rel=1e-5)
    assert result.total_loss == pytest.approx(loss.item(), rel=1e-5)
    assert manual.item() > 1e-3  # so clipping really happened: the gradient left behind has norm 1e-3
    clipped = torch.linalg.vector_norm(grad_vector(policy))
    assert clipped.item() == pytest.approx(1e-3, rel=1e-4)


def test_kl_is_exactly_zero_when_policy_equals_ref() -> None:
    policy = make_policy()
    batch = make_batch(policy, T([[1.0, 0.0], [0.3, 0.6]]))  # old = ref = the current policy
    cfg = GrpoConfig.for_tool_use(update_epochs=1, mini_batch_size=4)
    opt = GrpoOptimizer(policy, cfg)
    result = opt.step(batch, policy.logp_fn)
    assert result.kl_divergence == 0.0  # k3 at ref = logp: e^0 − 0 − 1 = 0 exactly
    # KL 0 < 0.5·0.02: β 0.05 -> 0.05/1.5 = 0.033333 (reported after adaptation, like the crate)
    assert result.kl_coef == pytest.approx(0.05 / 1.5) and opt.kl_coefficient() == result.kl_coef
    assert result.clip_fraction == 0.0  # ρ = 1 on the first and only pass


def test_a_tied_group_gives_no_policy_gradient() -> None:
    policy = make_policy()
    before = flat_params(policy)
    batch = make_batch(policy, T([[0.1, 0.1, 0.1]]))
    result = GrpoOptimizer(policy, quiet_config(learning_rate=0.1)).step(batch, policy.logp_fn)
    assert result.grad_norm == 0.0 and result.frac_zero_std_groups == 1.0
    assert torch.equal(flat_params(policy), before)  # AdamW with zero gradient and no decay: no move
    mixed = make_batch(policy, T([[0.1, 0.1, 0.1], [1.0, 0.0, 0.5]]))
    assert GrpoOptimizer(policy, quiet_config()).step(mixed, policy.logp_fn).frac_zero_std_groups == 0.5


def test_epochs_and_mini_batches_give_the_expected_optimizer_steps() -> None:
    policy = make_policy()
    batch = make_batch(policy, torch.rand(5, 2, generator=torch.Generator().manual_seed(3)))  # N = 10
    seen: list[list[int]] = []

    def logp_fn(mb: GrpoBatch) -> tuple[torch.Tensor, torch.Tensor]:
        assert mb.sample_index is not None
        seen.append(mb.sample_index.tolist())
        return policy.logp_fn(mb)

    opt = GrpoOptimizer(policy, GrpoConfig(update_epochs=2, mini_batch_size=4))
    result = opt.step(batch, logp_fn)
    # ceil(10/4) = 3 mini-batches (4, 4, 2) per epoch × 2 epochs = 6 AdamW steps
    assert [len(s) for s in seen] == [4, 4, 2, 4, 4, 2]
    assert result.num_optimizer_steps == 6
    assert all(opt.optimizer.state[p]["step"].item() == 6 for p in policy.parameters())
    # each epoch visits every sample once, in a shuffled order
    assert sorted(sum(seen[:3], [])) == list(range(10)) and sorted(sum(seen[3:], [])) == list(range(10))
    assert sum(seen[:3], []) != list(range(10))


def test_config_learning_rate_and_weight_decay_reach_adamw() -> None:
    opt = GrpoOptimizer(make_policy(), GrpoConfig(learning_rate=3e-4, weight_decay=0.1))
    group = opt.optimizer.param_groups[0]
    assert isinstance(opt.optimizer, torch.optim.AdamW)
    assert (group["lr"], group["weight_decay"]) == (3e-4, 0.1)


def run_steps(policy: TinyPolicy, opt: GrpoOptimizer, steps: range) -> list[float]:
    """One fresh rollout batch per step, sampled from the policy as it is at that step."""
    losses = []
    for i in steps:
        rewards = torch.rand(3, 4, generator=torch.Generator().manual_seed(100 + i))  # [B=3, G=4]
        losses.append(opt.step(make_batch(policy, rewards, seed=i), policy.logp_fn).total_loss)
    return losses


def test_same_seed_gives_identical_parameters() -> None:
    cfg = GrpoConfig(learning_rate=1e-2, update_epochs=2, mini_batch_size=5)
    a, b = make_policy(), make_policy()
    run_steps(a, GrpoOptimizer(a, cfg, seed=7), range(3))
    run_steps(b, GrpoOptimizer(b, cfg, seed=7), range(3))
    assert torch.equal(flat_params(a), flat_params(b))


def test_state_dict_round_trip_resumes_exactly() -> None:
    cfg = GrpoConfig(learning_rate=1e-2, update_epochs=2, mini_batch_size=5, kl_target=1e-4)
    straight = make_policy()
    straight_opt = GrpoOptimizer(straight, cfg, seed=3)
    expected = run_steps(straight, straight_opt, range(3))

    first = make_policy()
    first_opt = GrpoOptimizer(first, cfg, seed=3)
    run_steps(first, first_opt, range(2))
    buffer = io.BytesIO()
    torch.save({"policy": first.state_dict(), "grpo": first_opt.state_dict()}, buffer)
    buffer.seek(0)
    saved = torch.load(buffer, weights_only=True)

    resumed = make_policy(seed=99)  # different init: everything must come from the checkpoint
    resumed.load_state_dict(saved["policy"])
    resumed_opt = GrpoOptimizer(resumed, cfg, seed=12345)
    resumed_opt.load_state_dict(saved["grpo"])
    assert resumed_opt.kl_coefficient() == first_opt.kl_coefficient() != cfg.kl_coefficient  # β adapted
    assert run_steps(resumed, resumed_opt, range(2, 3)) == expected[2:]  # the next step's loss, bit for bit
    assert torch.equal(flat_params(resumed), flat_params(straight))
    assert resumed_opt.stats() == straight_opt.stats()


def test_stats_are_written() -> None:
    policy = make_policy()
    opt = GrpoOptimizer(policy, GrpoConfig(update_epochs=1))
    r1, r2 = T([[1.0, 0.0]]), T([[1.0, 1.0]])
    opt.step(make_batch(policy, r1), policy.logp_fn)
    opt.step(make_batch(policy, r2), policy.logp_fn)
    s = opt.stats()
    # rewards means 0.5 then 1.0; the EMA starts at the first value: 0.99·0.5 + 0.01·1.0 = 0.505
    assert s.reward_history == [0.5, 1.0] and s.avg_reward == pytest.approx(0.505)
    assert (s.total_updates, s.total_samples, s.current_kl_coef) == (2, 4, opt.kl_coefficient())
    opt.reset()
    assert opt.stats().total_updates == 0 and opt.kl_coefficient() == 0.02 and not opt.optimizer.state


def test_process_groups_like_the_crate() -> None:
    logits = torch.nn.Parameter(torch.zeros(N_ACTIONS))  # a context-free policy over 5 tools

    def logp_fn(mb: GrpoBatch) -> tuple[torch.Tensor, torch.Tensor]:
        actions = torch.tensor([s.action for s in mb.inputs])  # [n]
        logp = torch.log_softmax(logits, -1)[actions][:, None]  # [n, 1]
        return logp, entropy_from_logits(logits).expand(len(actions), 1)  # [n, 1], [n, 1]

    uniform = math.log(1 / N_ACTIONS)
    opt = GrpoOptimizer([logits], GrpoConfig(learning_rate=0.1, update_epochs=1))
    for gid, (good, bad) in enumerate([(0, 1), (0, 2)]):
        samples = [
            GrpoSample(action=good, log_prob=uniform, ref_log_prob=uniform, reward=1.0),
            GrpoSample(action=bad, log_prob=uniform, ref_log_prob=uniform, reward=0.0),
        ]
        opt.add_group(SampleGroup(samples, group_id=gid, task_context="store a preference"))
    opt.add_group(SampleGroup([], group_id=9))
    results = opt.process_groups(logp_fn)
    assert len(results) == 2 and opt.group_buffer == []  # the empty group is skipped, the buffer emptied
    assert torch.argmax(logits).item() == 0  # the action rewarded in both groups now leads


def test_batch_select_and_validation() -> None:
    b = GrpoBatch(
        old_logp=torch.zeros(4, 2),
        ref_logp=None,
        mask=torch.ones(4, 2),
        rewards=T([[1.0, 0.0], [0.5, 0.5]]),
        inputs={"ids": torch.arange(4), "names": ["a", "b", "c", "d"], "pair": (torch.arange(4), ["w", "x", "y", "z"])},
    )
    mb = b.select(T([3, 1]))
    assert mb.inputs["ids"].tolist() == [3, 1] and mb.inputs["names"] == ["d", "b"]
    assert mb.inputs["pair"][1] == ["z", "x"] and mb.rewards.tolist() == [[0.5], [0.0]]
    assert mb.mask.dtype == torch.bool and mb.sample_index is not None and mb.sample_index.tolist() == [3, 1]
    with pytest.raises(ValueError, match="B·G = N = 4"):
        GrpoBatch(torch.zeros(4, 2), None, torch.ones(4, 2), T([[1.0, 0.0, 0.5]]))
    with pytest.raises(ValueError, match="mask shape"):
        GrpoBatch(torch.zeros(4, 2), None, torch.ones(4, 3), T([[1.0, 0.0], [0.5, 0.5]]))
    with pytest.raises(TypeError, match="cannot split"):
        GrpoBatch(torch.zeros(4, 2), None, torch.ones(4, 2), T([[1.0, 0.0], [0.5, 0.5]]), inputs=object()).select(
            T([0])
        )
