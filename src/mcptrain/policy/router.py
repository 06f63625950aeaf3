"""The router: a sentence encoder plus small trained heads that pick a tool and fill its arguments.

The encoder is frozen but for its last layer, which is fine-tuned for requests (`TunedLastLayer`): the
tool scores read the tuned states; tool texts and the argument heads read the pretrained ones.

Every choice is a distribution, so the same code samples (GRPO), takes the argmax (predict) and
scores given calls with autograd (supervised warm start, GRPO's recomputed log-probs).

Decision layout of one call, in order (D = 1 + 4·max_params, padded, with a mask):

    tool                  softmax over the request's candidate tools + "none"        (always)
    per parameter of the chosen tool, in schema order (at most max_params):
      include:<p>         2-way [omit, include]                      (optional parameters only)
      kind:<p>            3-way [json fragment, number, string]      (parameters with no single type)
      enum:<p>            softmax over the enum values                                    (enum)
      bool:<p>            2-way [false, true]                                          (boolean)
      start:<p> end:<p>   pointer over the request's tokens; end ≥ start     (string, integer, number)
      fragment:<p>        softmax over the JSON {...}/[...] written in the request + {} / []
                                                                               (object, array)

    >>> router = Router(Encoder.minilm(), Catalogue.builtin("ruvllm"))
    >>> router.fit_supervised(train_examples, epochs=15, lr=1e-3, batch_size=32, seed=0)
    >>> router.predict([ToolCallExample(prompt='terminate agent "coder-main" now')])[0]
    Prediction(tool='agent_terminate', arguments={'agentId': 'coder-main'}, confidence=0.97, schema_valid=True)

Tools are scored from their text (name split into words, description, parameter names), never by
a per-tool weight, so a tool never seen in training still gets a sensible score (zero-shot).

Decoding (sampling, replay, greedy; not teacher forcing) also masks choices by what the request's
words settle: an enum value or a value the description quotes written, a flag or a number named,
a whole date written, a value right after its parameter's name ("directed by Jim Henson"), a place
for the parameter that takes places and for no other ("sushi in Boston"), a URL, host or e-mail
address for a parameter named for one.
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, cast

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from mcptrain.catalogue import Catalogue
from mcptrain.currencies import currency_for, currency_mentions
from mcptrain.dates import Today, coerce_date, is_datetime, speaks_of_time, when_spans, written_year
from mcptrain.errors import CatalogueError, McptrainError
from mcptrain.languages import is_language, language_for
from mcptrain.places import (
    as_code,
    as_example,
    city_alone,
    complete_place,
    is_place,
    region_after,
    region_of,
    whole_place,
)
from mcptrain.policy.base import Prediction, SampledCall
from mcptrain.policy.encoder import Encoder, TunedLastLayer
from mcptrain.policy.features import (
    ID_WITH_DIGITS,
    IN_REQUEST,
    LEX_FULL,
    LEX_MENTION,
    LEX_NEG,
    LEX_POS,
    LISTED_CHOICES,
    N_LEX,
    N_LOCAL,
    N_PARAM_TOKEN_FEATS,
    N_TOKEN_FEATS,
    PERSON_WORDS,
    CatalogueTable,
    ParamInfo,
    RequestFeatures,
    ToolInfo,
    build_request,
    build_table,
    clock_part,
    content_word_texts,
    context_text,
    focus_embedding,
    listed_items,
    locate_span,
    named_items,
    named_value_starts,
    near_words,
    number_from,
    param_text_features,
)
from mcptrain.policy.text import (
    ACTIONS,
    QUOTES,
    STOPWORDS,
    WRITTEN_NUMBER,
    Fragment,
    actions,
    coerce_number,
    command_spans,
    content_stems,
    is_unit,
    name_action,
    not_a_value,
    parse_number,
    percent_written,
    phrase_present,
    quoted_spans,
    scaled,
    shaped_spans,
    split_identifier,
    stem,
    strip_quotes,
    takes_command,
    unit_quantities,
    unit_spans,
    value_shape,
    whole_value,
    words,
)
from mcptrain.types import ToolCall, ToolCallExample

FORMAT_VERSION = 9  # 2: number order; 3: "none" from the best candidate, cosine tool terms, numbers needed;
# 4: pointer features from the word after a token and from each word's own meaning; 5: the words around
# each token (capitalised, stopword, punctuation); "a date parameter, and the request writes a date";
# a span crossing a boundary word ("theft in California"); "none" sees how much of the best tool's needs
# the request covers; 6: what the request and each tool's name say they do (find vs book); 7: "cannot be
# called as asked" also when a required date or time of day is not written; string values never start on a
# parameter's name (a mask, no new weights); 8: the encoder's last layer fine-tuned for the tool scores,
# which also read what the request asks now (r_focus); more later-step cues ("after that", "Step 2");
# 9: "none" is the best candidate's score plus what the head reads from the other features (it sees the
# best score only among several candidates; "one candidate" replaces the runner-up gap). Since then the tool
# scores' first two cosines, bilinear and late-interaction terms read what the request asks now (its focus),
# the whole request's cosines are features 9, 10: the same weights, which version-9 checkpoints trained before
# read as well (where a request sets nothing aside the two are equal; on the fixed ruvllm / claude-flow
# checkpoints, tool accuracy rose 0.911 -> 0.928 / 0.874 -> 0.888 with no retraining)
VALUE_KINDS = ("enum", "bool", "string", "number", "fragment")
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
UNTYPED_CHOICES = ("fragment", "number", "string")  # the kind:<p> decision's outcomes, in order
N_TOOL_FEATS = 12  # per (request, tool) features, see Router._tool_logits
N_NONE_FEATS = N_TOOL_FEATS + 5  # the "none" head's input, see Router._none_logits
_NEG = -1e9  # logit of an impossible choice: exp() underflows to exactly 0, and 0·(-1e9) is no NaN
_MISSING = object()
_LABEL_WORDS = frozenset({"id", "uuid", "identifier", "number", "no", "num", "code", "key", "called", "named"})
# names of values a request gives as such
_ID_NAMES = frozenset({"id", "uuid", "identifier", "username", "password", "ticker", "symbol"})
_LAST_WORD = re.compile(r"([:=]|\w+)[^\w:=]*$")  # the last word of a text, or a ":" / "=" after it
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)  # "3rd"
_PLAIN_WORDS = re.compile(r"[^\W\d_A-Z]+(?: [^\W\d_A-Z]+)*")  # lower-case letters only: "insole", "red cup"
_TITLE_WORD = re.compile(r"[A-Z][^\W\d_A-Z]+")  # one capitalised word: "Lion", "Euros"
# names of parameters that take a date, a time or a period, by their last word: "season", "time_frame"
_TIME_NAMES = frozenset({"date", "time", "day", "week", "month", "year", "season", "period", "duration", "when",
                         "timeframe", "frame", "interval"})  # fmt: skip
_DATE_PATTERN = re.compile(r"[YMDHhmsd%/:.\- T]+")  # "YYYY", "DD/MM/YYYY": how a date is written, not a date
_SHAPED_NAMES = frozenset({"url", "uri", "endpoint", "href", "website", "email", "host", "hostname", "ip"})
_MEANT_MIN = 0.5  # an enum value's cosine with the request's nearest word (or two) that settles it
_MEANT_MARGIN = 0.1  # ... when that word is this much nearer it than any other value


@dataclass
class RouterConfig:
    """Sizes of the heads; JSON-able so a checkpoint can rebuild the router.

    >>> RouterConfig(dim=32).max_decisions
    49
    """

    dim: int = 64
    """Width of every head's hidden space."""
    max_params: int = 12
    """Parameters of a tool beyond this many (in schema order) are never filled."""
    max_span_tokens: int = 24
    """Longest string/number span, in word pieces."""
    max_context_chars: int = 400
    """Characters of recovery history (failed call + error text) appended to the request."""
    cache_size: int = 8192
    """Requests whose features are kept between calls (bounded LRU)."""
    dropout: float = 0.1
    """Dropout on the encoder's features, only in `supervised_loss(..., generator=g)` (what
    `fit_supervised` calls; masks follow g's seed). Everywhere else, sampling and GRPO's recomputed
    log-probs included, there is none, whatever train()/eval() says, so old and new log-probs agree."""
    seed: int = 0
    """Seed of the heads' initial weights."""
    tune_scale: float = 0.1
    """Fine-tune the encoder's last layer for requests (`TunedLastLayer`), its weight changes scaled by
    this (relative to the heads' learning rate); 0 keeps the encoder frozen."""

    @property
    def max_decisions(self) -> int:
        # tool + per parameter at most include + kind + two pointer ends
        return 1 + 4 * self.max_params

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RouterConfig:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


# --------------------------------------------------------------------------------------------------
# Per-call bookkeeping


@dataclass
class _Trace:
    """The decisions of one walk: what was chosen and, unless greedy, its log-prob and entropy."""

    labels: list[str] = field(default_factory=list)
    actions: list[int] = field(default_factory=list)
    logps: list[Tensor] = field(default_factory=list)
    entropies: list[Tensor] = field(default_factory=list)
    call: ToolCall | None = None
    confidence: float = 0.0


@dataclass
class _Taken:
    """What earlier parameters of one call took: span start tokens and fragment indices."""

    starts: set[int] = field(default_factory=set)
    fragments: set[int] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)
    """Tokens inside earlier parameters' string values (decoding only; none kept under `overlap`)."""
    decoding: bool = False
    """Not teacher forcing: the decoding rules that training does not see apply (sample, replay, greedy)."""
    overlap: bool = False
    """String values may overlap (greedy's second try, where keeping them apart left a value unsaid)."""
    leftover: dict[int, set[int]] = field(default_factory=dict)
    """Optional parameter -> the free value starts it was given for (`_Block.leftover`)."""


def _number_readings(req: RequestFeatures, start: int, max_tokens: int) -> list[tuple[int, float]]:
    """(end, number) for each span end from `start` whose text reads as a number: "100" of "100, and
    learning rate 0.005" reads 100, and no longer span does."""
    out, a = [], number_from(req, start)
    for e in range(start, min(start + max_tokens, len(req.offsets))):
        n = coerce_number(strip_quotes(req.text[a : req.offsets[e][1]]), integer=False)
        if isinstance(n, int | float) and not isinstance(n, bool):
            out.append((e, float(n)))
    return out


def _number_ends(req: RequestFeatures, start: int, max_tokens: int, integer: bool) -> list[int]:
    """Span ends from `start` whose text reads as a number, whole numbers only for an integer
    parameter where the text has one; [] if none does."""
    readings = _number_readings(req, start, max_tokens)
    if integer and readings and _scaled_whole(req, *readings[-1]):
        return [readings[-1][0]]  # "8.5 million" whole, not "8"
    whole = [e for e, n in readings if n.is_integer()]
    return whole if integer and whole else [e for e, _ in readings]


def _whole(req: RequestFeatures, start: int, max_tokens: int) -> bool:
    """Whether the number starting at token `start` reads as a whole number at its longest."""
    readings = _number_readings(req, start, max_tokens)
    return bool(readings) and (readings[-1][1].is_integer() or _scaled_whole(req, *readings[-1]))


# stems of number parameters' names that a date's numbers may be: "year", "day", "month", ...
_DATED = frozenset("year yr date day month week time seaso hour minut secon decad centu birth".split())
_SEASONAL = frozenset({"seaso", "year"})  # string parameters a year (range) written settles
_YEAR_OR_SEASON = re.compile(r"\b(?:1\d|20)\d\d(?:[-/\u2013](?:\d\d){1,2})?\b(?![-/.:]\d)")  # 2021, 2020-2021
_YEAR = re.compile(r"1\d{3}|2[01]\d\d")  # a number that reads as a year on its own


def _one_value_twice(call: ToolCall) -> bool:
    """Whether two parameters of a call got the same text ("The Scream" as the artwork and the museum):
    a request that writes one value for two parameters fits the tool poorly."""
    texts = [v.strip().lower() for v in call.arguments.values() if isinstance(v, str) and v.strip()]
    return len(set(texts)) < len(texts)


def _region_of_city(prm: ParamInfo, args: dict[str, Any], req: RequestFeatures, used: _Taken) -> str | None:
    """A state or country parameter's value where the request names no place left but gave a city to
    an earlier parameter: that city's US state (code) or country, as the parameter's code where it
    takes one ("crime in San Francisco": state "CA", not "Francisco"; "weather in London": country
    "GB"). Greedy only: no decision is made for it."""
    ws = set(words(prm.name))
    kind = "state" if "state" in ws else "country" if "country" in ws else None
    if kind is None or prm.value_kind != "string" or req.place_starts - used.covered - used.starts:
        return None
    cities = [v for v in args.values() if isinstance(v, str) and v in req.text]
    ends = [req.text.index(v) + len(v) for v in cities]
    if any(region_after(req.text, end) > end for end in ends):
        return None  # the request writes the city's region after it: "London, United Kingdom"
    region = next((r for v in cities if (r := region_of(v, kind))), None)
    return region if region is None or prm.code is None else as_code(region, prm.code)


def _years(req: RequestFeatures) -> set[int]:
    """Starts of the numbers that read as a year on their own: four digits from 1000 to 2199 ("in 2020")."""
    return {
        t for t, k in enumerate(req.number_starts)
        if k >= 0 and _YEAR.fullmatch(req.text, *req.offsets[t]) and t not in req.date_numbers
    }


def _season_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the years and year ranges `text` writes: "2021", "2020-2021", "2022/23"."""
    return [m.span() for m in _YEAR_OR_SEASON.finditer(text)]


def _seasonal(prm: ParamInfo) -> bool:
    """A string parameter that takes a year or season as written ("season", "year"): "2021", "2020-2021"."""
    return prm.value_kind == "string" and not prm.date_format and bool(prm.stems & _SEASONAL)


def _scaled_whole(req: RequestFeatures, end: int, n: float) -> bool:
    """Whether a number with a fraction is whole times the scale word written with it ("8.5 million")."""
    m = scaled(n, req.text, req.offsets[end][1])
    return m != n and float(m).is_integer()


def _name_tokens(req: RequestFeatures, names: Sequence[str]) -> tuple[set[int], set[int]]:
    """Tokens starting, and ending, a word of the request written as one of the tool's parameter
    names. A string value does not start with one ("Use high for the priority" -> not 'priority'),
    nor end with one written as an identifier ("the task-west taskId" -> not 'task-west taskId');
    plain words may end a value ("Premier League" for `league`).

        >>> _name_tokens(req("Use high for the priority, and filePath=src/a.go"), ["filePath", "priority"])
        ({4, 7}, {8})  # tokens: Use high for the priority , and file Path = sr c / a . go
    """
    starts: set[int] = set()
    ends: set[int] = set()
    for name in names:
        identifier = name != name.lower() or not name.isalpha()
        for m in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", req.text, re.I):
            s, e = req.starts.get(m.start()), req.ends.get(m.end())
            if s is not None:
                starts.add(s)
            if e is not None and identifier:
                ends.add(e)
    return starts, ends


def _when_spans(
    req: RequestFeatures, fmt: str, blocked: set[int], year: int | None, today: Today | None
) -> dict[int, list[int]]:
    """start token -> end tokens of the spans that read as a whole date (time of day) in `fmt`,
    starts in `blocked` left out (`mcptrain.dates.when_spans`)."""
    return _token_spans(req, when_spans(req.text, fmt, year, today), blocked)


def _token_spans(req: RequestFeatures, spans: list[tuple[int, int]], blocked: set[int]) -> dict[int, list[int]]:
    """Character spans -> {start token: [end tokens]}, for spans on token bounds whose start is not `blocked`."""
    out: dict[int, list[int]] = {}
    for a, b in spans:
        s, e = req.starts.get(a), req.ends.get(b)
        if s is not None and e is not None and s not in blocked:
            out.setdefault(s, []).append(e)
    return out


class _Block:
    """Everything about one (request, tool) pair that several decisions share, computed once per call."""

    def __init__(self, router: Router, req: RequestFeatures, u: Tensor, tool: ToolInfo) -> None:
        self.router, self.req, self.u, self.tool = router, req, u, tool
        params = tool.params
        p = len(params)
        h = req.r.shape[0]
        scale = math.sqrt(h)  # unit-size entries from normalised embeddings
        self._pfeats: Tensor | None = None
        self._names: tuple[set[int], set[int]] | None = None
        self._named_numbers: dict[bool, list[set[int]]] = {}  # decoding -> per parameter
        self._others_numbers: dict[bool, list[set[int]]] = {}
        self._people: dict[int, set[int]] = {}  # number parameter -> starts of the numbers of people written
        self._currencies: dict[int, str | None] = {}  # currency parameter -> the code the request gives it
        self._languages: dict[int, Any] = {}  # language parameter -> the language the request names for it
        self._told: dict[int, int | None] = {}  # number parameter -> the count the request gives in words of time
        self._theirs: dict[int, set[int]] = {}  # string parameter -> starts of values named as another's
        self._written: dict[int, list[int]] = {}  # enum parameter -> indices of the values the request writes
        self._described: dict[int, str | None] = {}  # string parameter -> the one described value written
        self._meant: dict[int, int | None] = {}  # enum parameter -> the value the request's words mean
        self._named_values: dict[int, set[int]] = {}  # string parameter -> starts of values right after its name
        self._free: dict[int, int] | None = None  # token -> word: starts of values no parameter is named for
        self.locations = sum(prm.location for prm in tool.params)  # parameters that take a place
        rows = [param_text_features(req, prm) for prm in params]
        lex = torch.tensor(rows, dtype=torch.float32).reshape(p, N_LOCAL)  # [P, N_LOCAL]
        self.lex = torch.cat([lex, tool.static], dim=-1)  # [P, N_LOCAL] + [P, 1 + kinds] -> [P, N_LEX]
        r = (req.r * scale).expand(p, h)  # [P, H]
        q = tool.q * scale  # [P, H]
        m = router
        self.c = m.ctx(m._drop(torch.cat([r, q, r * q / scale, self.lex], dim=-1)))  # [P, d]
        # What the request says near each parameter: attention over tokens, queried by the context.
        if len(req.offsets) and p:
            att = (u @ m.att_q(self.c).T).T + (self.pointer_feats() * m.att_f(self.c)[:, None, :]).sum(-1)  # [P, T]
            g = att.softmax(-1) @ u  # [P, T] @ [T, d] -> [P, d]
        else:
            g = torch.zeros(p, m.config.dim)
        cl = torch.cat([self.c, g, self.lex], dim=-1)  # [P, 2d + N_LEX]
        zero = torch.zeros(p, 1)
        self.include = torch.cat([zero, m.include_head(cl)], dim=-1)  # [P, 2] logits [omit, include]
        self.boolean = m.bool_head(cl)  # [P, 2]
        self.kind = m.kind_head(cl)  # [P, 3]

    def pointer_feats(self) -> Tensor:
        """[P, T, F1 + 8]: the token features plus whether the token's word, the word before it, one
        of the 3 before it, or the word after it is a word of the parameter's name ("Chinese
        cuisine"), whether the token starts the k-th number of the request for the k-th numeric
        parameter ("sides 4 and 5" -> x=4, y=5), the token's cosine with the query, and how much
        the token's word, encoded on its own, is like this parameter: its cosine with the parameter
        text, and that minus its best cosine with the tool's other parameters ("Chinese" is a
        cuisine, "Seattle" a location)."""
        req, params = self.req, self.tool.params
        t = len(req.offsets)
        if self._pfeats is None:
            order = req.number_starts  # [T] k for the token starting the k-th number, else -1
            numeric = [p.value_kind == "number" for p in params]
            ranks = [sum(numeric[:i]) if numeric[i] else -2 for i in range(len(params))]
            rows = []
            for prm, rank in zip(params, ranks, strict=True):
                s = prm.stems
                rows.append(
                    [
                        [
                            float(req.tok_stem[i] in s and req.w_lower[req.tok_word[i]] not in STOPWORDS),
                            float(req.prev1[i] in s),
                            float(bool(req.prev3[i] & s)),
                            float(order[i] == rank),
                            float(req.next1[i] in s),
                        ]
                        for i in range(t)
                    ]
                )
            names = torch.tensor(rows, dtype=torch.float32).reshape(len(params), t, 5)  # [P, T, 5]
            qn = F.normalize(self.tool.q, dim=-1)  # [P, H]
            hn = F.normalize(req.h, dim=-1)  # [T, H] (not cached: it would double the cache's memory)
            cos = (hn @ qn.T).T.unsqueeze(-1)  # [T,H]@[H,P] -> [P, T, 1]
            sim = (self.router._word_vecs(req) @ qn.T).T  # [T,H]@[H,P] -> [P, T]
            if len(params) > 1:
                others = torch.stack([sim[torch.arange(len(params)) != j].max(0).values for j in range(len(params))])
            else:
                others = torch.zeros_like(sim)  # [P, T] best cosine with another parameter
            meaning = torch.stack([sim, sim - others], dim=-1)  # [P, T, 2]
            base = req.feats.unsqueeze(0).expand(len(params), t, N_TOKEN_FEATS)  # [P, T, F1]
            self._pfeats = torch.cat([base, names, cos, meaning], dim=-1)  # [P, T, F2]
        return self._pfeats

    def name_tokens(self) -> tuple[set[int], set[int]]:
        """`_name_tokens` for this tool's parameters, computed once."""
        if self._names is None:
            self._names = _name_tokens(self.req, [p.name for p in self.tool.params])
        return self._names

    def named(self, i: int) -> bool:
        """Whether the request names parameter i ("parallel execution set to false")."""
        return bool(self.lex[i, LEX_MENTION] > 0)

    def named_flag(self, i: int) -> bool:
        """Whether the request names parameter i with no negation near it ("accounting for terrain"), or
        with the negation its description defines it by: "no entry fee" for free_entry, "A flag indicating
        if only attractions with no entry fee should be listed"."""
        if not self.named(i) or not self._names_its_thing(i):
            return False
        return bool(self.lex[i, LEX_NEG] == 0) or self.negation_defines(i)

    def _names_its_thing(self, i: int) -> bool:
        """Whether the request writes a form of a word of flag i's name besides its verb ("include",
        "has", "show") and the words of its tool's name, or the word of its description that word is short
        for ("statistics" for include_stats, "If true, include match statistics"): "including its status"
        names no include_financials, nor include_stats, "the sales tax" no tax_exempt of calculate_tax."""
        prm = self.tool.params[i]
        name = words(prm.name)
        verbless = [w for w in name if w not in _FLAG_VERBS]
        own = set(words(self.tool.spec.name))  # "tax" of calculate_tax's tax_exempt names the tool, not the flag
        rest = [w for w in verbless if w not in own] or verbless
        if not rest or len(rest) == len(name):
            return True
        said = self.req.words
        described = words(str(prm.schema.get("description", "")))
        longer = {d for d in described for w in rest if len(w) >= 4 and len(d) > len(w) and d.startswith(w[:4])}
        return any(_form_of(w, said) for w in rest) or bool(longer & set(said))

    def negation_defines(self, i: int) -> bool:
        """Whether the request writes a negated phrase ("no entry fee", "without ads") that the first
        sentence of parameter i's description writes too."""
        first = str(self.tool.params[i].schema.get("description", "")).split(". ")[0].lower()
        return any(f" {m.group(0).lower()} " in f" {first} " for m in _NEGATED.finditer(self.req.text))

    def described_flag(self, i: int) -> bool:
        """Whether one clause of what the request asks now writes two words that, of the tool's name
        and its parameters' names and descriptions, only the description of flag parameter i has
        ("suitable for children" for good_for_kids: "Indicates whether to filter attractions based on
        their suitability for children"; "laundry service" for has_laundry_service). One such word
        is not enough: "available" or "process" say little. Decoding only."""
        prm = self.tool.params[i]
        if not flag_like(prm):
            return False
        others = set(content_stems(split_identifier(self.tool.spec.name)))
        for j, o in enumerate(self.tool.params):
            if j != i:
                others |= o.stems | o.desc_stems
        own = prm.desc_stems - others - _DESCRIBING
        req = self.req
        return any(
            len(own & stems) >= 2 for c, stems in enumerate(req.clause_stems) if not (req.later[c] or req.dismissive[c])
        )

    def written(self, i: int) -> list[int]:
        """Indices of the allowed values of enum parameter i that the request writes, computed once."""
        if i not in self._written:
            said = self.req.words
            self._written[i] = [k for k, t in enumerate(self.tool.params[i].enum_texts) if phrase_present(said, t)]
        return self._written[i]

    def written_forms(self, i: int) -> list[int]:
        """`written`, or else the values of which the request writes a form of every word ("historical
        record" for "historical records"); a value inside another written one gives way to it ("like
        new": "Like New", not "New"). Decoding only: training sees `written`."""
        texts = self.tool.params[i].enum_texts
        found = self.written(i)
        if all(texts[k].lower() in STOPWORDS for k in found):  # "all" of "all the PostgreSQL servers" gives way
            found = [k for k, t in enumerate(texts) if _forms_written(t, self.req.words)] or found  # to "postgres"
        found = [k for k in found if not self._counts_other(i, texts[k])]
        sets = {k: set(words(texts[k])) for k in found}
        return [k for k in found if not any(sets[k] < sets[o] for o in found)]

    def _counts_other(self, i: int, value: str) -> bool:
        """Whether allowed value `value` of parameter i is a number the request writes only counting
        something i's name does not name ("3 nights" is no star rating "3")."""
        n = parse_number(value)
        if n is None:
            return False
        req, roots = self.req, _name_roots(self.tool.params[i].name)
        starts = [t for t, k in enumerate(req.number_starts) if k >= 0]
        counts = [_word_after_number(req, t) for t in starts if _written_number(req, t) == n]
        return bool(counts) and all(w and w not in STOPWORDS and not any(map(w.startswith, roots)) for w in counts)

    def currency(self, i: int) -> str | None:
        """The code of the currency the request gives parameter i, if i takes one and the request writes
        it (`currencies.currency_for`: "for 500 US dollars" -> "USD" for base_currency). Decoding only."""
        role = self.tool.params[i].currency
        if role is not None and i not in self._currencies:
            self._currencies[i] = currency_for(self.req.text, role or None)
        return None if role is None else self._currencies[i]

    def language(self, i: int) -> Any:
        """The language the request names for parameter i, if i takes one ("from English to French": "en"
        for a source_language of codes, "French" for a free-text target), in the form i's enum allows;
        for a required free-text language of a request that names none, the one it is written in
        (English, if it writes only ASCII). None otherwise. Decoding only."""
        prm = self.tool.params[i]
        if prm.language is None:
            return None
        if i not in self._languages:
            found = language_for(self.req.text, prm.language)
            if found is None:
                named = "English" if prm.required and not prm.enum and self.req.text.isascii() else None
            elif not prm.enum:
                named = found[0]
            else:
                named = next((v for v in prm.enum if str(v).lower() in (found[0].lower(), found[1])), None)
            self._languages[i] = named
        return self._languages[i]

    def writes_what_it_needs(self) -> bool:
        """Whether the request writes what the tool requires, so that it is a call whatever the none head
        says: a command line for a tool that runs one ("check docker using docker --version"), or a value
        of each choice it requires ("Order me pizza" for a food enum of PIZZA, BURGER, ...)."""
        params = self.tool.params
        if any(p.command and p.required for p in params) and command_spans(self.req.text):
            return True
        needed = [i for i, p in enumerate(params) if p.required]
        return bool(needed) and all(params[i].enum and self.one_written(i, True) is not None for i in needed)

    def time_told(self, i: int) -> int | None:
        """`_time_in_words` of parameter i ("compounded quarterly": 4), computed once."""
        if i not in self._told:
            self._told[i] = _time_in_words(self.tool.params[i], self.req.text)
        return self._told[i]

    def counted(self, i: int) -> int | None:
        """The index of the allowed value of numeric enum parameter i (["1", "2", "3", "dontcare"]) that
        the request writes as a number followed by a word of i's name: "a four-star hotel" -> star_rating
        "4", "two rooms" -> number_of_rooms "2"; None if none or several. Decoding only."""
        prm, req = self.tool.params[i], self.req
        if prm.value_kind != "enum" or all(parse_number(t) is None for t in prm.enum_texts):
            return None
        roots = _name_roots(prm.name)
        found = set()
        for t, k in enumerate(req.number_starts):
            after = _word_after_number(req, t) if k >= 0 else ""
            if after and any(after.startswith(w) for w in roots):
                n = _written_number(req, t)
                found |= {j for j, v in enumerate(prm.enum_texts) if parse_number(v) == n}
        return found.pop() if len(found) == 1 else None

    def color(self, i: int) -> str | None:
        """The one colour the request writes in lower case ("red shoes"; "Sea Green" is a name the pointer
        reads), if string parameter i is named for a colour; else None. Decoding only."""
        prm = self.tool.params[i]
        if prm.value_kind != "string" or prm.enum or not _COLOR_NAMES & set(words(prm.name)):
            return None
        found = {w for w in re.findall(r"[A-Za-z]+", self.req.text) if w in _COLORS}
        return found.pop() if len(found) == 1 else None

    def unsaid_choice(self, i: int) -> bool:
        """Whether i is an enum parameter (not a True / False flag) none of whose allowed values the
        request writes (`written_forms`) or means (`meant`). Decoding only."""
        prm = self.tool.params[i]
        return prm.value_kind == "enum" and not flag_like(prm) and not self.written_forms(i) and self.meant(i) is None

    def described_written(self, i: int) -> str | None:
        """The one value the description of string parameter i quotes that the request writes ("in
        Celsius" for "The temperature unit ('Celsius' or 'Fahrenheit')"); None if none or several. A value
        another parameter allows is that one's: "For 'add' and 'update', it represents the new text" in a
        todo's content describes the action ("add todo with content go to sleep" -> content not "add")."""
        if i not in self._described:
            said = self.req.words
            theirs = {str(v).lower() for j, p in enumerate(self.tool.params) if j != i for v in p.enum or ()}
            found = [v for v in self.tool.params[i].named_values if phrase_present(said, v) and v.lower() not in theirs]
            self._described[i] = found[0] if len(found) == 1 else None
        return self._described[i]

    def meant(self, i: int) -> int | None:
        """The allowed value of enum parameter i that one of the words the request asks with (or two in a
        row) means, by the encoder: "a funny movie" -> "Comedy", "a family therapist" -> "Family
        Counselor", "scientific fiction" -> "Sci-fi". None where it writes an allowed value, where no
        value comes near (cosine >= _MEANT_MIN) and clear of the next (_MEANT_MARGIN), or where another
        value shares more words with the request ("the internship at ...": "Internship at ...", not
        "Education at ..."). Decoding only."""
        if i not in self._meant:
            self._meant[i] = None
            prm, req = self.tool.params[i], self.req
            grams = req.asking_grams
            if prm.enum_emb is not None and grams and not flag_like(prm) and not self.written_forms(i):
                sim = prm.enum_emb @ self.router.encoder.embed(grams).T  # [K, G]
                top = sim.topk(min(2, len(sim)), dim=0)  # per word (or two): its nearest values
                margin = top.values[0] - top.values[1] if len(sim) > 1 else top.values[0]  # [G]
                # a word near every value ("movie" to each genre) means none of them
                near = torch.where(margin >= _MEANT_MARGIN, top.values[0], torch.zeros_like(margin))  # [G]
                g = int(near.argmax())
                k = int(top.indices[0, g])
                shared = [len(content_stems(t) & req.prompt_stems) for t in prm.enum_texts]
                if near[g] >= _MEANT_MIN and shared[k] == max(shared):  # no other value writes more of its words
                    self._meant[i] = k
        return self._meant[i]

    def one_written(self, i: int, decoding: bool = False) -> int | None:
        """The index of the one allowed value of enum parameter i the request writes (`written_forms`
        when decoding); None if it writes none or several."""
        written = self.written_forms(i) if decoding else self.written(i)
        return written[0] if len(written) == 1 else None

    def named_numbers(self, i: int, decoding: bool = False) -> set[int]:
        """Starts of the numbers that the (content) word before them or the word after, or their unit,
        names as parameter i and as no other numeric parameter: "3 meters away from a charge of 2
        coulombs" -> charge: {2}, distance: {3} (its unit, meters, measures distances). Not the 3
        words before: they cross commas ("20 miles a day, consume 3 meat meals" would name 3 for
        daily_miles too). When decoding, also a word after the number that starts with a word of the
        name ("3 bedrooms" for number_of_beds, "2-bathroom" for number_of_baths). Computed once for
        all parameters."""
        if decoding not in self._named_numbers:
            numeric = [j for j, prm in enumerate(self.tool.params) if prm.value_kind == "number"]
            pf = self.pointer_feats()  # [P, T, F2]
            named = (pf[:, :, N_TOKEN_FEATS + 1] > 0) | (pf[:, :, N_TOKEN_FEATS + 4] > 0)  # [P, T] prev1, next1
            starts = [t for t, k in enumerate(self.req.number_starts) if k >= 0]
            words = {j: {st.rstrip("0123456789") for st in self.tool.params[j].stems} for j in numeric}  # "mass1": mass
            for t in starts:  # or its unit: "for 5 seconds" names time, "at 2 m/s^2" acceleration
                units = unit_quantities(self.req.text, self.req.offsets[t][0])
                for j in numeric:
                    named[j, t] |= bool(units & words[j])
                after = _word_after_number(self.req, t) if decoding else ""
                for j in numeric if after else []:
                    named[j, t] |= any(after.startswith(w) for w in _name_roots(self.tool.params[j].name))
                side = _hemisphere(self.req.text, self.req.offsets[t][0]) if decoding else None
                axis = None if side is None else "lat" if side in "NS" else "lon"
                for j in numeric if axis else []:  # "37.8651 N, 119.5383 W": latitude, longitude
                    named[j, t] |= _coordinate_of(self.tool.params[j].name) == axis
                unit = stem(after) if after and is_unit(after) else None
                measured = [j for j in numeric if unit in self.tool.params[j].desc_stems]
                if len(measured) == 1 and not named[numeric, t].any():  # else the one parameter whose description
                    named[measured[0], t] = True  # measures in its unit: "60 seconds" for "the timeout in seconds"
                part = clock_part(self.req.text, self.req.offsets[t][0]) if decoding else None
                if part is not None:  # "at 6:30 PM": hours 6, minutes 30; no count ("3 tickets for a 19:00 show")
                    for j in numeric:
                        named[j, t] = any(w.startswith(part) for w in _name_roots(self.tool.params[j].name))
                around = _words_around(self.req.text, self.req.offsets[t][0]) if decoding else ([], [])
                for j in numeric if decoding else []:  # "min rating set to 3.5", "twenty as the limit"
                    named[j, t] |= _name_linked(around, self.tool.params[j].name)
            for t in starts if decoding else []:  # named as two: the words just before say which
                both = [j for j in numeric if named[j, t]]  # ("initial investment of $2000, final value of $3000")
                if len(both) > 1 and (j := _named_just_before(self.req.text, self.req.offsets[t][0], both, words)) >= 0:
                    for o in both:
                        named[o, t] = o == j
            if decoding:  # "5 heads in 10 tosses": successes 5 of trials 10, the larger count
                self._successes_of_trials(named, numeric, starts)
            self._named_numbers[decoding] = []
            self._others_numbers[decoding] = []
            for j in range(len(self.tool.params)):
                others = [o for o in numeric if o != j]
                mine = named[j] & ~named[others].any(0) if others else named[j]  # [T]
                self._named_numbers[decoding].append({t for t in starts if bool(mine[t])})
                theirs = named[[o for o in range(len(self.tool.params)) if o != j]].any(0) & ~named[j]  # [T]
                self._others_numbers[decoding].append({t for t in starts if bool(theirs[t])})
        return self._named_numbers[decoding][i]

    def _successes_of_trials(self, named: Tensor, numeric: list[int], starts: list[int]) -> None:
        """Where the tool counts successes and the trials they are out of and the request writes two
        whole numbers no word names as either ("exactly 5 heads in 10 fair coin tosses", "60 heads if I
        flip a coin 100 times"), name the larger the trials and the smaller the successes (in place)."""
        kinds = [(j, _trial_kind(self.tool.params[j].name)) for j in numeric]
        trials = [j for j, k in kinds if k == "trials"]
        successes = [j for j, k in kinds if k == "successes"]
        if len(trials) != 1 or len(successes) != 1:
            return
        req = self.req
        counts = {t: _written_number(req, t) for t in starts}
        free = [t for t in starts if isinstance(counts[t], int) and not named[numeric, t].any()]
        if len(free) == 2 and not (named[trials[0]].any() or named[successes[0]].any()):
            small, large = sorted(free, key=lambda t: counts[t])  # type: ignore[arg-type, return-value]
            if counts[small] < counts[large]:  # type: ignore[operator]
                named[trials[0], large] = True
                named[successes[0], small] = True

    def people_numbers(self, i: int) -> set[int]:
        """Starts of the numbers of people the request writes ("for 4 people", "two adults", "4 ppl")
        where parameter i counts people (`_PEOPLE_PARAM`: number_of_adults, num_passengers,
        number_of_seats, party_size); empty for other parameters. Decoding only; computed once per parameter."""
        if i not in self._people:
            req = self.req
            self._people[i] = (
                {t for t, k in enumerate(req.number_starts) if k >= 0 and _PEOPLE.match(req.text, req.offsets[t][1])}
                if _PEOPLE_PARAM & self.tool.params[i].stems
                else set()
            )
        return self._people[i]

    def others_numbers(self, i: int) -> set[int]:
        """Starts of the numbers named as other parameters' and not as parameter i's (`named_numbers`):
        "20 kg of water at 30 degrees" -> for a mass, {30}. Decoding only."""
        self.named_numbers(i, decoding=True)
        return self._others_numbers[True][i]

    def free_values(self, taken: set[int], said: set[str]) -> set[int]:
        """Tokens that start a value the request writes and no parameter has: a capitalised word that
        does not start a sentence, a quoted text, an identifier of letters and digits ("Martin Kove",
        "'SQL01'", "A1234567B", "agent-8c54" from its start, though "agent" names the tool's agents);
        not a word of the tool's or its parameters' names or descriptions, nor of an
        allowed or described value ("IMAX" is a show type), a month or weekday, a place where the tool
        has a parameter for places, a value right after a string parameter's name, a word of a value
        already given (`said`, lower case), inside JSON the request writes, or a token in `taken`."""
        req = self.req
        if self._free is None:  # what does not depend on the call so far, once per (request, tool)
            tool = self.tool
            names = content_stems(f"{split_identifier(tool.spec.name)} {tool.spec.description}").union(
                *(p.stems | p.desc_stems for p in tool.params),
                *(content_stems(str(v)) for p in tool.params for v in [*p.enum_texts, *p.named_values]),
            )
            off = set().union(*(self.named_value(j) for j, p in enumerate(tool.params) if p.value_kind == "string"))
            off |= req.place_starts if self.locations else set()
            off |= {t for f, a, b in req.fragments for t in range(a, b + 1)}  # JSON written: its own value
            self._free, seen = {}, set()
            for t, w in enumerate(req.tok_word):
                if w in seen or req.feats[t, IN_REQUEST] <= 0:
                    continue
                seen.add(w)
                if t in req.inside_chunks:
                    continue  # inside an identifier: "8c54" of "agent-8c54"
                a, b = req.offsets[t]
                word = req.text[a:b]
                chunk = req.text[a:].split(maxsplit=1)[0].rstrip(".,;:!?)'\"")
                starts_sentence = w == 0 or req.w_lower[w - 1] in (".", "!", "?", ":", "\n")
                valued = req.w_quoted[w] or (word[:1].isupper() and not starts_sentence) or _letters_and_digits(chunk)
                if (
                    valued
                    and not not_a_value(word)
                    and (req.w_stem[w] not in names or (chunk != word and _letters_and_digits(chunk)))  # "agent-8c54"
                    and req.w_lower[w] not in _CALENDAR_WORDS
                    and t not in off
                ):
                    self._free[t] = w
        now = set(req.focus) or set(self._free)  # not what it sets aside or leaves for a later step
        return {t for t, w in self._free.items() if t in now and t not in taken and req.w_lower[w] not in said}

    def leftover(self, i: int, used: _Taken, args: dict[str, Any]) -> set[int]:
        """`free_values` for optional string parameter i, if it is the one of the parameters left that
        the include head most wants, of those the request names no value for; else empty. ("a movie
        with Camila Sosa": cast, not directed_by.)"""
        params = self.tool.params
        said = {w for v in args.values() if isinstance(v, str) for w in re.findall(r"\w+", v.lower())}
        named = [j for j in range(i + 1, len(params)) if params[j].value_kind == "string" and self.named_value(j)]
        req = self.req
        theirs = [_value_extent(req.text, *req.offsets[t]) for j in named for t in self.named_value(j)]
        free = {t for t in self.free_values(used.covered | used.starts, said)  # (not inside a later one's value:
                if not any(a <= req.offsets[t][0] < b for a, b in theirs)}  # "To" of "the album 'Welcome To ...'")
        if not free:
            return set()
        # nor does one the request names a value for compete: "from his album 'Gotta Be Me'" is its own
        rest = [j for j in range(i, len(params)) if _takes_leftover(params[j]) and j not in named]
        best = max(rest, key=lambda j: float(self.include[j, 1] - self.include[j, 0]))  # greedy: no grad
        return free if best == i else set()

    def named_value(self, i: int) -> set[int]:
        """`features.named_value_starts` of parameter i, computed once."""
        if i not in self._named_values:
            self._named_values[i] = named_value_starts(self.req, self.tool.params[i], self.tool)
        return self._named_values[i]

    def theirs(self, i: int) -> set[int]:
        """For a string parameter i: where values start that the request names as another string
        parameter's, and that one's alone ("from the album Halcyon": the album's), not as i's."""
        if i in self._theirs:
            return self._theirs[i]
        params = self.tool.params
        theirs: set[int] = set()
        if params[i].value_kind == "string" and not params[i].date_format:
            others = [  # (named once: "the 'Orion' version 2.1.3" names two values for the version)
                self.named_value(j) for j, p in enumerate(params)
                if j != i and p.value_kind == "string" and len(self.named_value(j)) == 1
            ]
            req, own = self.req, params[i].stems - {"name"}
            theirs = {  # nor where i's own name words come just before ("reference sequence 'AGTCC...'")
                t for t in set().union(*others) - self.named_value(i)
                if not own & set(req.w_stem[max(req.tok_word[t] - 3, 0) : req.tok_word[t]])
            }
            if not params[i].stems & _SEASONAL and any(_seasonal(p) for p in params):  # a season's year is its own:
                years = _season_spans(req.text)  # ("NBA 2021" is no league)
                theirs |= {t for t, (x, y) in enumerate(req.offsets) if any(a <= x and y <= b for a, b in years)}
        self._theirs[i] = theirs
        return theirs

    def free_number(self, used_starts: set[int]) -> bool:
        """Whether the request writes a number whose start no earlier parameter took."""
        return any(k >= 0 and t not in used_starts for t, k in enumerate(self.req.number_starts))

    def conditioned(self, i: int, kind: str) -> Tensor:
        """The parameter's context plus its value kind: the pointer's and enum's query.  # [d]"""
        return self.c[i] + self.router.kind_emb.weight[VALUE_KINDS.index(kind)]

    def start_logits(self, i: int, ck: Tensor) -> Tensor:
        m = self.router
        pf = self.pointer_feats()[i]  # [T, F2]
        return self.u @ m.start_q(ck) + pf @ m.start_f(ck)  # [T,d]@[d] + [T,F2]@[F2] -> [T]

    def end_logits(self, i: int, ck: Tensor, start: int) -> Tensor:
        m = self.router
        pf = self.pointer_feats()[i]  # [T, F2]
        q = m.end_q(ck) + m.end_from_start(self.u[start])  # [d]
        req = self.req
        before = req.sentence_cum[start - 1] if start else 0.0
        quotes_before = torch.cat([req.quote_cum.new_zeros(1), req.quote_cum[:-1]])  # [T] quotes before token j
        crosses = torch.stack(
            [
                (req.sentence_cum - before > 0).float(),  # [start, j] holds a sentence end
                (quotes_before - req.quote_cum[start] > 0).float(),  # a quote strictly between start and j
                (req.boundary_cum - req.boundary_cum[start] > 0).float(),  # a boundary word ("in") in (start, j]
            ],
            dim=-1,
        )  # [T, 3]
        logits = self.u @ q + pf @ m.end_f(ck) + crosses @ m.end_cross(ck)  # [T]
        t = logits.shape[0]
        length = torch.arange(t) - start  # [T]
        segment = self.req.feats[:, IN_REQUEST]  # [T] 1 in the request, 0 in the recovery history
        ok = (length >= 0) & (length < m.config.max_span_tokens) & (segment == segment[start])  # [T]
        bias = m.span_len.weight[length.clamp(0, m.config.max_span_tokens - 1), 0]  # [T]
        return torch.where(ok, logits + bias, torch.full_like(logits, _NEG))  # [T]

    def enum_logits(self, i: int, ck: Tensor) -> Tensor:
        m, prm, req = self.router, self.tool.params[i], self.req
        v = prm.enum_emb  # [K, H]
        assert v is not None
        bil = m.enum_v(v * math.sqrt(v.shape[1])) @ m.enum_q(ck) / math.sqrt(m.config.dim)  # [K]
        near = near_words(req, prm)
        written = self.written(i)
        exact = [[float(k in written), float(phrase_present(near, t))] for k, t in enumerate(prm.enum_texts)]
        feats = torch.cat([(v @ req.r)[:, None], torch.tensor(exact).reshape(-1, 2)], dim=-1)  # [K, 3]
        return bil + m.enum_feat(feats)[:, 0]  # [K]

    def fragment_logits(self, i: int, ck: Tensor) -> Tensor:
        """Scores of the request's JSON fragments, then of the fallback ({} / []) last.  # [M + 1]"""
        m, prm, req = self.router, self.tool.params[i], self.req
        d = m.config.dim
        reps, feats = [], []
        for frag, lo, hi in req.fragments:
            prev = self.u[lo - 1] if lo > 0 else torch.zeros(d)
            reps.append(torch.cat([self.u[lo:hi].mean(0), prev]))  # [2d]
            want = {"object": dict, "array": list}.get(prm.schema_kind, (dict, list))
            feats.append([float(isinstance(frag.value, want)), float(prm.validator.is_valid(frag.value))])
        fallback = m.frag_fallback(ck)  # [1]
        if not reps:
            return fallback
        rep = torch.stack(reps)  # [M, 2d]
        scores = rep @ m.frag_q(ck) / math.sqrt(d) + m.frag_feat(torch.tensor(feats))[:, 0]  # [M]
        return torch.cat([scores, fallback])  # [M + 1]


# --------------------------------------------------------------------------------------------------
# The router


class Router(nn.Module):
    """Encoder features -> tool choice and argument values, as a product of small distributions.

    Build with an encoder and the catalogue it serves; examples name tools of that catalogue
    (`candidate_tools`, or the whole catalogue when None). Switch catalogues with
    `set_catalogue` (tools it never saw are scored zero-shot from their text).

        >>> r = Router(Encoder.tiny(), Catalogue.builtin("ruvllm"), RouterConfig(dim=32))
        >>> r.max_decisions, len(r.catalogue)
        (49, 48)
    """

    FORMAT_VERSION: ClassVar[int] = FORMAT_VERSION

    def __init__(
        self,
        encoder: Encoder,
        catalogue: Catalogue | None = None,
        config: RouterConfig | None = None,
    ) -> None:
        super().__init__()
        self.config = config or RouterConfig()
        self.encoder = encoder
        h, d = encoder.dim, self.config.dim
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.config.seed)
            # Tool choice: hand-set weights on the cosine/overlap features give a zero-shot prior;
            # the bilinear term starts near 0 and learns what the features miss.
            self.req_proj = nn.Linear(h, d)
            self.tool_proj = nn.Linear(h, d)
            self.tool_feat = nn.Linear(N_TOOL_FEATS, 1, bias=False)
            # Late interaction: the best-matching tokens vote, so the part of a long request that
            # asks for something can outweigh the parts that mention other tools in passing.
            self.tool_tok = nn.Linear(h, d)
            self.tool_tok_feat = nn.Linear(N_TOKEN_FEATS, d, bias=False)
            self.tool_key2 = nn.Linear(h, d)
            # Both learned terms are cosines times a learned scale: bounded, so a tool never seen in
            # training cannot get an arbitrarily large (or negative) score from directions it happens
            # to share with training tools.
            self.bil_scale = nn.Parameter(torch.tensor(math.log(4.0)))
            self.late_scale = nn.Parameter(torch.tensor(math.log(4.0)))
            # "No tool" is judged by how well the best candidate matches, not by the request alone:
            # whether a request needs a tool depends on which tools are on offer.
            self.none_head = nn.Sequential(nn.Linear(N_NONE_FEATS, d), nn.GELU(), nn.Linear(d, 1))
            # Prior: a best candidate that needs numbers the request does not write cannot be called
            # as asked, so "none" (the data adjusts it; generated requests always write their numbers).
            self.none_short = nn.Parameter(torch.tensor(10.0))
            # Per-parameter context and the small decision heads on it.
            self.ctx = nn.Sequential(nn.Linear(3 * h + N_LEX, d), nn.GELU(), nn.Linear(d, d))
            self.att_q = nn.Linear(d, d)
            self.att_f = nn.Linear(d, N_TOKEN_FEATS + N_PARAM_TOKEN_FEATS)
            self.include_head = nn.Linear(2 * d + N_LEX, 1)
            self.bool_head = nn.Linear(2 * d + N_LEX, 2)
            self.kind_head = nn.Linear(2 * d + N_LEX, len(UNTYPED_CHOICES))
            self.kind_emb = nn.Embedding(len(VALUE_KINDS), d)
            # Pointer: token states with their neighbours (one conv-like mix), plus token features.
            self.tok_in = nn.Linear(h, 3 * d, bias=False)
            self.tok_feat = nn.Linear(N_TOKEN_FEATS, d)
            self.tok_out = nn.Linear(d, d)
            f2 = N_TOKEN_FEATS + N_PARAM_TOKEN_FEATS
            self.start_q = nn.Linear(d, d)
            self.start_f = nn.Linear(d, f2)
            self.end_q = nn.Linear(d, d)
            self.end_from_start = nn.Linear(d, d, bias=False)
            self.end_f = nn.Linear(d, f2)
            self.end_cross = nn.Linear(d, 3)
            self.span_len = nn.Embedding(self.config.max_span_tokens, 1)
            # Enum values and JSON fragments.
            self.enum_q = nn.Linear(d, d)
            self.enum_v = nn.Linear(h, d)
            self.enum_feat = nn.Linear(3, 1)
            self.frag_q = nn.Linear(d, 2 * d)
            self.frag_feat = nn.Linear(2, 1)
            self.frag_fallback = nn.Linear(d, 1)
        with torch.no_grad():
            self.tool_feat.weight.copy_(torch.tensor([[5.0, 3.0, 2.0, 0.0, 1.0, 0.0, 0.0, 0.5, -0.5, 0.0, 0.0, -10.0]]))
            for lin in (self.req_proj, self.tool_proj, self.tool_tok, self.tool_key2):
                lin.weight.mul_(0.1)
            self.enum_feat.weight.copy_(torch.tensor([[3.0, 1.0, 3.0]]))
            # Start from the obvious rules, which the data then adjusts: include a parameter the
            # request names; a boolean is true next to "on"/"enable", false next to "off"/"without".
            lex0 = 2 * d  # where the text features start in the heads' input [C, g, lex]
            self.include_head.weight[0, lex0 + LEX_MENTION] += 1.5
            self.include_head.weight[0, lex0 + LEX_FULL] += 1.5
            self.include_head.bias.fill_(-1.5)
            self.bool_head.weight[1, lex0 + LEX_POS] += 3.0
            self.bool_head.weight[0, lex0 + LEX_NEG] += 3.0
            self.frag_feat.weight.copy_(torch.tensor([[2.0, 2.0]]))
            # "none" is the best score plus this head: start from "the best candidate serves the request"
            # (without it a tiny router trained for a few epochs learned no calls at all)
            cast(nn.Linear, self.none_head[-1]).bias.fill_(-1.0)
            self.span_len.weight.zero_()
        # The encoder's last layer, for requests only (tool texts keep the pretrained encoder).
        self.top = TunedLastLayer(encoder, self.config.tune_scale) if self.config.tune_scale > 0 else None
        self._drop_gen: torch.Generator | None = None  # set during supervised_loss(generator=...): dropout on
        self._tables: OrderedDict[str, CatalogueTable] = OrderedDict()
        self._table: CatalogueTable | None = None
        self._requests: OrderedDict[str, RequestFeatures] = OrderedDict()
        self._keys_cache: dict[int, tuple[Any, Tensor]] = {}
        self.year: int | None = None
        """The year of a date written without one ("March 14th") where the request writes no year
        elsewhere; None: such a date is no date. The request's own "today" for those who set it (the
        BFCL runner: its requests' year)."""
        self.today: date | None = None
        """The day relative dates ("tomorrow", "next Monday") count from where the request does not say
        which day it is ("today is 2023.10.1"); None: such a date is no date."""
        if catalogue is not None:
            self.set_catalogue(catalogue)

    def _today(self, req: RequestFeatures) -> Today | None:
        """The day the request says today is, else `today` if set."""
        return req.today or (Today(self.today) if self.today is not None else None)

    def _drop(self, x: Tensor) -> Tensor:
        """Dropout inside supervised_loss(generator=g), masks drawn from g; else identity."""
        p = self.config.dropout
        if self._drop_gen is None or p <= 0.0:
            return x
        keep = torch.rand(x.shape, generator=self._drop_gen) >= p  # same shape as x
        return x * keep / (1.0 - p)

    # --- catalogue ------------------------------------------------------------------------------------

    @property
    def max_decisions(self) -> int:
        return self.config.max_decisions

    @property
    def catalogue(self) -> Catalogue:
        if self._table is None:
            raise McptrainError("the router has no catalogue; call router.set_catalogue(catalogue) first")
        return self._table.catalogue

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Score requests against `catalogue` from now on; its tools' embeddings are computed once."""
        key = json.dumps([t.model_dump(mode="json") for t in catalogue.tools], sort_keys=True)
        table = self._tables.get(key)
        if table is None:
            table = build_table(catalogue, self.encoder, self.config.max_params, key)
            self._tables[key] = table
            while len(self._tables) > 4:
                self._tables.popitem(last=False)
        self._table = table

    def set_encoder(self, encoder: Encoder) -> None:
        """Use another encoder of the same width from now on (e.g. int8 for speed); cached tool tables
        and request features are dropped, so everything is re-encoded with it, and the fine-tuned last
        layer keeps its learned change on the new encoder's pretrained weights."""
        if encoder.dim != self.encoder.dim:
            raise McptrainError(f"encoder width {encoder.dim} does not match the router's {self.encoder.dim}")
        catalogue = self.catalogue
        if self.top is not None:
            self.top.rebase(encoder)
        self.encoder = encoder
        self._tables.clear()
        self._requests.clear()
        self._keys_cache.clear()
        self.set_catalogue(catalogue)

    # --- request features -----------------------------------------------------------------------------

    def _reqs(self, examples: Sequence[ToolCallExample]) -> list[RequestFeatures]:
        """One encoder pass over the requests not seen before and their words not seen before, in one batch."""
        texts = [context_text(e, self.config.max_context_chars) for e in examples]
        missing = [t for t in dict.fromkeys(texts) if t not in self._requests]
        if missing:
            encoded = self.encoder.encode(missing, tokens=True, parts=content_word_texts)  # and their words
            built = [build_request(enc) for enc in encoded]
            for q in built:
                self._requests[q.text] = q
            self._fill_word_vecs(built)
            while len(self._requests) > self.config.cache_size:
                self._requests.popitem(last=False)
        out = []
        for t in texts:
            self._requests.move_to_end(t)
            out.append(self._requests[t])
        return out

    def _tuned(self, reqs: list[RequestFeatures]) -> list[tuple[Tensor, Tensor, Tensor]]:
        """Per request, what the tool scores read: its token states, sentence and focus embeddings
        (`([T, H], [H], [H])`) from the fine-tuned last layer (with autograd), all distinct requests in
        one batch; the pretrained ones without a tuned layer."""
        if self.top is None or not reqs:
            return [(q.h, q.r, q.r_focus) for q in reqs]
        distinct = list({id(q): q for q in reqs}.values())
        mids = [q.mid for q in distinct]
        if any(m is None for m in mids):
            raise McptrainError("request features lack the encoder's middle states; encode them again")
        lengths = [m.shape[0] for m in mids]  # type: ignore[union-attr]
        x = torch.cat(mids).float()  # type: ignore[arg-type]  # [N, H] every request's positions, packed
        y = self.top(x, lengths, int8=self.encoder.dtype == "int8").split(lengths)  # B x [L_b, H]
        new: dict[int, tuple[Tensor, Tensor, Tensor]] = {}
        for q, yb in zip(distinct, y, strict=True):
            h = yb[q.pieces]  # [T, H]
            r = F.normalize(yb.mean(0), dim=-1)  # [H] mean over all positions, like the sentence embedding
            new[id(q)] = (h, r, focus_embedding(h, q.focus, r))
        return [new[id(q)] for q in reqs]

    def _fill_word_vecs(self, reqs: list[RequestFeatures]) -> None:
        """Set each request's `word_vecs`: its content words, each encoded on its own. `_reqs` has them
        encoded in the requests' own pass, so the encoder's cache serves them here."""
        unique = list(dict.fromkeys(q.w_lower[i] for q in reqs for i in q.content_words))
        vecs = self.encoder.embed(unique)  # [W, H]
        row = {w: k for k, w in enumerate(unique)}
        for q in reqs:
            q.word_vecs = vecs[[row[q.w_lower[i]] for i in q.content_words]]  # [C, H]

    def _word_vecs(self, req: RequestFeatures) -> Tensor:
        """[T, H] per token, its word encoded on its own (normalised); zeros for punctuation, stopwords
        and numbers. `_reqs` fills the vectors of the requests it builds (`_fill_word_vecs`)."""
        if req.word_vecs is None:
            self._fill_word_vecs([req])
        assert req.word_vecs is not None
        row = {w: k + 1 for k, w in enumerate(req.content_words)}
        idx = torch.tensor([row.get(w, 0) for w in req.tok_word], dtype=torch.long)  # [T] 0 = no vector
        return torch.cat([req.word_vecs.new_zeros(1, req.word_vecs.shape[1]), req.word_vecs])[idx]  # [T, H]

    def _token_reps(self, reqs: list[RequestFeatures]) -> list[Tensor]:
        """Per request, [T, H] token states -> [T, d]: each token mixed with its neighbours (within its
        own request) and its text features. All requests go through the layers together."""
        d = self.config.dim
        lengths = [len(q.offsets) for q in reqs]
        a = self.tok_in(self._drop(torch.cat([q.h for q in reqs])))  # [T_all, 3d]: as previous, itself, next
        first = torch.zeros(a.shape[0], dtype=torch.bool)  # [T_all] first token of its request
        last = torch.zeros(a.shape[0], dtype=torch.bool)  # [T_all] last token of its request
        at = 0
        for n in lengths:
            if n:
                first[at] = True
                last[at + n - 1] = True
            at += n
        prev = torch.roll(a[:, :d], 1, dims=0).masked_fill(first[:, None], 0.0)  # [T_all, d] token t-1
        nxt = torch.roll(a[:, 2 * d :], -1, dims=0).masked_fill(last[:, None], 0.0)  # [T_all, d] token t+1
        feats = torch.cat([q.feats for q in reqs])  # [T_all, F1]
        u = self.tok_out(F.gelu(a[:, d : 2 * d] + prev + nxt + self.tok_feat(feats)))  # [T_all, d]
        return list(u.split(lengths))  # B x [T, d]

    def _candidates(self, example: ToolCallExample) -> list[int]:
        table = self._table
        assert table is not None
        if example.candidate_tools is None:
            return list(range(len(table.tools)))
        unknown = [n for n in example.candidate_tools if n not in table.index]
        if unknown:
            raise CatalogueError(
                f"candidate tools {unknown[:3]} are not in the router's catalogue "
                f"'{table.catalogue.name}'; call router.set_catalogue() with a catalogue that has them"
            )
        return [table.index[n] for n in example.candidate_tools]

    def _tool_keys(self, table: CatalogueTable, lin: nn.Linear) -> Tensor:
        """The catalogue's tools through one projection.  # [N, H] -> [N, d]

        Without autograd (predict, sample) the result is reused until the weights change:
        optimizer steps and load_state_dict write in place, which bumps the tensors' versions.
        """
        if torch.is_grad_enabled():
            return lin(self._drop(table.full * math.sqrt(self.encoder.dim)))  # [N, d]
        key = (table.key, id(lin.weight), lin.weight._version, lin.bias._version)
        hit = self._keys_cache.get(id(lin))
        if hit is None or hit[0] != key:
            hit = self._keys_cache[id(lin)] = (key, lin(table.full * math.sqrt(self.encoder.dim)))
        return hit[1]

    def _tool_logits(
        self, reqs: list[RequestFeatures], states: list[tuple[Tensor, Tensor, Tensor]], cands: list[list[int]]
    ) -> list[Tensor]:
        """Per request: logits over its candidates, then "none" last.  # B x [K_b + 1]

        A tool's score: learned weights on 12 features (cosine of what the request asks now
        (`RequestFeatures.r_focus`: not what it sets aside, nor later steps) and the tool's text, cosine
        with the name alone, best share of the name's words in one clause of the request, the same in
        clauses that set things aside or belong to a later step, share of the description's words,
        "this tool was the failed previous call", how early the request names it, the tool's name
        does what the request asks (find, book, play, ...) or another such thing, "the tool needs
        more numbers than the request writes, or a date or time of day it does not write": it cannot be
        called as asked; the two cosines again for the whole request)
        + a bilinear term of what the request asks now (its focus embedding) + late interaction with the
        tool of the tokens of what it asks now. The cosines and tokens come from `states`: the
        fine-tuned last layer's (`_tuned`).
        Nothing per tool is learned, so unseen tools work.
        """
        table = self._table
        assert table is not None
        scale = math.sqrt(self.encoder.dim)
        v, n = len(table.vocab), len(table.tools)
        r = torch.stack([st[1] for st in states])  # [B, H]
        focus = torch.stack([st[2] for st in states])  # [B, H]
        # Index lists first, then one tensor op each: per-request tensor writes cost more than the maths.
        bx: list[int] = []
        vx: list[int] = []
        bf: list[int] = []
        vf: list[int] = []
        pf: list[float] = []
        bp: list[int] = []
        np_: list[int] = []
        rc: list[int] = []
        vc: list[int] = []
        group: list[int] = []
        for b, q in enumerate(reqs):
            rows = [table.vocab[st] for st in q.prompt_stems if st in table.vocab]
            bx += [b] * len(rows)
            vx += rows
            for st, pos in q.first_pos.items():
                if st in table.vocab:
                    bf.append(b)
                    vf.append(table.vocab[st])
                    pf.append(pos)
            for name in q.prev_calls:
                if name in table.index:
                    bp.append(b)
                    np_.append(table.index[name])
            for c, stems in enumerate(q.clause_stems):
                cols = [table.vocab[st] for st in stems if st in table.vocab]
                rc += [len(group)] * len(cols)
                vc += cols
                # row of `named` this clause competes for: later steps wait, like what is set aside
                group.append(2 * b + int(q.dismissive[c] or q.later[c]))
        bsz = len(reqs)
        x = torch.zeros(bsz, v).index_put_(
            (torch.tensor(bx, dtype=torch.long), torch.tensor(vx, dtype=torch.long)), torch.tensor(1.0)
        )  # [B, V] catalogue stems the request itself has
        first = torch.ones(bsz, v + 1).index_put_(
            (torch.tensor(bf, dtype=torch.long), torch.tensor(vf, dtype=torch.long)), torch.tensor(pf)
        )  # [B, V + 1] first position of each stem in the request (1 = absent; the last column always)
        prev = torch.zeros(bsz, n).index_put_(
            (torch.tensor(bp, dtype=torch.long), torch.tensor(np_, dtype=torch.long)), torch.tensor(1.0)
        )  # [B, N]
        xc = torch.zeros(len(group), v).index_put_(
            (torch.tensor(rc, dtype=torch.long), torch.tensor(vc, dtype=torch.long)), torch.tensor(1.0)
        )  # [C_all, V] stems of every clause of every request
        rows_of = torch.tensor(group, dtype=torch.long)[:, None].expand(len(group), n)  # [C_all, N]
        named = torch.zeros(bsz * 2, n).scatter_reduce_(
            0, rows_of, xc @ table.m_name, reduce="amax"
        )  # [C_all, N] -> [B*2, N]: best share of a tool's name in one clause (kept, set aside)
        named = named.view(bsz, 2, n)  # [B, 2, N]
        earliest = first[:, table.name_idx].min(-1).values  # [B, N, S] -> [B, N]
        written = torch.tensor(
            [float(sum(k >= 0 for k in q.number_starts) + _numbers_in_words(q.text)) for q in reqs]
        )  # [B] numbers written, in digits or words ("compounded quarterly", "dropped from")
        short = table.numbers_needed[None, :] > written[:, None]  # [B, N]
        # a required date (time of day) in a request that writes none: "book me a bus ticket"
        writes = torch.tensor([[q.has_date, q.has_time] for q in reqs], dtype=torch.float32).reshape(bsz, 2)
        short = (short | ((1.0 - writes) @ table.when_needed.T > 0)).float()  # [B, 2] @ [2, N] -> [B, N]
        asked = [actions(q.w_lower) for q in reqs]
        said = torch.tensor(
            [[float(a in acts) for a in ACTIONS] for acts in asked], dtype=torch.float32
        ).reshape(bsz, len(ACTIONS))  # [B, A] what the request asks to do
        agree = said @ table.action.T  # [B, A] @ [A, N] -> [B, N] the tool does what the request says
        other = (said.sum(-1, keepdim=True) > 0).float() * table.action.sum(-1) * (1.0 - agree)  # [B, N] another
        feats = torch.stack(
            [focus @ table.full.T, focus @ table.name.T, named[:, 0], named[:, 1], x @ table.m_desc, prev,
             1.0 - earliest, agree, other, r @ table.full.T, r @ table.name.T, short],
            dim=-1,
        )  # [B, N, N_TOOL_FEATS]
        rd = self._drop(focus * scale)  # [B, H] what the request asks now
        keys = F.normalize(self._tool_keys(table, self.tool_proj), dim=-1)  # [N, d]
        bil = F.normalize(self.req_proj(rd), dim=-1) @ keys.T * self.bil_scale.exp()  # [B, d] @ [d, N] -> [B, N]
        # Late interaction, all requests' tokens at once: [T_all, d] @ [d, N], then log-mean-exp per request
        # over the tokens of what it asks now (`RequestFeatures.focus`; all of them where it sets nothing
        # aside): "I'm not asking about the neural model" gives neural_predict no vote.
        keys2 = self._tool_keys(table, self.tool_key2)  # [N, d]
        lengths = [len(q.offsets) for q in reqs]
        h_all = torch.cat([st[0] for st in states])  # [T_all, H]
        f_all = torch.cat([q.feats for q in reqs])  # [T_all, F1]
        tok = F.normalize(self.tool_tok(self._drop(h_all)) + self.tool_tok_feat(f_all), dim=-1)  # [T_all, d]
        sim = tok @ F.normalize(keys2, dim=-1).T * self.late_scale.exp()  # [T_all, N]
        kept = torch.ones(sum(lengths), dtype=torch.bool)  # [T_all]
        at = 0
        for q, length in zip(reqs, lengths, strict=True):
            if q.focus:
                kept[at : at + length] = False
                kept[[at + t for t in q.focus]] = True
            at += length
        sim = sim.masked_fill(~kept[:, None], -math.inf)
        padded = nn.utils.rnn.pad_sequence(list(sim.split(lengths)), batch_first=True, padding_value=-math.inf)
        count = torch.tensor(
            [len(q.focus) or len(q.offsets) for q in reqs], dtype=torch.float32
        ).clamp(min=1.0)  # [B] tokens that vote
        late = torch.logsumexp(padded, dim=1) - count.log()[:, None]  # [B, T_max, N] -> [B, N]
        late = late.nan_to_num(0.0, neginf=0.0)  # a request with no tokens gets no vote
        scores = self.tool_feat(feats)[..., 0] + bil + late  # [B, N]
        none = self._none_logits(feats, scores, cands, reqs)  # [B]
        return [torch.cat([scores[b, c], none[b : b + 1]]) for b, c in enumerate(cands)]  # [K_b + 1]

    def _none_logits(
        self, feats: Tensor, scores: Tensor, cands: list[list[int]], reqs: list[RequestFeatures]
    ) -> Tensor:
        """The "none" logit: the best candidate's score (no gradient into the tool scores) plus what the
        head reads from, per feature, its maximum over the candidates, the best score where there are
        several candidates, whether there is one, the number of candidates (log), how much of what the
        best candidate needs the request speaks of (`_coverage`), and whether it needs more numbers
        than the request writes (or a date, a time of day). A request no candidate serves matches none
        of them well, or lacks what it needs.

        A lone candidate's score is no evidence of its own: scores run lower for tools unlike the
        training catalogue's (an opaque name, a terse description), so the head does not see it and
        "none" moves with it (the call / no-call decision does not depend on its level). Among several
        candidates it tells the head how far the best stands out. On one general checkpoint each,
        2026-11-28, relevant BFCL requests against irrelevant ones: a head that read the best score for
        every request ranked live_simple / live_irrelevance at AUC 0.776, live_multiple 0.904; this
        form: live_simple tool selection 0.698 -> 0.791, live_irrelevance 0.794 -> 0.833,
        live_multiple 0.870 -> 0.870 (0.798, 0.796, 0.878 with the head's start at "call", below).
        Reading it for no request: live_multiple fell to 0.816.  # [B]"""
        table = self._table
        assert table is not None
        rows = []
        tops = []
        for b, c in enumerate(cands):
            if not c:
                rows.append(feats.new_zeros(N_NONE_FEATS))
                tops.append(feats.new_zeros(()))
                continue
            idx = torch.tensor(c, dtype=torch.long)
            s = scores[b, idx].detach()  # [K]
            k = int(s.argmax())
            best, top = c[k], s[k]
            short = feats[b, best, N_TOOL_FEATS - 1].detach()  # best candidate lacks numbers, a date, a time
            covered = _coverage(table.tools[best], reqs[b])
            several = len(c) > 1
            extra = s.new_tensor(
                [float(top) if several else 0.0, float(not several), math.log(len(c)), covered, float(short)]
            )  # [5]
            rows.append(torch.cat([feats[b, idx].max(0).values, extra]))  # [N_TOOL_FEATS + 5]
            tops.append(top)
        x = torch.stack(rows)  # [B, N_NONE_FEATS]
        return torch.stack(tops) + self.none_head(x)[:, 0] + self.none_short * x[:, -1]  # [B]

    # --- the walk: one function samples, takes the argmax, or scores a given call -----------------------

    def _walk(
        self,
        req: RequestFeatures,
        cands: list[int],
        tool_logits: Tensor,
        blocks: dict[int, _Block],
        u: Tensor,
        mode: str,
        generator: torch.Generator | None = None,
        gold: ToolCall | None = None,
        replay: list[int] | None = None,
        overlap: bool = False,
    ) -> _Trace:
        """Make a call's decisions in order. mode: "sample", "greedy", "gold" (teacher forcing on
        `gold`; decisions whose value cannot be found are left out) or "replay" (the `replay` actions).
        `overlap`: a string value may lie inside or run over an earlier one (greedy's second try)."""
        table = self._table
        assert table is not None
        trace = _Trace()
        steps = iter(replay or [])

        def choose(label: str, logits: Tensor, gold_action: Any) -> int | None:
            if mode == "gold":
                a = gold_action()
            elif mode == "replay":
                a = next(steps, -1)
                a = None if a < 0 else a
            elif mode == "greedy":
                a = int(logits.argmax())
                if label == "tool" and a < len(cands) and _asks_to_find_and_book(req):
                    a = _finding_first([table.tools[c].spec.name for c in cands], logits, a)
                if label == "tool" and a < len(cands):
                    a = _number_written([table.tools[c].spec.name for c in cands], a, set(req.w_lower))
            else:
                a = int(torch.multinomial(logits.detach().softmax(-1), 1, generator=generator))
            if a is None:
                return None
            if mode != "greedy":
                lsm = logits.log_softmax(-1)  # [K]
                trace.logps.append(lsm[a])
                trace.entropies.append(-(lsm.exp() * lsm).sum())
            trace.labels.append(label)
            trace.actions.append(a)
            return a

        k = len(cands)
        gold_idx = table.index.get(gold.name) if gold is not None else None
        a = choose("tool", tool_logits, lambda: k if gold is None else _index(cands, gold_idx))
        if mode == "greedy" and a == k and k:  # "none", yet the request writes what the best candidate needs
            best = int(tool_logits[:k].argmax())
            if cands[best] not in blocks:
                blocks[cands[best]] = _Block(self, req, u, table.tools[cands[best]])
            if blocks[cands[best]].writes_what_it_needs():
                a = best
        if mode != "gold" or a is not None:
            trace.confidence = float(tool_logits.detach().softmax(-1)[a]) if a is not None else 0.0
        if a is None:  # gold tool outside the candidates: still learn its arguments, if it is known
            if gold_idx is None:
                return trace
            ti = gold_idx
        elif a == k:
            return trace
        else:
            ti = cands[a]
        tool = table.tools[ti]
        block = blocks.get(ti)
        if block is None:
            block = blocks[ti] = _Block(self, req, u, tool)
        gold_args = gold.arguments if gold is not None else {}
        args: dict[str, Any] = {}
        used = _Taken(decoding=mode != "gold", overlap=overlap)  # what earlier parameters took
        for i, prm in enumerate(tool.params):
            gv = _gold_value(gold_args, prm)
            # an optional parameter the request's words settle (an allowed value written, a flag named, a
            # number next to its name, a whole date written, its name written in full, a value its description
            # quotes written, a place no earlier value took where no later required parameter needs one, a
            # count of people for a numeric enum, a True / False enum named, a unit, a year) is given; not
            # under teacher forcing, so the include head still learns
            date_fmt = _date_spans_format(prm, decoding=True)
            written = mode != "gold" and (
                (prm.value_kind == "enum" and block.one_written(i, decoding=True) is not None)
                or block.counted(i) is not None
                or (prm.value_kind == "bool" and block.named_flag(i))
                or block.described_flag(i)
                or (prm.value_kind == "number" and len(block.named_numbers(i, True) - used.starts) == 1)
                or (prm.value_kind in ("number", "enum") and len(block.people_numbers(i) - used.starts) == 1)
                or (prm.value_kind == "enum" and flag_like(prm) and block.named_flag(i))
                or bool(prm.unit and unit_spans(req.text, prm.unit))
                or (prm.value_kind == "number" and "year" in prm.stems and len(_years(req) - used.starts) == 1)
                or (date_fmt is not None and bool(_when_spans(req, date_fmt, used.starts, self.year, self._today(req))))
                or (prm.value_kind == "string" and not prm.date_format and bool(block.lex[i, LEX_FULL] > 0))
                or (prm.value_kind == "string" and block.described_written(i) is not None)
                or block.currency(i) is not None
                or block.color(i) is not None
                or block.time_told(i) is not None
                or (prm.value_kind == "string" and _named_division(prm, req.text) is not None)
                or (prm.value_kind == "string" and len(block.named_value(i) - used.starts) == 1)
                or bool(prm.items_enum and named_items(req, prm))
                or (prm.location and bool(req.place_starts - used.covered - used.starts)
                    and not any(p.location and p.required for p in tool.params[i + 1 :]))
            )
            if mode == "greedy" and not prm.required and _relation_unsaid(prm.name, req.words):
                continue  # "a movie with Martin Kove" says nothing of who directed it: no directed_by
            if mode != "gold" and not written and not prm.required and prm.cursor:
                continue  # a page cursor a server hands out ("startingAfter"), the request does not name: left out
            if mode == "greedy" and prm.value_kind == "bool" and not (written or prm.required or block.named(i)):
                continue  # a flag the request neither names (even "set to false") nor describes keeps its default
            if mode == "greedy" and not written and _takes_leftover(prm):  # a value the request writes, no one's
                # (greedy only: which parameter gets it reads the include head, which replaying a sampled
                # call under other weights, the reference policy's, would decide differently)
                used.leftover[i] = block.leftover(i, used, args)
                written = bool(used.leftover[i])
            if mode == "greedy" and not prm.required and not written and block.theirs(i):
                # its best value is one the request names as another parameter's ("from the album Halcyon"
                # is the album's, not the artist's): left out (greedy only: it reads the pointer)
                if int(block.start_logits(i, block.conditioned(i, "string")).argmax()) in block.theirs(i):
                    continue
            if mode == "greedy" and not prm.required and not written and block.unsaid_choice(i):
                continue  # a choice the request does not make is left out ("songs by Sia": no year, no genre)
            if mode == "greedy" and not prm.required and not written and prm.value_kind == "number":
                if not prm.stems & _DATED and not block.free_number(used.starts | req.date_numbers):
                    continue  # the numbers left are a date's, and it counts no date
                free = {t for t, k in enumerate(req.number_starts) if k >= 0} - used.starts
                numeric = [j for j, p in enumerate(tool.params) if j != i and p.value_kind == "number"]
                if free and free <= set().union(*(block.named_numbers(j, True) for j in numeric)):
                    continue  # every number left is named as another number's ("sample rate 100": no duration)
            if not prm.required and not written:
                include = block.include[i]  # [2] logits [omit, include]
                if prm.value_kind == "number" and gv is _MISSING and not block.free_number(used.starts):
                    include = include.index_fill(0, torch.tensor([1]), _NEG)  # no number left to give it
                inc = choose(f"include:{prm.name}", include, lambda gv=gv: int(gv is not _MISSING))
                if inc != 1:
                    continue
            kind = prm.value_kind
            if kind == "untyped":
                kc = choose(f"kind:{prm.name}", block.kind[i], lambda gv=gv: _untyped_choice(gv))
                if kc is None:
                    continue
                kind = UNTYPED_CHOICES[kc]
            region = _region_of_city(prm, args, req, used) if mode == "greedy" else None
            value = region or self._value(req, block, i, prm, kind, gv, choose, used)
            if value is not _MISSING:
                args[prm.key] = value
        trace.call = ToolCall(name=tool.spec.name, arguments=_nested(args, tool))
        return trace

    def _value(
        self,
        req: RequestFeatures,
        block: _Block,
        i: int,
        prm: ParamInfo,
        kind: str,
        gv: Any,
        choose: Any,
        used: _Taken,
    ) -> Any:
        """Decide one argument's value (its enum/bool/span/fragment decisions); _MISSING if none.

        A span may not start where an earlier parameter's did ("a=2, b=6, c=5": c cannot take a's
        2), nor a JSON/list fragment serve two parameters; a number starts at a number where the
        request writes one. Teacher forcing lifts a mask where the gold value sits."""
        ck = block.conditioned(i, kind)
        name = prm.name
        if kind == "enum":
            written = block.one_written(i, used.decoding)
            if written is not None:  # the request writes one of the allowed values: that one
                return copy.deepcopy(prm.enum[written])
            language = block.language(i) if used.decoding else None
            if language is not None:  # or names a language it allows, as a code or a name
                return copy.deepcopy(language)
            counted = block.counted(i) if used.decoding else None
            if counted is not None:  # or counts one with the parameter's name: "a four-star hotel"
                return copy.deepcopy(prm.enum[counted])
            meant = block.meant(i) if used.decoding else None
            if meant is not None:  # or writes words that mean one
                return copy.deepcopy(prm.enum[meant])
            if used.decoding and flag_like(prm) and block.named_flag(i):  # "kids friendly": good_for_kids "True"
                return next(v for v in prm.enum if str(v).lower() == "true")
            people = block.people_numbers(i) - used.starts if used.decoding else set()
            if len(people) == 1:  # "for two people": num_passengers 2 of [1, 2, 3, 4, 5]
                t = people.pop()
                n = coerce_number(req.text[number_from(req, t) : req.offsets[t][1]], integer=True)
                if n in prm.enum:
                    used.starts.add(t)
                    return prm.enum[prm.enum.index(n)]
            a = choose(f"enum:{name}", block.enum_logits(i, ck), lambda: _enum_index(prm.enum, gv))
            return _MISSING if a is None else copy.deepcopy(prm.enum[a])
        if kind == "bool":
            if block.named_flag(i):
                return True  # named with no negation near it: "accounting for terrain" sets consider_terrain
            a = choose(f"bool:{name}", block.boolean[i], lambda: _bool_index(gv))
            return _MISSING if a is None else bool(a)
        if kind == "string" and used.decoding and block.described_written(i) is not None:
            return block.described_written(i)  # a value its description quotes, written in the request
        if kind == "string" and used.decoding and (templated := _work_by_template(prm, req.text)) is not None:
            return templated  # "play 'Friends' by Marshmello" in the description's 'track:X artist:Y'
        if kind == "string" and used.decoding and block.language(i) is not None:
            return block.language(i)  # "from English to Danish": tgt_lang "Danish"
        if kind == "string" and used.decoding and block.color(i) is not None:
            return block.color(i)  # "any red shoes in size 8": color red
        if kind == "string" and used.decoding and (division := _named_division(prm, req.text)) is not None:
            return division  # "in Bangkok, Khlong Sam Wa District": district_name "Khlong Sam Wa"
        if kind == "string" and used.decoding and block.currency(i) is not None:
            return block.currency(i)  # "Convert 150 Euros to Canadian dollars": from EUR, to CAD
        if kind == "number" and used.decoding and _starts_at_rest(prm, req.text):
            return 0  # "dropped from rest": an initial velocity of 0
        if kind == "number" and used.decoding and not block.named_numbers(i, True) - used.starts:
            told = block.time_told(i)
            if told is not None:
                return told  # "compounded quarterly": n 4; "for the next week": days 7
        if kind in ("string", "number"):
            if not req.offsets:
                return _MISSING
            span = (
                locate_span(req, gv, kind, self.config.max_span_tokens, prm.date_format) if gv is not _MISSING else None
            )
            logits = block.start_logits(i, ck)  # [T]
            blocked = set(used.starts)
            name_words = words(prm.name)
            sentence = bool(set(name_words) & _FREE_TEXT)  # a parameter that takes a sentence
            own_name = _name_written(req, prm.name) if kind == "string" and used.decoding else []
            integer = prm.schema_kind == "integer"
            max_len = self.config.max_span_tokens
            if kind == "number" and used.decoding:  # not at an exponent: the 2 of "m/s^2", the 9 of "1e-9"
                blocked |= req.exponent_starts
            if kind == "number" and used.decoding and not prm.stems & _DATED:  # nor in a date, if another is free:
                if block.free_number(used.starts | req.date_numbers):  # no room count 2023 in "15th October, 2023"
                    blocked |= req.date_numbers
                if block.free_number(used.starts | req.clock_numbers):  # nor a time of day's: no age 3 in "3:00 p.m."
                    blocked |= req.clock_numbers
            if kind == "number" and block.free_number(used.starts):  # a number starts at a number, if one is free
                blocked |= {t for t, k in enumerate(req.number_starts) if k < 0}
                if integer:  # and a whole one for an integer parameter, if one is free
                    fractional = {t for t, k in enumerate(req.number_starts) if k >= 0 and not _whole(req, t, max_len)}
                    if any(k >= 0 and t not in blocked | fractional for t, k in enumerate(req.number_starts)):
                        blocked |= fractional
            fmt = _date_spans_format(prm, used.decoding)
            when = _when_spans(req, fmt, blocked, self.year, self._today(req)) if fmt else {}
            if is_datetime(fmt):  # a date with its time of day, where the request writes one
                when = {t: [max(ends)] for t, ends in when.items()}
            if not when and kind == "string" and prm.shape and used.decoding:  # a URL, a host, an e-mail address
                when = _token_spans(req, shaped_spans(req.text, prm.shape), blocked)
            if not when and kind == "string" and used.decoding and prm.unit:  # "How many ounces in 2 pounds"
                when = _token_spans(req, unit_spans(req.text, prm.unit), blocked)
            if not when and kind == "string" and used.decoding and prm.command:  # "using the command docker ps"
                when = _token_spans(req, command_spans(req.text), blocked)
            if not when and used.decoding and _seasonal(prm):  # a year (range) written: "the 2021 La Liga season"
                when = _token_spans(req, _season_spans(req.text), blocked)
            if when:  # a date (time) starts where the request writes a whole one, if one is free
                blocked |= set(range(len(req.offsets))) - set(when)
            elif kind == "string" and used.decoding:  # nor inside another's value: "Ronaldo" of "Cristiano Ronaldo"
                blocked |= used.covered | block.theirs(i)
                if not prm.location and not _ID_NAMES & set(name_words):  # nor a number named as another's
                    blocked |= block.others_numbers(i)  # ("4.5 stars" is a rating's; "123 White Street" an address)
                blocked |= {t - 1 for t in used.covered if t and req.w_lower[req.tok_word[t - 1]] in _ARTICLES}  # "the"
                blocked |= req.inside_chunks  # nor inside an identifier: "2020" of "2019-2020"
                if not (PERSON_WORDS & set(name_words) or name_words == ["name"]):  # nor the speaker's: "I am Karan"
                    blocked |= req.speaker_tokens
                named_at = {w for a, b in own_name for w in range(a, b)}  # nor on its own name
                blocked |= {t for t, w in enumerate(req.tok_word) if w in named_at}  # ("zone" of "London time zone")
                if not sentence:  # nor on the tool's ("boiling point"), unless named for it
                    blocked |= _tool_named(req, block.tool.spec.name, prm.name) - block.named_value(i)
            if kind == "number":  # the one free number whose neighbours name this parameter, and no other
                numbers = {t for t, k in enumerate(req.number_starts) if k >= 0}
                named = block.named_numbers(i, used.decoding) - blocked
                people = block.people_numbers(i) - blocked if used.decoding else set()
                if len(named) == 1:
                    blocked |= numbers - named
                elif not named and len(people) == 1:  # "a table for 4 people": the party's size
                    blocked |= numbers - people
                elif used.decoding and numbers - blocked - block.others_numbers(i):  # nor another's, if one is left
                    blocked |= block.others_numbers(i)
                if used.decoding and not people:  # nor the party's size for another number, if one is left
                    theirs = set().union(*(block.people_numbers(j) for j in range(len(block.tool.params)) if j != i))
                    if numbers - blocked - theirs:
                        blocked |= theirs
            name_ends: set[int] = set()
            places_off = False  # the places the request names are another parameter's
            if kind == "string" and not prm.date_format:
                name_starts, name_ends = block.name_tokens()
                blocked |= name_starts - block.named_value(i)  # (not one starting its own value: "Hotel Paradise")
                if used.decoding:  # nor on a mark ending a word ("." is no password; "@e12", "#id" start on theirs)
                    last = (t for t, (x, y) in enumerate(req.offsets) if not req.text[y : y + 1].strip())
                    marks = (t for t in last if not any(c.isalnum() for c in req.text[slice(*req.offsets[t])]))
                    blocked |= {t for t in marks if not req.w_quoted[req.tok_word[t]]}
                places = req.place_starts
                if used.decoding and places and prm.location and places - blocked:
                    blocked |= set(range(len(req.offsets))) - places  # a place parameter takes a place named
                elif used.decoding and places and not prm.location and len(places) <= block.locations:
                    blocked |= places  # no other parameter takes them: "sushi in Boston" -> cuisine sushi
                    places_off = True
                named = block.named_value(i) - blocked
                if used.decoding and len(named) == 1:  # the value right after its name: "directed by Jim Henson"
                    blocked |= set(range(len(req.offsets))) - named
                elif used.leftover.get(i):  # given for the values no one has: one of them
                    blocked |= set(range(len(req.offsets))) - used.leftover[i]
            taken = sorted(blocked - {span[0]}) if span else sorted(blocked)
            if taken and len(taken) < logits.shape[0]:
                logits = logits.index_fill(0, torch.tensor(taken), _NEG)
            s = choose(f"start:{name}", logits, lambda: span and span[0])
            if s is None:
                return _MISSING
            used.starts.add(s)
            end_logits = block.end_logits(i, ck, s)  # [T]
            if kind == "number" or s in when:  # a number's span ends where its text still reads as a number
                ends = when[s] if s in when else _number_ends(req, s, max_len, integer)
                sci = _SCIENTIFIC.match(req.text, req.offsets[s][0]) if kind == "number" and used.decoding else None
                if sci:  # nor before its exponent: "1e-9" whole
                    ends = [x for x in ends if req.offsets[x][1] == sci.end()] or ends
                if span:
                    ends.append(span[1])
                if ends:
                    keep = torch.full_like(end_logits, _NEG).index_fill(0, torch.tensor(ends), 0.0)
                    end_logits = end_logits + keep
            else:  # nor end on a parameter's identifier, unless the span is that one token
                off = name_ends - {s}
                if kind == "string" and places_off:  # nor run into a place it may not take: "theft in Boston"
                    p = min((t for t in req.place_starts if t > s), default=None)
                    stop = p - 1 if p is not None and p - 1 > s and req.w_lower[req.tok_word[p - 1]] in STOPWORDS else p
                    if stop is not None and any(req.w_lower[req.tok_word[t]] not in STOPWORDS for t in range(s, stop)):
                        off |= set(range(stop, len(req.offsets)))  # (unless what is left says nothing: "in")
                if used.decoding and prm.location and s in req.place_ends:  # a place named ends with its name
                    off |= set(range(req.place_ends[s] + 1, len(req.offsets)))  # (or region): "Philadelphia ideally"
                if used.decoding:  # nor run over another string value: not "artist Beyonce" for the date
                    inside = min((t for t in used.covered | block.theirs(i) if t > s), default=None)
                    if inside is not None:
                        off |= set(range(inside, len(req.offsets)))
                    own = _name_after(req, own_name, s)  # nor into its own name: "the planner agent type"
                    if own is not None:
                        off |= set(range(own, len(req.offsets)))
                ban = sorted(off - ({span[1]} if span else set()))
                if ban:
                    end_logits = end_logits.index_fill(0, torch.tensor(ban), _NEG)
            e = choose(f"end:{name}", end_logits, lambda: span and span[1])
            if e is None:
                return _MISSING
            a, b = (number_from(req, s) if kind == "number" else req.offsets[s][0]), req.offsets[e][1]
            if kind == "string" and not prm.date_format and s not in when:
                plain = whole_value(req.text, a, b, names=False)  # 'the quick brown fox', not "the fox"
                a, b = whole_value(req.text, a, b, names=not prm.place)  # nor "Yellowstone National"
                if b > plain[1] and any(plain[1] <= req.offsets[t][0] < b for t in used.covered | block.theirs(i)):
                    a, b = plain  # (a name that runs on into another value stops where it was)
                if prm.place and used.decoding:  # nor inside a longer place's name: "Los" of "Los Altos"
                    b = whole_place(req.text, a, b)
                if prm.place and "," not in req.text[a:b]:  # a city with the region the request gives it
                    b = region_after(req.text, b)
                if prm.location and used.decoding and (m := _FEATURE_AFTER.match(req.text, b)):
                    b = m.end()  # a place with the kind of place written after it: "the Mississippi river"
                if used.decoding and (m := _NAMED_BY_HEAD.search(req.text, 0, a)):
                    a = m.start()  # the thing named with its head: "the theory of evolution", not "evolution"
                if used.decoding and sentence:
                    a, b = _sentence_written(req.text, a, b, prm, block.tool)
            text = strip_quotes(req.text[a:b])
            if kind == "string" and used.decoding and not used.overlap:  # the tokens of the value as given
                at = a + max(req.text[a:b].find(text), 0)
                used.covered |= {t for t, (x, y) in enumerate(req.offsets) if x < at + len(text) and y > at}
            if kind == "number":
                n = coerce_number(text, integer=prm.schema_kind == "integer")
                if isinstance(n, int | float):
                    n = scaled(n, req.text, req.offsets[e][1])  # "213 million"
                if isinstance(n, int | float) and used.decoding:  # "3 minutes" for a length in seconds: 180
                    n = _in_described_time_unit(n, req.text, req.offsets[e][1], prm)
                pm = _PM_HOUR.match(req.text, number_from(req, s)) if used.decoding else None
                if isinstance(n, int) and pm and 0 < n < 12 and _24_HOUR.search(str(prm.schema.get("description", ""))):
                    n += 12  # "until 11 PM" for an hour "in 24 hour format": 23
                side = _hemisphere(req.text, number_from(req, s)) if used.decoding else None
                if isinstance(n, int | float) and side and side in "SW" and _coordinate_of(prm.name):
                    n = -n  # "119.5383 W": a longitude of -119.5383
                if prm.fraction and isinstance(n, int | float) and percent_written(req.text, req.offsets[e][1]):
                    return round(n / 100, 10)  # "5%" for a rate that wants 0.05
                return n
            if prm.date_format:
                return coerce_date(text, prm.date_format, written_year(req.text) or self.year, self._today(req))
            if prm.datetime_format and s in when:
                return coerce_date(text, prm.datetime_format, written_year(req.text) or self.year)
            if used.decoding and not any(f"{q}{text}{q}" in req.text for q in QUOTES):  # quoted: as written
                text = _without_kind(_without_labels(text, prm.name, block.tool.spec.name), prm, block.tool.spec.name)
            if prm.unit and used.decoding:  # a unit in the form its description writes: "teaspoons" -> "teaspoon"
                forms = (text.lower(), text.lower()[:-1], f"{text.lower()}s")  # (or "in mile" -> "miles")
                text = next((v for v in prm.named_values if v.lower() in forms), text)
            if used.decoding and _COMMA_SEPARATED.search(str(prm.schema.get("description", ""))):
                text = _joined_by_commas(text, req.text)  # "ShishirPatil/gorilla and gorilla-llm/gorilla-cli"
            city_state = req.city_state if used.decoding and "state" in prm.place else None
            if city_state and block.locations == 1 and not re.search(r"\d", text) and city_state != text:
                if ("," not in text and not is_place(text)) or city_state.split(",")[0] in text:  # 'City, ST'
                    text = city_state  # asked: not "Yosemite National Park (at) Mariposa, CA" but "Mariposa, CA"
            return _as_place(text, prm)
        if prm.items_enum:  # an array of allowed items: those the request names, if it names any
            items = named_items(req, prm)
            if items:
                return items
        # JSON fragment written in the request, or the fallback
        frags = req.fragments
        logits = block.fragment_logits(i, ck)  # [M + 1]
        gold_frag = _fragment_index(frags, prm, gv)
        taken = sorted(used.fragments - {gold_frag})
        if taken:
            logits = logits.index_fill(0, torch.tensor(taken), _NEG)
        a = choose(f"fragment:{name}", logits, lambda: gold_frag)
        if a is None:
            return _MISSING
        if a == len(frags) and used.decoding and prm.required and prm.schema_kind == "array":
            lists = [m for m, (f, *_) in enumerate(frags) if m not in used.fragments and isinstance(f.value, list)]
            if len(lists) == 1:  # a required list, and the one list the request writes that is left: that one
                a = lists[0]  # ("cases from 2015 to 2021" for a year range), not none
        if a < len(frags):
            used.fragments.add(a)  # one JSON list per parameter
        if a == len(frags):
            one = self._one_item(req, block, i, prm, choose, used) if used.decoding else None
            return prm.fallback() if one is None else [one]  # a list of one: "the event with ID efJG9"
        return _as_items(copy.deepcopy(frags[a][0].value), prm.schema)

    def _one_item(
        self, req: RequestFeatures, block: _Block, i: int, prm: ParamInfo, choose: Any, used: _Taken
    ) -> Any:
        """The one item of a list of strings the request writes no list for, read as a string value
        is, where it is a code with a digit ("size 40", "the network with ID L_5798"); else None."""
        items = prm.schema.get("items")
        if prm.schema_kind != "array" or not isinstance(items, dict) or items.get("type") != "string":
            return None
        starts, covered = set(used.starts), set(used.covered)
        value = self._value(req, block, i, prm, "string", _MISSING, choose, used)
        if not isinstance(value, str) or not re.search(r"\d", value) or _misshapen(value, prm):
            used.starts, used.covered = starts, covered  # nothing taken
            return None
        return value

    def _walks(
        self,
        examples: Sequence[ToolCallExample],
        mode: str,
        repeats: int = 1,
        generator: torch.Generator | None = None,
        golds: Sequence[Any] | None = None,
    ) -> list[list[_Trace]]:
        """Walk every example `repeats` times (sampling) or once against its gold/replayed call."""
        if self._table is None:
            raise McptrainError("the router has no catalogue; call router.set_catalogue(catalogue) first")
        reqs = self._reqs(examples)
        cands = [self._candidates(e) for e in examples]
        logits = self._tool_logits(reqs, self._tuned(reqs), cands)  # arguments read the pretrained states
        # Shared per distinct request: token reps and (request, tool) blocks, so a group of G calls
        # for one request costs one set of head passes.
        distinct = list({id(q): q for q in reqs}.values())
        reps = self._token_reps(distinct)
        shared: dict[int, tuple[Tensor, dict[int, _Block]]] = {
            id(q): (u, {}) for q, u in zip(distinct, reps, strict=True)
        }
        out = []
        for b, req in enumerate(reqs):
            u, blocks = shared[id(req)]
            traces = []
            for _ in range(repeats):
                gold = golds[b] if golds is not None else None
                if isinstance(gold, SampledCall):
                    replay = [int(x) for x in gold.actions[gold.mask].tolist()]
                    traces.append(self._walk(req, cands[b], logits[b], blocks, u, "replay", replay=replay))
                else:
                    tr = self._walk(req, cands[b], logits[b], blocks, u, mode, generator, gold=gold)
                    if mode == "greedy" and tr.call is not None and self._said(tr.call, req.text) is None:
                        # kept apart, a value said nothing: values may overlap, if then every one says something
                        again = self._walk(req, cands[b], logits[b], blocks, u, mode, overlap=True)
                        said = self._said(again.call, req.text) if again.call is not None else None
                        if said is not None and not _one_value_twice(said):  # ("Texas" as location and subject)
                            tr = again
                    traces.append(tr)
            out.append(traces)
        return out

    def _pad(self, trace: _Trace) -> tuple[Tensor, Tensor, Tensor, Tensor]:
        """A trace's decisions -> (logp, entropy, mask, actions), each [D]."""
        d, n = self.max_decisions, len(trace.labels)
        if n > d:
            raise McptrainError(f"a call made {n} decisions but max_decisions is {d}; raise RouterConfig.max_params")
        logp = F.pad(torch.stack(trace.logps), (0, d - n)) if n else torch.zeros(d)  # [D]
        ent = F.pad(torch.stack(trace.entropies), (0, d - n)) if n else torch.zeros(d)  # [D]
        mask = torch.arange(d) < n  # [D]
        actions = torch.full((d,), -1, dtype=torch.long)  # [D]
        actions[:n] = torch.tensor(trace.actions, dtype=torch.long)
        return logp, ent, mask, actions

    # --- Policy ---------------------------------------------------------------------------------------

    def sample(
        self,
        examples: Sequence[ToolCallExample],
        group_size: int,
        generator: torch.Generator | None = None,
    ) -> list[list[SampledCall]]:
        """G sampled calls per request, `[B][G]`; same generator state -> same calls.

        >>> calls = router.sample(examples, 4, torch.Generator().manual_seed(0))
        >>> calls[0][0].call, calls[0][0].labels
        (ToolCall(name='agent_terminate', arguments={'agentId': 'agent-1'}), ['tool', 'start:agentId', ...])
        """
        with torch.no_grad():
            walks = self._walks(examples, "sample", repeats=group_size, generator=generator)
        out = []
        for traces in walks:
            group = []
            for tr in traces:
                logp, ent, mask, actions = self._pad(tr)
                group.append(SampledCall(tr.call, logp, ent, mask, actions, tr.labels))
            out.append(group)
        return out

    def predict(self, examples: Sequence[ToolCallExample]) -> list[Prediction]:
        """Greedy calls, validated against their tool's schema.

        >>> router.predict([ToolCallExample(prompt="what's the weather in Paris?")])[0]
        Prediction(tool=None, arguments={}, confidence=0.91, schema_valid=True)
        """
        if not examples:
            return []
        # no_grad, not inference_mode: request features cached here are reused by training later.
        with torch.no_grad():
            walks = self._walks(examples, "greedy")
        assert self._table is not None
        out = []
        for (tr,), ex in zip(walks, examples, strict=True):
            call = tr.call if tr.call is None else self._said(tr.call, context_text(ex, self.config.max_context_chars))
            call = call if call is None else in_written_order(call, ex.prompt)
            if call is None:  # no call by the heads (their "none" probability), or by `_said` (all but the tool's)
                out.append(Prediction(None, {}, tr.confidence if tr.call is None else 1.0 - tr.confidence, True))
                continue
            out.append(Prediction(call.name, call.arguments, tr.confidence, self.validate(call)))
        return out

    def _said(self, call: ToolCall, text: str) -> ToolCall | None:
        """The call without values the request (`text`) does not say: a value that is one word like
        "I", "what", "the" (`NON_VALUES`) is the pointer's best guess where the request gives none, as
        is one without the shape its parameter asks for (`_misshapen`: a url "weather", a place
        "hotel", a date "flight"), an identifier the request does not give as one (`_unnamed_id`: "its
        insole" for product_id), and a required list or object it writes none of (the fallback [] or
        {}). An optional parameter so read is left out; a required one means the tool cannot be called as
        asked ("I want to book a flight to Paris" gives no departure time, "Who won Monopoly last
        night?" no game state), so no call (None). Greedy decoding only: sampled calls keep what
        their decisions gave, so rewards score the decisions the log-probs are of."""
        table = self._table
        assert table is not None
        tool = table.tools[table.index[call.name]]
        args = _flat(call.arguments, tool)
        given: set[str] = set()  # free-text values kept for the parameters before
        for prm in tool.params:
            value = args.get(prm.key)
            free = isinstance(value, str) and not prm.enum and bool(value.strip())
            twice = free and str(value).strip().lower() in given  # a value said once is one parameter's: "purple"
            unsaid = isinstance(value, str) and (
                not_a_value(value)
                or (_ORDINAL.fullmatch(value.strip()) is not None and not prm.date_format and not _DATED & prm.stems)
                or _misshapen(value, prm)
                or _unnamed_id(value, prm, call.name, text)
                or _a_clause(value, prm, text)
                or (prm.language is not None and not is_language(value))  # "today" is no movie_language
                or _not_a_key(value, prm, call.name)  # "sell" is no musical key
                or _no_measure(value, prm, text)  # "sphere" is no unit, "garden" no size
                or _not_listed(value, prm)  # "Blackjack" is no suit of "(hearts, diamonds, clubs, spades)"
                or _across_phrases(value, prm, text)  # "nurtient a cactus" is no plant type
                or _not_that_division(value, prm)  # "Chonburi Province" is no district
                or _described_not_named(value, prm)  # "largest planet" is no star's name
                or twice
            )
            unsaid = unsaid or (_chance(prm) and isinstance(value, int | float) and value > 1)  # "a bag of 20"
            if unsaid or (prm.required and value in ([], {})):  # a list or object the request writes none of
                if prm.required:
                    return None
                del args[prm.key]
            elif isinstance(value, str) and not prm.required and not prm.enum and (
                _in_expansion(value, text) or _held_elsewhere(value, prm.key, args)
            ):
                del args[prm.key]  # "SNP (Single Nucleotide Polymorphism)" names no species; "Lakers" a team, no venue
            elif free:
                given.add(str(value).strip().lower())
        nested = _nested(args, tool)
        if any(nested.get(p.parent) == {} for p in tool.params if p.parent in tool.spec.required):
            return None  # a required object none of whose properties the request says: ThinQ's body
        return ToolCall(name=call.name, arguments=nested)

    def validate(self, call: ToolCall | None) -> bool:
        """Whether a call's arguments validate against its tool's input schema (None: nothing to check).

        >>> router.validate(ToolCall(name="memory_store", arguments={"key": "k"}))   # "value" is required
        False
        """
        if call is None:
            return True
        table = self._table
        if table is None or call.name not in table.index:
            return False
        return bool(table.tools[table.index[call.name]].validator.is_valid(call.arguments))

    def log_prob(
        self,
        examples: Sequence[ToolCallExample],
        calls: Sequence[ToolCall | SampledCall | None],
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Per-decision log-probs of given calls under the current weights, with autograd.

        A SampledCall replays its recorded decisions exactly; a ToolCall (or None = no tool) is
        teacher-forced: span values are found in the request case-insensitively, and a decision
        whose value cannot be found is masked out. Returns (logp, entropy, mask), each [N, D].
        """
        if len(examples) != len(calls):
            raise ValueError(f"log_prob needs one call per example: {len(examples)} examples, {len(calls)} calls")
        walks = self._walks(examples, "gold", golds=list(calls))
        padded = [self._pad(traces[0]) for traces in walks]
        logp = torch.stack([p[0] for p in padded])  # [N, D]
        ent = torch.stack([p[1] for p in padded])  # [N, D]
        mask = torch.stack([p[2] for p in padded])  # [N, D]
        return logp, ent, mask

    def forward(
        self, examples: Sequence[ToolCallExample], calls: Sequence[ToolCall | SampledCall | None]
    ) -> tuple[Tensor, Tensor, Tensor]:
        return self.log_prob(examples, calls)

    # --- supervised warm start ------------------------------------------------------------------------

    def supervised_loss(
        self, examples: Sequence[ToolCallExample], generator: torch.Generator | None = None
    ) -> Tensor:
        """−mean over examples of the gold call's log-prob (its decisions' sum).  # -> []

        With a `generator`, dropout (RouterConfig.dropout) is on for this loss, its masks drawn
        from that generator; without one there is no dropout.

            >>> loss = router.supervised_loss(batch, generator=torch.Generator().manual_seed(0))
        """
        golds = [gold_call(e) for e in examples]
        previous, self._drop_gen = self._drop_gen, generator
        try:
            logp, _, mask = self.log_prob(examples, golds)  # [N, D]
        finally:
            self._drop_gen = previous
        return -(logp * mask).sum(-1).mean()  # [N] -> []

    def prepare(self, examples: Sequence[ToolCallExample]) -> None:
        """Encode the requests not seen yet, in batches, so later calls find them cached."""
        self._reqs(examples)

    def fit_supervised(
        self,
        examples: Sequence[ToolCallExample],
        epochs: int = 15,
        lr: float = 1e-3,
        batch_size: int = 32,
        seed: int = 0,
        weight_decay: float = 1e-4,
    ) -> list[float]:
        """A quick AdamW loop on `supervised_loss`; returns the mean loss of each epoch.

        (The trainer owns the real loop; this is for warm starts, tests and experiments.)

            >>> router.fit_supervised(train, epochs=3, seed=0)
            [4.91, 1.37, 0.62]
        """
        examples = list(examples)
        if not examples:
            return []
        self.prepare(examples)  # encode everything once, batched
        opt = torch.optim.AdamW(self.parameters(), lr=lr, weight_decay=weight_decay)
        order_gen = torch.Generator().manual_seed(seed)
        drop_gen = torch.Generator().manual_seed(seed + 1)
        history = []
        for _ in range(epochs):
            order = torch.randperm(len(examples), generator=order_gen).tolist()
            total, count = 0.0, 0
            for i in range(0, len(order), batch_size):
                batch = [examples[j] for j in order[i : i + batch_size]]
                loss = self.supervised_loss(batch, generator=drop_gen)
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(self.parameters(), 5.0)
                opt.step()
                total += float(loss.detach()) * len(batch)
                count += len(batch)
            history.append(total / count)
        return history

    # --- checkpoints ----------------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        """Write a checkpoint folder that rebuilds this router without any other input:

            path/
              router.json          {"format_version": 1, "config": {...}, "encoder": {"name": ...}}
              weights.safetensors  the heads' weights (the encoder is frozen, rebuilt from "encoder")
              catalogue.json       the tools the router scores (Catalogue JSON)
        """
        from safetensors.torch import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        meta = {
            "format_version": FORMAT_VERSION,
            "kind": "router",
            "config": self.config.to_dict(),
            "encoder": self.encoder.spec,
        }
        (path / "router.json").write_text(json.dumps(meta, indent=2) + "\n")
        save_file({k: v.detach().contiguous() for k, v in self.state_dict().items()}, str(path / "weights.safetensors"))
        if self._table is not None:
            self._table.catalogue.save(path / "catalogue.json")
        return path

    @classmethod
    def load(
        cls, path: str | Path, catalogue: Catalogue | None = None, encoder: Encoder | None = None
    ) -> Router:
        """Rebuild a router saved by `save`; `catalogue`/`encoder` override the saved ones."""
        from safetensors.torch import load_file

        path = Path(path)
        meta_path = path / "router.json"
        if not meta_path.exists():
            raise McptrainError(f"{path}: no router.json; is this a router checkpoint folder (Router.save)?")
        meta = json.loads(meta_path.read_text())
        if meta.get("format_version") != FORMAT_VERSION:
            raise McptrainError(
                f"{meta_path}: format_version {meta.get('format_version')} is not {FORMAT_VERSION} (the "
                "router's heads changed); train it again with this version of mcptrain, or load it with "
                "the version that wrote it"
            )
        if catalogue is None and (path / "catalogue.json").exists():
            catalogue = Catalogue.from_file(path / "catalogue.json")
        router = cls(encoder or Encoder.from_spec(meta["encoder"]), catalogue, RouterConfig.from_dict(meta["config"]))
        router.load_state_dict(load_file(str(path / "weights.safetensors")))
        router.eval()
        return router


# --------------------------------------------------------------------------------------------------
# Gold decisions for teacher forcing


def gold_call(example: ToolCallExample) -> ToolCall | None:
    """The call an example expects (None = no tool)."""
    if example.expected_tool is None:
        return None
    return ToolCall(name=example.expected_tool, arguments=example.expected_params)


def _gold_value(gold_args: dict[str, Any], prm: ParamInfo) -> Any:
    """A parameter's value in a given call: an object's property from inside the object."""
    if prm.parent is None:
        return gold_args.get(prm.name, _MISSING)
    obj = gold_args.get(prm.parent)
    return obj.get(prm.name, _MISSING) if isinstance(obj, dict) else _MISSING


def _nested(flat: dict[str, Any], tool: ToolInfo) -> dict[str, Any]:
    """A call's flat view (values by `ParamInfo.key`) -> its arguments, an object's properties inside
    it; a required object none of whose properties is given is {} (`_said` calls that unsaid).

    >>> # {"url": "https://x.io", "params.limit": 50} -> {"url": "https://x.io", "params": {"limit": 50}}
    """
    out: dict[str, Any] = {}
    known = set()
    for p in tool.params:
        known.add(p.key)
        if p.parent is None:
            if p.key in flat:
                out[p.name] = flat[p.key]
        elif p.key in flat:
            out.setdefault(p.parent, {})[p.name] = flat[p.key]
        elif p.parent in tool.spec.required:
            out.setdefault(p.parent, {})
    out.update({k: v for k, v in flat.items() if k not in known})  # what the tool's parameters do not name
    return out


def _flat(args: dict[str, Any], tool: ToolInfo) -> dict[str, Any]:
    """A call's arguments -> its flat view (values by `ParamInfo.key`), the inverse of `_nested`."""
    parents = {p.parent for p in tool.params if p.parent}
    out = {k: v for k, v in args.items() if k not in parents}
    for p in tool.params:
        obj = args.get(p.parent) if p.parent else None
        if isinstance(obj, dict) and p.name in obj:
            out[p.key] = obj[p.name]
    return out


def _as_items(value: Any, schema: dict[str, Any]) -> Any:
    """A list read from the request, its whole numbers made floats where the schema's items are
    numbers (checkers such as BFCL's take 12 for a float only outside a list).

        >>> _as_items([12, 15.5], {"type": "array", "items": {"type": "number"}})
        [12.0, 15.5]
    """
    items = schema.get("items")
    if isinstance(value, list) and isinstance(items, dict) and items.get("type") == "number":
        return [float(x) if type(x) is int else x for x in value]
    return value


# A number of people, and the parameters that count them.
_PEOPLE = re.compile(
    r"\s*(?:people|persons?|ppl|adults?|guests?|passengers?|travell?ers?|individuals?|(?:[a-z]+\s+)?tickets?)\b", re.I
)  # ("two bus tickets": two passengers)
_PEOPLE_PARAM = frozenset(content_stems("adults passengers people persons guests travelers seats party"))


_SCIENTIFIC = re.compile(r"\d+(?:\.\d+)?[eE][-+]?\d+")


_AT_REST = re.compile(r"\b(?:from|at) rest\b|\bdropped\b", re.I)


def _starts_at_rest(prm: ParamInfo, text: str) -> bool:
    """Whether a number parameter is an initial velocity or speed the request gives as 0 in words:
    "an object dropped from a height", "started from rest", "at rest"."""
    name = set(words(prm.name))
    return prm.value_kind == "number" and "initial" in name and bool(name & {"velocity", "speed"}) and (
        _AT_REST.search(text) is not None
    )


# Numbers written as words of time: how often a year interest is compounded ("compounded quarterly": 4),
# and one period ahead in the unit a count measures ("for the next week": 7 days, "next month": 1 month).
_PER_YEAR = {"annually": 1, "yearly": 1, "semi-annually": 2, "semiannually": 2, "biannually": 2, "quarterly": 4,
             "monthly": 12, "bi-weekly": 26, "biweekly": 26, "weekly": 52, "daily": 365}  # fmt: skip
_FREQUENCY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PER_YEAR), key=len, reverse=True)) + r")\b", re.I)
_AHEAD = re.compile(r"\b(?:next|coming|following|upcoming)\s+(day|week|month|year)\b", re.I)
_PERIOD_IN = {"day": {"day": 1, "week": 7}, "week": {"week": 1}, "month": {"month": 1, "year": 12}, "year": {"year": 1}}


def _time_in_words(prm: ParamInfo, text: str) -> int | None:
    """A count the request gives in words of time: how many times a year interest is compounded
    ("compounded quarterly": 4, "monthly compounding": 12) for a parameter about compounding, or one
    period ahead in the unit the parameter counts ("for the next week": 7 for "Number of days", "next
    month": 1 for months). None where it gives none."""
    if prm.value_kind != "number":
        return None
    about = f"{' '.join(words(prm.name))} {prm.schema.get('description', '')}".lower()
    if "compound" in about and (m := _FREQUENCY.search(text)):
        return _PER_YEAR[m.group(1).lower()]
    ahead = _AHEAD.search(text)
    if ahead is None:
        return None
    counted = [u for u in _PERIOD_IN if re.search(rf"\b{u}s\b", about)]  # the unit it counts in: "days"
    return _PERIOD_IN[counted[0]].get(ahead.group(1).lower()) if len(counted) == 1 else None


def _numbers_in_words(text: str) -> int:
    """How many numbers a request writes in words of time or motion (`_time_in_words`, `_AT_REST`)."""
    return len(_FREQUENCY.findall(text)) + len(_AHEAD.findall(text)) + int(_AT_REST.search(text) is not None)


_PM_HOUR = re.compile(r"\d{1,2}\s*p\.?\s?m\b", re.I)  # "11 PM", "9pm"
_24_HOUR = re.compile(r"\b24[- ]?hours?\s+(?:format|clock)|\b24h\b", re.I)  # an hour counted from midnight


_ARTICLES = frozenset({"the", "a", "an"})  # before a value taken: "the" of "the Eiffel Tower" starts it again


def _name_written(req: RequestFeatures, param: str) -> list[tuple[int, int]]:
    """Where the request writes a parameter's name in words, as (first word, end word) pairs: a name of
    two words or more as written ("planner agent type" for agentType); a name of one word besides words
    like "type" or "from" where that word is written in lower case, or in two halves ("single room" for
    room_type, "New York time zone" for from_timezone), not an id's ("event" labels eventId's value) nor
    a sentence's ("user input text" for input). A capitalised one-word name is part of a value
    ("Premier League" for league)."""
    name, one = _name_parts(param)
    n = len(name)
    if n >= 2:
        found = [(w, w + n) for w in range(len(req.w_stem) - n + 1) if tuple(req.w_stem[w : w + n]) == name]
        if found or one is None:
            return found
    if one is None:
        return []
    out, one_stem = [], stem(one)
    for w, st in enumerate(req.w_stem):
        if st == one_stem:
            span = (w, w + 1)
        elif one.startswith(req.w_lower[w]) and w + 1 < len(req.w_lower) and req.w_lower[w] + req.w_lower[w + 1] == one:
            span = (w, w + 2)
        else:
            continue
        toks = [t for t, x in enumerate(req.tok_word) if x == w]
        joined = bool(toks) and _JOINED.match(req.text, req.offsets[toks[-1]][1]) is not None  # "session-core"
        if toks and req.text[req.offsets[toks[0]][0]].islower() and not joined:
            out.append(span)
    return out


@functools.lru_cache(maxsize=4096)
def _name_parts(param: str) -> tuple[tuple[str, ...], str | None]:
    """A parameter's name as stems, and its one word besides words like "type" (None: no such word, an
    id's, or a sentence's): "room_type" -> (("room", "type"), "room")."""
    ws = words(param)
    rest = [w for w in ws if w not in _GENERIC_NAME]
    one = rest[0] if len(rest) == 1 and len(rest[0]) >= 4 and "id" not in ws and rest[0] not in _FREE_TEXT else None
    return tuple(stem(w) for w in ws), one


def _name_after(req: RequestFeatures, name_at: list[tuple[int, int]], s: int) -> int | None:
    """The first token after token s of the parameter's name written in words (`name_at`, from
    `_name_written`): a value starting at s ends before it ("the planner agent type", "single room")."""
    w = next((a for a, _ in name_at if a > req.tok_word[s]), None)
    return None if w is None else next((t for t in range(s + 1, len(req.tok_word)) if req.tok_word[t] == w), None)


def _tool_named(req: RequestFeatures, tool: str, param: str) -> set[int]:
    """Tokens where the request writes a word of the tool's name (not of the parameter's), so that a
    value starting there would name the tool, not a value: "boiling" of "the boiling point" for
    get_boiling_melting_points' substance, "Hilton Hotel" for hilton_hotel's hotel_chain. Not a quoted
    word, nor one before a capitalised word the name lacks ("Hotel Paradise" is a hotel's name), nor
    one joined to the next ("workflow-core" is daa_workflow_create's id), nor one right after the
    parameter's name ("the namespace to patterns" for pattern-search)."""
    named = {stem(w) for w in words(param)}
    own = {stem(w) for w in words(tool) if len(w) >= 3 and w.isalpha()} - named
    named -= {stem(w) for w in _GENERIC_NAME}
    if not own:
        return set()
    out: set[int] = set()
    first = {w: t for t, w in reversed(list(enumerate(req.tok_word)))}  # word -> its first token
    for w, st in enumerate(req.w_stem):
        if st not in own or req.w_quoted[w] or w not in first or named & set(req.w_stem[max(w - 3, 0) : w]):
            continue  # (a value right after its parameter's name: "set the namespace to patterns")
        toks = [t for t, x in enumerate(req.tok_word) if x == w]
        if _JOINED.match(req.text, req.offsets[toks[-1]][1]):  # part of an identifier: "workflow-core"
            continue
        nxt = first.get(w + 1)
        if nxt is not None and req.text[req.offsets[nxt][0]].isupper() and req.w_stem[w + 1] not in own:
            continue
        out.update(toks)
        if w and req.w_lower[w - 1] in _ARTICLES:  # nor on its article: "the boiling point" reads as "boiling point"
            out.update(t for t, x in enumerate(req.tok_word) if x == w - 1)
    return out


_JOINED = re.compile(r"[-_./:@]\w")
_FREE_TEXT = frozenset(  # one-word names of parameters that take a sentence, which may say the name
    "message text query content body description prompt input sentence question answer command note comment "
    "request title summary instruction statement phrase".split()
)
_FREE_WORDS = frozenset("name keyword keywords term terms q search".split())  # ... or any words, as written
_AS_WRITTEN = _FREE_TEXT | _FREE_WORDS
_GENERIC_NAME = frozenset("type name id value kind from to of num number the".split())


def _written_number(req: RequestFeatures, t: int) -> int | float | None:
    """The whole number written from token t, with its sign: "0.5" (not the "0" of its first token),
    "-3", "four"; None if none starts there."""
    m = _NUMBER_AT.match(req.text, number_from(req, t))
    return parse_number(m.group(0)) if m else None


def _word_after_number(req: RequestFeatures, t: int) -> str:
    """The lower-case word after the number starting at token t, past a hyphen ("2-bedroom")."""
    w = req.tok_word[t] + 1
    while w < len(req.w_lower) and req.w_lower[w] in ("-", ","):
        w += 1
    return req.w_lower[w] if w < len(req.w_lower) and req.w_lower[w].isalpha() else ""


_COUNTING = frozenset("number num count total of the".split())
_LINKS = frozenset("set is be should equal equals of at = :".split())  # "min rating set to 3.5"
_COLOR_NAMES = frozenset({"color", "colour"})
_COLORS = frozenset(
    "red orange yellow green blue purple violet pink brown black white gray grey silver gold beige navy teal "
    "maroon turquoise cyan magenta ivory khaki olive".split()
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)  # "the 19th": a day of a date, no name
_BOUNDS = frozenset("above below least most than more less".split())  # "rating of at least 4"
_AS_THE = frozenset("the a an my".split())  # "twenty as the limit", "5 for the page size"
_NUMBER_AT = re.compile(rf"{WRITTEN_NUMBER}|[a-z]+", re.I)


def _linked_name(text: str, at: int, param: str) -> bool:
    """Whether the number at character `at` has parameter `param`'s name before it and only link
    words between ("min rating set to 3.5", "offset = 50"), or after it past "as" / "for" ("twenty
    as the limit", "20 for the limit"). `_words_around` + `_name_linked`.

        >>> _linked_name("min rating set to 3.5", 18, "minRating"), _linked_name("5 as the limit", 0, "limit")
        (True, True)
        >>> _linked_name("events from 19 to 33", 18, "_from")
        False
    """
    return _name_linked(_words_around(text, at), param)


def _named_just_before(text: str, at: int, params: list[int], names: dict[int, set[str]]) -> int:
    """Of `params` (their name stems in `names`), the one whose name alone has a word among the three
    content words just before the number at character `at`, in its own clause: "an initial investment
    of $2000" -> initial_value, not final_value. -1 where none or several."""
    clause = re.split(r"[,;:.!?]\s", text[:at])[-1]
    near = {stem(w) for w in [w for w in words(clause) if w not in STOPWORDS][-3:]}
    m = _NUMBER_AT.match(text, at)
    after = {stem(w) for w in words(re.split(r"[,;:.!?]|\band\b", text[m.end() if m else at :])[0])[:2]}
    own = {j: names[j] - set().union(*(names[o] for o in params if o != j)) for j in params}
    if any(own[j] & after for j in params):
        return -1  # the words after it name it: "$15000 total revenue and $22000 total cost"
    hits = [j for j in params if own[j] & near]
    return hits[0] if len(hits) == 1 else -1


def _words_around(text: str, at: int) -> tuple[list[str], list[str]]:
    """The lower-case words (and "=", ":") before the number at character `at`, and the words after it."""
    m = _NUMBER_AT.match(text, at)
    before = [w.lower() for w in re.findall(r"[A-Za-z]+|[=:]", text[:at])]
    return before, [w.lower() for w in re.findall(r"[A-Za-z]+", text[m.end() if m else at :])]


def _name_linked(around: tuple[list[str], list[str]], param: str) -> bool:
    """`_linked_name` on the words around a number (`_words_around`), read once per number."""
    name = words(param)
    if not name:
        return False
    before = around[0][-(len(name) + 4) :]
    while before and (
        before[-1] in _LINKS | _BOUNDS or before[-2:] in (["set", "to"], ["equal", "to"], ["equals", "to"])
    ):
        before.pop()  # ("to" only after "set" or "equal": "from 19 to 33" names nothing "from")
    if [stem(w) for w in before[-len(name) :]] == [stem(w) for w in name]:
        return True
    if len(name) == 1 and before and _verb_root(before[-1]) == _verb_root(name[0]):
        return True  # the name as a verb: "rated 3.8" for a rating, "scored 5" for a score
    after = around[1][: len(name) + 3]
    if not after or after[0] not in ("as", "for"):
        return False
    rest = after[1:]
    while rest and rest[0] in _AS_THE:
        rest = rest[1:]
    return [stem(w) for w in rest[: len(name)]] == [stem(w) for w in name]


def _coordinate_of(name: str) -> str | None:
    """"lat" for a latitude parameter (latitude, lat, start_lat), "lon" for a longitude (longitude,
    lng, lon), else None."""
    w = set(words(name))
    return "lat" if w & {"lat", "latitude"} else "lon" if w & {"lon", "lng", "longitude"} else None


def _hemisphere(text: str, start: int) -> str | None:
    """The hemisphere written after the whole number at `start` ("37.8651 N", "2.2945° E"): "N", "S",
    "E" or "W"; else None."""
    whole = _NUMBER_AT.match(text, start)
    side = _HEMISPHERE.match(text, whole.end()) if whole else None
    return side[1] if side else None


_HEMISPHERE = re.compile(r"\s*°?\s*([NSEW])\b")


def _in_described_time_unit(n: int | float, text: str, end: int, prm: ParamInfo) -> int | float:
    """A number written with a unit of time (at `end`: "3 minutes") in the one unit of time the
    parameter's description gives ("Length of the track in seconds": 180); else as is."""
    m = _TIME_UNIT_AFTER.match(text, end)
    described = {u for u in _SECONDS if u in prm.desc_stems}
    if m is None or len(described) != 1:
        return n
    out = n * _SECONDS[stem(m.group(1).lower())] / _SECONDS[described.pop()]
    return int(out) if float(out).is_integer() else out


_SECONDS = {stem(u): s for u, s in [("second", 1), ("minute", 60), ("hour", 3600), ("day", 86400), ("week", 604800)]}
_TIME_UNIT_AFTER = re.compile(r"\s*(seconds?|minutes?|hours?|days?|weeks?)\b", re.I)


def _work_by_template(prm: ParamInfo, text: str) -> str | None:
    """A work and its maker written "<work> by <maker>" ("Play the song 'Friends' by Marshmello"), in
    the template the parameter's description gives for them ("in the format 'track:SongName
    artist:ArtistName'" -> "track:Friends artist:Marshmello"); None where either is missing."""
    t = _WORK_TEMPLATE.search(str(prm.schema.get("description", "")))
    m = (_WORK_BY[0].search(text) or _WORK_BY[1].search(text)) if t else None
    if t is None or m is None:
        return None
    return f"{t.group(1)}:{strip_quotes(m.group(1))} {t.group(2)}:{m.group(2)}"


_WORK_TEMPLATE = re.compile(r"['\"](track|song|title|book):\w[^'\"]*?\s(artist|author|by):\w[^'\"]*['\"]", re.I)
_MAKER = r"\s+by\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"  # "by Maninder Buttar"
_WORK_BY = (  # a quoted work, else the words after "play", "song", ...; then "by" and a name
    re.compile(r"('[^']+'|\"[^\"]+\")" + _MAKER),
    re.compile(r"\b(?:song|track|book|play|listen to|hear)\s+([\w ]+?)" + _MAKER),
)


def _trial_kind(name: str) -> str | None:
    """"trials" for a parameter counting trials (number_of_trials, num_trials, trials, tosses), "successes"
    for one counting successes (num_success, number_of_successes), else None (prob_success is a chance)."""
    w = set(words(name))
    if w & {"prob", "probability", "chance", "rate", "p"}:
        return None
    if w & {"trial", "trials", "tosses", "flips", "attempts"}:
        return "trials"
    if w & {"success", "successes"}:
        return "successes"
    return None


def _relation_unsaid(name: str, said: list[str]) -> bool:
    """Whether `name` is a relation written as a participle and "by" ("directed_by", "written_by") that
    the request writes neither with its verb in any form ("directed", "director") nor with a "by" ("a
    movie by Riley Stearns")."""
    m = re.fullmatch(r"([a-z]+(?:ed|en))_by", name.lower())
    if m is None:
        return False
    root = _verb_root(m.group(1))
    return not any(w.startswith(root) or w == "by" for w in said)


def _verb_root(word: str) -> str:
    """A word without the ending of its verb forms: "rated", "rating", "rate" -> "rat"."""
    root = re.sub(r"(?:ings?|ed|es|e|s)$", "", word)
    return root if len(root) >= 3 else word


def _name_roots(name: str) -> list[str]:
    """The words of a parameter's name that say what it counts, singular ("number_of_beds" -> bed)."""
    out = []
    for w in split_identifier(name).lower().split():
        root = w[:-1] if w.endswith("s") and len(w) > 3 else w
        if len(root) >= 3 and root not in _COUNTING:
            out.append(root)
    return out


_FLAG_VERBS = frozenset("include includes has have is show enable use allow with".split())  # include_financials
_FLAG_VALUES = frozenset({"true", "false", "dontcare", "yes", "no", "any"})
# Words descriptions use to speak of a flag rather than of what it is about ("Indicates whether the
# house should have ..."), as content_stems cuts them.
_DESCRIBING = frozenset(content_stems("indicates whether should have has option options filter flag default value set"))


def flag_like(prm: ParamInfo) -> bool:
    """A boolean, or an enum of True / False (and "dontcare")."""
    return prm.value_kind == "bool" or (
        prm.value_kind == "enum" and {"true", "false"} <= {t.lower() for t in prm.enum_texts} <= _FLAG_VALUES
    )


_NUMBERED = re.compile(r"(.*?[a-z])_?(\d)", re.I)  # "color1", "sign_2": kind and number


def in_written_order(call: ToolCall, text: str) -> ToolCall:
    """Numbered parameters of one kind ("color1", "color2"; "sign_1", "sign_2"), and coordinates x, y, z,
    with their values in the order the request writes those values: "Mix yellow and blue" is color1
    yellow, color2 blue; "the sides 3, 4 and 5" side1 3; "move it to 2,3,4" x 2; and a start and an end
    (start_city, end_city) the request writes with no "from" or "to" ("between New York and Los Angeles").
    Left as they are where the request names such a parameter ("text2 is ...", "y = 3"), or where a
    value is not written as given or two are written at one place.
    Greedy decoding only (`predict`), like `_said`.

        >>> in_written_order(ToolCall(name="mix", arguments={"color1": "blue", "color2": "yellow"}),
        ...                  "Mix yellow and blue").arguments
        {'color1': 'yellow', 'color2': 'blue'}
    """
    kinds: dict[str, list[tuple[int, str]]] = {}
    for name in call.arguments:
        m = _NUMBERED.fullmatch(name)
        if m:
            kinds.setdefault(m.group(1).lower(), []).append((int(m.group(2)), name))
    args, low = dict(call.arguments), text.lower()
    if not re.search(r"\b[xyz]\b", low):  # coordinates the request does not name: "to 2,3,4"
        kinds["xyz"] = [("xyz".index(name.lower()), name) for name in call.arguments if name.lower() in ("x", "y", "z")]
    ends = {w: name for name in call.arguments if len(ws := words(name)) == 2 for w in ws if w in ("start", "end")}
    if len(ends) == 2 and set(words(ends["start"])) - {"start"} == set(words(ends["end"])) - {"start", "end"}:
        values = [args[ends["start"]], args[ends["end"]]]  # start_city, end_city: "between New York and LA"
        if not any(re.search(rf"\b(?:from|to|until|till)\s+{re.escape(str(v).lower())}\b", low) for v in values):
            kinds["ends"] = [(0, ends["start"]), (1, ends["end"])]
    for kind, numbered in kinds.items():
        if len(numbered) < 2 or re.search(rf"\b{re.escape(kind)}[ _]?\d", low):
            continue
        names = [name for _, name in sorted(numbered)]
        values = [args[name] for name in names]
        found = [_written_at(v, low) for v in values]
        at = [a for a in found if a is not None]
        if len({type(v) for v in values}) > 1 or len(set(at)) < len(values):
            continue
        for name, i in zip(names, sorted(range(len(names)), key=lambda i: at[i]), strict=True):
            args[name] = values[i]
    return call if args == call.arguments else ToolCall(name=call.name, arguments=args)


def _written_at(value: Any, low: str) -> int | None:
    """Where the lower-cased request first writes a string or number value as a whole word; None if
    nowhere (or not a string or number)."""
    if isinstance(value, str):
        forms = [value.lower()]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        forms = [str(value), *([str(int(value))] if isinstance(value, float) and value.is_integer() else [])]
    else:
        return None
    found = [m.start() for f in forms if f for m in [re.search(rf"(?<![\w.]){re.escape(f)}(?!\w|\.\d)", low)] if m]
    return min(found) if found else None


def _asks_to_find_and_book(req: RequestFeatures) -> bool:
    """Whether what the request asks now says both to find ("find", "search", "available", "options")
    and to book (buy, rent, reserve): "I need to rent a car ..., find options for a sedan"."""
    asked = actions(g for g in req.asking_grams if " " not in g)
    return "book" in asked and ("search" in asked or bool(_SEARCH_WORDS & set(req.asking_grams)))


def _finding_first(names: list[str], logits: Tensor, best: int) -> int:
    """Greedy tool choice where the request asks both to find and to book: finding comes first, so a
    booking tool gives way to the best-scored finding tool on the same object (their names share a
    word): RentalCars_3_ReserveCar -> RentalCars_3_GetCarsAvailable. Index into `names` -> index."""
    if _tool_action(names[best]) != "book":
        return best
    own = _object_words(names[best])
    others = [j for j, n in enumerate(names) if _tool_action(n) == "search" and own & _object_words(n)]
    return max(others, key=lambda j: float(logits[j])) if others else best


def _number_written(names: list[str], best: int, said: set[str]) -> int:
    """Greedy tool choice between tools whose names end the same but for the number of their last word
    (get_synthetic_location, get_synthetic_locations): the one whose form the request writes, where it
    writes one form only ("the synthetic locations" -> the list). Word stems make the two alike to
    the tool scores. Index into `names` -> index; `said`: the request's words, lower-case."""
    mine = _tool_words(names[best])
    if len(mine) < 2 or mine[-1] in said:
        return best
    for j, name in enumerate(names):
        other = _tool_words(name)
        plural = other[-1] in (mine[-1] + "s", mine[-1] + "es") or mine[-1] in (other[-1] + "s", other[-1] + "es")
        if plural and other[-3:-1] == mine[-3:-1] and other[-1] in said:  # (not post_api_token for get_api_tokens)
            return j
    return best


@functools.lru_cache(maxsize=4096)
def _tool_words(name: str) -> tuple[str, ...]:
    """`words` of a tool's name, once per name: read for every candidate of every greedy tool choice."""
    return tuple(words(name))


_NEGATED = re.compile(r"\b(?:no|without)\s+[a-z]+(?:\s+[a-z]+)?\b", re.I)  # "no entry fee", "without ads"
_SEARCH_WORDS = frozenset({"available", "availability", "options"})  # what one asks of a search


def _object_words(name: str) -> set[str]:
    """What a tool's name says it acts on: 'RentalCars_3_ReserveCar' -> {'rental', 'cars', 'car'}."""
    return {
        w for w in words(name)
        if len(w) > 2 and w.isalpha() and not actions([w]) and w not in _SEARCH_WORDS and w not in STOPWORDS
        and w not in ("get", "set", "api")
    }


def _tool_action(name: str) -> str | None:
    """A tool's action from its name (`name_action`), where 'available' also says search:
    'RentalCars_3_GetCarsAvailable' -> 'search'."""
    act = name_action(name)
    if act is None and _SEARCH_WORDS & set(words(name)):
        return "search"
    return act


def _coverage(tool: ToolInfo, req: RequestFeatures) -> float:
    """How much of what a tool needs the request speaks of: over its required parameters (all of
    them if none is required), the mean of the larger share of the parameter's name or description
    words the request has. "ingredients for lasagna" covers nothing a flight schedule needs."""
    params = [p for p in tool.params if p.required] or tool.params
    if not params:
        return 1.0
    have = req.prompt_stems
    shares = [
        max(len(p.stems & have) / max(1, len(p.stems)), len(p.desc_stems & have) / max(1, len(p.desc_stems)))
        for p in params
    ]
    return sum(shares) / len(shares)


def _as_place(text: str, prm: ParamInfo) -> str:
    """A string value read for `prm`, in the place form it asks for: without a word of time or manner
    after the place ("Martinez soon"), a city alone where its name says city and its description no
    region ("Marshall, MN" -> "Marshall"), a city with its state or country where the description
    asks for one, a state or country code where it wants a code, a city in the form an example of the
    description writes it ("New York, NY", not "New York City, NY")."""
    if prm.city and not prm.place:
        text = city_alone(text)
    if prm.location and (m := _PLACE_THEN_WHEN.fullmatch(text)):
        text = m.group(1)  # a place ends before a word of time or manner: "Martinez soon", "Paris tomorrow"
    return as_example(as_code(complete_place(text, prm.place), prm.code), str(prm.schema.get("description", "")))


_PLACE_THEN_WHEN = re.compile(
    r"([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)\s+(?i:soon|now|today|tonight|tomorrow|later|please|ideally|instead|again)"
)


_LOWER_THEN_NAME = re.compile(r"[a-z]+(?: [a-z]+)* ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)")


def _without_labels(text: str, param: str, tool: str) -> str:
    """A value that is one word after words labelling it -> that word: "UUID AB1010CD" -> "AB1010CD",
    "project ID badae" -> "badae", "agent zzwzeem" for get_agent's id, "called YOUR_API_KEY". Labels:
    the words of the parameter's and the tool's names, and words like "id", "number", "called". Also a
    name of two capitalised words or more after a title that is a word of the tool's name alone: "Lawyer
    John Doe" for lawyer.get_experience's name; a name parameter's name after lower-case words.

        >>> _without_labels("project ID badae", "uuid", "get_project_badge"), _without_labels("NYC", "city", "find")
        ('badae', 'NYC')
    """
    *lead, last = text.split() or [""]
    labels = _LABEL_WORDS | set(words(param)) | set(words(tool))
    value = last.rstrip(".,;:!?")
    titled_name = all(w.istitle() for w in [*lead, value])  # "Hotel Paradise" is a name, not a label and one
    if lead and all(w.rstrip(":").lower() in labels for w in lead) and value and value.lower() not in labels:
        return text if titled_name else value  # (not "config key" -> "key")
    first, *name = text.split() or [""]
    m = _LOWER_THEN_NAME.fullmatch(text) if words(param)[-1:] == ["name"] else None
    if m and not set(text[: m.start(1)].split()) & labels:  # (a label stays: "project Apollo Moon")
        return m.group(1)  # a name after lower-case words: "historyof Buddhism" for religion_name
    titled = first.lower() in set(words(tool)) - set(words(param))  # (not "Hotel Le Bristol" for a hotel_name)
    if len(name) >= 2 and all(w[:1].isupper() for w in text.split()) and titled:
        return " ".join(name)  # a title of the tool's before a full name: "Lawyer John Doe" for lawyer.get_...
    return text


def _without_kind(text: str, prm: ParamInfo, tool: str) -> str:
    """A value of two words or more that ends in a lower-case word naming the kind of thing its tool or
    parameter is about -> without that word: "sushi restaurant" for get_restaurant's cuisine, "jazz
    music" for a "Genre of music to be played", "Yamaha flute" for find_flute's brand. The kind is the
    thing; the parameter is one of its attributes. Free text (a query, a message, a name) and places
    ("Amazon rainforest") keep it, as do words the description gives as examples ("e.g. king size")."""
    *lead, last = text.split() or [""]
    free = _AS_WRITTEN & set(words(prm.name))
    if not lead or not last.isalpha() or not last.islower() or free or prm.location:
        return text
    said = _EXAMPLES.split(str(prm.schema.get("description", "")), maxsplit=1)[0]  # "e.g. king size" gives values
    kinds = content_stems(" ".join(words(tool))) | prm.stems | {stem(w) for w in _OF_WHAT.findall(said)}
    return " ".join(lead) if stem(last) in kinds else text


_EXAMPLES = re.compile(r"\b(?:e\.\s?g|i\.\s?e|ex|eg|such as|for example|for instance|like|including)\b|[\"'`(:]", re.I)
_OF_WHAT = re.compile(r"\bof (?:the |a |an )?([a-z]+)", re.I)  # "Genre of music", "The brand of the flute"


_ASKING = re.compile(r"(?:who|what|when|where|why|how|which)\b(?:\s+\S+){0,2}", re.I)  # "Who won"
_I_CLAUSE = re.compile(r"\bI\s+[a-z]|(?:\b[a-z]+,?|,)\s+I$")  # "pants I bought", "too big, I", "which I"


_EXPANSION = re.compile(r"\b([A-Z]{2,})s?\s*\(([^()]+)\)")  # "SNP (Single Nucleotide Polymorphism)"


def _in_expansion(value: str, text: str) -> bool:
    """Whether a value is words of an acronym's expansion in parentheses after it: "Polymorphism" of "SNP
    (Single Nucleotide Polymorphism)" spells out the SNP, it is not a value of its own."""
    for m in _EXPANSION.finditer(text):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", m.group(2)))
        if initials.lower() == m.group(1).lower() and value.lower() in m.group(2).lower():
            return True
    return False


def _held_elsewhere(value: str, name: str, args: dict[str, Any]) -> bool:
    """Whether another argument holds the same text (an item of its list too): "between Lakers and
    Clippers" gives the teams, not a venue "Lakers"; "country songs" a genre "Country", not an artist."""
    held = [v for k, arg in args.items() if k != name for v in (arg if isinstance(arg, list) else [arg])]
    return any(isinstance(v, str) and v.lower() == value.lower() for v in held)


_MUSIC = re.compile(r"\b(?:music\w*|melod\w*|chords?|scales?|notes?|tun\w*|songs?|piece|instrument)\b", re.I)
_KEY = re.compile(r"[A-G](?:\s*(?:[#♯b♭]|sharp|flat))?(?:\s*(?:major|minor|maj|min|m))?", re.I)


def _not_a_key(value: str, prm: ParamInfo, tool: str) -> bool:
    """Whether a musical key's value (a "key" of a music tool, or described as one) is no key: "sell",
    "Moonlight Sonata"; "C", "F#", "C sharp major", "Eb minor" are keys."""
    music = _MUSIC.search(split_identifier(tool)) or _MUSIC.search(str(prm.schema.get("description", "")))
    return "key" in words(prm.name.lower()) and music is not None and _KEY.fullmatch(value.strip()) is None


_SIZE_WORD = re.compile(
    r"(?:extra[- ])?(?:x{0,3}s|m|x{0,3}l|small|medium|large|big|little|tiny|huge|giant|jumbo|mini|regular|standard|"
    r"full|king|queen|twin|petite|plus|compact|all sizes)",
    re.I,
)
_MEASURE_SYSTEM = re.compile(r"metric|imperial|us|uk|si|standard|default|units?", re.I)


def _no_measure(value: str, prm: ParamInfo, text: str) -> bool:
    """Whether a unit's value (free text named "unit" or "units") is no unit: none the text knows, not
    written after a number, quoted or in parentheses, and no compound like "g/mol" ("sphere" for the
    units of a radius; "amu" of "12 amu" or "(amu)" is one); or a size's no size: no digit,
    no word like "medium" or "XL" ("garden" for a sculpture's size, "boil" for an ingredient's)."""
    last = (words(prm.name) or [""])[-1]
    value = value.strip()
    if prm.enum or prm.value_kind != "string" or not value:
        return False
    if last in ("unit", "units"):
        written = re.search(rf"(?:\d\s*|[(\"'])\s*{re.escape(value)}(?!\w)", text, re.I) is not None
        compound = re.search(r"[/^²³°%]", value) is not None  # "grams/mole", "g/cm³"
        return not (is_unit(value) or _MEASURE_SYSTEM.fullmatch(value) or written or compound)
    if last == "size":
        return not any(c.isdigit() for c in value) and _SIZE_WORD.fullmatch(value) is None and not value.isupper()
    return False


def _not_listed(value: str, prm: ParamInfo) -> bool:
    """Whether free text is none of the choices its description lists in parentheses, three words or
    more: "Blackjack" for a suit "(hearts, diamonds, clubs, spades)"; "Hearts" or "heart" is one."""
    m = LISTED_CHOICES.search(str(prm.schema.get("description", "")))
    if m is None or prm.enum:
        return False
    choices = [c.lower() for c in listed_items(m)]
    return not any(_form_of(w, choices) for w in words(value.lower()))


_INNER_ARTICLE = re.compile(r"[^\W\d_A-Z]+,? (?:[^\W\d_A-Z]+,? )*(?:a|an|the) [^\W\d_A-Z]+(?: [^\W\d_A-Z]+)*")


def _across_phrases(value: str, prm: ParamInfo, text: str) -> bool:
    """Whether a name-like value is lower-case words with an article inside, so words of two phrases
    ("nurtient a cactus", "between a human", "running shoes, specifically the insole"); a title in
    capitals ("To Kill a Mockingbird"), a quoted one, and free text ("I am a pretty girl" for a text, a
    command) may hold one."""
    if prm.value_kind != "string" or _INNER_ARTICLE.fullmatch(value.strip()) is None:
        return False
    if _AS_WRITTEN & set(words(prm.name)) or takes_command(prm.name):
        return False
    return not _quoted_from(value.strip(), text)


# kinds of administrative area, as a parameter's name words run together ("sub_district_name": subdistrict)
_DIVISIONS = {
    "district": r"district", "subdistrict": r"sub[- ]?district", "province": r"province",
    "prefecture": r"prefecture", "municipality": r"municipality", "borough": r"borough",
}  # fmt: skip  (not a county: "Santa Clara County" is a county's whole name)
_ANY_DIVISION = re.compile(r"\b(?:{})\b".format("|".join(_DIVISIONS.values())), re.I)


def _division(prm: ParamInfo) -> str | None:
    """The kind of administrative area a string parameter names, by its name: "district_name" ->
    "district", "sub_district_name" -> "subdistrict"; None for others."""
    return _division_named(prm.name) if prm.value_kind == "string" else None


@functools.cache
def _division_named(name: str) -> str | None:
    """`_division` by a parameter's name alone, once per name (it is asked on every walk)."""
    kind = "".join(w for w in words(name.lower()) if w != "name")
    return kind if kind in _DIVISIONS else None


def _named_division(prm: ParamInfo, text: str) -> str | None:
    """The name the request writes with the kind of area a parameter names: "Khlong Sam Wa District"
    -> "Khlong Sam Wa" for district_name, "Ton Pao Subdistrict" -> "Ton Pao" for sub_district_name."""
    kind = _division(prm)
    if kind is None:
        return None
    m = re.search(rf"((?:[A-Z][\w'-]*\s+){{1,4}}?)(?i:{_DIVISIONS[kind]})\b", text)
    return m.group(1).strip() if m else None


def _not_that_division(value: str, prm: ParamInfo) -> bool:
    """Whether a value is no name of the area a parameter names: one with another kind in it ("Chonburi
    Province" for a district), or no name at all ("4.5 stars" for a sub-district)."""
    kind = _division(prm)
    if kind is None:
        return False
    m = _ANY_DIVISION.search(value.strip())
    return (m is not None and not re.fullmatch(_DIVISIONS[kind], m.group(0), re.I)) or not re.search(r"\b[A-Z]", value)


_SUPERLATIVE = re.compile(r"(?:[a-z]+est|most|least|best|worst) [a-z]")  # "largest planet", "most popular one"


def _described_not_named(value: str, prm: ParamInfo) -> bool:
    """Whether a name's value (a parameter named "..._name") is a description in lower case that starts
    with a superlative: "largest planet" for a star_name is what the request asks to find, no name."""
    return words(prm.name)[-1:] == ["name"] and _SUPERLATIVE.match(value.strip()) is not None


_COMMA_SEPARATED = re.compile(r"\bcomma[- ]separated\b", re.I)
_NEXT_ITEM = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)([\w./@:-]*[\w/])")


def _joined_by_commas(value: str, text: str) -> str:
    """A one-word value of a parameter that takes a comma-separated list, with the words of its shape the
    request lists after it ("ShishirPatil/gorilla and gorilla-llm/gorilla-cli" ->
    "ShishirPatil/gorilla,gorilla-llm/gorilla-cli"); as it is where the request lists none."""
    at = text.find(value)
    if at < 0 or not value or re.search(r"\s", value):
        return value
    items, end = [value], at + len(value)
    while (m := _NEXT_ITEM.match(text, end)) and ("/" in m.group(1)) == ("/" in value):
        items.append(m.group(1))
        end = m.end()
    return ",".join(items)


def _chance(prm: ParamInfo) -> bool:
    """Whether a number parameter is a probability (at most 1), by its name: "probability", "prob_success"."""
    return prm.value_kind == "number" and bool({"probability", "prob"} & set(words(prm.name)))


def _quoted_from(value: str, text: str) -> bool:
    """Whether the text writes `value` right after an opening quote: "the 'tree of the year'"."""
    return any(f"{q}{value}" in text for q in QUOTES)


def _a_clause(value: str, prm: ParamInfo, text: str) -> bool:
    """Whether a value is words of the request's own clause, the speaker "I" with its verb or
    before it ("34 pants I bought" for a product id, "too big, I" for a size), or its question word
    and a word or two ("Who won" for a song_name), not a thing it names. Free text ("I am a pretty
    girl" for a text) and quoted values may be a clause; "World War I" is none."""
    asking = _ASKING.fullmatch(value) is not None and not _FREE_TEXT & set(words(prm.name))  # (a name, too)
    if not asking and (_AS_WRITTEN & set(words(prm.name)) or _I_CLAUSE.search(value) is None):
        return False
    return not _quoted_from(value, text)


def _unnamed_id(value: str, prm: ParamInfo, tool: str, text: str) -> bool:
    """Whether an identifier's value (an id, a username, a password) is plain lower-case words or one
    capitalised word the request does not give as one: no digit, mark or other capital ("agent-1",
    "A1234567B", "ACHD", "R vs Adams"), not quoted, not right after a word naming it, its own or its
    tool's ("with id dentist", "user_id: ede", "host agent zzwzeem" for get_agent_snapshot), not a
    possessor ("Adriel's"). "Can I know about its insole?" gives no product_id "insole", "the genetic
    trait of a Lion" no variant_id, "I need to log into my account" no password "log"; a ticker may be
    a company's name ("Apple")."""
    name = words(prm.name)
    if not name or name[-1] not in _ID_NAMES:
        return False
    word = (  # a capitalised word, not a company's for its ticker ("Apple"), nor a possessor ("Adriel's")
        _TITLE_WORD.fullmatch(value) is not None
        and not {"ticker", "symbol"} & set(name)
        and not re.search(rf"\b{re.escape(value)}'s\b", text)
    )
    if not (_PLAIN_WORDS.fullmatch(value) or word):
        return False
    labels = _LABEL_WORDS | set(name) | set(words(tool)) | {"is"}
    for m in re.finditer(re.escape(value), text, re.I):
        before = _LAST_WORD.search(text, 0, m.start())  # the word (or ":", "=") just before it
        quoted = text[m.start() - 1 : m.start()] in QUOTES
        if quoted or (before is not None and before.group(1).lower() in labels | {":", "="}):
            return False
    return True


_CODE = re.compile(r"[A-Z]{3}")  # a currency's code, even one the table does not know
_CAMEL_CASE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")
_NUMBER_ONLY = re.compile(r"\d{1,4}")  # "24", "2020" for a country or state: no place (a ZIP code may be one)


def _misshapen(value: str, prm: ParamInfo) -> bool:
    """Whether a value lacks the shape its parameter's name ends with: no URL or domain in a url's
    ("weather" for url, but "Foodnetwork.com" for website is one), no address in an e-mail's, no host
    in a host's; not "UrlName" (a slug), "websiteId", nor a "domain" (an agent's: "devops"). Paths and
    expressions are written too many ways. Also a place in lower case or camel case that is no place
    ("hotel", "VirusTotal") or only a number of up to four digits ("24", "2020"; a ZIP code may be one), a
    date, time of day or period (by format, or by a name like "season") with no digit, month, weekday or
    word like "tomorrow" or "summer" ("flight", "assist"), and a currency that is none ("Tesla"; a code
    like "BTC" is one)."""
    last = (words(prm.name) or [""])[-1]
    if prm.currency is not None and not _CODE.fullmatch(value) and not currency_mentions(value):
        return True
    if prm.location:  # a place in lower case that is none ("salon", "life history"), a day ("on the 3rd"), a number
        tail = re.search(r"\s([a-z]+)$", value)  # nor a thing ending in a word of no kind of place: "GMO yoga mat"
        odd = tail is not None and not _PLACE_KIND.fullmatch(tail.group(1))
        worded = not any(c.isdigit() for c in value) and (value == value.lower() or speaks_of_time(value) or odd)
        camel = _CAMEL_CASE.fullmatch(value) is not None  # a product or a site: "VirusTotal", "GitHub"
        if _ORDINAL.fullmatch(value) or ((worded or camel) and not is_place(value)) or _NUMBER_ONLY.fullmatch(value):
            return True
    timed = prm.date_format or prm.datetime_format or last in _TIME_NAMES
    if timed and not speaks_of_time(value) and not _DATE_PATTERN.fullmatch(value):
        return True  # a date, time or period that is none: "flight", "Celsius", a season "assist" ("YYYY" is one)
    shape = value_shape(last) if last in _SHAPED_NAMES else None
    if shape is None or shape != prm.shape:
        return False
    return not shaped_spans(value, shape) and not (shape == "url" and shaped_spans(value, "host"))


def _forms_written(text: str, said: list[str]) -> bool:
    """Whether the request writes a form of every word of `text`, which says something (not "it-IT")."""
    return bool(content_stems(text)) and all(_form_of(w, said) for w in words(text))


def _form_of(word: str, said: list[str]) -> bool:
    """Whether the request writes `word` or a longer or shorter form of it, one of 5 letters or more
    starting the other ("records" / "record", "educational" / "education", "postgres" / "postgresql",
    "thrill" / "thriller"); a short word only as it is, with a plural's "s" ("parks" / "park"; "news"
    is not "new") or as the short form of an order ("asc" / "ascending"), and no other change of ending
    ("resolution" is not "resolve")."""
    for w in said:
        if w == word:
            return True
        short, long_ = sorted((w, word), key=len)
        if (len(short) >= 5 or (len(short) >= 4 and long_ == short + "s")) and long_.startswith(short):
            return True
        if short in ("asc", "desc") and long_ == short + "ending":
            return True
    return False


def _letters_and_digits(word: str) -> bool:
    """An identifier with letters and digits ("A1234567B", "SQL01"); not a number or a date ("2023-10-1")."""
    return ID_WITH_DIGITS.fullmatch(word) is not None and any(ch.isalpha() for ch in word)


def _value_extent(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a value named at [start, end) may run: its quotes, or up to the next punctuation mark
    ("body = Blocked on missing API keys; title=..." -> "Blocked on missing API keys")."""
    a, b = whole_value(text, start, end)
    if (a, b) in quoted_spans(text):
        return a, b
    m = _PUNCTUATION.search(text, b)
    return a, m.start() if m else len(text)


_PUNCTUATION = re.compile(r"[.,;:!?]")
# kinds of place a name may end in, in lower case: "Amazon rainforest", "Paris area", "Washington state"
_PLACE_KIND = re.compile(
    r"river|lake|mountains?|forest|rainforest|desert|ocean|sea|bay|island|canyon|valley|park|ecosystem|area|region|"
    r"state|city|county|province|district|town|village|coast|beach|basin|delta|peninsula|downtown|center|centre|"
    r"history|airport|station|street|avenue|road"
)
_FEATURE_AFTER = re.compile(  # what kind of place a name is, in lower case after it
    r"\s+(?:river|lake|mountains?|mount|forest|rainforest|desert|ocean|sea|bay|island|canyon|valley|national park)\b"
)
# words that name a thing with what follows "of": "the theory of relativity", "the Treaty of Lisbon"
_NAMED_BY_HEAD = re.compile(
    r"\b(?:theory|law|principle|theorem|treaty|battle|siege|council|paradox)\s+of\s+(?:the\s+)?$", re.I
)


def _sentence_written(text: str, a: int, b: int, prm: ParamInfo, tool: ToolInfo) -> tuple[int, int]:
    """A sentence parameter's span [a, b) -> the whole text the request writes for it, where it writes
    one: the rest of a request that ends "with <parameter's name> ..." ("add todo with content go to
    sleep at 9 pm"), unless another parameter's name or a quote follows; then what follows the
    request's last colon, where the pointer read past it and the words before the colon introduce a
    text ("the following words verbatim: go for shopping at 9 pm", "the answer to the question: ...";
    not "Quick one: ...", nor a quote's own colon, 'Zelda: Breath of the Wild'). Else [a, b)."""
    rest = _named_last(text, prm.name)
    if rest is not None and not set(QUOTES) & set(text[rest:]):
        after = set(words(text[rest:]))
        if not any(set(words(p.name)) <= after for p in tool.params if p is not prm):
            a, b = _payload(text, rest)
    colon = text.rfind(":")
    if (
        0 <= colon < b
        and _AFTER_COLON.match(text, colon + 1)
        and set(words(text[:colon])[-4:]) & (_VERBATIM | set(words(prm.name)))  # introduced
    ):
        quotes = quoted_spans(text)
        if (a, b) not in quotes and not any(qa <= colon < qb for qa, qb in quotes):
            a, b = _payload(text, colon + 1)
    return a, b


def _named_last(text: str, param: str) -> int | None:
    """Where the text starts that a request ends with, written "with <parameter's name>" before it, in
    one sentence: "delete todo with content - go to gym" -> at "go"; None if the request ends otherwise."""
    name = r"[\s_]+".join(map(re.escape, words(param)))
    body = text.rstrip(" .!?")  # (its own full stop)
    m = re.search(rf"\bwith (?:the |a )?{name}\s*(?:[-:=]\s*|\s)((?:(?![.!?]\s).)+)$", body, re.I)
    return None if m is None else m.start(1)


_VERBATIM = frozenset({"verbatim", "following", "exactly", "literally"})  # words that introduce a text as written
_AFTER_COLON = re.compile(r"(?:\s|\\n)+\S.*\S", re.S)  # a space, then words: not "9:30", "https://"
_EDGE = re.compile(r"(?:\s|\\n|\*\*)+")  # white space, a written "\n", markdown bold
_EDGE_AT_END = re.compile(_EDGE.pattern + "$")


def _payload(text: str, start: int) -> tuple[int, int]:
    """[a, b) of what the request writes from `start` to its end, without the white space, written "\\n"
    and markdown bold around it, nor the full stop of a phrase."""
    lead = _EDGE.match(text, start)
    tail = _EDGE_AT_END.search(text, start)
    a = lead.end() if lead else start
    b = max(a, tail.start() if tail else len(text))
    if text[b - 1 : b] in (".", "?", "!") and not re.search(r"[,;]", text[a:b]):
        b -= 1  # a phrase ends without the request's full stop; a sentence ("..., therefore ...") keeps it
    return a, b


def _takes_leftover(prm: ParamInfo) -> bool:
    """An optional string parameter of no special shape (no date, place, URL)."""
    return (
        not prm.required
        and prm.value_kind == "string"
        and not (prm.date_format or prm.datetime_format or prm.location or prm.shape)
    )


def _date_spans_format(prm: ParamInfo, decoding: bool) -> str | None:
    """The format whose whole dates (times) a parameter's value spans: its own; or, decoding, a date
    with its time of day for a date-time parameter ("November 1, 2023 at 8pm"); any whole date for a
    date parameter that names no format ("date", "start_date"), and any time of day for a "..._time"
    one, kept as written ("January 1, 2022", "2022/08/16", "12pm")."""
    if prm.date_format:
        return prm.date_format
    if not decoding or prm.value_kind != "string":
        return None
    if prm.datetime_format:
        return prm.datetime_format
    if "date" in prm.stems:
        return "%Y-%m-%d"
    return "%H:%M" if split_identifier(prm.name).lower().split()[-1:] == ["time"] else None  # "at 12pm"


def _index(cands: list[int], tool_idx: int | None) -> int | None:
    return cands.index(tool_idx) if tool_idx is not None and tool_idx in cands else None


def _untyped_choice(value: Any) -> int | None:
    """Gold value of a parameter with no single type -> index in UNTYPED_CHOICES (None: unsupported)."""
    if isinstance(value, dict | list):
        return 0
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 1
    if isinstance(value, str):
        return 2
    return None


def _enum_index(values: list[Any], gold: Any) -> int | None:
    for i, v in enumerate(values):
        if type(v) is type(gold) and v == gold:
            return i
    if isinstance(gold, str):
        for i, v in enumerate(values):
            if isinstance(v, str) and v.casefold() == gold.casefold():
                return i
    return None


def _bool_index(gold: Any) -> int | None:
    if isinstance(gold, bool):
        return int(gold)
    if isinstance(gold, str) and gold.lower() in ("true", "false"):
        return int(gold.lower() == "true")
    return None


def _fragment_index(frags: list[tuple[Fragment, int, int]], prm: ParamInfo, gold: Any) -> int | None:
    if gold is _MISSING:
        return None
    for i, (f, _, _) in enumerate(frags):
        if f.value == gold and type(f.value) is type(gold):
            return i
    return len(frags) if gold == prm.fallback() else None


__all__ = ["FORMAT_VERSION", "Router", "RouterConfig", "context_text", "gold_call"]
