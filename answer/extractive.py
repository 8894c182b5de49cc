"""The offline answerer: no LLM, the answer is the retrieved sentence(s) that answer the question.

Every sentence of the top passages is scored on meaning (embedding similarity), on how much of
the question's rare vocabulary it holds, and on whether it holds the kind of thing asked for
(a figure, a date, a name). It abstains by coverage: when a rare or decisive term of the
question (a year, a place, a topic word) is missing from the best evidence, that evidence is
about something else, however similar it sounds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from langchain_core.embeddings import Embeddings

from answer.announced import as_hit, parts
from answer.opposites import contradiction, opposites
from answer.question import ACCOUNT_WORD, AUXILIARIES, COUNT_WORDS, FRAMING, NEGATION, YEAR, Kind, Question
from answer.when import When, asks_future_time, dated_months, mismatch, other_period, periods, times
from answer.when import asked as time_asked
from answer.swaps import quantity_mismatch, swapped_word, unranked_superlative
from prompts import load_prompt
from retrieval.hybrid import Hit
from retrieval.keyword import KeywordIndex
from retrieval.text import (ANAPHOR, DAY_OF_MONTH, LIST_ITEM, MONTH, NUMBER_WORDS, PLACE_NOUN, STOPWORDS, TABLE_ROW,
                            TABLE_RULE, antecedent, relative_years, terms, without_name_years, words,
                            years_not_spoken_of, years_since, years_spoken_of)
from schema import Passage
from settings import Settings

# "One" counts only before what it counts ("one new bridge"), not in "in one ecosystem" or "one of them".
_NUMBER_WORDS = re.compile(r"\b(\d|(?<!\bin )(?<!\binto )(?<!\bas )(?<!\bat )one(?! of\b)|two|three|four|five|six|"
                           r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|"
                           r"billion|trillion|dozen|half|percent|single|both|"
                           r"zero|once|twice)\b", re.I)
# An ordinal is a day only beside a month ("the 19th launch" is no date; "March 21st" is one by its month).
_DATE = re.compile(rf"\b(1[0-9]\d\ds?|20\d\ds?|century|centuries|{MONTH}|spring|summer|autumn|winter|decade)\b")
# "one new line a year", "1.5 million passengers a day": a rate after what it counts, no duration
# ("took a year", "for a day" are durations).
_RATE = re.compile(r"(?<=[a-z] )(?<!\btook )(?<!\btake )(?<!\bfor )(?<!\bin )(?<!\bover )(?<!\babout )(?<!\bjust )"
                   r"(?<!\bonly )(?<!\bhalf )(?<!\bthan )(?<!\bnearly )(?<!\balmost )(?<!\bwithin )(?<!\btakes )"
                   r"\b(?:a|an|per|each|every)\s+(?:year|month|week|day|hour)\b")
# Words that place an event in time without a date: a weekday, a deictic word, a clause of another
# event ("after the war"), a period. A "when" question answered by a sentence with none of these
# nor a date is answered by something else ("Hu Fangfang … took part in drafting the regulations").
_TIME_WORDS = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|"
                         r"tonight|now|ago|recently|earlier|later|since|until|till|after|before|during|when|while|"
                         r"once|following|period|year|month|week|day|era|age|times?|dynasty|reign)\b", re.I)
# "What specific changes...", "which particular model...": how precise an answer is wanted, not
# a property of the thing asked about; "specific" has no opposite in the evidence.
_REQUEST_ADJECTIVE = re.compile(r"\b(what|which)\s+(?:specific|particular|exact|precise|detailed|main|key|primary|"
                                r"overall|general)\b", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
# A sentence may open with a person's name when a role or a verb of saying follows: "Yin Yong,
# mayor of Beijing, said …".
_LEADING_NAME = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+(?=,\s+[a-z]|\s+(?:said|says|told|added|noted)\b)")


def _kin(name: str, context: set[str]) -> bool:
    """A longer or shorter form of a name the evidence holds ("Californian" / "California")."""
    return any(min(len(name), len(t)) >= 6 and (t.startswith(name) or name.startswith(t)) for t in context)


def _holds_name(phrase: str, said_run: str, title: set[str]) -> bool:
    """Whether the evidence writes the name: whole, or its last two words or more in a document
    whose title holds the words before them ("the Central Axis" in "Beijing makes progress in its
    Central Axis bid" is the Beijing Central Axis; "Santa Barbara" is not "Greater Santa Barbara",
    nor "Tim Curran" "Rob Curran")."""
    said = phrase.split()
    if f" {phrase} " in said_run:
        return True
    return any(f" {' '.join(said[k:])} " in said_run and set(said[:k]) <= title for k in range(1, len(said) - 1))


def _written_out(words: tuple[str, ...], vocabulary: set[str]) -> bool:
    """A document holds an acronym another defines when it writes all of the acronym's words."""
    return bool(words) and set(words) <= vocabulary


_JOINS = frozenset(("and", "of", "for", "the", "&"))


def _spelled_out(acronym: str, said: list[str]) -> bool:
    """The evidence writes the acronym out: "R&D" as "research and development", "CSA" as
    "Combined Statistical Area"; words may be joined by "and", "of", "for", "the". An "&" must be
    written as "and" ("rapid development" is no R&D)."""
    letters = [c for c in acronym if c.isalpha()]
    needs_and = "&" in acronym
    for start, word in enumerate(said):
        if word[:1] != letters[0]:
            continue
        found, at, joined = 1, start + 1, False
        while found < len(letters) and at < len(said):
            if said[at] in _JOINS:
                joined = joined or said[at] in ("and", "&")
                at += 1
            elif said[at][:1] == letters[found]:
                found, at = found + 1, at + 1
            else:
                break
        if found == len(letters) and (joined or not needs_and):
            return True
    return False


def _vector(c: "Candidate"):
    """The candidate sentence's own vector (sentence vectors follow the chunk's in the row)."""
    j = c.hit.row.sentences.index(c.span) if c.span in c.hit.row.sentences else -1
    return c.hit.row.vectors[j + 1] if j >= 0 and c.hit.row.vectors is not None else c.hit.row.vectors[0]


_ASKED_ROLE = re.compile(r"^[Ww]ho\s+(?:is|was|are|were|will be|has been)\s+"
                         r"(?:the\s+|its\s+|their\s+|[\w'’]+['’]s\s+)?"
                         r"((?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)(?=\s+(?:of|at|for|in|on)\b|\s*\?|\s*$)")
_PERSON_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}"
# "Who is Lan Bincai?" asks what stands beside the name, in the sentence that writes it.
_ASKED_IDENTITY = re.compile(r"^\s*[Ww]ho\s+(?:is|was)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*\??\s*$")
# "How many people were relocated …?": the count of what was done to something, by its participle.
_DONE_TO = re.compile(r"^how many\b[^?]*?\b(?:were|was|have been|has been|had been|will be|are|is)\s+"
                      r"([a-z]{3,}ed|(?!(?:given|taken|seen|gotten|driven|ridden)\b)[a-z]{3,}en)\b", re.I)
# A role under or beside the one asked: "deputy director" is not "director".
_UNDER_ROLE = r"(?:deputy|vice|assistant|associate|former|acting|honorary|executive)"


# Verbs and particles that carry no event of their own ("take place", "go up against").
_LIGHT = frozenset(terms("take took taken place go went gone come came make made get got do did done have had give "
                         "gave put set up out off"))


def asked_event(question: Question) -> set[str]:
    """What a "when" or "who" question asks the time or the person of, in its terms: "finish" in
    "When was Big Air Shougang finished?" (the words that are not names, years or framing)."""
    if question.kind not in (Kind.DATE, Kind.PERSON):
        return set()
    return set(question.topic_terms) - set(question.names) - question.years - FRAMING - _LIGHT


def holds_event(event: set[str], held: set[str]) -> bool:
    """Whether a sentence says what the question asks the time or person of: a term of it, or
    a form sharing its first four letters ("invasion" for "invade")."""
    return not event or any(t in held or any(len(t) >= 4 and len(h) >= 4 and h[:4] == t[:4] for h in held)
                            for t in event)


def asked_role(question: str) -> str:
    """The role a "who is the …" question names, in its words: "general manager"."""
    match = _ASKED_ROLE.match(question.strip())
    return match.group(1) if match else ""


def apposes(text: str, role: str) -> bool:
    """Whether the sentence sets a person's name right beside the role: "Sui Qiang, general
    manager of …", "the bureau's deputy director, Kong Lei" (not "Li Yongchun, deputy general
    manager" for the general manager)."""
    for match in re.finditer(rf"\b{re.escape(role)}\b", text, re.I):
        if (re.search(rf"{_PERSON_NAME},\s+(?:the\s+|its\s+)?$", text[:match.start()])
                or re.match(rf",?\s+{_PERSON_NAME}\b", text[match.end():])):
            return True
    return False


def _narrowed(question: str, cands: list["Candidate"]) -> list[tuple[str, str]]:
    """(modifier, word) for each pair of the question's words that a retrieved sentence also
    writes together ("basic research"): there the modifier narrows the word, and a sentence with
    the word alone ("… on research and development") speaks of the wider thing. Not so "the
    plan" after "an action plan": a definite description names the same thing shorter (see
    ``_wider``)."""
    said = re.findall(r"[^\W\d_]+|[^\w\s]|\d\S*", question)
    # Capitalised words are a name's, and "the exchange" is the Beijing Stock Exchange.
    pairs = [(a, b) for a, b in zip(said, said[1:]) if a.isalpha() and b.isalpha() and a.islower()
             and b.islower() and a not in STOPWORDS and b not in STOPWORDS]
    if not pairs:
        return []
    said_runs = " ".join(f" {' '.join(words(c.text))} " for c in cands)
    found = []
    for a, b in pairs:
        modifier, word = terms(a), terms(b)
        if modifier and word and f" {a} {b} " in said_runs:
            found.append((modifier[0], word[0]))
    return found


_DEFINITE_HEAD = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+([\w-]+)(?:\s+([\w-]+))?", re.I)


def _wider(c: "Candidate", modifier: str, head: str) -> bool:
    """Whether the sentence holds the word without its modifier, and not as a definite description."""
    if head not in c.terms or modifier in c.terms:
        return False
    return not any(head in terms(f"{m.group(1)} {m.group(2) or ''}") for m in _DEFINITE_HEAD.finditer(c.text))


def _held_before(c: "Candidate", word: str) -> bool:
    """Whether the sentence holds ``word`` only through the earlier sentence it refers back to,
    or its document's title: "the new stock exchange" in "Xu Ming to head the Beijing Stock
    Exchange" is the Beijing one."""
    asked = set(terms(word))
    return bool(asked) and asked <= (c.terms | set(terms(c.hit.row.title or ""))) and not asked & set(terms(c.text))


@dataclass
class Candidate:
    rank: int
    hit: Hit
    span: tuple[int, int]
    text: str
    terms: set[str]
    dense: float = 0.0
    coverage: float = 0.0
    context_coverage: float = 0.0
    conversation: float = 0.0
    fit: float = 0.0
    tense: float = 0.0
    score: float = 0.0
    # A table row's values with their column's label: "8,000 Hectares" for "… | 8,000" under
    # "Wetland | Hectares" (what the unit checks read; the row is quoted as it stands).
    labelled: str = ""

    @property
    def measured(self) -> str:
        return self.labelled or self.text


@dataclass(frozen=True)
class Draft:
    """An answer before the assistant shows it; an abstention has no text (the assistant words
    the refusal for the collection it serves)."""

    text: str
    abstained: bool
    citations: list[Passage] = field(default_factory=list)
    reason: str = ""
    verification: dict | None = None
    notice: str = ""
    caveat: str = ""  # a sentence every backend's answer ends with ("Nothing … mentions v13.5.")


# The unit a quantity question asks for, and how a sentence gives a value in it: a share is a
# percentage of something, a sum of money has a currency, an area square units, a length or
# duration its units. A sentence with only another kind of number does not fit ("10,000 in
# 2024" is no answer to "how much did Zhongguancun spend"); spending given as a share of GDP
# fits half as well as a sum.
# A share may also stand beside its whole: "4,430 projects, or 63.0 percent", "accounting for 8.4
# percent". A sum may name its currency's country or code: "17.41 billion US dollars", "CNY 1.3 trillion".
_SHARE = re.compile(r"\d\s*(?:%|per ?cent)\s+of\b|\b(?:share|proportion)\b|"
                    r"\b(?:or|accounting for|accounted for|account for|made up|making up|makes up|"
                    r"represent(?:s|ed|ing)?)\s+(?:(?:about|around|nearly|almost|over|some|roughly|more than|"
                    r"less than)\s+)?\d[\d.]*\s*(?:%|per ?cent)|"
                    r"\b(?:a|one|two|three|four)[\s-](?:half|third|quarter|fifth|tenth)s?\s+of\b|\bhalf\s+of\b", re.I)
_MONEY = re.compile(r"(?:[$€£¥]\s?\d|\b(?:CNY|RMB|USD|EUR|GBP|JPY|HKD)\s?\d|"
                    r"\d[\d.,]*\s*(?:(?:million|billion|trillion|thousand)\s+)?"
                    r"(?:(?:US|U\.S\.|American|Hong Kong|Singapore|Australian|Canadian|New Taiwan)\s+)?"
                    r"(?:yuan|dollars?|euros?|pounds?|yen|rupees?|RMB|USD)\b)", re.I)
# ("750m", not "$5m dollars")
_LENGTH = (r"kilomet(?:er|re)s?|km|miles?|(?:centi|milli)?met(?:er|re)s?|cm|mm|"
           r"m(?!\w)(?!\s+(?:yuan|dollars?|euros?|pounds?|US\b))|feet|ft|inch(?:es)?")
# "28 million kilometres", "a 21.0975-kilometre course": a number, its scale, its unit.
_AMOUNT = (r"(?:\d[\d.,]*[\s-]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|several|few)[\s-]+)"
           r"(?:and\s+a\s+half\s+)?(?:(?:hundred|thousand|million|billion)\s+)?")


@dataclass(frozen=True)
class Unit:
    """How a sentence gives a value in the unit a question asks for (``given``), and a value
    that answers it less directly (``also``: spending "kept at 6 percent of the GDP")."""

    asks: re.Pattern
    given: re.Pattern
    also: re.Pattern | None = None

    def fit(self, text: str) -> float:
        text = _RATE.sub(" ", DAY_OF_MONTH.sub(" ", text))
        return 1.0 if self.given.search(text) else 0.5 if self.also and self.also.search(text) else 0.0


_AUXILIARY = r"(?:did|does|do|has|have|had|is|was|were|are|will|would|can|could|should|went|goes|go)"
_MONEY_WORDS = (r"(?:money|fund\w*|capital|invest\w*|revenue|cash|subsid\w*|spen\w*|budget\w*|financ\w*|yuan|"
                r"dollars?|pa(?:y|id)\w*|cost\w*|price\w*|income|profit\w*|salar\w*|wages?|tax\w*|loans?|grants?|"
                r"expenditure|gdp|output|sales|turnover|worth|rent\w*|fees?|charges?|fines?|rewards?|prizes?|bonus\w*|"
                r"compensation|debts?|aid|donations?|assets?|deposits?|savings?|credits?|premiums?|tuition)")
_UNITS = (
    # "How much did Beijing invest?", "How much funding was raised?" ask a sum; "How much water
    # has Beijing received?" asks an amount of water, whatever the verb.
    Unit(re.compile(rf"\bhow much\b(?!\s+(?:(?!{_AUXILIARY}\b|{_MONEY_WORDS}\b)[\w-]+\s+){{1,4}}{_AUXILIARY}\b)"
                    r"(?!.*\b(?:percent|share|proportion|more|less|higher|lower|faster|rise|grow|increase|"
                    r"fall|drop)\b).*\b(spen[dt]|cost|invest|fund|budget|pa(?:y|id)|earn|revenue|worth|price|money|"
                    r"expenditure|receiv|raise|allocat|ticket|fare|fee|rent|charge|fine|subsid|grant|salar|wage|"
                    r"prize|reward|bonus|tuition|loan|compensation)", re.I), _MONEY, also=_SHARE),
    # "What was Beijing's GDP in 2024?", "What is the total cost of the project?" ask a sum, not
    # its growth ("grew 5.2 percent").
    Unit(re.compile(r"^(?:what|which)\b(?!.*\b(?:percent|share|proportion|growth|grow|rise|increase|fall|drop|"
                    r"change|rate)\b).*\b(gdp|revenue|budget|spending|expenditure|turnover|cost)\b", re.I),
         _MONEY, also=_SHARE),
    # "How much electricity did the piles give?" asks an amount of energy: "1.20 billion kilowatt-hours"
    # (less directly a share: "expected to save more than 40 percent of the energy").
    Unit(re.compile(r"\bhow much (?:electricity|electric power|power|energy)\b", re.I),
         re.compile(rf"{_AMOUNT}(?:[kmgt]wh|(?:kilo|mega|giga|tera)?watt[\s-]?hours?)\b", re.I), also=_SHARE),
    # "How much land do the parks occupy?", "How much green space will Beijing gain?" ask an area.
    Unit(re.compile(r"\b(?:what|which) (?:is the )?(?:land )?area\b|\bhow many square\b|"
                    r"\bhow much (?:[\w-]+ )?(?:land|space|ground|area|wetlands?|forests?|farmland|grassland)\b", re.I),
         re.compile(r"\d[\d.,]*[\s-]*(?:(?:million|thousand)\s+)?(?:(?:more|additional|extra|new)\s+)?"
                    r"(?:square|sq\b|km2|km²|m2|m²|hectares?|acres?|mu\b)",
                    re.I)),
    # "How big is the zone?" asks a size: an area, less directly a sum ("how large is the fund?")
    # or any other amount; not "the two zones" nor "the third anniversary".
    Unit(re.compile(r"\bhow (?:big|large)\b|\bwhat size\b", re.I),
         re.compile(rf"{_AMOUNT}[\s-]*(?:square|sq\b|km2|km²|m2|m²|hectares?|acres?|mu\b)", re.I),
         re.compile(_MONEY.pattern + r"|(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d.,]*|"
                    r"\b(?:hundreds?|thousands?|millions?|billions?|dozens?)\b", re.I)),
    Unit(re.compile(r"\bhow (?:long|old)\b", re.I),
         re.compile(rf"{_AMOUNT}(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
                    rf"{_LENGTH})\b", re.I)),
    # A distance may be told as a journey's time: "about 40 minutes' drive".
    Unit(re.compile(r"\bhow (?:far|tall|high|deep|wide)\b", re.I),
         re.compile(rf"{_AMOUNT}(?:{_LENGTH}|inch(?:es)?|cm|mm)\b", re.I),
         re.compile(rf"{_AMOUNT}(?:minutes?|hours?|days?)['’]?\s+(?:drive|walk|ride|flight|journey|by)\b", re.I)),
    # Last: "For how long is trading stopped when a share's price moves by 30 percent?" asks a
    # duration; the share is the question's condition.
    Unit(re.compile(r"\b(share(?!['’]s)|proportion|percentage|per ?cent|% of|fraction)\b", re.I), _SHARE),
)


def asked_unit(question: Question) -> Unit | None:
    """The unit the question asks for, if it names one."""
    return _unit_of(question.text)


@lru_cache(maxsize=1024)
def _unit_of(text: str) -> Unit | None:
    return next((unit for unit in _UNITS if unit.asks.search(text)), None)


_TYPED = (Kind.NUMBER, Kind.DATE, Kind.PERSON)
_MEASURED_YEAR = re.compile(rf"\b((?:1[5-9]|20)\d\d)\s+(?:{_LENGTH}|square|hectares?|tonnes?|tons?|yuan|dollars?|"
                            r"euros?)\b", re.I)


_NONE = re.compile(r"\b(?:no|zero)\s+((?:[\w-]+\s+){0,3}[\w-]+)", re.I)
_REQUIRED = frozenset(terms("requirement limit threshold minimum cap fee charge cost restriction"))


def says_none(text: str, question: Question) -> bool:
    """Whether the sentence answers "how much" with nothing: "Institutional investors face no
    requirement on their capital" ("How much capital do institutional investors need?"): "no"
    before a requirement or a word of the question."""
    asked = set(question.terms)
    return any(set(terms(m.group(1))) & (asked | _REQUIRED) for m in _NONE.finditer(text))


# A period's years ("the 14th Five-Year Plan period (2021-25)") are no figure either.
_PERIOD = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:(?:19|20)\d\d|\d\d)\b")


def type_fit(kind: Kind, text: str, question: Question, held: set[str] | None = None) -> float:
    """How well the sentence gives a value of the kind asked, 0 to 1; ``held`` are the words the
    sentence speaks of, its own and those of the sentence it refers back to ("Of these, 4,300
    have been installed" counts the stations named before)."""
    if kind is Kind.NUMBER:
        # The day of a date is no figure: "listed on September 24, 2020" says how big nothing is;
        # "2000 kilometres" is one, not a year.
        numbers = {w for w in terms(_PERIOD.sub(" ", DAY_OF_MONTH.sub(" ", text)))
                   if w[:1].isdigit() and not YEAR.fullmatch(w)}
        numbers |= set(_MEASURED_YEAR.findall(text))
        numbers -= question.numbers | question.years
        none = 0.5 if says_none(text, question) else 0.0
        # "the 14th Five-Year Plan" is no figure where the question names it too.
        asked = set(words(question.text))
        if not (numbers or any(m.group(0).lower() not in asked for m in _NUMBER_WORDS.finditer(text))):
            return none
        unit = asked_unit(question)
        fit = 1.0 if unit is None else unit.fit(text) or none
        # "How many days did it take?" is answered by a number of days before any other number.
        return fit if holds_counted(question, held if held is not None else set(terms(text))) else fit / 2
    if kind is Kind.DATE:
        # "When did the 2024 forum run?" is not answered by "The forum was founded in 2007": a
        # year is an answer only where the question names no other one.
        asked = question.text.lower()
        return 1.0 if any(m.group(0).lower() not in asked and not (question.years and YEAR.fullmatch(m.group(0)))
                          for m in _DATE.finditer(without_name_years(text))) else 0.0
    if kind is Kind.PERSON:
        names = [m for m in _NAME.findall(text) + _LEADING_NAME.findall(text)
                 if not set(terms(m)) <= set(question.terms)]
        return 1.0 if names else 0.0
    if kind is Kind.LIST:
        return 1.0 if len(_NAME.findall(text)) >= 2 or text.count(",") >= 2 else 0.0
    if _ASKS_PLACE.match(question.text):
        # "Where did country parks originate?" is answered by a sentence that names a place the
        # question does not ("began in Hong Kong"), before one that only repeats its words.
        asked = set(question.terms)
        return 1.0 if any(not set(terms(m)) <= asked and not _CALENDAR.match(m) for m in _PLACE.findall(text)) else 0.0
    return 0.0


_ASKS_PLACE = re.compile(r"\s*(?:where|from where|in (?:which|what) (?:city|cities|district|province|country|place|"
                         r"area|region|county|town|street|part|village|neighbou?rhood))\b", re.I)
_PLACE = re.compile(r"\b(?:in|at|from|near|to|on|into|along|inside|outside|beside|around)\s+(?:the\s+)?"
                    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_CALENDAR = re.compile(rf"(?:{MONTH}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)


# A comma before a number goes on with the figure ("2 hours, 40 minutes and 42 seconds"), and one
# around a date with the clause it dates ("the busiest day, Oct 2, brought 175,000").
_CLAUSE_BREAKS = {Kind.NUMBER: re.compile(rf";\s+|(?<!\d),\s+(?!\d)(?!{MONTH}\.?\s+\d)"),
                  Kind.DATE: re.compile(r";\s+"), Kind.PERSON: re.compile(r";\s+")}


# A sentence that tells what is so: "has grown … to 65 percent".
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b", re.I)
# "84 percent now meet the standard, against only 7 percent in the past": a sentence that sets a
# value now against an earlier one answers "… before sorting became mandatory?" with the clause that
# holds the earlier value, and "… now?" with the other.
_EARLIER = re.compile(r"\b(?:before|previously|in the past|earlier|used to|formerly|a year ago|prior to)\b", re.I)
_NOW = re.compile(r"\b(?:now|currently|today|at present)\b", re.I)


def shortest_answering_span(c: Candidate, question: Question) -> tuple[int, int]:
    """The shortest run of clauses of the sentence that keeps every question term the sentence
    holds and, for a typed question, a value of the asked type: a direct answer, quoted exactly."""
    text = c.text
    breaks = _CLAUSE_BREAKS.get(question.kind)
    if breaks is None:
        return c.span
    cuts = [0] + [m.end() for m in breaks.finditer(text)] + [len(text) + 1]
    if len(cuts) <= 2:
        return c.span
    needed = set(question.topic_terms or question.terms) & c.terms
    asked_time = next((t for t in (_EARLIER, _NOW) if t.search(question.text)), None)
    if not (_EARLIER.search(text) and _NOW.search(text)):
        asked_time = None
    best = (0, len(text))
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            piece = text[cuts[i]:cuts[j] - 1 if j < len(cuts) - 1 else len(text)]
            if len(piece) >= best[1] - best[0]:
                break
            if (needed <= set(terms(piece)) and type_fit(question.kind, piece, question)
                    and (asked_time is None or asked_time.search(piece))):
                best = (cuts[i], cuts[i] + len(piece))
                break
    a, b = best
    piece = text[a:b].rstrip(" ,;:-–—")
    return c.span[0] + a, c.span[0] + a + len(piece)


# "How many invention patents per 10,000 people …", "how many visitors attended …": the words of
# what is counted, up to a verb (an auxiliary or a past form) or a preposition; its last word is
# the head noun.
_COUNTED = re.compile(r"\bhow many\s+(?!(?:the|a|an|of)\b|times\s+(?:[a-z]+er|more|less|as|over)\b)"
                      r"((?:[\w'-]+\s+){0,3}?[\w'-]+?)"
                      rf"(?=\s+(?:{AUXILIARIES}|per|of|in|on|at|for|from|to|by|with|that|which|who|there|"
                      r"[a-z]{2,}ed)\b|\s*\?|$)|"
                      # "How many tourists visit the axis?": a plural before a verb in the present.
                      r"\bhow many\s+(?!(?:the|a|an|of)\b|times\b)((?:[\w'-]+\s+){0,2}(?:[\w'-]+s|people|children|men|"
                      r"women|staff))(?=\s+[a-z])",
                      re.I)


# "How much does a kilogram of hydrogen cost?": what a sum is asked of, up to "of" or the verb.
_PRICED = re.compile(r"\bhow much\s+(?:does|did|do|is|was|were|will|would)\s+(?:(?:the|a|an|one|each)\s+)?"
                     r"((?:[\w'-]+\s+){0,2}?[\w'-]+?)(?=\s+(?:of|cost|costs|weigh|weighs|sell|sells|earn|earns|pay)\b)",
                     re.I)
# "How long does the express train to the airport take?": what a duration is asked of.
_TIMED = re.compile(r"\bhow long\s+(?:does|did|do|will|would)\s+(?:(?:the|a|an|each)\s+)?"
                    r"((?:[\w'-]+\s+){0,2}?[\w'-]+?)(?=\s+(?:to|from|take|takes|last|lasts|run|runs|of|in|on)\b)", re.I)
_NUMERAL = re.compile(rf"(?:\d[\d,.]*|{'|'.join(NUMBER_WORDS)}|(?:twenty|thirty|forty|fifty|sixty|seventy|"
                      r"eighty|ninety)(?:-\w+)?|hundreds?|thousands?|millions?|billions?|dozens?|single|both)", re.I)
_TOKEN = re.compile(r"[\w'’.-]+|[,;:]")
_PLURAL = re.compile(r"[\w'-]*[^su\W]s|people|children|men|women|staff", re.I)


# "This year, …", "These projects …": a determiner before its noun, no pronoun standing for a name.
_DETERMINER = re.compile(r"(?:This|That|These|Those|Such)\s+(?!is\b|was\b|are\b|were\b|has\b|have\b|had\b|will\b)"
                         r"[a-z]")


def with_antecedent(c: Candidate, quote: tuple[int, int]) -> tuple[int, int]:
    """``quote`` begun at the sentence before it when its sentence speaks of that one by a pronoun:
    "Which is the only snow venue downtown?" is answered by the name ("Big Air Shougang stands in
    …"), not by "it is the only snow venue"."""
    row = c.hit.row
    spans = list(row.sentences)
    j = spans.index(c.span) if c.span in spans else 0
    if not j or not ANAPHOR.match(c.text) or _DETERMINER.match(c.text) or LIST_ITEM.match(c.text):
        return quote
    a, b = spans[j - 1]
    return quote if TABLE_ROW.match(row.text[a - row.start:b - row.start]) else (a, quote[1])


def with_speaker(c: Candidate, quote: tuple[int, int]) -> tuple[int, int]:
    """``quote`` run on to the sentence that closes the quotation its sentence opens: "Which
    resident said the hutongs filled with puddles?" is answered where the quotation ends, "…,\"
    said Sun Zhenxi, a resident."""
    row = c.hit.row
    spans = list(row.sentences)
    if c.span not in spans or (c.text.count('"') + c.text.count("“") + c.text.count("”")) % 2 == 0:
        return quote
    j = spans.index(c.span)
    for a, b in spans[j + 1:j + 4]:
        text = row.text[a - row.start:b - row.start]
        if '"' in text or "”" in text:
            return (quote[0], b)
    return quote


def _cells(row: str) -> list[str]:
    """A table row's cells: "| Beijing in all | 54,400 |" → ["Beijing in all", "54,400"]."""
    return [c.strip() for c in row.strip().strip("|").split("|")]


@lru_cache(maxsize=1024)
def counted_words(question: str) -> tuple[str, ...]:
    """The words of what "how many" counts: "foreign companies" in "How many foreign companies
    are listed?"; none when the question does not count."""
    counted = _COUNTED.search(question)
    said = tuple(counted.group(counted.lastindex).split()) if counted else ()
    # "How many informal waste pickers work in Beijing?": a plural before a word that is none is
    # the head, and the word after it the verb ("robotics companies" is one noun phrase).
    for i, word in enumerate(said[:-1]):
        if _PLURAL.fullmatch(word) and not _PLURAL.fullmatch(said[i + 1]):
            return said[:i + 1]
    return said


def counted_head(question: str) -> frozenset[str]:
    """What "how many" counts, by its last word: "days" in "How many days did it take?"."""
    said = counted_words(question)
    return frozenset(terms(said[-1])) if said else frozenset()


# Words that count people alike: "How many residents have benefited?" is answered by "more than
# 16 million people".
_PEOPLE = frozenset(terms("people persons residents citizens inhabitants individuals"))


def _holds_word(word: str, held: set[str]) -> bool:
    """``held`` holds ``word``, a longer or shorter form of it, or, for people, any word for them."""
    return word in held or _kin(word, held) or (word in _PEOPLE and bool(held & _PEOPLE))


def holds_counted(question: Question, held: set[str]) -> bool:
    """The words a sentence speaks of hold what "how many" counts, if the question counts."""
    head = counted_head(question.text)
    return not head or any(_holds_word(h, held) for h in head)


# Words that narrow nothing a count could lack: "how many new lines" is answered by "four lines".
_LOOSE = frozenset("new more other different main major total such various additional further separate distinct "
                   "same current existing remaining whole overall".split())


def unqualified(question: str, c: "Candidate") -> tuple[str, str] | None:
    """(kind, thing) when "how many" counts a kind of thing the passage never names: "How many
    foreign companies are listed?" is not answered by a count of all listed companies."""
    said = counted_words(question)
    if len(said) < 2:
        return None
    passage = c.terms | set(terms(f"{c.hit.row.title} {c.hit.row.text}"))
    kinds = [w for w in said[:-1] if w.isalpha() and w.islower() and w not in _LOOSE and w not in NUMBER_WORDS
             and terms(w)]
    # "narrow gauge lines" still answers "how many narrow gauge rail lines": one kind word held is enough.
    if kinds and not any(terms(w)[0] in passage for w in kinds):
        return " ".join(kinds), said[-1]
    return None


_NUMBER_OF = re.compile(r"\b(?:number|total|count)s?\s+of\b", re.I)


def uncounted(question: str, text: str) -> bool:
    """The sentence names what "how many" counts but gives no number of it: "Shenzhen has put
    AI-powered buses on several routes" does not say how many buses, nor "14 vehicles may carry
    passengers" how many passengers. A count stands within a few words of its noun, on the same
    side of a comma ("99 vehicles", "passengers totalled 430,000")."""
    said = counted_words(question)
    head = terms(said[-1]) if said else ()
    if not head:
        return False
    phrase = set(terms(" ".join(said)))
    tokens = _TOKEN.findall(text)
    if _NUMBER_OF.search(text) and any(_NUMERAL.fullmatch(t) for t in tokens):
        # "The number of shared electric bikes fell from more than 20,000 to about 1,000": the
        # count follows the verb, well after its noun.
        return False
    if TABLE_ROW.match(text):
        # "Residents newly on municipal water | 280,000": a row's value counts its label.
        cells = _cells(text)
        if any(head[0] in terms(c) for c in cells[:1]) and any(_NUMERAL.match(c) for c in cells[1:]):
            return False
    stems = [(terms(t) or ("",))[0] for t in tokens]
    if any(_NUMERAL.fullmatch(t) and phrase & set(stems[i + 1:i + 3]) for i, t in enumerate(tokens)):
        return False
    places = [i for i, stem in enumerate(stems) if stem == head[0]]
    # "Of those piles, about 65,000 were built for private use": the count of a part follows the comma.
    if tokens and tokens[0].lower() in ("of", "among") and any(
            i <= 4 and tokens[i + 1:i + 2] == [","] and any(_NUMERAL.fullmatch(t) for t in tokens[i + 2:i + 5])
            for i in places):
        return False
    for i in places:
        before = tokens[max(0, i - 5):i]
        before = before[max((k for k, t in enumerate(before) if t in ",;:"), default=-1) + 1:]
        after = []
        for t in tokens[i + 1:i + 5]:
            if t in ",;:":
                break
            after.append(t)
        if any(_NUMERAL.fullmatch(t) for t in before + after):
            return False
    return bool(places)


# "the 2021 report", "the 2024 forum": a year that names something rather than a time asked about.
_NAMING_YEAR = re.compile(r"\bthe\s+((?:19|20)\d\d)\b", re.I)


# What a "what was X's …" question for a figure measures of a named thing: "unemployment rate" in
# "What was Beijing's unemployment rate in 2021?" (not "the toughest limit on …", a paraphrase).
_MEASURED = re.compile(r"^(?:[Ww]hat|[Ww]hich)\s+(?:is|was|are|were|will be)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*"
                       r"[A-Z][\w-]*['’]s\s+"
                       r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=\s+(?:in|of|for|at|by|on|per|to)\b|\s*\?)")
# Words of any measure, which a text writes as a symbol or leaves out ("36%" is the "target percentage").
_GENERIC_MEASURES = frozenset(terms("percentage percent share proportion number amount figure total level value "
                                    "rate ratio size"))
# "What is the budget for Huairou Science City?": the attribute asked of something.
_ATTRIBUTE = re.compile(r"^(?:what|which)\s+(?:is|are|was|were|will be)\s+the\s+([\w-]+)\s+(?:of|for|in|on|at)\b", re.I)


_QUANTITY = re.compile(r"\d+(?:\.\d+)?")


class ExtractiveAnswerer:
    name = "extractive"

    def __init__(self, settings: Settings, embedder: Embeddings) -> None:
        self.settings = settings
        opposites()  # the table of opposites, read once here rather than in the first answer

    def candidates(self, question: Question, hits: list[Hit], keyword: KeywordIndex | None = None,
                   first_rank: int = 0) -> list[Candidate]:
        """Every sentence of ``hits`` with the words it speaks of; ``first_rank`` is the rank of the
        first hit (the passages read after the first few keep their places)."""
        out = []
        for rank, hit in enumerate(hits, first_rank):
            row = hit.row
            if row.heading and not question.asks_metadata:
                continue
            # A passage that opens by referring back ("The 7.2-square-kilometre park is …") holds
            # the names of the sentence before it, in the passage before.
            referent = set(keyword.referent(row)) if keyword is not None else set()
            described = keyword.described(row) if keyword is not None else ()
            texts: list[str] = []
            helds: list[set[str]] = []
            # "Basic research received 195.1 billion yuan" is a 2022 figure when its passage
            # speaks of 2022 alone: a sentence that names no year holds its section's one year
            # ("Achievements in 2024"), else its passage's; "last year" is the year before the
            # document's date.
            year = years_spoken_of(row.section or "")
            # A dateline over the passage ("CCTV News — 27.03.2025") gives only the document's own
            # year: the title's year ("Beijing's economy in 2024") is the one it reports on.
            titled = years_spoken_of(row.title or "")
            if year == {(row.date or "")[:4]} and len(titled) == 1:
                year = titled
            year = year if len(year) == 1 else years_spoken_of(f"{row.title}\n{row.text}")
            year = set(year) if len(year) == 1 else set()
            # A passage whose one year lies after its document's date speaks of a target ("960
            # parks by 2008", in a report of 2002): its sentences without a year speak of the
            # document's own year as well ("the major parks receive 110 million visitors a year").
            dated = (row.date or "")[:4]
            if year and dated.isdigit() and int(next(iter(year))) > int(dated):
                year = {*year, dated}
            # "The city's GDP reached 4.03 trillion yuan" in a report titled on Beijing is Beijing's:
            # a place's common noun stands for the place the question names when the document's
            # title names it too.
            titled_names = set(terms(row.title or "")) if question.names else set()
            place = {n for n in question.names if n in titled_names}
            header: set[str] = set()
            header_cells: list[str] = []
            caption = set(terms(row.section or ""))
            for j, (a, b) in enumerate(row.sentences):
                text = row.text[a - row.start:b - row.start]
                similarity = float(hit.sentence_similarity[j]) if j < len(hit.sentence_similarity) else hit.dense
                own = set(terms(text))
                # A table's row is read under its header: "| STAR Market and ChiNext | 20 percent |"
                # gives a "Daily price limit", which only the first row names.
                labels = False
                labelled = ""
                if TABLE_ROW.match(text) and not TABLE_RULE.match(text):
                    if j and TABLE_ROW.match(texts[-1]) and header:
                        own = own | header
                        # (not a year: "2019" under "Year" measures nothing)
                        labelled = " ".join([text, *(f"{v} {h}" for v, h in zip(_cells(text), header_cells)
                                                     if v and h and not YEAR.fullmatch(v))])
                    else:
                        header, header_cells = set(terms(text)), _cells(text)
                        # A header row ("Ruler | Began | Title") names the columns and answers nothing
                        # (a sentence that only writes a bar, "{xx | x is any binary string}", is no table).
                        below = [row.text[c - row.start:d - row.start] for c, d in row.sentences[j + 1:j + 2]]
                        labels = not re.search(r"\d", text) and any(TABLE_ROW.match(t) for t in below)
                    # and under its caption: "Stations | 674" under "Rural eldercare in Beijing".
                    own = own | caption
                elif not TABLE_ROW.match(text):
                    header = set()
                # So is a list's item under the sentence that leads into the list: "- 20 cultural
                # properties;" after "… inscribed 26 new properties:".
                if LIST_ITEM.match(text):
                    lead = next((helds[i] for i in range(len(texts) - 1, -1, -1) if not LIST_ITEM.match(texts[i])),
                                set())
                    own = own | lead
                # "It lists 89 tasks", "The zone covers 119.68 square kilometres": a sentence that
                # refers back is about what an earlier one names, so it holds that one's words too.
                k = antecedent(text, texts, repeated=False)
                held = own | helds[k] if k is not None else own | referent if j == 0 and referent else own
                held = held | (described[j] if j < len(described) else frozenset())
                if place and PLACE_NOUN.search(text):
                    held = held | place
                if year and not YEAR.search(text):
                    held = held | year
                held = held | relative_years(text, row.date)
                texts.append(text)
                helds.append(held)
                if not labels:
                    out.append(Candidate(rank, hit, (a, b), text, held, dense=similarity, labelled=labelled))
        return out

    def score(self, question: Question, hits: list[Hit], keyword: KeywordIndex, first_rank: int = 0
              ) -> list[Candidate]:
        cands = self.candidates(question, hits, keyword, first_rank)
        if not cands:
            return []
        weights = self.weights(question, keyword, conversation=False)
        total = sum(weights.values()) or 1.0
        talked = self.weights(question, keyword)
        talked_total = sum(talked.values()) or 1.0
        context_terms = {}
        for c in cands:
            key = c.hit.row.key
            if key not in context_terms:
                row = c.hit.row
                context_terms[key] = set(terms(f"{row.title} {row.section} {row.text}"))
        s = self.settings
        # A question that names its unit ("how large", "how far") is answered by a value in it
        # before a closer-sounding sentence with some other number.
        # So does one that names a role ("Who is the general manager of …?"), where a sentence
        # sets a person's name beside it ("Sui Qiang, general manager of the exchange, said").
        role = asked_role(question.text) if question.kind is Kind.PERSON else ""
        apposed = {id(c) for c in cands if role and apposes(c.text, role)}
        unit = question.kind is Kind.NUMBER and asked_unit(question)
        w_fit = s.w_fit_unit if unit or apposed else s.w_fit
        # A fact asked of "basic research" is not told by "research and development"; an account
        # ("Describe the methodology …") may draw on the wider sentences too.
        narrowed = _narrowed(question.text, cands) if question.kind in _TYPED and not question.explains else []
        event = asked_event(question)
        named = _ASKED_IDENTITY.match(question.text)
        identity = set(terms(named.group(1))) if named else set()
        asks_now = not question.years and bool(_NOW.search(question.text))
        for c in cands:
            # "GDP" is held by a sentence that writes "gross domestic product".
            c.terms |= {a for a in question.acronyms if a not in c.terms and _spelled_out(a, words(c.text))}
            c.coverage = sum(w for t, w in weights.items() if t in c.terms) / total
            c.context_coverage = sum(w for t, w in talked.items() if t in context_terms[c.hit.row.key]) / talked_total
            c.conversation = (sum(1 for t in question.context if t in context_terms[c.hit.row.key])
                              / len(question.context) if question.context else 0.0)
            c.fit = 0.0 if apposed and id(c) not in apposed else type_fit(question.kind, c.measured, question, c.terms)
            if identity:
                # Not a sentence that holds the name only through the one before ("The parks have
                # received …" after "…, said Lan Bincai").
                c.fit = float(identity <= set(terms(c.text)))
            if c.fit and not holds_event(event, c.terms):
                # "When was Big Air Shougang finished?": a date of the mill's closing, in a
                # sentence that never says "finished", answers it less than one beside the verb.
                c.fit = 0.0
            c.tense = -1.0 if ((question.when and mismatch(question.when, times(c.text, c.hit.row.date or "")))
                               or other_period(question.text, c.text) or self.unheld_years(question, c)
                               or (asks_now and self.stale(c))) else 0.0
            wider = sum(weights.get(m, 0.0) for m, head in narrowed if _wider(c, m, head))
            c.score = (s.w_dense * c.dense + s.w_coverage * (c.coverage - wider / total) + w_fit * c.fit
                       + s.w_tense * c.tense + s.w_conversation_rank * c.conversation + s.w_rank / (1 + c.rank))
        # A label that only repeats the question's words ("Beijing Marathon", a race's name over its
        # date) tells nothing about it.
        asked = set(question.terms)
        cands = [c for c in cands if set(terms(c.text)) - asked or c.text.rstrip().endswith((".", "!", "?"))]
        # A question the text asks ("Reporter: How is foreign investment doing?", 'What counts as
        # "old"?') answers one only with a value of the kind asked ("Is there a route of at most
        # 2000 km …?"): its answer is what follows it.
        cands = [c for c in cands if not c.text.rstrip().endswith("?") or c.fit and question.kind in _TYPED]
        return sorted(cands, key=lambda c: -c.score)

    def weights(self, question: Question, keyword: KeywordIndex, conversation: bool = True) -> dict[str, float]:
        """How much each term counts for the coverage a passage must reach: its rarity; with
        ``conversation``, a term the conversation brought (the topic a follow-up moved away
        from) counts for a share."""
        weights = {t: keyword.idf(t) for t in (question.topic_terms or question.terms)}
        for t in question.context if conversation else ():
            weights.setdefault(t, self.settings.w_conversation * keyword.idf(t))
        return weights

    def unknown_share(self, question: Question, keyword: KeywordIndex) -> float:
        """How much of the question (by rarity) the documents never use. Low coverage alone is
        common in answerable questions that paraphrase; low coverage by words the documents do
        not know ("mayor", "unemployment") is a question about something else."""
        weights = self.weights(question, keyword)
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if not keyword.known(t)) / total if total else 1.0

    @staticmethod
    def everyday(name: str, keyword: KeywordIndex) -> bool:
        """A name most documents of a larger collection use ("NLP" across papers on language
        models) is the collection's vocabulary: its absence from one passage is no sign that the
        passage is about something else."""
        return keyword.documents >= 3 and keyword.document_share(name) >= 0.5

    def abstain_reason(self, question: Question, best: Candidate, keyword: KeywordIndex,
                       hits: list[Hit] = ()) -> str:
        """Why the best evidence does not answer the question, or "" if it does: the question
        names a document the collection does not hold ("the Chinchilla paper"), or a decisive
        part of the question is missing from the evidence or contradicted by it (tuned on SQuAD
        2.0's unanswerable questions: each rule abstains far more on them than on answerable
        ones)."""
        s = self.settings
        if keyword.documents > 1:
            # "the Chinchilla paper" names a document; "the 14th Five-Year Plan", which the
            # documents write themselves, names what they are about.
            absent = [d for d in (n.rsplit(" ", 1)[0] for n in question.documents if not keyword.writes(n))
                      if not keyword.has_title(d) and not all(self.everyday(t, keyword) for t in terms(d))]
            if absent:
                return f"no document of the collection is the {absent[0]} one the question names"
        missing, _ = self.gaps(question, best, keyword, hits)
        if missing:
            return f"the evidence does not mention {', '.join(missing)}"
        if periods(question.text, months=True) and other_period(question.text, best.text):
            return "the question asks about one part of the year, and the evidence gives another"
        said_time = time_asked(question.text) if not question.context else None
        if said_time is When.FUTURE and not asks_future_time(question.text):
            said_time = None
        if said_time is not None and best.tense < 0:
            # "How many unicorns does Beijing have today?" is not answered by "five to 10 by
            # 2025", nor "When will China bring back samples from Mars?" by a mission of 2020. The
            # time of a conversation that moved to another topic ("and the patents?" after "… by
            # 2025?") only ranks the evidence.
            asked_time = {When.PRESENT: "now", When.FUTURE: "what is to come", When.PAST: "what was so"}[said_time]
            return f"the question asks about {asked_time}, and the evidence speaks of another time"
        if question.negated and not NEGATION.search(best.text):
            return "the question asks about what is not so, and the evidence does not say that"
        asked = _REQUEST_ADJECTIVE.sub(r"\1", question.text)
        for check in (contradiction, swapped_word, unranked_superlative, quantity_mismatch):
            swap = check(asked, best.text)
            # "It will have a capacity of …, similar to the current airport" is about "the new
            # Beijing airport" of the sentence it refers back to: the asked word is held there.
            if swap and not (check in (contradiction, swapped_word) and _held_before(best, swap[0])):
                return f"the question asks about “{swap[0]}”, the evidence says “{swap[1]}”"
        role = asked_role(question.text) if question.kind is Kind.PERSON else ""
        under = role and re.search(rf"\b{_UNDER_ROLE}[\s-]+{re.escape(role)}\b", best.text, re.I)
        above = re.match(rf"{_UNDER_ROLE}[\s-]+(.+)", role, re.I) if role else None
        if (under or above and apposes(best.text, above.group(1))) and not apposes(best.text, role):
            # "Who is the director of the Beijing Water Authority?" is not answered by its
            # deputy director, nor "Who is the deputy director …?" by its director.
            return f"the evidence names another {role} than the one asked about"
        if s.abstain_untyped and question.kind is Kind.DATE and not holds_event(asked_event(question), best.terms):
            # "When was Hu Zucai born?" is not answered by a figure of "last year" he gave.
            return "the question asks when something happened, and the evidence does not say it happened"
        unit = asked_unit(question) if question.kind is Kind.NUMBER else None
        if s.abstain_untyped and unit and not unit.fit(best.measured) and not says_none(best.text, question):
            # "How much did Zhongguancun spend in 2024?" answered by a sentence with no sum of
            # money. Only for a named unit: "how much of it is undeveloped?" is answered by
            # "vast areas", and "when cannot ferries sail?" by a condition.
            return "the evidence gives no figure of the kind asked for"
        if (s.abstain_untyped and question.kind is Kind.DATE and not type_fit(Kind.DATE, best.text, question)
                and not _TIME_WORDS.search(best.text)):
            return "the question asks when, and the evidence names no time"
        if s.abstain_absent_measure and uncounted(question.text, best.text):
            return "the evidence names what is counted but gives no number of it"
        if (s.abstain_untyped and counted_words(question.text) and not best.fit
                and not says_none(best.text, question)):
            # "How many seats does the Wukesong Ice Sports Center have?" is not answered by a
            # sentence that gives no number at all.
            return "the question asks how many, and the evidence gives no number"
        done = _DONE_TO.search(question.text)
        if s.abstain_absent_measure and done and not any(keyword.known(t) for t in terms(done.group(1))):
            # "How many people were relocated for the project?" of documents that never say
            # "relocate": what was done to what is counted is no word of theirs.
            return f"the documents never say that anything was {done.group(1)}"
        kind = unqualified(question.text, best)
        if s.abstain_absent_measure and kind:
            return f"the evidence counts {kind[1]}, not {kind[0]} {kind[1]}"
        if (best.context_coverage < s.abstain_min_coverage and best.dense < s.abstain_paraphrase_similarity
                and self.unknown_share(question, keyword) >= s.abstain_unknown_share):
            return (f"the evidence covers too little of the question ({best.context_coverage:.2f}), "
                    "and the documents never use most of its words")
        if not best.coverage and best.dense < s.abstain_paraphrase_similarity:
            # "Who was director of the bureau in 2024?" is not answered by a table's row of the
            # one document of 2024, which holds none of its words and says nothing like it.
            return f"the evidence holds none of the question's words ({best.dense:.2f})"
        if best.dense < s.abstain_min_similarity and best.coverage < 1.0:
            # A sentence that holds every word the question asks about answers it, however far
            # the small model puts them ("Who published the five-year roadmap of November 22?").
            return f"the evidence is not close to the question ({best.dense:.2f})"
        return ""

    def gaps(self, question: Question, best: Candidate, keyword: KeywordIndex,
             hits: list[Hit] = ()) -> tuple[list[str], list[str]]:
        """What the question names that the evidence does not hold; and the members of a list
        the question names together ("SQuAD v1.1, v2.0 and v13.5") that the evidence lacks while
        it holds more of the others: the answer says those are missing instead of refusing."""
        row = best.hit.row
        context_text = f"{row.title} {row.publisher or ''} {row.section} {row.text}"
        if keyword.documents > 1:
            # In a collection a passage speaks for its document: "It lists 89 tasks" is about
            # the Belt and Road plan that its document names in another paragraph.
            context_text += " " + " ".join(h.row.text for h in hits if h.row.source == row.source)
        context = set(terms(context_text))
        said = [w[:-2] if w.endswith("'s") else w for w in words(context_text)]
        said_words = set(said)
        missing = self.unheld_years(question, best)
        # The start of a span ("since 2012") need not date the figure's sentence, but its document
        # must write it ("What have been major industries since 1902?" of a text that never does).
        missing += sorted(years_since(question.text) - context)
        # A number the question names ("aged 65 or above") is the passage's own: another passage
        # of its document that has it speaks of something else. A number inside a name ("PM2.5",
        # "the 14th Five-Year Plan") is held by the document.
        passage = set(terms(f"{row.title} {row.section} {row.text}"))
        missing += [n for n in sorted(question.numbers)
                    if n not in context or n not in passage and _QUANTITY.fullmatch(n)
                    and re.search(rf"(?<![\w.]){re.escape(n)}(?![\w.])", question.text)]
        as_of = {t for month in dated_months(question.text, row.date) for t in terms(month)}
        missing += [n for n in question.names if n not in context and not _kin(n, context)
                    and not (n in question.acronyms and _spelled_out(n, said))
                    and not self.everyday(n, keyword) and n not in as_of]
        said_run = f" {' '.join(said)} "
        titled = set(words(row.title or ""))
        # "the museum" in "deputy director of the museum" is the Palace Museum named before it.
        spans = list(row.sentences)
        described = keyword.described(row)[spans.index(best.span)] if best.span in spans else frozenset()
        # "IAAF Gold Label Road Races" is held by "an IAAF Gold Label Road Race" (not by "one
        # Combined Statistical Area" for "eight Combined Statistical Areas").
        missing += [p for p in question.phrases if not _holds_name(p, said_run, titled)
                    and not (p.endswith("s") and _holds_name(p[:-1], said_run, titled)
                             and f" one {p[:-1]} " not in said_run)
                    and not (described and set(terms(p)) <= described)]
        missing += [c for c in question.counts if c not in said_words and COUNT_WORDS.get(c) not in said_words]
        counted = _COUNTED.search(question.text) or _PRICED.search(question.text) or _TIMED.search(question.text)
        if counted and self.settings.abstain_absent_measure:
            # "How many unicorns does Shanghai have?": what is counted must be in the evidence.
            said = counted_words(question.text) or counted.group(counted.lastindex).split()
            head = terms(said[-1])
            missing += [t for t in head if not _holds_word(t, context)]
        attribute = _ATTRIBUTE.search(question.text)
        if attribute and self.settings.abstain_absent_measure and not ACCOUNT_WORD.match(attribute.group(1)):
            # "What is the budget of …?" asked of documents that never say "budget".
            missing += [t for t in terms(attribute.group(1)) if t not in FRAMING and not keyword.known(t)]
        measured = _MEASURED.match(question.text)
        measure = set(terms(measured.group(1))) if measured and question.kind is Kind.NUMBER else set()
        measure -= FRAMING | _GENERIC_MEASURES
        if measure and self.settings.abstain_absent_measure and not measure & context:
            # "What was Beijing's unemployment rate in 2021?" of a passage on its population.
            missing.append(measured.group(1))
        unlisted: list[str] = []
        for members in question.lists:
            absent = [m for m in members if not set(terms(m)) <= context]
            held = len(members) - len(absent)
            spared = {t for m in absent for t in terms(m)}
            if held >= 2 and held > len(absent) and spared & set(missing):
                unlisted += absent
                missing = [m for m in missing if m not in spared]
        return missing, unlisted

    @staticmethod
    def untyped(question: Question, c: Candidate) -> bool:
        """The sentence gives no value of the kind asked for: none in the unit asked, or none of
        what "how many" counts ("How many days did it take?" of "The buildings cover 300,000
        square metres")."""
        if question.kind is not Kind.NUMBER:
            return False
        unit = asked_unit(question)
        return not holds_counted(question, c.terms) or (unit is not None and not unit.fit(c.measured))

    @staticmethod
    def stale(c: Candidate) -> bool:
        """For a question that says "now": a sentence in the past tense whose every year lies two
        or more years before its document's date. "fell … to 25.75 meters in 2015", in a report of
        2024, is no depth of now ("has grown from 30 percent in 2002 to 65 percent" is)."""
        date = c.hit.row.date or ""
        if not date[:4].isdigit() or _NOW.search(c.text) or _PRESENT.search(c.text):
            return False
        spoken = years_spoken_of(c.text)
        return bool(spoken) and all(int(y) <= int(date[:4]) - 2 for y in spoken)

    @staticmethod
    def unheld_years(question: Question, c: Candidate) -> list[str]:
        """The years the question asks about that the sentence does not speak of. A sentence
        speaks of the years around it (its passage, title, section, the document's date) unless
        it gives its own ("fell to 30 micrograms last year" in a report of January 2023 is a
        figure for 2022, whatever the dateline above it says); a year it names only as a
        comparison's base ("more than in 2021") is not one it gives a figure for, unless the
        question compares with it too."""
        if not question.years:
            return []
        row = c.hit.row
        dated = relative_years(c.text, row.date)
        own = not (years_spoken_of(c.text) or dated)
        # The passage's one year is among the sentence's terms already (see ``candidates``); the
        # years of its other sentences ("By 2021, …", "the 2022 Winter Olympics") are theirs. The
        # document's date (and a dateline over the passage) dates a sentence unless the title gives
        # the year the document reports on: "Beijing's economy in 2024", published in March 2025,
        # gives no figure for 2025.
        # A title's year after the document's date is a target ("… 800 More Parks by 2008", in
        # 2002), not the year reported on: the date still dates the sentences.
        issued = (row.date or "")[:4]
        titled = any(not issued.isdigit() or int(y) <= int(issued) for y in years_spoken_of(row.title or ""))
        around = row.title if titled else f"{row.title} {row.section or ''} {row.date or ''}"
        named_only = years_not_spoken_of(c.text) - years_not_spoken_of(question.text)
        # "How much has Beijing spent … since 2012?" asks a total up to now: the span's start need
        # not be in the sentence of the figure (nor its passage: "since the campaign began in 2012"
        # may open the report).
        started = years_since(question.text)
        # "Speaking at the 2022 Dialogue … on Aug. 7" speaks of 2022 by its date, not its name.
        return [y for y in sorted(question.years)
                if (y not in c.terms or y in named_only and y not in dated) and not (own and y in around)
                and y not in started]

    @staticmethod
    def named(question: Question, ranked: list[Candidate], keyword: KeywordIndex) -> list[Candidate]:
        """In a collection, candidates from the documents whose text holds the question's names
        come first, then those that hold its years (a year may only date the report the
        question names: "the Binhai park … according to the 2021 report"), then those whose
        title holds them (among equals, a passage that holds the names gains on its score); and
        the newest or oldest document first when the question asks for it ("the latest report").
        A question about one paper, plan or year is answered from it before a closer-sounding one
        about another; names most of the collection uses ("Beijing") single out nothing. A
        document's date is no sign: a release of January 2024 gives the figures of 2023."""
        names = [n for n in question.names if not ExtractiveAnswerer.everyday(n, keyword)]
        if not (names or question.years or question.recency):
            return ranked

        documents: dict[str, tuple[set[str], set[str]]] = {}
        # A title's year counts when the question names a document by it ("the 2021 report"); "by
        # 2025" is the time asked about, and a title that spans it ("… in 2021-2025") names nothing.
        naming_years = set(_NAMING_YEAR.findall(question.text)) & question.years
        passage_weight = 0.15  # what holding the names in the passage itself adds to a score

        def held(c: Candidate) -> tuple[float, ...]:
            row = c.hit.row
            if row.source not in documents:
                vocabulary, title = keyword.vocabulary(row.source), set(terms(row.title))
                documents[row.source] = title, {t for t in (*names, *question.years)
                                                 if t in vocabulary or t in title or t == (row.date or "")[:4]
                                                 or _kin(t, vocabulary | title)
                                                 or _written_out(keyword.spelled(t), vocabulary)}
            title, words = documents[row.source]
            passage = set(terms(f"{row.section} {row.text}"))
            in_passage = sum(n in passage for n in names) / max(len(names), 1)
            # A year the sentence speaks of counts too: "by the end of next year", in 2007, is 2008.
            return (sum(n in words for n in names), sum(y in words or y in c.terms for y in question.years),
                    sum(t in title for t in (*naming_years, *names)), c.score + passage_weight * in_passage)
        keys = [held(c) for c in ranked]
        order = list(range(len(ranked)))
        if question.recency:
            order.sort(key=lambda i: ranked[i].hit.row.date or "", reverse=question.recency > 0)
            order.sort(key=lambda i: tuple(-k for k in keys[i][:3]))
        else:
            order.sort(key=lambda i: tuple(-k for k in keys[i]))
        return [ranked[i] for i in order]

    def answer(self, question: Question, hits: list[Hit], keyword: KeywordIndex) -> Draft:
        """The answer from the first ``answer_passages`` of ``hits``; the passages after them are
        read for the values other documents give of the figure asked (``other_documents``), and
        when the first ones lack a name the question asks about, those that hold it are read too."""
        hits, further = hits[:self.settings.answer_passages], hits

        def ranking(read: list[Hit]) -> list[Candidate]:
            ranked = self.score(question, read, keyword)
            return self.named(question, ranked, keyword) if keyword.documents > 1 else ranked

        ranked = ranking(hits)
        if not ranked:
            return Draft("", True, reason="nothing retrieved")
        best = ranked[0]
        reason = self.abstain_reason(question, best, keyword, hits)
        missing = set(self.gaps(question, best, keyword, hits)[0]) if reason else set()
        # (names and counts that pick one thing out, not a time: "in the 9th century")
        picked = set(question.names) | {n for n in question.numbers if n.isdigit()}
        holders = [h for h in further[len(hits):] if missing and missing <= picked
                   and missing <= set(terms(f"{h.row.title} {h.row.section} {h.row.text}"))]
        if holders:
            # "How long a stretch does the Hefangkou renovation cover?": the one passage on
            # Hefangkou came fifth, and "People over 80 numbered 351,000" sixth; they are read after
            # the first four.
            hits = [*hits, *holders]
            ranked = ranking(hits)
            best = ranked[0]
            reason = self.abstain_reason(question, best, keyword, hits)
        if reason:
            # The documents' order chooses between answers, not between an answer and a refusal:
            # a closer sentence further down that passes every check answers, and so does one as
            # close as makes no difference when the best lacks only the year or number asked
            # ("before 2023" next to "ahead of 2025"). A best sentence that gives no value of the
            # kind asked ("How far is Tongzhou?": "about 155 square kilometres") is no sign that
            # the documents do not answer: any sentence further down that gives one, covers the
            # question about as well and passes every check answers.
            missing, _ = self.gaps(question, best, keyword, hits)
            dated = bool(missing) and set(missing) <= question.years | question.numbers
            # Nor is one that counts the wider thing ("100 high-tech enterprises" for "how many
            # aerospace enterprises"), nor one that names what is counted without a number of it
            # ("began the second phase"), when one further down counts the kind asked in its own
            # words ("The project has three phases"; not "Its walls are 16 metres high" after "The
            # library has robots that lend books").
            unfit = question.kind in _TYPED and not best.fit
            unnumbered = not unfit and uncounted(question.text, best.text)
            typed_only = ((self.untyped(question, best) or unfit or unnumbered)
                          and set(missing) <= counted_head(question.text))
            widened = not missing and unqualified(question.text, best) is not None
            cover = self.settings.compare_min_coverage * best.coverage
            floor = (float("-inf") if typed_only or widened
                     else best.score - (self.settings.answer_tie_margin if dated else 0.0))
            # Nor is one that lacks the year or number asked ("aged 65 or above") when one further
            # down holds it and covers the question better ("| 65 and above | 2.912 million |").
            best = next((c for c in ranked[1:] if (c.score > floor or dated and c.coverage > best.coverage)
                         and not (typed_only and (self.untyped(question, c) or not c.fit or c.coverage < cover))
                         and not (unnumbered and not holds_counted(question, set(terms(c.text))))
                         and not (widened and c.coverage < cover)
                         and not self.abstain_reason(question, c, keyword, hits)), None)
            if best is None:
                return Draft("", True, reason=reason)
            ranked = [best, *(c for c in ranked if c is not best)]
        elif self.untyped(question, best) and counted_head(question.text):
            # "How many visits have the parks along the Fifth Ring Road received?": "81 parks along
            # the Fifth Ring Road" counts another thing; a sentence of the same document that
            # counts visits answers ("The parks have received 22.3 million visits").
            counted = next((c for c in ranked[1:] if c.hit.row.source == best.hit.row.source and c.fit
                            and not self.untyped(question, c) and not self.abstain_reason(question, c, keyword, hits)),
                           None)
            if counted is not None:
                best = counted
                ranked = [best, *(c for c in ranked if c is not best)]
        draft = self._answer(question, ranked, keyword, hits, further)
        _, unlisted = self.gaps(question, best, keyword, hits) if question.lists else ((), ())
        if unlisted:
            said = load_prompt("unmentioned").format(items=", ".join(unlisted))
            return replace(draft, text=f"{draft.text} {said}", caveat=said)
        return draft

    def _answer(self, question: Question, ranked: list[Candidate], keyword: KeywordIndex,
                hits: list[Hit], further: list[Hit] = ()) -> Draft:
        best = ranked[0]
        chosen = [best]
        if question.explains:
            chosen = self.explanation(ranked)
            return self._with_parts(chosen, [c.span for c in chosen], keyword) or self._explain(chosen)
        if question.kind is Kind.NUMBER and keyword.documents > 1 and not question.years:
            # "How many charging piles does Beijing have?": the newest count may lie in a passage
            # after the first few, which hold older counts of other documents.
            wider = self.score(question, further[len(hits):], keyword, first_rank=len(hits))
            others = self.other_documents(question, [*ranked, *wider], keyword, hits)
            if others:
                return self._side_by_side(question, [best, *others])
        if question.kind is Kind.LIST:
            for c in ranked[1:]:
                if len(chosen) >= self.settings.list_answer_max:
                    break
                if c.score >= self.settings.list_min_ratio * best.score and c.fit and c.coverage > 0:
                    chosen.append(c)
        quotes = [shortest_answering_span(c, question) if self.settings.short_answers else c.span
                  for c in chosen]
        if len(chosen) == 1 and question.kind in (Kind.PERSON, Kind.OTHER):
            quotes = [with_speaker(best, with_antecedent(best, quotes[0]))]
        return (self._with_parts(chosen, quotes, keyword) if len(chosen) == 1 else None) or self._compose(chosen, quotes)

    def other_documents(self, question: Question, ranked: list[Candidate], keyword: KeywordIndex,
                        hits: list[Hit]) -> list[Candidate]:
        """The same figure as other documents give it: each other document's best sentence that
        holds a value of the asked kind, covers the question about as well as the best one and
        passes the same checks (a value in the unit asked, where the best gives one)."""
        best, s = ranked[0], self.settings
        found: dict[str, Candidate] = {}
        for c in ranked[1:]:
            source = c.hit.row.source
            if (source == best.hit.row.source or source in found or not c.fit or c.fit < best.fit
                    or c.score < s.compare_min_ratio * best.score or c.coverage < s.compare_min_coverage * best.coverage):
                continue
            if not self.abstain_reason(question, c, keyword, hits):
                found[source] = c
        # More documents than are shown: the newest, whose figure is the latest.
        newest = sorted(found.values(), key=lambda c: c.hit.row.date or "", reverse=True)
        return newest[:s.compare_max_documents - 1]

    def _side_by_side(self, question: Question, chosen: list[Candidate]) -> Draft:
        """One line a document, newest first, each with its document, date and citation."""
        chosen = sorted(chosen, key=lambda c: c.hit.row.date or "", reverse=True)
        citations, quoted = self._quoted(chosen, [shortest_answering_span(c, question) for c in chosen])
        lines = [load_prompt("figure_by_document").format(quote=quote, title=c.hit.row.title or c.hit.row.source,
                                                          date=c.hit.row.date or "undated", n=n)
                 for c, (quote, n) in zip(chosen, quoted)]
        text = load_prompt("extractive_list").format(intro=load_prompt("figure_by_document_intro"),
                                                     items="\n".join(lines))
        return Draft(text, False, citations)

    def explanation(self, ranked: list[Candidate]) -> list[Candidate]:
        """Up to ``explain_sentences`` sentences that cover the question without repeating each
        other (maximal marginal relevance on the sentences' own vectors), from the best
        sentence's document; the ones added to the best are whole sentences, not the fragments
        a PDF leaves ("BERT and DistilBERT results are the")."""
        s = self.settings
        best = ranked[0]
        pool = [c for c in ranked[1:s.explain_pool] if c.hit.row.source == best.hit.row.source
                and c.score >= s.explain_min_ratio * best.score and len(c.text.split()) >= s.explain_min_words]
        chosen = [best]
        while pool and len(chosen) < s.explain_sentences:
            def redundancy(c: Candidate) -> float:
                return max(float(_vector(c) @ _vector(o)) for o in chosen)
            pick = max(pool, key=lambda c: c.score - s.explain_redundancy * redundancy(c))
            pool.remove(pick)
            if redundancy(pick) < 0.9:
                chosen.append(pick)
        return sorted(chosen, key=lambda c: (c.hit.row.idx, c.span))

    def _explain(self, chosen: list[Candidate]) -> Draft:
        """Sentences in document order, each with the number of its passage."""
        citations, quoted = self._quoted(chosen, [c.span for c in chosen])
        text = " ".join(load_prompt("extractive_answer").format(quote=quote, n=n) for quote, n in quoted)
        return Draft(text, False, citations)

    def _with_parts(self, chosen: list[Candidate], quotes: list[tuple[int, int]], keyword: KeywordIndex
                    ) -> Draft | None:
        """The chosen sentences, each one that announces what follows ("two tasks, described in
        this section") quoted whole and followed by the parts it announces, a cited line each;
        None when no chosen sentence announces anything."""
        taken = {(c.hit.row.key, c.span) for c in chosen}
        laid: list[tuple[Candidate, tuple[int, int], bool]] = []
        for c, quote in zip(chosen, quotes):
            found = [(row, span) for row, span in parts(c.hit.row, c.span, keyword, self.settings.list_answer_max)
                     if (row.key, span) not in taken]
            laid.append((c, c.span if found else quote, False))
            laid += [(Candidate(c.rank, as_hit(row), span, row.text[span[0] - row.start:span[1] - row.start], set()),
                      span, True) for row, span in found]
        if all(not part for _, _, part in laid):
            return None
        citations, quoted = self._quoted([c for c, _, _ in laid], [q for _, q, _ in laid])
        text, listed = "", False
        for (_, _, part), (quote, n) in zip(laid, quoted):
            if part:
                text += "\n" + load_prompt("extractive_list_item").format(quote=quote, n=n)
            else:
                text += ("\n" if listed else " " if text else "") + load_prompt("extractive_answer").format(quote=quote, n=n)
            listed = part
        return Draft(text, False, citations)

    @staticmethod
    def _quoted(chosen: list[Candidate], quotes: list[tuple[int, int]]) -> tuple[list[Passage], list[tuple[str, int]]]:
        """Each chosen span quoted exactly (its first letter capitalised) with the number of its
        passage, and the cited passages in that order, each with its chosen sentences marked."""
        numbers: dict[str, int] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        hits = {}
        for c in chosen:
            key = c.hit.row.key
            numbers.setdefault(key, len(numbers) + 1)
            spans.setdefault(key, []).append(c.span)
            hits[key] = c.hit
        citations = []
        for key in numbers:
            p = hits[key].passage()
            citations.append(Passage(p.id, p.source, p.text, p.start, p.end, p.score,
                                     {**p.metadata, "highlights": sorted(spans[key])}))
        quoted = []
        for c, (a, b) in zip(chosen, quotes):
            text = c.hit.row.text[a - c.hit.row.start:b - c.hit.row.start]
            quoted.append((text[:1].upper() + text[1:], numbers[c.hit.row.key]))
        return citations, quoted

    def _compose(self, chosen: list[Candidate], quotes: list[tuple[int, int]]) -> Draft:
        """Quote each chosen span exactly, numbered by the passage it comes from: one sentence,
        or a list in document order."""
        citations, quoted = self._quoted(chosen, quotes)
        if len(chosen) == 1:
            return Draft(load_prompt("extractive_answer").format(quote=quoted[0][0], n=quoted[0][1]), False, citations)
        ordered = sorted(zip(chosen, quoted), key=lambda pair: (pair[0].hit.row.source, pair[0].span))
        items = "\n".join(load_prompt("extractive_list_item").format(quote=quote, n=n) for _, (quote, n) in ordered)
        text = load_prompt("extractive_list").format(intro=load_prompt("extractive_list_intro"), items=items)
        return Draft(text, False, citations)
