"""Words as the keyword index and the answerer compare them: lower-cased, stemmed, no stopwords."""
from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"\d+(?:st|nd|rd|th)\b|\d+(?:[.,]\d+)*|[^\W\d_]&[^\W\d_]+|[^\W\d_]+(?:['’][^\W\d_]+)?", re.U)

STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me
more most my myself no nor not now of off on once only or other our ours ourselves out over own same
she should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves also s t tell give name list please say does did many much
""".split())


@lru_cache(maxsize=1)
def _stemmer() -> "Stemmer.Stemmer":
    return Stemmer.Stemmer("english")


def fold(text: str) -> str:
    """Without accents: a question typed as "Herve" must find "Hervé"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    """Cached: the answer checks read the same retrieved sentences' words again and again."""
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(fold(text)))


def normalise_number(token: str) -> str:
    return token.replace(",", "") if token[:1].isdigit() else token


# Word forms a stemmer leaves apart, by the form they are asked in. Irregular past forms: "The
# work began in August 2018" answers "When did construction begin?". Only verbs that tell what
# happened: light verbs ("took", "made", "came") match too much ("took up to 30,000 visits a day"
# is no "how long did it take"), and forms that are also other words ("found", "left", "said") are
# not listed.
_IRREGULAR = {
    "begin": "began begun", "build": "built", "hold": "held", "rise": "rose risen", "fall": "fell fallen",
    "grow": "grew grown", "win": "won", "buy": "bought", "sell": "sold", "spend": "spent", "seek": "sought",
    "choose": "chose chosen", "write": "wrote written", "break": "broke broken", "fly": "flew flown",
    "pay": "paid", "lose": "lost", "drive": "drove driven", "speak": "spoke spoken", "lead": "led",
    "meet": "met", "undertake": "undertook undertaken", "oversee": "oversaw overseen", "rebuild": "rebuilt",
    "shrink": "shrank shrunk", "strike": "struck",
}
_FORMS = {past: present for present, pasts in {
    **_IRREGULAR,
    # and a role's holder by the verb: "Who chairs the exchange?" is asked of "its chairman". (Not a
    # country by its people's adjective: "British art" is not "art in Britain".)
    "chair": "chairman chairwoman chairperson chairmen chairwomen",
    # and a unit by its symbol: "How many kilometers of pipelines?" is answered by "200 km".
    "kilometer": "km kms", "kilogram": "kg kgs", "ton": "tonne tonnes",
}.items() for past in pasts.split()}
# Every irregular past form by its verb, light verbs too: "How many runners take part?" is told by
# "30,000 runners took part" (the answer's checks compare tenses; search does not fold these).
PAST_FORMS = {past: verb for verb, pasts in {
    **_IRREGULAR,
    "take": "took taken", "run": "ran", "make": "made", "come": "came", "go": "went gone", "get": "got gotten",
    "give": "gave given", "see": "saw seen", "do": "did done", "have": "had", "find": "found", "keep": "kept",
    "send": "sent", "bring": "brought", "tell": "told", "stand": "stood",
}.items() for past in pasts.split()}
# British spellings ("centre", "kilometres") as American ones, which the stemmer keeps apart.
_BRITISH = re.compile(r"(?<=[a-z][a-z])tre(s?)$")


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[str, ...]:
    """Content terms: stemmed words without stopwords; numbers kept whole (``10,000`` → ``10000``).
    Cached: answering a question looks at the same retrieved sentences again and again."""
    out = []
    stem = _stemmer().stemWord
    for w in words(text):
        if w in STOPWORDS:
            continue
        out.append(normalise_number(w) if w[0].isdigit()
                   else stem(_FORMS.get(w, _BRITISH.sub(r"ter\1", w.split("'")[0]))))
    return tuple(out)


_NAMED = re.compile(r"(?<=[\w,;:)] )[A-Z][\w&'’.-]*|\b[\w-]*[a-z][A-Z][\w-]*|\b[A-Z]{2,}[\w-]*")


@lru_cache(maxsize=16384)
def name_terms(text: str) -> frozenset[str]:
    """Terms of the names in a text: capitalised words after its first word, and words written
    with inner capitals or in capitals (LLaMA, DetectGPT, BERT)."""
    return frozenset(t for match in _NAMED.findall(text) for t in terms(match))


_COMPOUND_TAIL = re.compile(r"(?<=[^\W_])-([^\W_][\w-]*)")


def naming_terms(title: str) -> set[str]:
    """Terms of a title that can name its document alone: a hyphenated word's tail is not one
    ("Megatron-LM" is named by "Megatron", not by any "LM")."""
    return set(terms(_COMPOUND_TAIL.sub(" ", title)))


# The number words texts and questions spell out, with their values.
NUMBER_WORDS = {w: n for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split(), start=1)}


# Month names, lower-cased in calendar order, and a month as texts write it ("September", "Sept", "Sep").
MONTH_NAMES = [name.lower() for name in calendar.month_name[1:]]
MONTH = (rf"(?:{'|'.join(calendar.month_name[1:])}|"
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
# A day beside its month ("May 1", "1st of May", "Jan. 6"): part of a date, no figure.
DAY_OF_MONTH = re.compile(rf"\b{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|"
                          rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\.?")


_YEAR_SAID = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b(?![-–]\d)")
_BASE_YEAR = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?|from|since)\s+"
                        rf"(?:(?:in|the|that of|those of|end of|same period (?:of|in)|early|late|mid|{MONTH})"
                        r"\s+)*"
                        r"(?:1[5-9]\d\d|20\d\d)\b", re.I)


# "Since the State Council approved the zones in September 2020, the city has drawn 1,100
# projects": a span that runs from that year to the text's own date.
_SINCE_YEAR = re.compile(r"\bsince\s+[^,.;:]{0,60}?\b(?:1[5-9]\d\d|20\d\d)\b", re.I)


# "the venues of the 2022 Winter Olympics", "at the 2019 World 5G Conference": a year that is part
# of an event's name dates the event, not the sentence's facts.
NAMED_YEAR = re.compile(r"\bthe\s+((?:1[5-9]\d\d|20\d\d))\s+(?=[A-Z])")
# "the Beijing 2022 Organizing Committee", "Expo 2020 Dubai": a year inside a name, between its
# capitalised words (not "In 2022 Beijing …" nor "March 2022 Beijing …").
IN_NAME_YEAR = re.compile(rf"\b(?!(?:In|By|Since|From|After|Before|During|Until|Through|Of|On|At|For|And|Or|The|"
                          rf"Than|To|{MONTH})\b)[A-Z][\w&'’.-]*\s+((?:19|20)\d\d)(?=\s+[A-Z]|['’]s\b)")


def without_name_years(text: str) -> str:
    """The text without the years inside names ("the Beijing 2022 Organizing Committee")."""
    return IN_NAME_YEAR.sub(lambda m: m.group(0)[:m.start(1) - m.start()], text)


def years_since(text: str) -> frozenset[str]:
    """The years that start a span up to the text's date: "since 2012", "since the campaign began
    in 2012"."""
    return frozenset(m.group(0)[-4:] for m in _SINCE_YEAR.finditer(text))


@lru_cache(maxsize=16384)
def years_spoken_of(text: str) -> frozenset[str]:
    """The years a text gives its facts for: not a comparison's base ("10.4 percent more than
    in 2021"), nor the start of a span up to its date ("since … September 2020"), nor a year in
    an event's name ("the 2022 Winter Olympics", "the Beijing 2022 Organizing Committee"), nor
    the ends of a period ("2021-25")."""
    text = NAMED_YEAR.sub("the ", _SINCE_YEAR.sub(" ", _BASE_YEAR.sub(" ", text)))
    text = without_name_years(text)
    return frozenset(m.group(0) for m in _YEAR_SAID.finditer(text) if text[m.start() - 1:m.start()] not in ("-", "–"))


_COMPARED_YEAR = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?)\s+"
                            r"(?:(?:in|the|that of|those of|end of|same period (?:of|in))\s+)*"
                            r"((?:1[5-9]\d\d|20\d\d))\b", re.I)


@lru_cache(maxsize=16384)
def years_not_spoken_of(text: str) -> frozenset[str]:
    """The years a text names only as a comparison's base or in an event's name: "5,794 projects
    in 2022, 61.7 percent more than in 2021" gives no figure for 2021, nor "installed at the venues
    of the 2022 Winter Olympics" for 2022."""
    named = {m.group(1) for m in _COMPARED_YEAR.finditer(text)} | set(NAMED_YEAR.findall(text))
    return frozenset(named - years_spoken_of(text))


_YEAR_AFTER = re.compile(r",?\s*(?:19|20)\d\d\b")
_RELATIVE_YEAR = re.compile(r"\b(last|previous|this|next|the coming)\s+year\b", re.I)
_YEAR_STEP = {"last": -1, "previous": -1, "this": 0, "next": 1, "the coming": 1}


# "five fewer than in the same period of last year": a comparison's base, as with a year.
_BASE_RELATIVE = re.compile(r"\b(?:than|compared (?:with|to)|versus|from)\s+(?:in\s+)?(?:the same period (?:of|in)\s+)?"
                            r"(?:last|previous|the previous)\s+year\b", re.I)


# "Launched on Nov 15 last year, the exchange now has 123 listed companies": "now" is the text's date.
_NOW = re.compile(r"\b(?:now|currently|at present|so far|to date|today)\b", re.I)


@lru_cache(maxsize=16384)
def relative_years(text: str, date: str | None) -> frozenset[str]:
    """The years "last year", "this year", "next year", "now" and a day without its year ("on
    September 27") mean in a text dated ``date`` (not a comparison's base: "more than last
    year"). Cached, as ``years_spoken_of``."""
    if not date or not date[:4].isdigit():
        return frozenset()
    text = _BASE_RELATIVE.sub(" ", text)
    years = {str(int(date[:4]) + _YEAR_STEP[m.group(1).lower()]) for m in _RELATIVE_YEAR.finditer(text)}
    # "released on September 27", in a text of 29 September 2011, was released in 2011.
    undated_day = any(not _YEAR_AFTER.match(text, m.end()) for m in DAY_OF_MONTH.finditer(text))
    return frozenset(years | ({date[:4]} if _NOW.search(text) or undated_day else set()))


# What a document is called in a question ("the 2023 work plan", "the guideline", "that report").
DOCUMENT_NOUN = (r"(?:guidelines?|plans?|reports?|releases?|documents?|papers?|articles?|studies|study|briefings?|"
                 r"conferences?|communiqu[eé]s?|bulletins?|notices?|statements?|work plan|notes?|memos?|circulars?|"
                 r"announcements?|interviews?|transcripts?|speech(?:es)?|newsletters?|fact ?sheets?|stor(?:y|ies)|"
                 r"explainers?|faqs?|q ?& ?as?|questions and answers)")
DOCUMENT_REFERENCE = re.compile(rf"\b(?:the|this|that|its|their)\s+(?:(?:19|20)\d\d(?:['’]s)?\s+)?"
                                rf"(?:(?!(?:of|the|a|an|on|in|for|about|to|by)\b(?!-))[\w-]+\s+){{0,4}}?"
                                rf"{DOCUMENT_NOUN}\b", re.I)


_BACK_MATTER = re.compile(r"^\s*(?:[\dA-Z]{1,3}\.?\s+)?(?:references|bibliography|works cited|literature cited|"
                          r"citations|endnotes)\s*$", re.I)
_ASKS_SOURCES = re.compile(r"\b(?:cit(?:e|es|ed|ing|ation)|references?|bibliograph|prior work|related work)", re.I)


def back_matter(section: str | None, question: str) -> bool:
    """A passage of a paper's reference list: other works' titles match many questions' words
    and answer none, unless the question asks what is cited."""
    return bool(section and _BACK_MATTER.match(section)) and not _ASKS_SOURCES.search(question)


# Runs of capitalised words ("Major League Soccer", "Edward the Confessor"): a name is its words in their order.
_PROPER_RUN = re.compile(r"(?<=[\w,;:)] )(?!I\b)([A-Z][\w&'’.-]*(?:\s+(?:of|the|de|du|von|van)?\s*[A-Z][\w&'’.-]*)+)")
_NAME_JOINS = re.compile(r"\s+(?:and|&)\s+|['’]s\b")


def name_phrases(text: str) -> tuple[str, ...]:
    """Names of two words or more, in the text's words ("Rob Curran" is not "Tim Curran")."""
    found = []
    for run in _PROPER_RUN.findall(text):
        for part in _NAME_JOINS.split(run):
            said = words(part)
            if len(said) >= 2:
                found.append(" ".join(said))
    return tuple(dict.fromkeys(found))


def holds_phrase(text: str, phrase: str) -> bool:
    """Whether ``text`` says the words of ``phrase`` one after another."""
    return f" {phrase} " in f" {' '.join(words(text))} "


# A sentence that is about what the one before it names: a pronoun subject ("It lists 89 tasks",
# "At 7 percent a year it will reach …", "Built on the site of a steel mill, it is …"), or a definite
# description whose noun that sentence used ("The 7.2-square-kilometre park is home to …" after
# "The Zhongguancun Life Science Park …").
ANAPHOR = re.compile(r"(It|Its|This|These|That|Those|They|Their|He|His|She|Her|Such)\b|"
                     r"(?:Of|Among)\s+(?:these|them|those|which)\b|"
                     r"(?:At|In|By|From|On|Since|After|Before|Over|For|With|Under|Until)\b[^,.;]{0,40}?,?\s+"
                     r"(?:it|they|he|she)\b|"
                     r"[A-Z][a-z]+(?:ed|lt|wn|en)\b[^.;]{0,120}?,\s+(?:it|they|he|she)\b|"
                     # '"The more the better," she said': a quotation's speaker named before it.
                     r"[\"“][^\"“”]{1,200}[\"”]\s*,?\s+(?:he|she|they)\s+(?:said|says|added|adds|told|noted|"
                     r"explained|asked|recalled)\b|"
                     # "Beijing had 443,000 of them in 2010": a count of what the sentence before names
                     # (not "251 policies, and 137 of them", of its own).
                     r"[^.;\d]{0,60}?\b(?:\d[\d,.]*(?:\s+(?:million|billion|thousand))?|(?i:all|most|many|some|half|"
                     r"(?:one|two)-thirds?|a\s+(?:third|quarter)))\s+of\s+"
                     r"(?:them|these|those)\b|"
                     # "In the early 1980s there were only 42.", "The Louvre came second, with 9.2
                     # million.": a count without its noun, of what the sentence before counts.
                     r"[^.;]{0,80}?\b(?:were|was|are|is|had|has|have|numbered|totall?ed|reached|stood at|"
                     r"rose to|fell to|with)\s+(?:(?:only|just|about|around|nearly|almost|some|over|under|more than|"
                     r"fewer than|less than)\s+)?\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s*[.!]?\s*$")
_DEFINITE = re.compile(r"The\s+((?:[\w.'’-]+\s+){0,2}[\w'’-]+)")


def antecedent(sentence: str, earlier: list[str], repeated: bool = True) -> int | None:
    """Which of the ``earlier`` sentences ``sentence`` speaks of, if it refers back: for a
    description, the latest that names what it describes ("The zone covers 119.68 square
    kilometres" after "The China (Beijing) Pilot Free Trade Zone was listed … On the same day …
    on the zone": the name's word, written small); else the one just before, for a pronoun or,
    with ``repeated``, a description that repeats one of its words."""
    if not earlier:
        return None
    match = _DEFINITE.match(sentence)
    if match:
        described = {t for w in match.group(1).split() if w[:1].islower() for t in terms(w)}
        for k in range(len(earlier) - 1, -1, -1):
            if described & name_terms(earlier[k]):
                return k
    last = earlier[-1]
    return len(earlier) - 1 if (refers_back(sentence, last) if repeated else ANAPHOR.match(sentence)) else None


def refers_back(sentence: str, previous: str) -> bool:
    """Whether ``sentence`` speaks of what ``previous`` (the sentence before it) names."""
    if not previous:
        return False
    if ANAPHOR.match(sentence):
        return True
    match = _DEFINITE.match(sentence)
    return bool(match) and bool(set(terms(match.group(1))) & set(terms(previous)))


# A table's row as the chunker keeps it, one row a line: "| STAR Market and ChiNext | 20 percent |",
# "Net profit | 6.93 billion yuan | up 19.43 percent"; and a Markdown table's rule ("|---|---|").
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]+(?:\s\|\s[^|\n]*)+$")
TABLE_RULE = re.compile(r"^[\s|:-]+$")
# A list's item: "- 20 cultural properties;", "• …", "1. …", "(a) …".
LIST_ITEM = re.compile(r"^\s*(?:[-•*◦▪‣]\s+|\d{1,2}[.)]\s+|\(?[a-z]\)\s+)")


# A description that ends its phrase inside a sentence: "said Kong Lei, deputy director of the
# bureau.", "Sui Qiang, general manager of the exchange, said", "the exchange's first index".
_DESCRIPTION = re.compile(r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)(?=\s*(?:[,.;:)]|['’]s\b|$))")
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:(?:of|and|for|on|the|de)\s+)*[A-Z][\w&'’.-]*)*")


@lru_cache(maxsize=16384)
def _runs(text: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(terms(run)) for run in _NAME_RUN.findall(text))


# A place called by its common noun: "the city's GDP", "87.5 percent of the capital's population".
# "the city of Shenzhen" names its own place.
PLACE_NOUN = re.compile(r"\b[Tt]he\s+(?:city|capital|municipality|country|nation|province|region|state|town|county|"
                        r"district|metropolis)\b(?!\s+(?:of|council|government)\b)")


def described_names(sentence: str, earlier: list[str]) -> frozenset[str]:
    """The terms of the names a sentence's descriptions stand for: "the bureau" is the latest
    earlier name with that word ("The Beijing Municipal Bureau of Economy and Information
    Technology announced …"), so "Who is the deputy director of the Beijing Municipal Bureau …?"
    is answered by "…, said Kong Lei, deputy director of the bureau"."""
    out: set[str] = set()
    for match in _DESCRIPTION.finditer(sentence):
        head = terms(match.group(1))
        if not head:
            continue
        for text in reversed(earlier):
            named = [run for run in _runs(text) if head[0] in run and len(run) > 1]
            if named:
                out.update(*named)
                break
    return frozenset(out)

