"""How requests are worded: intents from any tool, a verb lexicon, sentence frames, value slots.

A tool's *intent* comes from its description ("Store a value in memory" -> verb `store`, object
`a value in memory`), its name (`memory_store` -> `memory`) and, where the catalogue has them, its
use cases. Frames turn an intent plus argument values into a request at one difficulty:

- Easy: direct, names the action (`Store a value in memory with key "user-prefs".`), may name the tool.
- Medium: paraphrased (`Could you persist a value in memory? The key is "user-prefs".`).
- Hard: the goal instead of the action, plus a distractor from another tool's domain.
- Expert: the goal, several distractors, and the values mentioned in passing.

Every frame has a stable id (`easy-03`, `hard-11`, ...): the split keeps test frames out of
training. Values are always written so they can be copied back verbatim (see `values.value_in_text`).

    >>> intent = analyse_tool(ToolSpec(name="memory_store", description="Store a value in memory"))
    >>> intent.verb, intent.obj, intent.verb_class
    ('store', 'a value in memory', 'save')
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mcptrain.dataset.values import (
    HINT_FALSE,
    HINT_KIND,
    HINT_REQUESTS,
    HINT_TRUE,
    HINT_UNIT,
    format_number,
    json_text,
    number_texts,
    split_words,
)
from mcptrain.dates import date_format, date_texts
from mcptrain.policy.text import NAME_ITEM
from mcptrain.types import ToolSpec

Allow = Callable[[str], bool]
"""Which lexical choice ids a split may use (`syn:delete:drop`, `goal:list:2`, `dis:05`)."""


def _everything(_id: str) -> bool:
    return True


# --- verb lexicon --------------------------------------------------------------------------------
# verb -> (class, paraphrases). The class picks the goal wording at Hard/Expert; paraphrases must
# read well as "{paraphrase} {object}", so none of them ends in a pronoun ("show me" would break
# "I need to show me ...").

VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "create": ("create", ("create", "make", "set up", "add", "put together")),
    "spawn": ("create", ("spawn", "launch", "spin up", "start", "bring up")),
    "add": ("create", ("add", "create", "register", "put in")),
    "begin": ("create", ("begin", "start", "open", "kick off", "launch")),
    "open": ("create", ("open", "launch", "start", "bring up")),
    "propose": ("create", ("propose", "put forward", "submit", "suggest")),
    "schedule": ("create", ("schedule", "plan", "book", "set up")),
    "install": ("create", ("install", "set up", "add", "put in")),
    "initialize": ("init", ("initialize", "set up", "bootstrap", "stand up", "prepare")),
    "init": ("init", ("initialize", "set up", "bootstrap", "stand up", "prepare")),
    "terminate": ("stop", ("terminate", "stop", "kill", "shut down", "end")),
    "shutdown": ("stop", ("shut down", "stop", "bring down", "power off", "wind down")),
    "stop": ("stop", ("stop", "halt", "end", "shut down", "kill")),
    "end": ("stop", ("end", "close", "finish", "wrap up", "conclude")),
    "close": ("stop", ("close", "shut", "end", "dismiss", "tear down")),
    "kill": ("stop", ("kill", "stop", "terminate", "end")),
    "release": ("stop", ("release", "give up", "drop", "let go of", "relinquish")),
    "leave": ("stop", ("leave", "exit", "drop out of", "quit")),
    "get": ("read", ("get", "fetch", "retrieve", "look up", "pull up")),
    "retrieve": ("read", ("retrieve", "fetch", "get", "pull", "read back")),
    "view": ("read", ("view", "show", "open", "pull up", "display")),
    "show": ("read", ("show", "display", "bring up", "present")),
    "read": ("read", ("read", "fetch", "open", "load")),
    "fetch": ("read", ("fetch", "get", "retrieve", "pull")),
    "access": ("read", ("access", "open", "read", "use")),
    "resolve": ("read", ("resolve", "look up", "translate", "map")),
    "count": ("read", ("count", "tally", "total up")),
    "list": ("list", ("list", "show", "enumerate", "display", "go through")),
    "enumerate": ("list", ("enumerate", "list", "show", "display")),
    "check": ("status", ("check", "verify", "inspect", "look at", "examine")),
    "verify": ("status", ("verify", "check", "confirm", "validate")),
    "validate": ("status", ("validate", "check", "verify", "confirm")),
    "monitor": ("status", ("monitor", "watch", "keep an eye on", "track")),
    "ping": ("status", ("ping", "check", "probe", "poke")),
    "search": ("search", ("search", "query", "look through", "scan", "dig through")),
    "find": ("search", ("find", "locate", "track down", "look for")),
    "query": ("search", ("query", "search", "look through", "interrogate")),
    "filter": ("search", ("filter", "narrow down", "sift", "screen")),
    "store": ("save", ("store", "save", "persist", "keep", "stash")),
    "save": ("save", ("save", "store", "persist", "keep", "snapshot")),
    "persist": ("save", ("persist", "save", "store", "keep")),
    "capture": ("save", ("capture", "take", "grab", "snap")),
    "upload": ("save", ("upload", "push", "send up", "store")),
    "delete": ("delete", ("delete", "remove", "drop", "erase", "get rid of")),
    "remove": ("delete", ("remove", "take out", "drop", "kick out", "delete")),
    "purge": ("delete", ("purge", "clear out", "wipe", "delete")),
    "update": ("update", ("update", "change", "modify", "adjust", "edit")),
    "change": ("update", ("change", "modify", "alter", "adjust", "switch")),
    "set": ("update", ("set", "change", "update", "configure", "adjust")),
    "configure": ("update", ("configure", "set up", "tune", "adjust", "set")),
    "mark": ("update", ("mark", "flag", "label", "set")),
    "rename": ("update", ("rename", "relabel", "retitle")),
    "edit": ("update", ("edit", "modify", "change", "revise")),
    "merge": ("update", ("merge", "combine", "fold in", "join up")),
    "apply": ("update", ("apply", "roll out", "put in place", "enact")),
    "enable": ("update", ("enable", "turn on", "switch on", "activate")),
    "disable": ("update", ("disable", "turn off", "switch off", "deactivate")),
    "manage": ("manage", ("manage", "handle", "administer", "work with", "take care of")),
    "handle": ("manage", ("handle", "manage", "deal with", "take care of")),
    "track": ("manage", ("track", "follow", "keep tabs on", "monitor")),
    "record": ("record", ("record", "log", "note", "register", "capture")),
    "log": ("record", ("log", "record", "note", "write down")),
    "report": ("record", ("report", "log", "record", "submit")),
    "route": ("route", ("route", "send", "direct", "assign", "dispatch")),
    "assign": ("route", ("assign", "allocate", "hand", "give")),
    "suggest": ("route", ("suggest", "recommend", "propose", "come up with")),
    "recommend": ("route", ("recommend", "suggest", "propose", "advise on")),
    "explain": ("analyze", ("explain", "break down", "clarify", "justify")),
    "analyze": ("analyze", ("analyze", "examine", "inspect", "review", "study")),
    "analyse": ("analyze", ("analyse", "examine", "inspect", "review", "study")),
    "assess": ("analyze", ("assess", "evaluate", "gauge", "judge", "estimate")),
    "evaluate": ("analyze", ("evaluate", "assess", "judge", "rate")),
    "detect": ("analyze", ("detect", "spot", "identify", "find", "pick up")),
    "scan": ("analyze", ("scan", "check", "screen", "inspect", "examine")),
    "classify": ("analyze", ("classify", "categorize", "label", "sort")),
    "profile": ("analyze", ("profile", "measure", "instrument", "time")),
    "inspect": ("analyze", ("inspect", "examine", "look into", "review")),
    "review": ("analyze", ("review", "go over", "look over", "inspect")),
    "summarize": ("analyze", ("summarize", "sum up", "condense", "recap")),
    "diagnose": ("analyze", ("diagnose", "troubleshoot", "investigate", "debug")),
    "generate": ("generate", ("generate", "produce", "create", "build", "compute")),
    "compute": ("generate", ("compute", "calculate", "work out", "derive")),
    "calculate": ("generate", ("calculate", "compute", "work out", "figure out")),
    "make": ("generate", ("make", "produce", "come up with", "generate")),
    "build": ("generate", ("build", "assemble", "put together", "produce")),
    "convert": ("generate", ("convert", "transform", "turn", "translate")),
    "render": ("generate", ("render", "draw", "produce")),
    "transfer": ("import", ("transfer", "bring over", "carry over", "import", "move")),
    "import": ("import", ("import", "load", "bring in", "pull in")),
    "download": ("import", ("download", "fetch", "pull down", "grab")),
    "export": ("export", ("export", "dump", "write out", "extract")),
    "restore": ("restore", ("restore", "bring back", "reload", "recover", "reinstate")),
    "recover": ("restore", ("recover", "restore", "bring back", "salvage")),
    "resume": ("resume", ("resume", "continue", "restart", "unpause", "pick up")),
    "continue": ("resume", ("continue", "resume", "carry on with", "pick up")),
    "pause": ("pause", ("pause", "suspend", "hold", "halt", "freeze")),
    "suspend": ("pause", ("suspend", "pause", "freeze", "hold")),
    "wait": ("pause", ("wait", "hold on", "pause", "hang on")),
    "cancel": ("cancel", ("cancel", "abort", "call off", "stop", "scrap")),
    "abort": ("cancel", ("abort", "cancel", "call off", "scrap")),
    "reject": ("cancel", ("reject", "decline", "turn down", "refuse")),
    "execute": ("run", ("execute", "run", "launch", "kick off", "trigger")),
    "run": ("run", ("run", "execute", "kick off", "launch", "start")),
    "perform": ("run", ("perform", "run", "carry out", "do")),
    "trigger": ("run", ("trigger", "fire", "kick off", "set off", "start")),
    "dispatch": ("run", ("dispatch", "send out", "launch", "deploy", "fire off")),
    "force": ("run", ("force", "trigger", "kick off", "run")),
    "orchestrate": ("run", ("orchestrate", "coordinate", "conduct", "organize")),
    "coordinate": ("run", ("coordinate", "orchestrate", "organize", "align")),
    "reload": ("run", ("reload", "refresh", "re-open")),
    "refresh": ("run", ("refresh", "reload", "update")),
    "test": ("run", ("test", "try out", "exercise", "check")),
    "deploy": ("run", ("deploy", "ship", "roll out", "release")),
    "start": ("run", ("start", "launch", "kick off", "begin", "fire up")),
    "restart": ("run", ("restart", "reboot", "relaunch", "bounce")),
    "benchmark": ("run", ("benchmark", "measure", "load-test", "time")),
    "send": ("send", ("send", "deliver", "push out", "post", "dispatch")),
    "broadcast": ("send", ("broadcast", "announce", "send out", "relay", "blast")),
    "notify": ("send", ("notify", "alert", "inform", "ping")),
    "share": ("send", ("share", "pass", "hand over", "distribute")),
    "publish": ("send", ("publish", "post", "release", "put out")),
    "request": ("send", ("request", "ask for", "put in for", "seek")),
    "train": ("train", ("train", "fine-tune", "teach", "fit")),
    "learn": ("train", ("learn", "pick up", "absorb", "study")),
    "predict": ("predict", ("predict", "forecast", "estimate", "infer")),
    "infer": ("predict", ("infer", "predict", "deduce", "estimate")),
    "compare": ("compare", ("compare", "contrast", "measure", "weigh")),
    "claim": ("claim", ("claim", "take", "grab", "pick up", "reserve")),
    "accept": ("claim", ("accept", "take on", "approve", "agree to")),
    "steal": ("claim", ("steal", "take over", "grab", "poach")),
    "approve": ("claim", ("approve", "accept", "sign off on", "okay")),
    "join": ("join", ("join", "attach", "enroll", "connect")),
    "connect": ("join", ("connect", "link", "attach", "hook up")),
    "synchronize": ("sync", ("synchronize", "sync", "reconcile", "align")),
    "sync": ("sync", ("sync", "synchronize", "reconcile", "align")),
    "optimize": ("optimize", ("optimize", "tune", "speed up", "improve")),
    "compress": ("optimize", ("compress", "shrink", "slim down", "reduce")),
    "improve": ("optimize", ("improve", "optimize", "boost", "refine")),
    "reset": ("reset", ("reset", "wipe", "clear", "reinitialize")),
    "clear": ("reset", ("clear", "empty", "wipe", "blank")),
    "navigate": ("navigate", ("navigate", "go", "move", "head")),
    "go": ("navigate", ("go", "navigate", "move", "head")),
    "click": ("interact", ("click", "press", "tap", "hit")),
    "type": ("interact", ("type", "enter", "key in", "input")),
    "press": ("interact", ("press", "hit", "tap", "push")),
    "hover": ("interact", ("hover", "linger", "rest the pointer")),
    "select": ("interact", ("select", "choose", "pick", "pick out")),
    "uncheck": ("interact", ("uncheck", "untick", "deselect", "clear")),
    "scroll": ("interact", ("scroll", "move", "page", "slide")),
    "fill": ("interact", ("fill", "fill in", "complete", "populate")),
    "vote": ("interact", ("vote", "cast a vote", "weigh in")),
    "watch": ("status", ("watch", "monitor", "keep an eye on", "follow")),
    "lock": ("update", ("lock", "freeze", "secure")),
    "unlock": ("update", ("unlock", "unfreeze", "open up")),
    "copy": ("generate", ("copy", "duplicate", "clone")),
    "move": ("update", ("move", "relocate", "shift", "transfer")),
    "sort": ("list", ("sort", "order", "arrange", "rank")),
    "login": ("create", ("log in to", "sign in to", "authenticate with")),
    "subscribe": ("join", ("subscribe to", "sign up for", "follow")),
    "translate": ("generate", ("translate", "convert", "render")),
    "encrypt": ("generate", ("encrypt", "encode", "lock up")),
    "write": ("generate", ("write", "draft", "compose", "produce")),
    "toggle": ("update", ("toggle", "flip", "switch")),
    "look up": ("read", ("look up", "fetch", "check", "find")),
    "set up": ("init", ("set up", "initialize", "prepare", "configure")),
    "shut down": ("stop", ("shut down", "stop", "power off", "bring down")),
    "spin up": ("create", ("spin up", "launch", "start", "bring up")),
    "clean up": ("delete", ("clean up", "tidy up", "clear out", "prune")),
    "log in": ("create", ("log in", "sign in", "authenticate")),
    "sign in": ("create", ("sign in", "log in", "authenticate")),
}
# First words that look like verbs by position but are adjectives ("Deep analysis of input").
_ADJECTIVES = {"deep", "quick", "fast", "full", "simple", "basic", "detailed", "advanced", "semantic", "new", "bulk"}
_DETERMINERS = ("a", "an", "the", "all", "any", "some", "my", "your", "our", "this", "these", "each", "every")
_VERB_DISPLAY = {"shutdown": "shut down", "init": "initialize", "login": "log in to", "subscribe": "subscribe to"}

# Head nouns of descriptions that start with no verb ("RuVector intelligence system status").
_READ_NOUNS = {
    "status", "statistics", "stats", "metrics", "info", "information", "summary", "overview",
    "report", "dashboard", "board", "load", "health", "details", "history", "state",
}
_NOUN_CLASS = {
    "search": "search", "analysis": "analyze", "check": "status", "scan": "analyze", "operations": "manage",
    "status": "status", "health": "status", "statistics": "read", "stats": "read", "metrics": "read",
}
_SINGULAR_S = {
    "status", "analysis", "progress", "process", "access", "class", "consensus", "bus", "alias",
    "address", "business", "diagnosis", "basis", "focus", "canvas", "news", "redis", "kubernetes",
}
_CUTS = (
    " with ", " using ", " via ", " based on ", " for ", " including ", " without ", " so that ",
    " and ", " or ", " if ", " across ", " between ", ", ", " - ", ": ",
)
_LEAD_PREPS = ("on ", "in ", "to ", "from ", "by ", "for ", "of ", "with ", "into ", "over ", "about ")
_HEAD_STOPS = (" of ", " in ", " to ", " from ", " on ", " by ", " for ", " with ", " if ", " across ", " as ")


@dataclass(frozen=True)
class ToolIntent:
    """What a tool is for, in words the frames can recombine.

        >>> analyse_tool(ToolSpec(name="agent_list", description="List all agents")).bare
        'agents'
    """

    name: str
    verb: str
    """The action verb as the description uses it (`store`), or `get`/`run` when it has none."""
    verb_class: str
    """`create`, `delete`, `list`, `status`, ...: picks the goal wording at Hard/Expert."""
    synonyms: tuple[str, ...]
    rest: str
    """The description after its verb: `a value in memory (...)` minus parentheses."""
    obj: str
    """The object noun phrase, cut before clauses: `a value in memory`."""
    name_obj: str | None
    """Nouns of the tool name (`memory_store` -> `memory`), None if the name has only verbs."""
    plural: bool
    use_cases: tuple[str, ...] = ()

    @property
    def bare(self) -> str:
        return _strip_det(self.obj)

    @property
    def definite(self) -> str:
        low = self.obj.lower()
        if low.startswith(("the ", "my ", "our ", "this ", "these ", "current ")):
            return self.obj
        return "the " + self.bare

    @property
    def indefinite(self) -> str:
        low = self.obj.lower()
        if low.startswith(("a ", "an ")) or self.plural:
            return self.obj
        return _article(self.bare) + " " + self.bare


def _strip_det(phrase: str) -> str:
    low = phrase.lower()
    for det in ("a ", "an ", "the ", "all ", "any ", "some "):
        if low.startswith(det):
            return phrase[len(det):]
    return phrase


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _first_sentence(desc: str) -> str:
    text = re.split(r"(?<=[.!?])\s+", desc.strip(), maxsplit=1)[0]
    text = re.sub(r"\s*\([^()]*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".:;!")
    return text


def _lower_first(text: str) -> str:
    """Lower-case the first word unless it looks like an acronym or a name (`RuVector`, `ONNX`)."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if any(ch.isupper() for ch in first[1:]) or any(ch.isdigit() for ch in first):
        return text
    return text[0].lower() + text[1:]


def _head_noun(phrase: str) -> str:
    cut = len(phrase)
    low = phrase.lower()
    for stop in _HEAD_STOPS + _CUTS:
        i = low.find(stop)
        if 0 < i < cut:
            cut = i
    words = phrase[:cut].split()
    return words[-1].lower() if words else ""


def is_plural(phrase: str) -> bool:
    """Rough number agreement for goal wording (`the saved sessions are ...`)."""
    head = _head_noun(phrase)
    if head in _SINGULAR_S or head.endswith(("ss", "us", "is")):
        return False
    return head.endswith("s") and len(head) > 2


def _short_object(rest: str) -> str:
    s = rest
    m = re.match(r"(?:or|and)\s+\S+\s+(.*)", s)  # "Analyze or change cognitive patterns"
    if m:
        s = m.group(1)
    low = s.lower()
    for lead in _LEAD_PREPS:
        if low.startswith(lead):
            s = s[len(lead):]
            break
    cut = len(s)
    low = s.lower()
    for marker in _CUTS:
        i = low.find(marker)
        if 0 < i < cut:
            cut = i
    return s[:cut].strip() or rest


def analyse_tool(tool: ToolSpec) -> ToolIntent:
    """Intent of any tool from its description and name (use cases, when present, are extra).

        >>> i = analyse_tool(ToolSpec(name="hooks_intelligence", description="RuVector intelligence status"))
        >>> i.verb, i.rest
        ('get', 'the RuVector intelligence status')
    """
    name_words = split_words(tool.name)
    desc = _first_sentence(tool.description) or " ".join(name_words)
    words = desc.split(" ")
    first = words[0].lower()
    if len(words) > 2 and f"{first} {words[1].lower()}" in VERBS:  # "Look up the weather forecast"
        first = f"{first} {words[1].lower()}"
        words = [first, *words[2:]]
    # An unknown first word followed by "the"/"a" ("Frob the widgets") is read as a verb with no
    # paraphrases; anything else without a known verb is a noun phrase ("Hyperbolic embedding ops").
    unknown_verb = (
        first not in VERBS
        and len(words) > 2
        and words[1].lower() in _DETERMINERS
        and not any(ch.isupper() for ch in words[0][1:])
        and first not in _ADJECTIVES
        and not first.endswith(("ic", "al", "ive", "ous", "ful", "less", "able"))
    )
    nouns = [
        w for w in name_words
        if w not in first.split() and w not in ("is", "has") and (w not in VERBS or w in _NOUNISH)
    ]
    name_obj = " ".join(_word(w) for w in nouns) if nouns else None
    if (first in VERBS or unknown_verb) and len(words) > 1:
        verb = first
        rest = " ".join(words[1:])
        verb_class, synonyms = VERBS.get(verb, ("do", (verb,)))
    else:
        # No leading verb ("Semantic search across stored embeddings"): read the description as a noun
        # phrase and pick the verb its head noun implies.
        np = _lower_first(desc)
        head = _head_noun(np)
        plural = is_plural(np)
        if head in _READ_NOUNS:
            verb, rest = "get", np if np.lower().startswith("the ") else "the " + np
        else:
            verb = "run"
            rest = np if plural or np.lower().startswith(("a ", "an ", "the ")) else f"{_article(np)} {np}"
        verb_class = _NOUN_CLASS.get(head, VERBS[verb][0])
        synonyms = VERBS[verb][1]
    if not rest.strip():
        rest = name_obj or "it"
    obj = _short_object(rest)
    if verb_class == "read" and _head_noun(obj) in ("status", "health", "progress"):
        verb_class = "status"
    use_cases = tuple(_first_sentence(u) for u in tool.use_cases if u.strip())
    return ToolIntent(
        name=tool.name,
        verb=verb,
        verb_class=verb_class,
        synonyms=synonyms,
        rest=rest,
        obj=obj,
        name_obj=name_obj,
        plural=is_plural(obj),
        use_cases=use_cases,
    )


def verb_display(verb: str) -> str:
    return _VERB_DISPLAY.get(verb, verb)


# --- verb phrases for Easy and Medium ----------------------------------------------------------


def direct_vp(intent: ToolIntent, rng: random.Random, args: dict[str, Any], tool: ToolSpec) -> str:
    """Easy: the description's own verb and object (or a use case that fits the arguments)."""
    cases = _fitting_use_cases(intent, args, tool)
    if cases and rng.random() < 0.35:
        return rng.choice(cases)
    return f"{verb_display(intent.verb)} {intent.rest}"


def paraphrase_vp(
    intent: ToolIntent, rng: random.Random, args: dict[str, Any], tool: ToolSpec, allow: Allow = _everything
) -> str:
    """Medium: another verb for the same action, with the object from the description or the name.
    `allow(id)` says which lexical choices this split may use (see `lexical_families`)."""
    others = [s for s in intent.synonyms if s != verb_display(intent.verb)] or list(intent.synonyms)
    others = [s for s in others if allow(synonym_id(intent.verb, s))] or others
    syn = rng.choice(others)
    cases = _fitting_use_cases(intent, args, tool)
    r = rng.random()
    if cases and r < 0.35:
        case = rng.choice(cases)
        head, _, tail = case.partition(" ")
        if head.lower() in VERBS and tail:
            verb = head.lower()
            alt = [s for s in VERBS[verb][1] if s != verb and allow(synonym_id(verb, s))]
            return f"{rng.choice(alt) if alt else head} {tail}"
        return case
    if intent.name_obj and r > 0.85 and len(intent.name_obj.split()) <= 3:
        noun = intent.name_obj + ("s" if intent.verb_class == "list" and not intent.name_obj.endswith("s") else "")
        return f"{syn} the {noun}"
    if r > 0.6 and intent.obj != intent.rest:
        return f"{syn} {intent.obj}"
    return f"{syn} {intent.rest}"


def _fitting_use_cases(intent: ToolIntent, args: dict[str, Any], tool: ToolSpec) -> list[str]:
    """Use cases that do not contradict the chosen arguments ("start a tester agent with opus model"
    is dropped when the arguments say `model: haiku`)."""
    out = []
    for case in intent.use_cases:
        low = case.lower()
        ok = True
        for name, prop in tool.properties.items():
            prop = prop if isinstance(prop, dict) else {}
            # Enum members and example values name concrete choices ("a coder agent", "opus model").
            members = prop.get("enum") or prop.get("examples") or prop.get("x-ruvllm-raw-examples")
            value = args.get(name)
            if isinstance(members, list):
                for m in members:
                    if isinstance(m, str) and m != value and re.search(rf"\b{re.escape(m.lower())}\b", low):
                        ok = False
            if isinstance(value, bool) and not value and name.lower() in low:
                ok = False
        if ok:
            out.append(_lower_first(case))
    return out


# --- goals and distractors for Hard and Expert -------------------------------------------------------

GOALS: dict[str, tuple[str, ...]] = {
    "create": (
        "we don't have {indef} yet and I need one", "the work ahead needs {indef} in place",
        "there ought to be {indef} for this", "I'd like {indef} to exist before we continue",
    ),
    "init": (
        "{def} {be}n't set up yet, and {it} needs to be", "nothing is in place for {bare} so far",
        "we need {def} ready from scratch",
    ),
    "stop": (
        "{def} {has} done {its} job and shouldn't keep running", "we're finished with {def}",
        "{def} {be} no longer needed and should wind down",
    ),
    "delete": (
        "{def} {be} obsolete and I want {it} gone", "keeping {def} around makes no sense anymore",
        "{def} {be} just clutter now",
    ),
    "read": (
        "I need to know what {def} say{s}", "I'm in the dark about {def}", "I'd like to see {def} as {it} stand{s}",
    ),
    "status": (
        "I'm not sure {def} {be} in good shape",
        "something seems off with {def}, and I want to know where things stand",
        "I have no idea how {def} {be} doing right now",
    ),
    "list": ("I've lost track of {bare}", "I want the full picture of {bare}", "I'd like an overview of {bare}"),
    "search": (
        "there's something relevant in {bare}, and I can't locate it", "I'm hunting for the right entry in {bare}",
        "somewhere in {bare} is what I need",
    ),
    "update": (
        "{def} {be} out of date and should reflect the new details", "{def} should look different from now on",
        "{def} no longer match{es} reality",
    ),
    "save": ("I don't want {def} to be lost", "{def} should be kept around for later", "it would hurt to lose {def}"),
    "restore": (
        "I want to pick up {def} where I left off", "{def} should come back the way {it} {was}", "I need {def} back",
    ),
    "resume": ("{def} {has} been on hold long enough", "{def} should carry on from where {it} stopped"),
    "pause": ("{def} should hold still for a while", "{def} needs to wait until further notice"),
    "cancel": ("{def} {be} no longer wanted", "{def} should not go ahead", "we changed our minds about {def}"),
    "run": (
        "{def} should be running by now", "it's time for {def} to kick off",
        "{def} {be} ready to go and just need{s} starting",
    ),
    "analyze": (
        "I want to understand {def} before going further", "I'm worried about {def} and want a closer look",
        "{def} need{s} a careful look",
    ),
    "record": (
        "there should be a record of {def}", "the learning system ought to know about {def}",
        "{def} shouldn't go unrecorded",
    ),
    "route": (
        "I can't decide who should handle {def}", "I need a recommendation for {def}",
        "the best fit for {def} isn't obvious to me",
    ),
    "generate": ("I need {def} produced", "{def} {be} missing and I need {it} made", "I'm waiting on {def}"),
    "send": (
        "everyone involved needs to hear about {def}", "{def} {has} to reach the others", "the others should be told",
    ),
    "train": ("{def} should learn from the data we have", "{def} {be}n't good enough yet and needs more practice"),
    "predict": ("I want the model's best guess about {def}", "I'd like to know what the model expects for {def}"),
    "compare": ("I want to know how alike {def} really are", "I need to know how close {def} {be}"),
    "manage": ("{def} need{s} some attention", "I have to deal with {def}", "{def} require{s} some housekeeping"),
    "claim": ("I want to be the one working on {def}", "nobody but me should pick up {def}"),
    "join": ("{def} should become part of the group", "{def} belong{s} in the collective now"),
    "sync": ("{def} {has} drifted out of sync", "the nodes disagree about {def}"),
    "optimize": ("{def} {be} too slow", "{def} could perform much better", "{def} {be} wasting resources"),
    "reset": ("{def} {has} drifted and should go back to a clean slate", "I want {def} back to square one"),
    "export": ("I need {def} in a form I can share", "someone asked me for a copy of {def}"),
    "import": ("{def} {has} to come in from elsewhere", "I have {def} from another place that should be used here"),
    "navigate": ("the browser should be showing {def}", "{def} is where I need to be"),
    "interact": ("the page is waiting on {def}", "nothing moves until {def} {be} dealt with"),
}
# Generic goals work for any class; mixing them in keeps the Hard/Expert wording from being a
# one-to-one code for the verb class.
GENERIC_GOALS = (
    "I need {def} taken care of", "what I'm after is {def}", "the missing piece is {def}",
    "my whole afternoon depends on {def}",
)

DISTRACTORS = (
    "don't worry about {o}", "forget about {o} for now", "leave {o} alone", "someone else is handling {o}",
    "we sorted out {o} yesterday", "I'm not asking about {o}", "the team already reviewed {o}",
    "no need to touch {o}", "{o} came up in the retro, but that's settled", "my manager asked about {o} last week",
    "I already looked into {o}", "ignore {o} for the moment", "there's a separate ticket for {o}",
    "{o} can wait until tomorrow",
)
# Used when the catalogue has too few other tools to borrow a domain from.
GENERIC_DISTRACTOR_OBJECTS = (
    "the quarterly budget", "the office move", "the coffee machine", "last week's outage report",
    "the design review", "the hiring plan", "the holiday rota",
)


def goal_clause(intent: ToolIntent, rng: random.Random, allow: Allow = _everything) -> str:
    pool = [g for i, g in enumerate(GOALS.get(intent.verb_class, ())) if allow(goal_id(intent.verb_class, i))]
    generic = [g for i, g in enumerate(GENERIC_GOALS) if allow(goal_id("generic", i))]
    template = rng.choice(generic) if not pool or rng.random() < 0.2 else rng.choice(pool)
    return fill_object(template, intent, rng)


def fill_object(template: str, intent: ToolIntent, rng: random.Random) -> str:
    obj = intent.obj
    plural = is_plural(obj)
    bare = _strip_det(obj)
    low = obj.lower()
    definite = obj if low.startswith(("the ", "my ", "our ", "this ", "current ")) else "the " + bare
    indef = obj if low.startswith(("a ", "an ")) or plural else f"{_article(bare)} {bare}"
    return template.format(
        **{
            "def": definite, "bare": bare, "indef": indef, "be": "are" if plural else "is",
            "it": "they" if plural else "it", "its": "their" if plural else "its",
            "has": "have" if plural else "has", "s": "" if plural else "s", "es": "" if plural else "es",
            "was": "were" if plural else "was",
        }
    )


def distractor_clause(other: ToolIntent | None, rng: random.Random, allow: Allow = _everything) -> str:
    if other is None:
        o = rng.choice(GENERIC_DISTRACTOR_OBJECTS)
    else:
        o = other.definite if rng.random() < 0.85 else "the " + (other.name_obj or other.bare)
    pool = [d for i, d in enumerate(DISTRACTORS) if allow(distractor_id(i))]
    return rng.choice(pool).format(o=o)


def irrelevant_distractor(other: ToolIntent, rng: random.Random, allow: Allow = _everything) -> str:
    pool = [d for i, d in enumerate(IRRELEVANT_DISTRACTORS) if allow(f"idis:{i:02d}")]
    return fill_object(rng.choice(pool), other, rng)


# --- lexical choices the split partitions too ---------------------------------------------------------


def synonym_id(verb: str, synonym: str) -> str:
    return f"syn:{verb}:{synonym}"


def goal_id(verb_class: str, index: int) -> str:
    return f"goal:{verb_class}:{index}"


def distractor_id(index: int) -> str:
    return f"dis:{index:02d}"


def lexical_families() -> dict[str, list[str]]:
    """Word choices below the frame that the split also keeps apart, one family per verb or goal
    class: a verb's paraphrases (for verbs with at least 3), goal wordings (classes with at least 3),
    distractor wordings. Test prompts then use verbs and wordings that training never saw.

        >>> lexical_families()["syn:delete"]
        ['syn:delete:remove', 'syn:delete:drop', 'syn:delete:erase', 'syn:delete:get rid of']
    """
    fams: dict[str, list[str]] = {}
    for verb, (_, syns) in VERBS.items():
        others = [s for s in syns if s != verb_display(verb)]
        if len(others) >= 3:
            fams[f"syn:{verb}"] = [synonym_id(verb, s) for s in others]
    for cls, pool in GOALS.items():
        if len(pool) >= 3:
            fams[f"goal:{cls}"] = [goal_id(cls, i) for i in range(len(pool))]
    fams["goal:generic"] = [goal_id("generic", i) for i in range(len(GENERIC_GOALS))]
    fams["dis"] = [distractor_id(i) for i in range(len(DISTRACTORS))]
    fams["idis"] = [f"idis:{i:02d}" for i in range(len(IRRELEVANT_DISTRACTORS))]
    return fams


# --- argument slots --------------------------------------------------------------------------------

_LABELS = {"topk": "top-k", "k": "k", "id": "ID", "ids": "IDs", "url": "URL", "pr": "PR", "cid": "CID"}
_UPPER = {
    "id", "url", "uri", "pr", "cid", "ttl", "ipns", "ipfs", "api", "pii", "llm", "ip", "v3", "ms", "moe",
    "hnsw", "sona", "daa", "ai", "json", "ewc", "cpu", "gpu", "sql", "css", "html", "pdf",
}
# Name words that are verbs in the lexicon but nouns in a tool name (`performance_report`).
_NOUNISH = {"report", "review", "log", "record", "benchmark", "profile", "track", "query", "test", "share",
            "build", "type", "filter", "copy", "sort", "vote", "claim", "search", "export", "import"}


def _word(w: str) -> str:
    return "IDs" if w == "ids" else (w.upper() if w in _UPPER else w)


def param_label(name: str) -> str:
    """How a parameter is named in prose: `maxAgents` -> `max agents`, `agentId` -> `agent ID`."""
    low = name.lower()
    if low in _LABELS:
        return _LABELS[low]
    words = split_words(name)
    if words[-2:] == ["top", "k"]:
        words = words[:-2] + ["top-k"]
    return " ".join(_word(w) for w in words) or name


def param_mentions(name: str) -> list[str]:
    """The spellings a prompt may use for a parameter (tests look for one of them for booleans)."""
    return [param_label(name), name]


_TOKEN_LIKE = re.compile(r"[\w.\-/@:~#+=\[\]]+")

_INLINE = {
    "string": ("{n} {v}", "the {n} {v}", "{n} set to {v}", "{v} as the {n}", "{n} {v}", "the {v} {n}"),
    "enum": ("{n} {v}", "{n} set to {v}", "{v} as the {n}", "the {v} {n}", "a {n} of {v}"),
    "number": ("{n} {v}", "a {n} of {v}", "{n} set to {v}", "{v} as the {n}", "{n} = {v}"),
    "json": ("{n} {v}", "{n} set to {v}", "{v} as the {n}", "this {n}: {v}"),
    "true": ("{n} on", "{n} enabled", "{n} turned on", "{n} set to true"),
    "false": ("{n} off", "{n} disabled", "{n} turned off", "{n} set to false"),
}
_SENTENCE = {
    "value": ("The {n} is {v}.", "Use {v} for the {n}.", "{N} should be {v}.", "Set the {n} to {v}."),
    "true": ("Turn {n} on.", "Enable {n}.", "{N} should be on.", "Switch {n} on."),
    "false": ("Turn {n} off.", "Disable {n}.", "Leave {n} off.", "{N} should be off.", "Do it without {n}."),
}
_PASSING = {
    "value": (
        "{n}'s {v}, by the way", "{v} for the {n}, if that matters", "{n} is {v}, for what it's worth",
        "{n} should be {v}, I think", "with {v} as the {n}",
    ),
    "true": ("with {n} on, by the way", "{n} enabled, if that matters", "{n} turned on as well"),
    "false": ("with {n} off, by the way", "{n} disabled, if that matters", "{n} left off"),
}


def _value_kind(value: Any, prop: dict[str, Any]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "enum" if isinstance(prop.get("enum"), list) else "string"
    return "json"


def _value_text(value: Any, kind: str, rng: random.Random) -> str:
    if kind == "number":
        return format_number(value)
    if kind == "json":
        return json_text(value)
    if kind == "enum" and " " not in value:
        return value
    bare_ok = _TOKEN_LIKE.fullmatch(value) is not None and len(value) <= 40
    return value if bare_ok and rng.random() < 0.45 else f'"{value}"'


def render_slot(
    name: str, value: Any, prop: dict[str, Any], form: str, rng: random.Random, natural: bool = False
) -> str:
    """One argument in prose. `form` is inline, colon, sentence or passing; `natural` writes the
    value as people do (`natural_value_text`) and a boolean by its own phrases where it has some.

        >>> render_slot("limit", 25, {"type": "number"}, "inline", random.Random(7))
        'a limit of 25'
    """
    kind = _value_kind(value, prop)
    label = param_label(name)
    if rng.random() < 0.15 and form in ("colon", "inline") and name != label:
        label = name  # sometimes the raw schema name, as people paste it
    is_bool = kind in ("true", "false")
    if natural and is_bool and form != "colon":
        phrases = prop.get(HINT_TRUE if value else HINT_FALSE)
        if isinstance(phrases, list) and phrases:
            said = str(rng.choice(phrases))
            return {"sentence": _cap(said) + ".", "passing": said + rng.choice(("", ", by the way", " too"))}.get(
                form, said
            )
    if natural and not is_bool:
        v = natural_value_text(value, prop, rng)
        if label != name:
            label = natural_label(name)
        if kind == "number" and _unit_names_it(label, prop) and form != "colon":
            # "3 tickets", not "tickets's 3 tickets"
            forms = {
                "sentence": ("Make it {v}.", "It's for {v}.", "That's {v}."),
                "passing": ("{v}, by the way", "for {v}"),
            }
            return rng.choice(forms.get(form, ("{v}", "for {v}"))).format(v=v)
    else:
        v = "" if is_bool else _value_text(value, kind, rng)
    if form == "inline":
        t = rng.choice(_INLINE[kind])
    elif form == "colon":
        if is_bool:
            t = rng.choice(("{n}: " + ("yes" if value else "no"), "{n}: " + ("on" if value else "off"),
                            name + "=" + ("true" if value else "false")))
        else:
            t = rng.choice(("{n}: {v}", "{n}: {v}", name + "={v}", "{n} = {v}"))
    elif form == "sentence":
        t = rng.choice(_SENTENCE[kind if is_bool else "value"])
    else:
        t = rng.choice(_PASSING[kind if is_bool else "value"])
    if t.startswith("a {n}"):
        plural = label.endswith("s") and not label.endswith("ss")
        t = "{n} set to {v}" if plural else _article(label) + t[1:]
    return t.format(n=label, N=label[:1].upper() + label[1:], v=v)


def join_and(items: list[str], rng: random.Random | None = None) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    comma = "," if rng is not None and len(items) > 2 and rng.random() < 0.3 else ""
    return ", ".join(items[:-1]) + f"{comma} and " + items[-1]


def render_args(
    args: dict[str, Any],
    tool: ToolSpec,
    style: str,
    rng: random.Random,
    shuffle: bool = False,
    natural: bool = False,
) -> str:
    """All arguments as one fragment, with its own lead-in, or "" when there are none.

    Styles: `with` (` with key "k" and a limit of 25`), `colon` (` (key: k, limit: 25)`),
    `sent` (` The key is "k". Use 25 for the limit.`), `pass` (` (key's "k", by the way)`).
    """
    if not args:
        return ""
    names = list(args)
    if shuffle:
        rng.shuffle(names)
    props = tool.properties
    if style == "with":
        # "with including tax" reads wrong: a boolean said by its own phrase follows the with-list.
        phrased = [n for n in names if natural and _phrased_bool(args[n], props.get(n) or {})]
        plain = [n for n in names if n not in phrased]
        out = ""
        if plain:
            slots = [render_slot(n, args[n], props.get(n) or {}, "inline", rng, natural) for n in plain]
            out = " with " + join_and(slots, rng)
        if phrased:
            said = [render_slot(n, args[n], props.get(n) or {}, "inline", rng, natural) for n in phrased]
            out += ("," if plain else "") + " " + join_and(said, rng)
        return out
    if style == "colon":
        slots = [render_slot(n, args[n], props.get(n) or {}, "colon", rng, natural) for n in names]
        wrap = rng.randrange(3)
        if wrap == 0:
            return " (" + ", ".join(slots) + ")"
        if wrap == 1:
            return " — " + ", ".join(slots)
        return ": " + "; ".join(slots)
    if style == "sent":
        return " " + " ".join(render_slot(n, args[n], props.get(n) or {}, "sentence", rng, natural) for n in names)
    slots = [render_slot(n, args[n], props.get(n) or {}, "passing", rng, natural) for n in names]
    if rng.random() < 0.5:
        return " (" + "; ".join(slots) + ")"
    return ", " + join_and(slots, rng)


# --- natural requests: tools that say how they are asked for ------------------------------------------
#
# A tool whose input schema lists `x-mcptrain-requests` (see values.py) is asked for in its own words:
#
#     "convert {amount} from {from_currency} to {to_currency}[ at the {rate_type=mid:mid-market|buy:buying} rate]"
#
#   {p}          the value of parameter p, written as people write it (natural_value_text)
#   {p?yes|no}   a boolean: the first text when true, the second when false
#   {p=a:x|b:y}  an enum: value a written as x, b as y; other values as themselves
#   [ ... ]      an optional part, kept only when every parameter it names has a value
#
# Slots outside [ ] must name required parameters. Values not written by the request are added the
# usual way (render_args). Every value stays readable back from the text: numbers as digits, with
# thousands commas or as one of the words a router parses (values.number_texts), strings verbatim,
# objects and most arrays as JSON.

NATURAL_REQUEST_RATE = 0.5
"""Share of a natural tool's requests that use one of its own wordings (the rest: verb + labelled slots).
Measured on the crate's tools with their phrasebook (20 examples per tool): 0.8 gave 0.554 exact on
the hand-written natural requests but 0.797 on the template test split; 0.5 gave 0.545 and 0.873
(templates alone: 0.375 and 0.881). On BFCL (general catalogue) 0.5 and 0.8 are within noise."""
NATURAL_LIST_RATE = 0.3
"""Share of lists of plain values written "3, 8 and 1" instead of JSON "[3, 8, 1]". A router that reads
only JSON fragments cannot read these back; set this to 0.0 to keep every list as JSON."""
NATURAL_WORD_RATE = 0.2
"""Share of small whole numbers (0-20, 30, 40, ... 90) written as words ("five")."""

SLOT = re.compile(r"\{(\w+)(?:\?([^|{}]*)\|([^{}]*)|=([^{}]*))?\}")
_SEGMENT = re.compile(r"\[([^\[\]]*)\]")
_CURRENCY = {
    "USD": ("$", "dollars"), "EUR": ("€", "euros"), "GBP": ("£", "pounds"), "JPY": ("¥", "yen"),
    "INR": ("₹", "rupees"), "CAD": ("C$", "Canadian dollars"), "AUD": ("A$", "Australian dollars"),
    "CHF": ("", "Swiss francs"),
}
_ATTACHED_UNITS = {"%", "°C", "°F", "°", "x"}
_NAME = re.compile(NAME_ITEM)  # a list item a router reads back from words
_NO_WORDS = {"money", "price", "percent", "year", "latitude", "longitude"}
NATURAL_GOALS = (
    "I need to {vp}", "I have to {vp}", "what I need is to {vp}", "the task is to {vp}", "I'm trying to {vp}",
    "someone asked me to {vp}", "I'd like to {vp}", "my next job is to {vp}", "I want to {vp}",
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def request_templates(tool: ToolSpec) -> list[str]:
    reqs = tool.input_schema.get(HINT_REQUESTS)
    return [r for r in reqs if isinstance(r, str)] if isinstance(reqs, list) else []


def template_params(template: str) -> tuple[set[str], set[str]]:
    """(parameters named outside optional parts, all parameters named).

        >>> template_params("area of a circle of radius {r}[ in {unit}]")
        ({'r'}, {'r', 'unit'})
    """
    every = {m.group(1) for m in SLOT.finditer(template)}
    outside = {m.group(1) for m in SLOT.finditer(_SEGMENT.sub("", template))}
    return outside, every


_UNIT_WORDS = frozenset(
    "kg cm mm ml km m g usd minutes seconds hours days grams miles earths percent percentage ms".split()
)


def natural_label(name: str) -> str:
    """A parameter's name in prose without the unit its value already carries: `duration_minutes`
    -> `duration` (its value reads "45 minutes"), `weight_kg` -> `weight`."""
    label = param_label(name)
    words = label.split(" ")
    while len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        words.pop()
    return " ".join(words)


def _unit_names_it(label: str, prop: dict[str, Any]) -> bool:
    """Whether the value's unit already names the parameter ("3 tickets" for `tickets`)."""
    units = prop.get(HINT_UNIT)
    units = [units] if isinstance(units, str) else units or []
    said = {_singular_unit(label.lower()), _singular_unit(label.split(" ")[-1].lower())}
    return any(isinstance(u, str) and _singular_unit(u.lower()) in said for u in units)


def _phrased_bool(value: Any, prop: dict[str, Any]) -> bool:
    phrases = prop.get(HINT_TRUE if value else HINT_FALSE) if isinstance(value, bool) else None
    return isinstance(phrases, list) and bool(phrases)


def _singular_unit(unit: str) -> str:
    special = {"feet": "foot", "people": "person", "inches": "inch", "children": "child", "nights": "night"}
    if unit in special:
        return special[unit]
    if unit.endswith(("ches", "shes", "xes")):
        return unit[:-2]
    return unit[:-1] if unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3 else unit


def natural_number_text(value: int | float, prop: dict[str, Any], rng: random.Random) -> str:
    """A number as people write it, readable back exactly: "$2,500", "3.5%", "five years", "12 km".

        >>> natural_number_text(2500, {"x-mcptrain-kind": "money"}, random.Random(3))
        '$2,500'
    """
    kind = prop.get(HINT_KIND)
    raw_units = prop.get(HINT_UNIT)
    units = [raw_units] if isinstance(raw_units, str) else [u for u in raw_units or [] if isinstance(u, str)]
    texts = number_texts(value)
    digits = texts[0]
    integral = isinstance(value, int) and not isinstance(value, bool)
    if integral and abs(value) >= 1000 and kind != "year" and rng.random() < 0.55:
        digits = f"{value:,}"
    elif (
        integral and len(texts) > 1 and not texts[-1][:1].isdigit() and kind not in _NO_WORDS
        and not (units and units[0] in _ATTACHED_UNITS) and rng.random() < NATURAL_WORD_RATE
    ):
        digits = texts[-1]
    if kind in ("money", "price"):
        code = units[0] if units else "USD"
        symbol, word = _CURRENCY.get(code, ("", code))
        forms = [f"{digits} {word}", f"{digits} {code}"] + ([f"{symbol}{digits}"] * 3 if symbol else [])
        return rng.choice(forms)
    if kind == "percent":
        return rng.choice((f"{digits}%", f"{digits}%", f"{digits} percent"))
    if not units:
        return digits
    unit = rng.choice(units)
    if value == 1 and digits in ("1", "one"):
        unit = _singular_unit(unit)
    return f"{digits}{unit}" if unit in _ATTACHED_UNITS else f"{digits} {unit}"


NATURAL_DATE_RATE = 0.5  # share of date values written as people write dates, not in the schema's format


def natural_value_text(value: Any, prop: dict[str, Any], rng: random.Random, quote_rate: float = 0.25) -> str:
    """Any argument value as people write it; every form reads back to exactly `value`.

        >>> natural_value_text([3, 8, 1], {"type": "array"}, random.Random(0))
        '[3, 8, 1]'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return natural_number_text(value, prop, rng)
    if isinstance(value, str):
        if isinstance(prop.get("enum"), list):
            return value.replace("_", " ") if "_" in value and rng.random() < 0.5 else value
        fmt = date_format(prop)
        forms = date_texts(value, fmt) if fmt else []
        if forms and rng.random() < NATURAL_DATE_RATE:  # "March 3rd, 2025" for 2025-03-03
            return rng.choice(forms[1:])
        if " " in value and rng.random() < quote_rate:
            return f'"{value}"'
        return value
    scalars = isinstance(value, list) and len(value) > 1 and all(
        isinstance(v, (int, float, str)) and not isinstance(v, bool) and "," not in str(v) for v in value
    )
    # Only lists a router reads back from words: numbers, or names ("Paris, Rome and Oslo"); ids such
    # as build, deploy, notify stay JSON.
    readable = scalars and (
        all(isinstance(v, (int, float)) for v in value) or all(isinstance(v, str) and _NAME.fullmatch(v) for v in value)
    )
    if readable and rng.random() < NATURAL_LIST_RATE:
        raw_items = prop.get("items")
        items: dict[str, Any] = raw_items if isinstance(raw_items, dict) else {}
        unit_free = {k: v for k, v in items.items() if k != HINT_UNIT}
        return join_and([natural_value_text(v, unit_free, rng, quote_rate=0.0) for v in value], rng)
    return json_text(value)


def fill_request(
    template: str, args: dict[str, Any], tool: ToolSpec, rng: random.Random
) -> tuple[str, set[str]] | None:
    """A natural request with `args` written in, and the parameters it wrote; None when a slot
    outside an optional part has no value.

        >>> fill_request("find the factorial of {n}", {"n": 5}, tool, random.Random(0))
        ('find the factorial of 5', {'n'})
    """
    outside, _ = template_params(template)
    if not outside <= set(args):
        return None
    props = tool.properties

    def segment(m: re.Match[str]) -> str:
        names = {s.group(1) for s in SLOT.finditer(m.group(1))}
        return m.group(1) if names <= set(args) else ""

    used: set[str] = set()

    def slot(m: re.Match[str]) -> str:
        name, yes, no, mapping = m.group(1), m.group(2), m.group(3), m.group(4)
        value = args[name]
        used.add(name)
        if yes is not None:
            return yes if value else (no or "")
        if mapping is not None:
            table = dict(part.split(":", 1) for part in mapping.split("|") if ":" in part)
            if str(value) in table:
                return table[str(value)]
        prop = props.get(name) or {}
        if isinstance(value, bool):
            phrases = prop.get(HINT_TRUE if value else HINT_FALSE)
            return str(rng.choice(phrases)) if isinstance(phrases, list) and phrases else ("yes" if value else "no")
        quoted = m.start() > 0 and m.string[m.start() - 1] in "\"'“"  # the request already quotes it
        return natural_value_text(value, prop, rng, quote_rate=0.0 if quoted else 0.25)

    text = SLOT.sub(slot, _SEGMENT.sub(segment, template))
    return re.sub(r" {2,}", " ", text).strip(), used


MIN_SPLIT_REQUESTS = 4
"""A tool with at least this many own wordings keeps some for test (splits.pattern_families); with
fewer, train and test share them."""


def request_ids(tool: ToolSpec) -> list[str]:
    """Pattern ids of a tool's own wordings, in order: `req:memory_store:00`, ..."""
    return [f"req:{tool.name}:{i:02d}" for i in range(len(request_templates(tool)))]


def split_request_ids(tool: ToolSpec) -> list[str]:
    """The ids of a tool's own wordings that the split partitions: all of them from
    MIN_SPLIT_REQUESTS wordings on, none below (train and test then share them)."""
    ids = request_ids(tool)
    return ids if len(ids) >= MIN_SPLIT_REQUESTS else []


def is_sentence(template: str) -> bool:
    """A wording that is a whole sentence ("is agent {agentId} still alive?", "{taskId} is done.")
    rather than a verb phrase ("kill agent {agentId}"): it ends in '.', '?' or '!'. A sentence is
    asked on its own; a verb phrase goes into frames ("Could you {vp}?", "I need to {vp}.")."""
    return template.rstrip().endswith((".", "?", "!"))


def pick_request(
    tool: ToolSpec, args: dict[str, Any], rng: random.Random, allow: Allow = _everything, sentences: bool = True
) -> tuple[str, set[str]] | None:
    """One of the tool's own wordings that `allow`s and fits `args`, filled in; None if none does.
    `sentences=False` keeps to verb phrases (a step of a multi-step request)."""
    usable = [
        t for t, i in zip(request_templates(tool), request_ids(tool), strict=True)
        if allow(i) and template_params(t)[0] <= set(args) and (sentences or not is_sentence(t))
    ]
    if not usable:
        return None
    return fill_request(rng.choice(usable), args, tool, rng)


# --- frames ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """A sentence pattern with a stable id; `fields` are the placeholders it uses."""

    id: str
    template: str
    fields: tuple[str, ...] = field(default=())

    @staticmethod
    def of(id: str, template: str) -> Frame:
        names = tuple(f for _, f, _, _ in string.Formatter().parse(template) if f)
        return Frame(id, template, names)


def _frames(prefix: str, templates: list[str]) -> tuple[Frame, ...]:
    return tuple(Frame.of(f"{prefix}-{i:02d}", t) for i, t in enumerate(templates, start=1))


EASY = _frames("easy", [
    "{VP}{args_with}.",
    "Please {vp}{args_with}.",
    "I need to {vp}{args_with}.",
    "Can you {vp}{args_with}?",
    "{VP}{args_colon}.",
    "I want to {vp}{args_with}.",
    "Use {tool} to {vp}{args_with}.",
    "Call {tool}{args_with}.",
    "Go ahead and {vp}{args_with}.",
    "Let's {vp}{args_with}.",
    "{VP}.{args_sent}",
    "Task: {vp}{args_colon}.",
    "I'd like you to {vp}{args_with}.",
    "With the {tool} tool, {vp}{args_with}.",
    "Quick one: {vp}{args_with}.",
    "Help me {vp}{args_with}.",
    "Time to {vp}.{args_sent}",
    "Could you {vp} for me{args_with}?",
])
MEDIUM = _frames("medium", [
    "Could you {vp}?{args_sent}",
    "I'd appreciate it if you could {vp}{args_with}.",
    "Would you {vp}{args_with} for me?",
    "Hey, {vp}{args_with} when you get a chance.",
    "Is it possible to {vp}{args_with}?",
    "Let's go ahead and {vp}{args_colon}.",
    "I'm trying to {vp}{args_with}. Can you do that?",
    "Need you to {vp}{args_with}.",
    "My next step is to {vp}.{args_sent}",
    "What I want is to {vp}{args_with}.",
    "Here's what I need: {vp}{args_colon}.",
    "Hoping you can {vp}{args_with}.",
    "Please handle this for me: {vp}{args_with}.",
    "I was hoping to {vp}{args_with}.",
    "Can we {vp} now?{args_sent}",
    "Any chance you could {vp}{args_with}?",
    "For the next bit, {vp}{args_colon}.",
    "I've been meaning to {vp}{args_with}; can you sort that out?",
])
HARD = _frames("hard", [
    "{Dis}. {Goal}.{args_sent}",
    "{Goal}.{args_sent} {Dis}.",
    "Here's the situation: {goal}. {Dis}.{args_sent}",
    "{Dis}, but that's not why I'm writing: {goal}{args_colon}.",
    "So, {goal}. {Dis}. Can you take care of it?{args_sent}",
    "Context: {dis}. What I actually need: {goal}{args_colon}.",
    "{Goal} — can you deal with that?{args_sent} ({Dis}.)",
    "Not urgent, but {goal}.{args_sent} By the way, {dis}.",
    "{Dis}. Meanwhile, {goal}; please sort it out{args_colon}.",
    "I'm stuck: {goal}.{args_sent} {Dis}, so skip that part.",
    "The thing is, {goal}{args_colon}. {Dis}.",
    "{Goal}. Make it happen{args_with}. {Dis}.",
    "Quick background — {dis}. Anyway, {goal}.{args_sent}",
    "{Dis}; separately, {goal}{args_colon}.",
    "Problem for today: {goal}.{args_sent} ({Dis}.)",
    "While you're at it: {goal}{args_colon}. {Dis}.",
])
EXPERT = _frames("expert", [
    "{Dis1}, and {dis2}. Anyway, {goal}{args_pass}.",
    "{Dis1}. {Dis2}. What matters now: {goal}{args_pass}.",
    "Long day. {Dis1}; {dis2}. {Goal}{args_pass}.",
    "{Goal}{args_pass}. For context, {dis1}, and {dis2}.",
    "A few things are going on: {dis1}, {dis2}, and {dis3}. The one I need help with: {goal}{args_pass}.",
    "Ignore the noise — {dis1}, {dis2}. {Goal}{args_pass}.",
    "{Dis1}. Then again, {goal}{args_pass}, which is the real issue. {Dis2}.",
    "I've got a lot on my plate: {dis1}; {dis2}. Underneath it all, {goal}{args_pass}.",
    "Before the standup: {dis1}, {dis2}. Oh, and {goal}{args_pass}.",
    "{Dis1}, {dis2} — none of that is the point. {Goal}{args_pass}.",
    "Status dump: {dis1}. {Dis2}. Action item: {goal}{args_pass}.",
    "{Goal}{args_pass}; I mention it because {dis1}, and {dis2}.",
    "Side notes first: {dis1}, plus {dis2}. Main point: {goal}{args_pass}.",
    "So {dis1}, right? And {dis2}. Anyway — {goal}{args_pass}.",
    "{Dis1}. {Dis2}. {Dis3}. And separately, {goal}{args_pass}.",
    "If you have a minute: {goal}{args_pass}. Unrelated, but {dis1}, and {dis2}.",
])
DIFFICULTY_FRAMES: dict[str, tuple[Frame, ...]] = {"Easy": EASY, "Medium": MEDIUM, "Hard": HARD, "Expert": EXPERT}


@dataclass(frozen=True)
class MultiFrame:
    """How 2-4 steps join into one request: first step, middle steps, last step, ending."""

    id: str
    first: str
    middle: str
    last: str
    end: str

    def join(self, steps: list[str]) -> str:
        out = []
        for i, s in enumerate(steps):
            t = self.first if i == 0 else (self.last if i == len(steps) - 1 else self.middle)
            out.append(t.format(s=s, S=s[:1].upper() + s[1:], n=i + 1))
        return "".join(out) + self.end


MULTI = tuple(
    MultiFrame(f"multi-{i:02d}", *parts)
    for i, parts in enumerate(
        [
            ("First {s}", ", then {s}", ", and finally {s}", "."),
            ("{S}.", " After that, {s}.", " Finally, {s}.", ""),
            ("Step {n}: {s}.", " Step {n}: {s}.", " Step {n}: {s}.", ""),
            ("I need a few things done in order: {s}", "; then {s}", "; and lastly {s}", "."),
            ("{S}", "; after that, {s}", ", and once that's done, {s}", "."),
            ("Please {s}.", " When that finishes, {s}.", " Then {s}.", ""),
            ("In this order: ({n}) {s}", ", ({n}) {s}", ", and ({n}) {s}", "."),
            ("Begin with this: {s}.", " Next, {s}.", " To wrap up, {s}.", ""),
            ("{S}", " — then {s}", " — and then {s}", "."),
            ("Before anything else, {s}.", " Then {s}.", " To finish, {s}.", ""),
            ("Could you {s}", ", then {s}", ", and after that {s}", "?"),
            ("Sequence please: {s}", " → {s}", " → {s}", "."),
            ("Start off by getting this done: {s}.", " Once it's finished, {s}.", " Last of all, {s}.", ""),
            ("Several things, one after the other. {S}.", " Then {s}.", " And then {s}.", ""),
        ],
        start=1,
    )
)


# --- irrelevant requests -------------------------------------------------------------------------------

_SLOTS: dict[str, tuple[str, ...]] = {
    "city": ("Lisbon", "Nairobi", "Osaka", "Toronto", "Bergen", "Melbourne", "Cusco", "Tbilisi"),
    "dish": ("lasagna", "pad thai", "shakshuka", "banana bread", "mushroom risotto", "chicken tikka masala"),
    "phrase": ("good morning", "where is the train station", "thank you very much", "I'm running late"),
    "language": ("Spanish", "Japanese", "German", "Portuguese", "Korean", "Italian"),
    "a": ("17", "23", "48", "112", "9"),
    "b": ("6", "14", "31", "7", "25"),
    "animal": ("penguin", "octopus", "cat", "giraffe", "otter", "crow"),
    "topic": ("autumn leaves", "the ocean", "a rainy Monday", "coffee", "city lights", "old friends"),
    "sport": ("football", "cricket", "rugby", "basketball", "volleyball"),
    "year": ("1998", "2006", "2014", "2018", "2022"),
    "food": ("an avocado", "a bagel", "a banana", "a slice of pizza", "a cup of rice"),
    "genre": ("sci-fi", "comedy", "thriller", "animated", "documentary"),
    "country": ("Peru", "Finland", "Vietnam", "Ghana", "Chile", "Norway"),
    "country2": ("Portugal", "Kenya", "Japan", "Canada", "Austria"),
    "n": ("12", "250", "5", "70", "3.5", "100"),
    "unit": ("miles to kilometers", "cups to milliliters", "pounds to kilograms", "Fahrenheit to Celsius"),
    "relative": ("sister", "grandfather", "best friend", "boss", "nephew"),
    "fabric": ("a cotton shirt", "a wool carpet", "a linen tablecloth"),
    "book": ("Pride and Prejudice", "Moby-Dick", "The Hobbit", "Frankenstein"),
    "ingredient": ("chickpeas", "spinach", "leftover rice", "eggs", "tofu"),
    "ingredient2": ("tomatoes", "feta", "ginger", "lemons", "sweet potatoes"),
    "holiday": ("New Year's Day", "Halloween", "the summer solstice", "Thanksgiving"),
    "word": ("happy", "important", "difficult", "quick", "beautiful"),
    "person": ("Priya", "Marcus", "Elena", "Tom", "Aisha"),
    "day": ("Tuesday", "Thursday", "next Monday", "Friday"),
    "hour": ("10am", "2pm", "4:30pm", "noon"),
    "image": ("vacation.jpg", "logo.png", "banner.webp"),
    "px": ("640", "800", "1200", "1920"),
    "doc": ("the contract draft", "my CV", "the meeting notes"),
    "host": ("web-01", "the staging box", "prod-db-2"),
    "domain": ("example.com", "shop.example.org", "blog.example.net"),
    "channel": ("general", "random", "announcements"),
    "bucket": ("team-archive", "media-backups", "logs-2024"),
    "region": ("eu-central-1", "us-west-2", "ap-southeast-1"),
    # used by OPEN_IRRELEVANT only
    "occasion": ("a wedding toast", "a retirement party", "my sister's graduation", "a first date", "a job interview",
                 "a farewell lunch", "my parents' anniversary", "a baby shower", "a school reunion", "a housewarming"),
    "job": ("nurse", "software engineer", "teacher", "chef", "architect", "pilot", "librarian", "plumber", "barista"),
    "hobby": ("knitting", "rock climbing", "chess", "watercolor painting", "bird watching", "pottery", "surfing",
              "baking bread", "woodworking", "salsa dancing"),
    "concept": ("free will", "the trolley problem", "stoicism", "opportunity cost", "the placebo effect", "entropy",
                "cognitive dissonance", "the prisoner's dilemma", "impostor syndrome", "the butterfly effect"),
    "thing": ("a leaky faucet", "a squeaky door", "a wobbly table", "a slow laptop", "a stuck zipper",
              "a flat bike tire", "a cracked phone screen", "a clogged drain"),
    "plant": ("basil", "a fiddle leaf fig", "tomatoes", "orchids", "succulents", "a monstera", "lavender", "roses"),
    "mythical": ("dragons", "unicorns", "the Greek gods", "Norse mythology", "mermaids", "the Minotaur"),
    "style": ("Shakespeare", "a pirate", "a noir detective", "a nature documentary narrator", "a sports commentator"),
}


@dataclass(frozen=True)
class IrrelevantTemplate:
    id: str
    family: str
    """`everyday` (off-domain) or `near_miss` (sounds technical, but no tool here does it)."""
    topic: str
    template: str

    def fill(self, rng: random.Random) -> str:
        names = [f for _, f, _, _ in string.Formatter().parse(self.template) if f]
        return self.template.format(**{n: rng.choice(_SLOTS[n]) for n in names})


_EVERYDAY = [
    ("weather", "What's the weather going to be like in {city} this weekend?"),
    ("weather", "Is it going to rain in {city} tomorrow?"),
    ("recipe", "Give me a recipe for {dish}."),
    ("recipe", "What should I cook for dinner with {ingredient} and {ingredient2}?"),
    ("recipe", "How long should I bake {dish}?"),
    ("translation", "How do you say '{phrase}' in {language}?"),
    ("translation", "Translate '{phrase}' into {language}, please."),
    ("math", "What is {a} times {b}?"),
    ("math", "What's the square root of {n}?"),
    ("math", "Is {a} a prime number?"),
    ("joke", "Tell me a joke about a {animal}."),
    ("poem", "Write a short poem about {topic}."),
    ("poem", "Write a haiku about {topic}."),
    ("trivia", "Who won the {sport} world cup in {year}?"),
    ("trivia", "What's the capital of {country}?"),
    ("trivia", "Which is bigger, {country} or {country2}?"),
    ("trivia", "Tell me a fun fact about the {animal}."),
    ("nutrition", "How many calories are in {food}?"),
    ("movies", "Recommend a good {genre} movie for tonight."),
    ("smalltalk", "How are you doing today?"),
    ("smalltalk", "Thanks, that's all for now!"),
    ("smalltalk", "Good morning! Did you sleep well?"),
    ("travel", "Can you help me plan a weekend trip to {city}?"),
    ("units", "Convert {n} {unit}."),
    ("time", "What time is it in {city} right now?"),
    ("gifts", "Suggest a birthday gift for my {relative}."),
    ("household", "How do I get a red wine stain out of {fabric}?"),
    ("sports", "Explain the rules of {sport} in simple terms."),
    ("pets", "What's a good name for a pet {animal}?"),
    ("books", "Summarize the plot of {book}."),
    ("language", "Give me a synonym for '{word}'."),
    ("language", "What's the best way to learn {language}?"),
    ("podcasts", "Can you recommend a podcast about {topic}?"),
    ("holidays", "How many days until {holiday}?"),
    ("advice", "Any tips for sleeping better before a big exam?"),
    ("advice", "How do I politely decline a wedding invitation?"),
    ("history", "Why did the Roman Empire fall?"),
    ("science", "Why is the sky blue?"),
    ("fitness", "What's a good 20-minute workout I can do at home?"),
    ("music", "Who sang the original version of 'Hallelujah'?"),
]
_NEAR_MISS = [
    ("email", "Send an email to {person} about the release notes."),
    ("calendar", "Book a meeting room for {day} at {hour}."),
    ("images", "Resize {image} to {px} pixels wide."),
    ("documents", "Convert {doc} to PDF."),
    ("ops", "Restart the nginx service on {host}."),
    ("ops", "Rotate the TLS certificate for {domain}."),
    ("ops", "Set up a cron job that runs every {n} minutes."),
    ("chat", "Post a message in the #{channel} Slack channel."),
    ("cloud", "Upload the quarterly logs to the S3 bucket {bucket}."),
    ("cloud", "Spin up a new EC2 instance in {region}."),
    ("network", "Run a DNS lookup for {domain}."),
    ("office", "Order more printer paper for the office."),
    ("qr", "Generate a QR code for {domain}."),
    ("crypto", "Encrypt {image} with GPG."),
    ("banking", "Check my bank account balance."),
    ("social", "Schedule a tweet for tomorrow morning."),
    ("audio", "Transcribe this voice memo from {person}."),
    ("spreadsheets", "Merge the two spreadsheets from {person} into one."),
    ("restaurants", "Reserve a table for {a} at an Italian restaurant."),
    ("phone", "Call {person} on the phone."),
    ("printing", "Print the quarterly report on the office printer."),
    ("domains", "Renew my domain {domain} for another year."),
    ("drivers", "Install the latest graphics drivers on my laptop."),
    ("payroll", "Add {person} to the payroll system."),
    ("backup", "Back up my phone photos to the cloud."),
    ("smart-home", "Turn off the lights in the living room."),
    ("smart-home", "Dim the smart bulbs to {n} percent."),
    ("bills", "Pay the electricity bill."),
    ("shopping", "Add oat milk to my grocery list."),
    ("vpn", "Connect me to the company VPN."),
]
# Requests no function-calling catalogue of everyday tools serves (opinions, writing, advice, open
# questions, household know-how). Used only by catalogues with natural tools (values.is_natural), whose
# domains cover most of _EVERYDAY and _NEAR_MISS; the generator splits these by seed itself, so
# catalogues without natural tools and their pattern partition are unaffected.
_OPEN = [
    ("writing", "Write a short speech for {occasion}."),
    ("writing", "Help me write a toast for {occasion}, something funny but warm."),
    ("writing", "Draft a cover letter for a {job} position."),
    ("writing", "Write a limerick about {animal}s."),
    ("writing", "Write a bedtime story about a brave {animal}."),
    ("writing", "Rewrite this sentence in the style of {style}: the meeting ran long again."),
    ("writing", "Give me ten names for a bakery."),
    ("writing", "Come up with a slogan for a {hobby} club."),
    ("writing", "Write a thank-you note to my {relative} for the gift."),
    ("writing", "Make up a riddle about {topic}."),
    ("advice", "How do I get better at {hobby}?"),
    ("advice", "What should I say at {occasion}?"),
    ("advice", "How do I keep {plant} alive indoors?"),
    ("advice", "How can I fix {thing} myself?"),
    ("advice", "How do I ask my boss for a raise?"),
    ("advice", "Any tips for staying focused while working from home?"),
    ("advice", "How do I make friends in a new city?"),
    ("advice", "What's a good way to start journaling?"),
    ("advice", "How should I prepare for {occasion}?"),
    ("advice", "How do I stop procrastinating?"),
    ("advice", "Is it worth becoming a {job} at forty?"),
    ("advice", "How do I teach my kid to ride a bike?"),
    ("opinion", "Which is better for a beginner, {hobby} or {hobby2}?"),
    ("opinion", "What do you think about {concept}?"),
    ("opinion", "Is it rude to leave a party without saying goodbye?"),
    ("opinion", "Do you prefer cats or dogs?"),
    ("opinion", "What's the most underrated decade for fashion?"),
    ("explain", "Explain {concept} like I'm five."),
    ("explain", "Why do we dream?"),
    ("explain", "Why do cats purr?"),
    ("explain", "What's the difference between empathy and sympathy?"),
    ("explain", "Where do the stories about {mythical} come from?"),
    ("explain", "Why do onions make you cry?"),
    ("explain", "How does a bill become a law, in plain words?"),
    ("explain", "What makes a joke funny?"),
    ("explain", "Why is yawning contagious?"),
    ("fun", "Tell me a riddle."),
    ("fun", "Let's play twenty questions."),
    ("fun", "Say something nice to cheer me up."),
    ("fun", "If you could have any superpower, what would it be?"),
    ("fun", "Tell me a tongue twister about {animal}s."),
    ("fun", "Give me a would-you-rather question for a road trip."),
    ("chat", "I had a rough day and just want to vent for a minute."),
    ("chat", "Thanks for the help earlier, that worked."),
    ("chat", "Never mind, I figured it out."),
    ("chat", "Can you keep me company while I wait for my {relative}?"),
    ("chat", "Hi! What can you do?"),
    ("chat", "Ok, cancel that, I changed my mind."),
    ("household", "How do I get rid of fruit flies in the kitchen?"),
    ("household", "What's the best way to fold a fitted sheet?"),
    ("household", "How often should I water {plant}?"),
    ("household", "How do I clean a cast iron pan without ruining it?"),
    ("household", "How do I organize a messy closet?"),
    ("household", "Is it safe to mix vinegar and baking soda for cleaning?"),
    ("learning", "Quiz me informally on {concept}, no app needed."),
    ("learning", "What are some good books for learning about {concept}?"),
    ("learning", "Explain the offside rule to someone who has never watched {sport}."),
    ("pets", "Why does my dog tilt its head when I talk?"),
    ("pets", "How do I introduce a new kitten to my older cat?"),
    ("pets", "What should I name my new {animal}?"),
]
_SLOTS["hobby2"] = _SLOTS["hobby"]
OPEN_IRRELEVANT: tuple[IrrelevantTemplate, ...] = tuple(
    IrrelevantTemplate(f"irr-open-{i:02d}", "open", t, s) for i, (t, s) in enumerate(_OPEN, 1)
)

IRRELEVANT: tuple[IrrelevantTemplate, ...] = tuple(
    [IrrelevantTemplate(f"irr-everyday-{i:02d}", "everyday", t, s) for i, (t, s) in enumerate(_EVERYDAY, 1)]
    + [IrrelevantTemplate(f"irr-near-{i:02d}", "near_miss", t, s) for i, (t, s) in enumerate(_NEAR_MISS, 1)]
)

# The domains (catalogue categories) each template's topic belongs to. Word overlap misses many
# ("Is it going to rain in Osaka tomorrow?" shares no word with "Get the daily weather forecast"), so a
# catalogue whose natural tools (values.is_natural) cover one of these domains drops the template.
# Catalogues without natural tools are unaffected.
IRRELEVANT_DOMAINS: dict[str, frozenset[str]] = {
    topic: frozenset(domains.split())
    for topic, domains in {
        "weather": "weather", "recipe": "cooking restaurants", "translation": "education", "math": "math statistics",
        "trivia": "geography sports biology history", "nutrition": "cooking health", "movies": "movies",
        "travel": "travel hotels flights", "units": "units", "time": "geography units", "sports": "sports",
        "language": "education", "holidays": "calendar", "history": "history", "fitness": "health", "music": "music",
        "email": "messaging", "calendar": "calendar", "documents": "files", "ops": "system devtools",
        "chat": "messaging", "network": "devtools", "office": "shopping", "banking": "banking", "social": "news",
        "restaurants": "restaurants", "smart-home": "smart_home", "bills": "banking", "shopping": "shopping",
    }.items()
}

# Distractors for irrelevant requests must clearly *not* ask for the tool-domain thing they mention.
IRRELEVANT_DISTRACTORS = (
    "no need to touch {def}, {it} {be} fine", "no need to look at {def}, that's sorted",
    "forget {def}, it's not important today", "leave {def} as {it} {be}", "don't bother with {def} today",
)

# --- the near-miss guard -------------------------------------------------------------------------------

_STOP = {
    "the", "a", "an", "to", "for", "of", "in", "on", "at", "and", "or", "my", "me", "is", "it", "be", "by",
    "with", "from", "this", "that", "what", "how", "can", "you", "please", "about", "into", "your", "our",
    "do", "does", "i", "we", "are", "was", "new", "all", "get", "set", "some", "any", "more", "one", "two",
    "up", "out", "off", "down", "should", "would", "could", "will", "has", "have", "there", "its", "their",
}


def _stem(word: str) -> str:
    for suffix, min_len in (("ing", 6), ("ies", 5), ("es", 5), ("ed", 5), ("s", 4)):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z][a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


class ToolWordIndex:
    """Word stems of every tool's name and description, to keep irrelevant requests irrelevant.

        >>> ToolWordIndex([ToolSpec(name="send_email", description="Send an email")]).serves("Email Bob")
        True
    """

    def __init__(self, tools: list[ToolSpec]) -> None:
        self._tools: list[tuple[set[str], set[str]]] = []
        for t in tools:
            name_stems = {_stem(w) for w in split_words(t.name)} - {_stem(v) for v in VERBS} - _GENERIC_NAME
            desc_stems = content_stems(t.description) | content_stems(" ".join(split_words(t.name)))
            self._tools.append((desc_stems, name_stems))

    def serves(self, text: str) -> bool:
        """True if some tool plausibly serves `text`: it shares two content words with the tool, or
        one distinctive word of the tool's name."""
        words = content_stems(text)
        for desc_words, name_words in self._tools:
            shared = words & desc_words
            if len(shared) >= 2 or words & name_words:
                return True
        return False


_GENERIC_NAME = {"status", "list", "info", "stat", "metric", "all", "new", "is", "has", "has_pii", "pii"}


__all__ = [
    "DIFFICULTY_FRAMES",
    "IRRELEVANT_DOMAINS",
    "NATURAL_GOALS",
    "OPEN_IRRELEVANT",
    "NATURAL_LIST_RATE",
    "NATURAL_REQUEST_RATE",
    "NATURAL_WORD_RATE",
    "fill_request",
    "natural_label",
    "natural_number_text",
    "natural_value_text",
    "pick_request",
    "request_templates",
    "template_params",
    "DISTRACTORS",
    "EASY",
    "EXPERT",
    "GOALS",
    "HARD",
    "IRRELEVANT",
    "IRRELEVANT_DISTRACTORS",
    "Allow",
    "MEDIUM",
    "MULTI",
    "VERBS",
    "Frame",
    "IrrelevantTemplate",
    "MultiFrame",
    "ToolIntent",
    "ToolWordIndex",
    "analyse_tool",
    "content_stems",
    "direct_vp",
    "distractor_clause",
    "fill_object",
    "goal_clause",
    "irrelevant_distractor",
    "is_plural",
    "lexical_families",
    "join_and",
    "param_label",
    "param_mentions",
    "paraphrase_vp",
    "render_args",
    "render_slot",
    "verb_display",
]
