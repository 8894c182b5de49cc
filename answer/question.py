"""What a question asks for: the kind of answer it expects and the terms the evidence must hold."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from answer.when import When, asked
from retrieval.text import DAY_OF_MONTH, DOCUMENT_NOUN, NUMBER_WORDS, name_phrases, terms, without_name_years, words


# The auxiliaries a question inverts ("how many tasks *does* the plan list?").
AUXILIARIES = r"is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall"


class Kind(str, Enum):
    NUMBER = "number"
    DATE = "date"
    PERSON = "person"
    LIST = "list"
    OTHER = "other"


_KIND_PATTERNS = (
    # "When extensive time is required, this represents what case?": "when" opens a clause there.
    # "What time did Kisorio run?" asks a race's time, no time of day.
    (Kind.DATE, re.compile(r"^(when(?!.*\b(?:what|which|who|how)\b)|what (years?|dates?|day|month|"
                           r"time(?!\s+(?:did|does|do|was|were)\b[^?]*\b(?:run|ran|clock|finish|record|post))|period)|"
                           r"which (years?|dates?|day|month)|by when|(on|in) (what|which) (day|date|month)|"
                           r"since when|in what (year|month)|how long ago)\b|\b(what|which) (years?|dates?)\b|"
                           r"\bby when\b")),
    # "What is the base level of the BSE 50 Index?", "What is the daily price limit …?": a measure,
    # named after up to two words that say which.
    (Kind.NUMBER, re.compile(r"\bhow (many|much|large|big|high|far|long|old|often|fast|quickly|deep|tall|wide|heavy)\b|"
                             r"\b(what|which) "
                             r"(?:(?:is|was|are|were) )?(?:the )?(?:(?!(?:type|kind|sort|name)\b)[\w'’-]+ ){0,2}?"
                             r"(percentage|percent|share|proportion|number|amount|rate|ratio|figure|value|size|total|"
                             r"level|price|cost|capacity|limit|gdp|population|revenue|spending|budget|"
                             r"(?<=winning )time)\b|"
                             r"\b(percentage|percent|how much|rate|ratio)\b")),
    (Kind.PERSON, re.compile(r"^(who|whom|whose)\b|\b(who|whom|whose) (is|was|are|were|did|has|leads|heads)\b")),
    (Kind.LIST, re.compile(r"^(list|name|enumerate)\b|\b(what|which) (are|were) the\b|\b(all|two|three|four|five|"
                           r"several|main|key) (\w+ )?(zones|areas|parks|cities|strategies|goals|fields|sectors|"
                           r"items|places|regions|steps|measures)\b|\b(which|what) (\w+ )?(areas|zones|parks|cities|"
                           r"strategies|fields|sectors|places|regions)\b")),
)

# Questions that ask for an account rather than one fact: answered with several sentences.
_ACCOUNT = (r"(role|impact|effect|influence|advantage|benefit|challenge|finding|contribution|modification|change|"
            r"improvement|enhancement|methodology|method|approach|strategy|process|procedure|purpose|goal|aim|"
            r"motivation|significance|characteristic|aspect|feature|property|idea|insight|implication|limitation|"
            r"difference|validation|evidence|rationale|reason|mechanism|principle|criteri(on|a)|lesson)s?")
# A noun that asks for an account, not for a measure ("the effect of the crash").
ACCOUNT_WORD = re.compile(rf"^{_ACCOUNT}$", re.I)
_EXPLAIN = re.compile(r"^(how|why|describe|explain|discuss|summari[sz]e|outline|in what ways?)\b|"
                      r"\b(how|why) (does|do|did|is|are|was|were|can|could|should|would)\b|\b(describe|explain|discuss)\b|"
                      rf"^(what|which) ((is|are|was|were) )?(the )?(\w+ ){{0,2}}{_ACCOUNT}\b")

# "the Chinchilla paper", "according to the 2021 Guideline": the question names a document.
_DOCUMENT = re.compile(r"\b(?:the|in|from|according to)\s+((?:[A-Z0-9][\w'’&.-]*\s+){1,4}"
                       r"(?i:paper|report|study|article|guideline|plan|document|release|white ?paper)s?)\b")

# "the latest figures" asks for the newest document; "first" and "last" do only of a document
# ("the first report"), not of a thing in one ("the first robot half marathon", "last year").
_NEWEST = re.compile(rf"\b(latest|newest|most recent|updated|current version|new version)\b|"
                     rf"\b(later|last)\s+(?:[\w-]+\s+){{0,2}}?{DOCUMENT_NOUN}\b")
_OLDEST = re.compile(rf"\b(earliest|oldest|previous version|old version)\b|"
                     rf"\b(first|original|earlier)\s+(?:[\w-]+\s+){{0,2}}?{DOCUMENT_NOUN}\b")

# "What ... and why?", "..., and how does it compare": two questions in one want an account.
_COMPOUND = re.compile(r"\b(and|or) (why|how|what|which|in what)\b")

# Words that frame a question rather than name its topic: their absence from the corpus says
# nothing about whether the corpus answers it.
FRAMING = frozenset(terms(
    "happen happened happening mention mentioned mentions say says said talk talks describe described explain "
    "explained mean means meant called call named regard regarding concern concerning role kind type sort "
    "thing things stuff anything something info information detail details know tell show shown find "
    "according document guideline text article write written plan plans goal goals main key "
    "now today current currently presently nowadays moment target targets aim aims objective objectives"))

# Capitalised words after the first: names of places, people, organisations.
_PROPER = re.compile(r"(?<=[\w,;:)] )(?!I\b)[A-Z][\w&'’.-]*")
# "R&D", "CSA": names the evidence may write out in full.
_ACRONYM = re.compile(r"\b(?:[A-Z]&[A-Z]|[A-Z]{2,6})\b")
# Counts and ranks a question can swap ("the three integer responses" for the two); "one" and
# "two" are left out, as texts often list two things without saying "two".
COUNT_WORDS = {w: str(n) for w, n in NUMBER_WORDS.items() if n >= 3}
RANK_WORDS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
# A statement that something is not so (in evidence and in generated answers alike).
# "fails to sort", "refuses to correct it": a verb that says something is not done.
NEGATION = re.compile(r"\b(not|never|no|none|nor|without|neither|cannot|unable|fail(?:s|ed|ing)? to|"
                      r"refus(?:e|es|ed|ing) to)\b|n't\b", re.I)
_NUMBER = re.compile(r"\d")
_NEGATED = re.compile(r"\b(not|never|cannot)\b|n't\b")
# "whether or not", "may or may not": both sides asked, so nothing is said not to be so.
_EITHER_WAY = re.compile(r"\bor (\w+ )?not\b")
# "SQuAD v1.1, v2.0 and v13.5", "GPT-3, Chinchilla, and PaLM": members asked about together.
_ITEM = r"[\w.’'-]+"
_LISTED = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM})+\s*,?\s+(?:and|or)\s+{_ITEM}")
_MEMBER_BREAK = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


@dataclass(frozen=True)
class Question:
    text: str
    kind: Kind
    terms: tuple[str, ...]
    years: frozenset[str]
    numbers: frozenset[str]
    asks_metadata: bool
    names: tuple[str, ...] = ()
    negated: bool = False
    phrases: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    acronyms: frozenset[str] = frozenset()
    explains: bool = False
    documents: tuple[str, ...] = ()  # documents the question names ("Chinchilla paper", "2021 Guideline")
    recency: int = 0  # 1: the newest document is meant ("the latest report"), -1: the oldest
    when: When | None = None  # the time asked about, if the question says one
    context: tuple[str, ...] = ()  # terms of the conversation that rank evidence without being required of it
    lists: tuple[tuple[str, ...], ...] = ()  # members named together ("v1.1, v2.0 and v13.5")

    @property
    def topic_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if t not in FRAMING)


_SCOPE = re.compile(r"\s*(?:according to|in|under|from|for|based on|per)\b[^,?]{0,120},", re.I)


def _kind(lowered: str) -> Kind:
    return next((k for k, pattern in _KIND_PATTERNS if pattern.search(lowered)), Kind.OTHER)


def analyse(text: str) -> Question:
    said = words(text)
    lowered = " ".join(said)
    kind = _kind(lowered)
    scope = _SCOPE.match(text)
    if kind is Kind.OTHER and scope:
        # "According to the report on the opening, who spoke …?": the question starts after its scope.
        kind = _kind(" ".join(words(text[scope.end():])))
    years = frozenset(YEAR.findall(without_name_years(text)))
    # "reported on 1 May 2020": the day is part of a date the document's own date may give.
    numbers = frozenset(w.replace(",", "") for w in words(DAY_OF_MONTH.sub(" ", text)) if _NUMBER.match(w)) - years
    asks_metadata = bool(re.search(r"\b(title|headline|published|source|date of|dated|who wrote|author)\b", lowered))
    when = asked(text)
    return Question(text=text, kind=kind, terms=tuple(dict.fromkeys(terms(text))), years=years,
                    numbers=numbers, asks_metadata=asks_metadata, when=when,
                    negated=bool(_NEGATED.search(_EITHER_WAY.sub("", lowered))),
                    names=tuple(dict.fromkeys(t for m in _PROPER.findall(text) for t in terms(m))),
                    phrases=name_phrases(text),
                    counts=tuple(dict.fromkeys(w for w in said if w in COUNT_WORDS or w in RANK_WORDS)),
                    acronyms=frozenset(t for m in _ACRONYM.findall(text) for t in terms(m)),
                    lists=tuple(tuple(_MEMBER_BREAK.split(m)) for m in _LISTED.findall(text)),
                    recency=1 if _NEWEST.search(lowered) else -1 if _OLDEST.search(lowered) else 0,
                    documents=tuple(dict.fromkeys(m.strip() for m in _DOCUMENT.findall(text)
                                                  if re.search(r"[A-Za-z]", m.rsplit(" ", 1)[0]))),
                    explains=kind in (Kind.OTHER, Kind.LIST) and bool(_EXPLAIN.search(lowered) or _COMPOUND.search(lowered)))
