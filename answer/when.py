"""When a text speaks of: the past, the present or the future, read from its grammar and its time
expressions rather than from a list of topic words.

English marks time with a closed set of means: auxiliaries and modals ("will", "should", "was",
"has"), the "be to" and "aim to" constructions, past-tense verb forms, deictic adverbs ("now",
"so far", "last year", "next year") and dates. A year is read against the document's own date:
2025 is the future of a 2021 guideline and the past of a 2026 report. A question and a sentence
that speak of different times do not answer each other ("what is it now?" is not answered by "by
2025 it should reach ..."), whichever words they use for the topic.
"""
from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from retrieval.text import DAY_OF_MONTH, DOCUMENT_REFERENCE, MONTH_NAMES, NAMED_YEAR, NUMBER_WORDS


class When(str, Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


_DEICTIC = {
    When.PRESENT: r"now|today|currently|current|at present|presently|so far|to date|these days|nowadays|"
                  r"at the moment|as of|as things stand|this year|existing",
    When.PAST: r"ago|last (?:year|month|decade|week)|previously|formerly|in the past|used to|"
               r"the previous (?:year|decade)|a year earlier|historically",
    When.FUTURE: r"next (?:year|month|decade|week)|in (?:the )?future|upcoming|coming (?:years?|decade)|from now|"
                 r"ahead(?! of)|eventually|later this (?:year|decade)|yet to",
}
# Auxiliaries, modals and the constructions that put a clause in a time. "Should" and "be to" state
# what is to happen; "aim / plan / intend / expect / seek to" and "target" do as well.
_GRAMMAR = {
    When.FUTURE: r"will|shall|won't|'ll|going to|(?:is|are|be) (?:expected |set |due |scheduled )?to (?!date)|"
                 r"should(?! have)|aims?(?:ing)? (?:to|at)|plans? to|intends? to|expects? to|seeks? to|"
                 r"strives? to|targets?|targeted|goals?",
    When.PAST: r"was|were|did|had(?! to)|used to",
    When.PRESENT: r"(?:is|are|am)(?! (?:expected |set |due |scheduled |going )?to\b)|has|have|does|there's",
}
# The commonest irregular past-tense forms (the regular ones end in -ed).
_IRREGULAR_PAST = frozenset(
    "rose fell grew spent saw made became began gave took held led won paid stood built brought came went got met "
    "kept sold bought drew sought fought thought told found left lost meant sent shot spoke stole struck swore "
    "taught threw understood wrote chose drove ate flew forgot froze hid knew lay rode rang ran sang sank slept "
    "slid sprang stuck stung swam swung tore wore wove overtook undertook withdrew".split())
_BEFORE_PARTICIPLE = frozenset("is are was were be been being am has have had having the a an its their this "
                               "that these those to newly well".split())
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:[-–/](\d\d(?:\d\d)?)\b(?!-))?")
_WORD = re.compile(r"[A-Za-z'][A-Za-z'-]*")


def _compile(table: dict[When, str]) -> dict[When, re.Pattern]:
    return {when: re.compile(rf"\b(?:{pattern})\b", re.I) for when, pattern in table.items()}


_DEICTIC_RE = _compile(_DEICTIC)
# A time expression as a question says it: "by 2025", "in the year 2035", "now", "last year".
EXPRESSION = re.compile(r"\b(?:(?:for|by|in|until|before|after|from|of|since|as of)\s+(?:the\s+)?(?:end\s+of\s+)?"
                        r"(?:year\s+)?)?(?:1[5-9]\d\d|20\d\d)s?\b|\b(?:right\s+)?(?:"
                        + "|".join(_DEICTIC.values()) + r")\b", re.I)
_GRAMMAR_RE = _compile(_GRAMMAR)
# In a question, only modals of what will or should be, deadlines and plan nouns ask for the
# future: "what does the theory seek to answer?" and "where can one expect to find it?" do not.
# "When was the World Cup to be held?": what was planned then.
_PLANNED = re.compile(r"\b(?:will|shall|should|won't|'ll|going to|targets?|goals?|by (?:the end of )?(?:19|20)\d\d|"
                      r"(?:was|were)\s+(?:\S+\s+){0,15}?to\s+(?:be|go|open|start|begin|launch|close|take)\b)\b",
                      re.I)
# "What share of the annual target had investment reached?" measures against a target; it asks
# what was reached, not what is planned.
_TARGET_AS_BASE = re.compile(r"\b(?:share|percent(?:age)?|per cent|proportion|fraction|%|how much)\s+of\s+"
                             r"(?:the\s+|its\s+|their\s+|this\s+)?(?:\w+\s+)?(?:targets?|goals?)\b", re.I)
_PAST_IN_YEAR = re.compile(r"^(?=.*\b(?:was|were|did)\b).*\b(?:in|during|for)\s+(?:19|20)\d\d\b", re.I)
# Nouns that name a time role rather than a topic: "and the target?" asks for the earlier topic's.
ROLE_NOUNS = re.compile(r"\b(?:targets?|goals?|aims?|objectives?|plans?|projections?|forecasts?|status|level)\b", re.I)


def _past_verb(text: str) -> bool:
    """A past-tense main verb: an irregular past form, or an -ed form that no auxiliary or
    determiner turns into a participle or an adjective ("reached", not "has reached", "the planned",
    "self-developed")."""
    said = _WORD.findall(text)
    for i, w in enumerate(said):
        before = said[i - 1].lower() if i else ""
        if before in _BEFORE_PARTICIPLE or not w.islower() or "-" in w:
            continue
        if w in _IRREGULAR_PAST or (len(w) > 4 and w.endswith("ed") and i > 0 and not w.endswith("eed")):
            return True
    return False


def _year_times(text: str, as_of: str) -> set[When]:
    """Years read against the date of the document that says them."""
    if not as_of[:4].isdigit():
        return set()
    now, out = int(as_of[:4]), set()
    for start, end in _YEAR.findall(NAMED_YEAR.sub("the ", text)):
        year = int(start[:2] + end[-2:]) if end and len(end) == 2 else int(end or start)
        out.add(When.FUTURE if year > now else When.PAST if year < now else When.PRESENT)
    return out


# A deadline is a time to come unless the sentence says what had been done by it ("By the end
# of September 2021, 1.195 million stations had been built").
_DEADLINE = re.compile(r"\bby the end of\b|\bby (?:19|20)\d\d\b", re.I)


def times(text: str, as_of: str = "") -> set[When]:
    """Every time a statement speaks of (a sentence may set a current figure beside a target)."""
    found = {when for when, pattern in _DEICTIC_RE.items() if pattern.search(text)}
    found |= {when for when, pattern in _GRAMMAR_RE.items() if pattern.search(text)}
    if _past_verb(text):
        found.add(When.PAST)
    if _DEADLINE.search(text) and When.PAST not in found:
        found.add(When.FUTURE)
    return found | _year_times(text, as_of)


def asked(question: str) -> When | None:
    """The time a question asks about, if it says one. A question's tense alone is not one:
    questions are put in the present ("what is the target?") and in the past ("who founded
    it?") about the same facts. "Now", "last year", "will", "by 2025" and "target" are."""
    for when in (When.PRESENT, When.PAST, When.FUTURE):
        if _DEICTIC_RE[when].search(question):
            return when
    said = _TARGET_AS_BASE.sub(" ", question)
    if _PLANNED.search(_BY_YEAR.sub(" ", said)):
        return When.FUTURE
    if _BY_YEAR.search(said):
        # "had been renovated … by 2009" asks what was done by then (see ``asks_future_time``).
        return When.FUTURE if asks_future_time(question) else When.PAST
    # "How large was the cluster in 2025?" asks what was so in a year, not what was planned for it.
    return When.PAST if _PAST_IN_YEAR.search(question) and not ROLE_NOUNS.search(question) else None


def mismatch(question: When | None, sentence: set[When]) -> bool:
    """The sentence answers another time than the question asks about. The line that matters
    runs between what is planned and what is or was so: a target does not answer "now" nor
    "last year", and a current or past figure does not answer "by 2025". News gives this
    year's figures in the past tense, so past and present are not told apart."""
    if question is None or not sentence:
        return False
    if question is When.FUTURE:
        return When.FUTURE not in sentence
    return sentence == {When.FUTURE}


# Parts of a year a figure may be given for: "in the first quarter", "in the first half of 2023".
_PERIODS = (
    ((1, 3), r"(?:first|1st) quarter|Q1"),
    ((4, 6), r"second quarter|2nd quarter|Q2"),
    ((7, 9), r"third quarter|3rd quarter|Q3"),
    ((10, 12), r"fourth quarter|4th quarter|Q4"),
    ((1, 6), r"first half|1st half|H1"),
    ((7, 12), r"second half|2nd half|H2|last six months"),
)
_PERIOD_RE = tuple((months, re.compile(rf"\b(?:{pattern})\b", re.I)) for months, pattern in _PERIODS)
_MONTH_WORD = rf"(?:{'|'.join(MONTH_NAMES)})"
# "January to August", "January-July", "from January through March"; "the first eight months".
_MONTH_RANGE = re.compile(rf"\b({_MONTH_WORD})\s*(?:[-–]|to|through|until)\s*({_MONTH_WORD})\b", re.I)
_FIRST_MONTHS = re.compile(r"\bfirst\s+(\w+)\s+months\b", re.I)
# A month alone ("in August"), not a day of it ("on September 26").
_ONE_MONTH = re.compile(rf"\b({_MONTH_WORD})\b(?!\s*\d{{1,2}}\b)", re.I)
# "had been released by April 2021": a point in time the figure stands at, not a month it is for.
_AS_OF_MONTH = re.compile(rf"\b(?:by|as of|as at|until|till|up to|at the end of)\s+(?:the\s+end\s+of\s+)?"
                          rf"({_MONTH_WORD})\b(?!\s*\d{{1,2}}\b)", re.I)


_MONTH_OF_YEAR = re.compile(rf"\b({_MONTH_WORD})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b", re.I)


def dated_months(question: str, date: str | None) -> set[str]:
    """The months a question names that a document dated ``date`` speaks of without naming
    them: one it asks a state at ("by April 2021") when dated that month, and a month of a year
    that is its date's ("after the lines opened in December 2024", in a report of 16 December
    2024 that says "on Sunday"). A sentence that gives another part of the year is told apart
    by ``other_period``."""
    if not date or not date[5:7].isdigit():
        return set()
    month, year = int(date[5:7]), date[:4]
    out = {m.group(1).lower() for m in _AS_OF_MONTH.finditer(question)
           if MONTH_NAMES.index(m.group(1).lower()) + 1 == month}
    return out | {m.group(1).lower() for m in _MONTH_OF_YEAR.finditer(question)
                  if MONTH_NAMES.index(m.group(1).lower()) + 1 == month and m.group(2) == year}


@lru_cache(maxsize=4096)
def periods(text: str, months: bool = False) -> frozenset[tuple[int, int]]:
    """The parts of a year a text gives figures for, as (first month, last month): "first half"
    and "January to June" are (1, 6), "the first eight months" (1, 8). With ``months``, a month
    named alone is one too ("in August"): a question's "in August 2021" asks for that month, while
    a sentence's "announced in August" dates an event unless the question asks a month."""
    found = {span for span, pattern in _PERIOD_RE if pattern.search(text)}
    ranges = list(_MONTH_RANGE.finditer(text))
    found |= {(MONTH_NAMES.index(a.lower()) + 1, MONTH_NAMES.index(b.lower()) + 1)
              for a, b in (m.groups() for m in ranges)}
    for m in _FIRST_MONTHS.finditer(text):
        n = NUMBER_WORDS.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if 1 <= n <= 12:
            found.add((1, n))
    if months:
        # "the September 2024 report" names a document, not a month asked about.
        inside = ([(m.start(), m.end()) for m in ranges] + [m.span() for m in DOCUMENT_REFERENCE.finditer(text)]
                  + [m.span() for m in _AS_OF_MONTH.finditer(text)])
        found |= {(k, k) for m in _ONE_MONTH.finditer(text) if not any(a <= m.start() < b for a, b in inside)
                  for k in [MONTH_NAMES.index(m.group(1).lower()) + 1]}
    return frozenset(found)


@lru_cache(maxsize=256)
def _years_of(question: str) -> tuple[str, ...]:
    """The years a question asks about: not those that name a document ("in the August 2023
    press conference, what share …" asks nothing of the whole of 2023)."""
    return tuple(start for start, _ in _YEAR.findall(DOCUMENT_REFERENCE.sub(" ", question)))


_BASE_WORDS = (r"(?:(?:the|daily|monthly|weekly|average|level|figure|amount|total|of|in|that of|those of|early|late|"
               r"mid|end of)\s+)*")
# "up 470 percent on the daily average of late April", "13 times the daily average in late April",
# "more than in March": the base a figure is compared with, not the part of the year it is for.
_BASE_MONTH = re.compile(rf"\b(?:than|compared (?:with|to)|versus|vs\.?|against|times)\s+{_BASE_WORDS}{_MONTH_WORD}\b|"
                         rf"\b(?:up|down|rose|fell|increased?|decreased?|higher|lower)\b[^.;|]{{0,40}}?\b(?:on|over)\s+"
                         rf"{_BASE_WORDS}{_MONTH_WORD}\b", re.I)


def _day_months(text: str) -> set[int]:
    """The months of the days a text names ("July 21" → 7), by their full names."""
    return {MONTH_NAMES.index(w.lower()) + 1 for m in DAY_OF_MONTH.finditer(text)
            for w in re.findall(r"[A-Za-z]+", m.group(0)) if w.lower() in MONTH_NAMES}


def other_period(question: str, sentence: str) -> bool:
    """The sentence speaks of another part of the year than the question: the first half does
    not answer "in the first quarter of 2023", nor does a figure the sentence gives for all of
    2023; and for a question about a whole year ("in 2023"), a part of it is no answer either."""
    asked, years = periods(question, months=True), _years_of(question)
    if not (asked or years):
        return False
    one_month = any(a == b for a, b in asked)
    said = periods(_BASE_MONTH.sub(" ", sentence), months=one_month)
    if one_month:
        # "on July 21, 2012" is a day of July: it answers "in July 2012".
        said |= {(k, k) for k in _day_months(sentence)}
    if asked:
        return not asked & said and (bool(said) or any(y in sentence for y in years))
    return bool(said)


# A question that asks when something is to happen, or by a time to come: "what will the output be
# for …" uses "will" of what follows logically, and asks no time.
_FUTURE_TIME = re.compile(r"^\W*when\s+(?:will|shall|is|are)\b|"
                          r"\bnext\s+(?:year|month|decade)\b|\bin\s+(?:the\s+)?future\b|\bcoming\s+years?\b", re.I)
# "by the end of 2025" is a target, unless the question speaks of the past: "How much water had
# the project brought Beijing by the end of 2018?" asks what was done by then.
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)
_PAST_TENSE = re.compile(r"\b(?:had|did|was|were|went|rose|fell|grew|came|became|brought|took|got)\b|"
                         r"(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )\b[a-z]{3,}ed\b", re.I)
_TARGET = re.compile(r"\b(?:will|would|shall|plans?|planned|aims?|targets?|expected|goals?)\b|\b(?:is|are)\s+to\b|"
                     r"\b(?:was|were)\s+(?:\S+\s+){0,3}?to\s+[a-z]+", re.I)


def asks_future_time(question: str) -> bool:
    return bool(_FUTURE_TIME.search(question) or _BY_YEAR.search(question)
                and (_TARGET.search(question) or not _PAST_TENSE.search(question)))
