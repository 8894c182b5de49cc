"""A policy document's figures, named places and goals, each row citing the sentence it is from.

Nothing here knows this guideline: figures are numbers with a unit (percent, a currency, a count
of something per so many people), places are capitalised names ending in a word for a place
(City, Park, Zone, Area...), goals are sentences that commit to something (should, will, aim).
What each row measures, groups or commits to is read from the words around it in its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cite:
    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Figure:
    value: str
    unit: str
    measure: str
    status: str
    period: str
    qualifier: str = ""
    equivalent: str = ""
    cite: Cite | None = None


@dataclass(frozen=True)
class Place:
    name: str
    group: str
    role: str
    cites: tuple[Cite, ...] = ()

    @property
    def key(self) -> str:
        return _norm(self.name)


@dataclass(frozen=True)
class Goal:
    goal: str
    deadline: str
    actor: str
    kind: str
    cite: Cite | None = None


@dataclass
class Glance:
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    sentences: list[Cite] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """As ``asdict`` would give, built directly (asdict deep-copies every field, which was
        most of the cost of keeping tables at ingest)."""
        def cite(c: Cite | None) -> dict | None:
            return None if c is None else {"source": c.source, "start": c.start, "end": c.end, "text": c.text}
        return {"figures": [{**{k: getattr(f, k) for k in _FIGURE_FIELDS}, "cite": cite(f.cite)} for f in self.figures],
                "places": [{"name": p.name, "group": p.group, "role": p.role, "cites": [cite(c) for c in p.cites]}
                           for p in self.places],
                "goals": [{**{k: getattr(g, k) for k in _GOAL_FIELDS}, "cite": cite(g.cite)} for g in self.goals],
                "sentences": [cite(c) for c in self.sentences]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Glance":
        def cite(d):
            return Cite(**d) if d else None
        return cls([Figure(**{**f, "cite": cite(f["cite"])}) for f in data.get("figures", [])],
                   [Place(**{**p, "cites": tuple(cite(c) for c in p["cites"])}) for p in data.get("places", [])],
                   [Goal(**{**g, "cite": cite(g["cite"])}) for g in data.get("goals", [])],
                   [Cite(**c) for c in data.get("sentences", [])])


_FIGURE_FIELDS = ("value", "unit", "measure", "status", "period", "qualifier", "equivalent")
_GOAL_FIELDS = ("goal", "deadline", "actor", "kind")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[\w&$%.]+", text.lower()))


# --- figures -------------------------------------------------------------------------------
_MAGNITUDE = r"(?:thousand|million|billion|trillion|bn|m)"
_CURRENCY = r"(?:yuan|renminbi|RMB|dollars|US dollars|euros|pounds|yen)"
_VALUE = re.compile(
    rf"(?P<qual>\b(?:about|around|approximately|roughly|nearly|almost|over|more than|less than|at least|"
    rf"up to|an estimated|estimated|some)\s+)?(?P<cur>[$¥€£])?(?P<num>(?<![\w.,-])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|"
    rf"(?<![\w.,-])\d+(?:\.\d+)?)(?![\w-]|\.\d|,\d)(?P<mag>\s+{_MAGNITUDE}\b)?(?=(?P<rest>[^;]*))", re.I)
_PERCENT = re.compile(r"^\s*(?:percent|per cent|%)(?:\s+of\s+(?P<of>(?:(?!(?:and|with|by|in|of|to|for|while|"
                      r"from|at)\b)[\w&'’-]+\s*){1,4}))?", re.I)
_MONEY = re.compile(rf"^\s*(?P<cur>{_CURRENCY})\b(?:\s*\((?P<eq>[^)]*\d[^)]*)\))?", re.I)
_PER = re.compile(r"^\s*(?P<what>(?:[a-z][\w-]*\s+){0,3}?)per\s+(?P<base>[\d,]+\s+\w+|capita|person|head|year)", re.I)
_COUNT = re.compile(r"^\s*(?P<what>(?:(?!and\b|or\b|of\b|in\b|per\b|to\b|for\b|by\b)[a-z][\w-]*\s*){1,3})", re.I)
_YEAR_LIKE = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DATE_AROUND = re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$", re.I)
_FUTURE = re.compile(r"\b(should|will|shall|must|aims? to|plans? to|targets?|goals?|expected to|is to|are to|"
                     r"strive|by 20\d\d)\b", re.I)
_BY_YEAR = re.compile(r"\b(?:by|before|until|in|through)\s+(?:the\s+end\s+of\s+)?((?:1[5-9]|20)\d\d)\b", re.I)
_RANGE = re.compile(r"\(?\b((?:19|20)\d\d)\s*[-–]\s*(\d\d(?:\d\d)?)\b\)?")
_VERB = re.compile(r"\b(accounts?|accounted|has|have|had|reached|reaches|reach|is|are|was|were|should|will|shall|"
                   r"must|stood|stands|amounts?|totals?|totalled|rose|grew|fell|increased|exceeded|exceeds|hit|"
                   r"remains?|be|kept|hits|stays?)\b", re.I)
_CLAUSE = re.compile(r",\s+|;\s+|:\s+|\s+(?:and|while|whereas|with|but)\s+", re.I)
_LEAD = re.compile(r"^(?:(?:and|but|while|so|the|there|that|a|an|its|their)\s+)+", re.I)
_LINKING = re.compile(r"^(?:be|been|being|is|are|was|were|reach|reached|account|accounts|stand|stood|amount|total|"
                      r"remain|rise|grow|fall|increase|exceed|hit|stay|kept|keep|get|make|makes|made|up)\b", re.I)


def _clause_before(sentence: str, at: int) -> str:
    starts = [m.end() for m in _CLAUSE.finditer(sentence, 0, at)]
    return sentence[starts[-1] if starts else 0:at]


def _measure(sentence: str, at: int, fallback: str, after: str = "") -> str:
    """What the value measures: the clause's subject ("R&D expenditure accounts for 6.3 percent"),
    or, after an action verb, the action itself ("the government will invest 12 billion euros
    in research")."""
    clause = _clause_before(sentence, at)
    verb = _VERB.search(clause)
    subject = clause[:verb.start()] if verb else ""
    if verb:
        following = re.sub(r"^(?:(?:will|should|shall|must|has|have|had|is|are|to|also|further)\s+)+", "",
                           clause[verb.start():].strip() + " ", flags=re.I)
        if following.strip() and not _LINKING.match(following):
            subject = clause.strip() + (" " + after if after else "")
    subject = _LEAD.sub("", subject.strip(" ,;:-")).strip()
    if len(subject.split()) > 10 or subject.lower() in ("there", "it", "this", "that") or not re.search(r"[A-Za-z]", subject):
        subject = ""
    return subject or fallback


def _status_period(sentence: str, date: str | None) -> tuple[str, str]:
    year = (date or "")[:4]
    target = _FUTURE.search(sentence)
    by = _BY_YEAR.search(sentence)
    span = _RANGE.search(sentence)
    if target or (by and year and by.group(1) > year):
        return "target", f"by {by.group(1)}" if by else (f"{span.group(1)}-{span.group(2)}" if span else "")
    if span and not by:
        return "current", f"{span.group(1)}-{span.group(2)}"
    return "current", f"as of {date}" if date else ""


_DIGIT = re.compile(r"\d")


def figures(sentence: Cite, date: str | None) -> list[Figure]:
    text, out, used_until = sentence.text, [], 0
    if not _DIGIT.search(text):
        return out
    for m in _VALUE.finditer(text):
        if m.start() < used_until:
            continue
        num, rest = m.group("num"), m.group("rest")
        if _YEAR_LIKE.match(num) and not m.group("cur") and not _PERCENT.match(rest) and not _MONEY.match(rest):
            continue
        if text[m.start("num") - 1:m.start("num")] in ("(", "-") and _RANGE.match(text[m.start("num") - 6:m.end()]):
            continue
        if _DATE_AROUND.search(text[:m.start("num")]) or re.match(r"\s*(st|nd|rd|th)\b", rest):
            continue
        value = num + (m.group("mag") or "")
        unit, equivalent, width = "", "", 0
        if p := _PERCENT.match(rest):
            of = re.sub(r"\b[\w-]+['’]s\s+", "", _LEAD.sub("", (p.group("of") or "").strip()))
            unit = "percent" + (f" of {of}" if of else "")
            width = p.end()
        elif m.group("cur"):
            unit = {"$": "dollars", "¥": "yuan", "€": "euros", "£": "pounds"}[m.group("cur")]
        elif c := _MONEY.match(rest):
            unit, equivalent, width = c.group("cur"), (c.group("eq") or "").strip(), c.end()
        elif per := _PER.match(rest):
            unit = f"{per.group('what').strip()} per {per.group('base')}".strip()
            width = per.end()
        elif m.group("mag") and (c := _COUNT.match(rest)):
            unit, width = c.group("what").strip(), c.end()
        elif c := _COUNT.match(rest):
            words = c.group("what").split()
            if not words or words[0].lower() in ("percent", "years", "year", "days", "months", "times"):
                continue
            unit, width = " ".join(words), c.end()
        if not unit:
            continue
        used_until = m.start("rest") + width
        status, period = _status_period(text, date)
        qualifier = (m.group("qual") or "").strip()
        tail = re.match(r"\s*((?:in|on|for)\s+(?:(?!(?:during|in|by|on|for|to|the)\b)[\w-]+\s*){1,3})", rest[width:])
        measure = _measure(text, m.start(), unit, tail.group(1).strip() if tail else "")
        out.append(Figure(value=("$" if m.group("cur") == "$" else "") + value, unit=unit, measure=measure,
                          status=status, period=period, qualifier=qualifier, equivalent=equivalent, cite=sentence))
    return out


# --- places --------------------------------------------------------------------------------
_PLACE_HEAD = (r"(?:Science\s+)?(?:City|Cities|Park|Parks|Area|Areas|Zone|Zones|District|Districts|Region|Corridor|"
               r"Town|Valley|Base|Cluster|Hub|Port|Island|Campus|Belt|Park\s+Area|Demonstration\s+Zone)")
_CAP = r"(?:[A-Z][\w&'’.-]*|\([A-Z][\w\s&'’.-]*\))"
_PLACE = re.compile(rf"{_CAP}(?:\s+{_CAP})*\s+{_PLACE_HEAD}\b(?:\s+(?:for|of|on)\s+{_CAP}(?:\s+(?:the|and|of)?\s*{_CAP})*)?"
                    rf"|[A-Z][\w’'.]*(?:-[A-Z][\w’'.]*)+\s+region\b")
_QUOTED = re.compile(r"[\"“]([^\"”]{2,40})[\"”]")
_GROUP_WORD = re.compile(r"\bas\s+(?:being\s+)?(?:the\s+)?(key|main|major|core|leading|important|principal|central)\b",
                         re.I)
_STARTERS = {"the", "in", "on", "at", "by", "officials", "city", "after", "to", "and", "as", "with", "for", "from"}


def _clean_place(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in _STARTERS | {"at", "officials"}:
        words = words[1:]
    return " ".join(words)


_HEAD_WORD = re.compile(rf"\b{_PLACE_HEAD}\b|\bregion\b")


def places(sentence: Cite) -> list[tuple[str, str, str]]:
    """(name, group, role) for every named place in the sentence."""
    text = sentence.text
    if not _HEAD_WORD.search(text):
        return []
    found = [(m.start(), m.end(), _clean_place(m.group(0))) for m in _PLACE.finditer(text)]
    if not found:
        return []
    quoted = _QUOTED.search(text)
    if quoted and quoted.start() < found[0][0]:
        end = text.find(";", quoted.end())
        inside = [f for f in found if end < 0 or f[0] < end]
        role = _role(text, quoted.start(), inside[-1][1])
        return [(name, quoted.group(1).strip() if (a, b, name) in inside else "", role if (a, b, name) in inside
                 else _role(text, a, b)) for a, b, name in found]
    keyed = _GROUP_WORD.search(text)
    if keyed and len(found) > 1:
        group = f"{keyed.group(1).lower()} areas"
    else:
        group = "named together" if len(found) > 1 else ""
    role = _role(text, found[0][0], found[-1][1])
    return [(name, group, role) for _, _, name in found]


_ROLE_START = re.compile(r"^(as|is|are|will|to|should|has|have|would|was|were|which|that|being|leads?|serves?)\b", re.I)


def _role(text: str, first: int, last: int) -> str:
    """What the sentence says the place(s) are for: the words after them when they describe them
    ("as being key in..."), otherwise the words before."""
    after = re.split(r"[;]", text[last:])[0].strip(" ,.-")
    if _ROLE_START.match(after) and len(after.split()) >= 3:
        return after
    before = re.split(r"[;,]\s+", re.sub(r"[\"“”]", "", text[:first]))[-1]
    before = re.sub(r"^(?:(?:and|the|of|in|for|to)\s+)+", "", before.strip(" ,;.-–"), flags=re.I)
    return re.sub(r"(?:\s+(?:and|the|of|in|for|to|a|an))+$", "", before, flags=re.I)


def merge_places(mentions: list[tuple[str, str, str, Cite]]) -> list[Place]:
    """One row per place: a short mention ("Zhongguancun") joins the full name it begins."""
    names = sorted({m[0] for m in mentions}, key=len, reverse=True)
    canonical = {n: next((full for full in names if full != n and full.startswith(n + " ")), n) for n in names}
    rows: dict[str, dict[str, Any]] = {}
    for name, group, role, cite in mentions:
        row = rows.setdefault(canonical[name], {"group": "", "roles": [], "cites": []})
        row["group"] = row["group"] or group
        if role and role not in row["roles"]:
            row["roles"].append(role)
        if cite not in row["cites"]:
            row["cites"].append(cite)
    return [Place(name, r["group"], "; ".join(r["roles"]), tuple(r["cites"])) for name, r in rows.items()]


# --- goals ---------------------------------------------------------------------------------
_COMMIT = re.compile(r"\b(should|will|shall|must|aims? to|plans? to|is to|are to|commit(?:s|ted)? to|strives? to|"
                     r"proposes? that|will see)\b", re.I)
_REPORTING = re.compile(r",?\s*(?:the guideline|officials?|[A-Z]\w+(?: [A-Z]\w+)?) (?:said|says|noted|added)\b.*$")
_ADVERBIAL = re.compile(r"^(?:(?:By|In|Before|After|Until|During|On|At|Thereafter|After that|Meanwhile|Also)\b[^,]{0,60},\s*)+",
                        re.I)
_PERIOD = re.compile(r"\b(?:by|before|until|in|during|through)\s+(?:the\s+)?(?:end of\s+)?(?:(?:1[5-9]|20)\d\d|"
                     r"(?:(?!in\b|during\b|by\b)[\w-]+\s+){0,4}period(?:\s*\([^)]*\))?)", re.I)
_STRATEGIES = re.compile(r"\bstrateg(?:y|ies)\s+(?:is|are|include|includes)\b\s*(?P<items>.+)$", re.I)


_MODAL = re.compile(r"\b(should|will|shall|must|aims? to|plans? to|is to|are to|strives? to)\b", re.I)


def _actor(clause: str) -> str:
    """Who commits: the subject before the modal verb, unless the verb is passive."""
    m = _MODAL.search(clause)
    if not m:
        return ""
    subject = re.sub(r"^.*\bthat\s+", "", clause[:m.start()].strip(" ,"))
    subject = re.sub(r"\s+(?:said|says|noted|added|stated)\s+(?:that\s+)?(?:it|they)$", "", subject)
    subject = _ADVERBIAL.sub("", subject).strip(" ,")
    after = clause[m.end():].lstrip()
    if re.match(r"(also\s+)?(be|been)\b", after, re.I) or not subject or len(subject.split()) > 8:
        return ""
    return subject


def goals(sentence: Cite) -> list[Goal]:
    text = sentence.text
    strategies = _STRATEGIES.search(text)
    if strategies:
        items = [re.sub(r"^(?:and\s+)?(?:the\s+)?", "", i.strip(" .;"), flags=re.I)
                 for i in re.split(r";\s*", strategies.group("items"))]
        if len(items) >= 2:
            return [Goal(i, "", "", "strategy", sentence) for i in items if len(i.split()) >= 2]
    if not _COMMIT.search(text):
        return []
    core = _REPORTING.sub("", text).strip(" ,.")
    period = _PERIOD.search(text)
    deadline = period.group(0) if period else ""
    return [Goal(core, deadline[:1].lower() + deadline[1:], _actor(core), "goal", sentence)]


# --- the document --------------------------------------------------------------------------
def extract(source: str, text: str, spans: list[tuple[int, int]], date: str | None = None) -> Glance:
    """The three tables of one document version, from its sentences (absolute offsets)."""
    glance = Glance()
    mentions = []
    for a, b in sorted(set(spans)):
        cite = Cite(source, a, b, text[a:b])
        glance.sentences.append(cite)
        glance.figures.extend(figures(cite, date))
        mentions.extend((name, group, role, cite) for name, group, role in places(cite))
        glance.goals.extend(goals(cite))
    glance.places = merge_places(mentions)
    return glance
