"""A document's title, date and publisher, read as data rather than as text to quote.

They come, first found first, from a sidecar file ``NAME.meta.yaml`` beside the document, YAML
front matter, a header block at the top of the text (``Date:2021-12-24 Source:China Daily``,
``Published by …``), or the file's own properties (PDF and Word properties, HTML meta tags).
The header line's offsets are kept, so that an answer about the metadata cites that line.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import yaml

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "Mar 17, 2023", "Oct. 1, 2025", "Sept 5, 2024": a month by its first letters.
_MONTH = rf"(?:{_MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
_DATE_PATTERNS = (
    (re.compile(r"\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b"), "ymd"),
    (re.compile(rf"\b({_MONTH}) (\d{{1,2}}){_ORDINAL},? ((?:19|20)\d\d)\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}}){_ORDINAL} ({_MONTH}),? ((?:19|20)\d\d)\b", re.I), "dmy"),
    # "09/29 2018", "29/09/2018": month first unless it cannot be.
    (re.compile(r"\b(\d{1,2})/(\d{1,2})[/ ]((?:19|20)\d\d)\b"), "numeric"),
    # "21.03.2024": day first, as Europe writes it.
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b"), "dotted"),
)
_DATE_KEYS = (r"date|dated|published(?: on)?|released(?: on)?|issued(?: on)?|(?:last )?(?:updated|reviewed|modified)|"
              r"posted")
_PUBLISHER_KEYS = r"source|publisher|published by|issued by|released by|author|by|from|agency"
# "Published: Nov 13, 2021 05:34 AM", "— Published 11 July 2022": a date's label, not a name.
DATE_LABEL = re.compile(rf"\W*(?:{_DATE_KEYS})\b", re.I)
# "Date:2021-12-24 Source:China Daily", "Source: Xinhua | Updated: 2023-05-19"
# "Source title: …" at a story's foot gives the title of the story it was taken from: no publisher.
_FIELD = re.compile(rf"(?:^|(?<=\s)|(?<=\|))({_DATE_KEYS}|{_PUBLISHER_KEYS}|(?:source\s+|original\s+)?title)"
                    rf"\s*[:：]\s*", re.I)


def is_field_line(line: str) -> bool:
    """A labelled header line ("Date: 2023-05-30 Source: Global Times"): data about the text,
    never part of one of its paragraphs."""
    return bool(_FIELD.match(line.strip()))


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    date: str | None = None
    publisher: str = ""
    span: tuple[int, int] | None = None  # the header line that states the date or publisher

    def merged(self, fallback: "Metadata") -> "Metadata":
        """These fields, each missing one taken from ``fallback``."""
        return Metadata(self.title or fallback.title, self.date or fallback.date,
                        self.publisher or fallback.publisher, self.span or fallback.span)


def _month_number(name: str) -> int:
    """"March", "Mar", "Mar." and "Sept" → 3, 3, 3 and 9."""
    return datetime.strptime(name.rstrip(".")[:3].title(), "%b").month


def find_date(text: str) -> str | None:
    """The first date in ``text``, as ISO ``YYYY-MM-DD``."""
    found = _date_match(text)
    return found[0] if found else None


def _date_match(text: str) -> tuple[str, re.Match] | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``, with the match that wrote it."""
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            a, b, c = match.groups()
            try:
                if order == "ymd":
                    return datetime(int(a), int(b), int(c)).date().isoformat(), match
                if order == "numeric":
                    month, day = (int(a), int(b)) if int(a) <= 12 else (int(b), int(a))
                    return datetime(int(c), month, day).date().isoformat(), match
                if order == "mdy":
                    return datetime(int(c), _month_number(a), int(b)).date().isoformat(), match
                if order == "dotted":
                    return datetime(int(c), int(b), int(a)).date().isoformat(), match
                return datetime(int(c), _month_number(b), int(a)).date().isoformat(), match
            except ValueError:
                continue
    return None


def as_date(value: object) -> str | None:
    """A date given as data (YAML date, ISO text, PDF ``D:20190528…``), as ISO ``YYYY-MM-DD``."""
    if isinstance(value, (date, datetime)):
        return (value.date() if isinstance(value, datetime) else value).isoformat()
    text = str(value or "").strip()
    pdf = re.match(r"D:((?:19|20)\d\d)(\d\d)(\d\d)", text)
    if pdf:
        return find_date("-".join(pdf.groups()))
    return find_date(text)


# "Published 2025-03-06 by Geopolitechs": an unlabelled dateline, often at a document's foot.
# "Released by the People's Government of Beijing Municipality on 3 February 2023": who, then when.
# "Published 2025-03-06 by …", "Last reviewed 6 May 2020 | That's Beijing", "Released by X on …".
_PUBLISHED_LINE = re.compile(r"^\s*(?:last\s+)?(?:published|posted|released|issued|updated|reviewed|modified)"
                             r"(?:\s+on)?\s+(?P<date>.{6,30}?)"
                             r"(?:\s+by\s+(?P<who>[^.|]{2,160})|\s*[|·]\s*(?P<site>[^.|·]{2,80}))?\s*\.?\s*$|"
                             r"^\s*(?:published|posted|released|issued|updated)\s+by\s+(?P<by>[^.|]{2,160}?)\s+on\s+"
                             r"(?P<on>.{6,30}?)\s*\.?\s*$", re.I)


# "UrduPoint News | Thu 29th July 2021 | 05:20 PM", "(Xinhua) 10:38, October 21, 2021",
# "*Xinhua, December 31, 2024*": a date among names, with no labels. What is left once the date,
# the weekday and the clock time are taken out must be names (a sentence with a date is no
# dateline); the publisher is the first organisation's name, else the first name that is not a
# "By …" author or a section label.
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d(?::\d\d)?(?:\s*[ap]\.?m\b\.?)?|\s*[ap]\.?m\b\.?)"
                    r"(?:\s*\(?(?:GMT|UTC|BJT|CST)(?:\s*[+-]\s*\d{1,2})?\)?)?", re.I)
_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b\.?")
# A name's word: capitalised, or a brand written small ("eTurboNews", "chinanews.com").
_NAME_WORD = (r"(?:[A-Z0-9][\w.&'’/-]*|[a-z]+[A-Z][\w.&'’-]*|[a-z][\w-]*\.(?:com|cn|org|net|gov)(?:\.[a-z]{2})?|"
              r"of|the|and|for|on|de|&)")
# "By He Wei in Shanghai (China Daily)": a byline may say where its writer filed from.
_NAME_FIELD = re.compile(rf"(?:[Bb]y\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}|"
                         rf"[Bb]y\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}\s+in\s+"
                         r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
_FIELD_BREAK = re.compile(r"\s*(?:[|·•()\[\]]|,\s|\s[-–—/]\s|\s{2,})\s*")


def _names(text: str) -> list[str] | None:
    """The names a dateline holds besides its date, or None if ``text`` holds anything else."""
    text = _ROLE.sub("By ", _CLOCK.sub(" | ", _WEEKDAY.sub(" | ", text)))
    fields = [f.strip(" .:;,—–-") for f in _FIELD_BREAK.split(text)]
    fields = [_AUTHOR_BEFORE.sub(_wrote_or_published, f) for f in fields if f and not DATE_LABEL.fullmatch(f)]
    if not all(_NAME_FIELD.fullmatch(f) for f in fields):
        return None
    return fields


# Words that mark a name as an organisation's: "Yang Zekun | China Daily | Updated: …" is
# published by China Daily, whatever name stands first.
_ORGANISATION = re.compile(r"\b(?:Daily|News|Times|Post|Press|Xinhua|Agency|Review|Journal|Gazette|Herald|Tribune|"
                           r"Network|Media|Online|Service|Office|Bureau|Ministry|Council|Commission|Government|"
                           r"Committee|Department|Administration|Institute|Academy|University|Association|Group|"
                           r"Company|Ltd|Inc|Corporation|Radio|TV|Television|Broadcasting|Magazine|Weekly|"
                           r"Newswire|Wire|Observer|Reuters|Bloomberg|CGTN|CCTV)\b|\.(?:com|cn|org|net)\b")
# "Editor: Li Na", "Reporter: …": a person who wrote or edited, as "By" names one.
_ROLE = re.compile(r"\b(?:editors?|reporters?|writers?|translators?|photos?|photographers?|(?:edited|written|compiled)"
                   r"\s+by)\s*:?\s+(?=[A-Z])", re.I)


# The section a site files a story under, printed beside its date ("Technology · Aug 02, 2021 ·
# EqualOcean"): a label, not who published it.
SECTION_LABELS = frozenset(
    "news world china national local international business economy finance markets companies industry technology "
    "tech science sci-tech society culture opinion politics sports health life lifestyle travel education "
    "environment metro briefing updates latest home headlines voices focus features spotlight analysis top "
    "stories special exclusive breaking".split())
# "Faizan Hashmi Published May 18, 2024": the name before the verb is the author's.
_AUTHOR_BEFORE = re.compile(r"^(.+?)\s+(?:published|posted|updated|released)(?:\s+on)?$", re.I)


def _wrote_or_published(match: re.Match) -> str:
    """"Faizan Hashmi Published …" names its author; "Xinhua/CGTN Published: …" its publisher."""
    return match.group(1) if _ORGANISATION.search(match.group(1)) else f"By {match.group(1)}"


# A site's account that posted a page ("Posted in NEWS on October 23, 2024 by admin"): no publisher.
_ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "site admin", "guest", "staff"})


def _publisher(names: list[str]) -> str:
    named = [n for n in names if not re.match(r"by\s", n, re.I) and n.lower() not in SECTION_LABELS
             and n.lower() not in _ACCOUNTS]
    return next((n for n in named if _ORGANISATION.search(n)), named[0] if named else "")[:120]


def _beside(text: str, date: re.Match) -> list[str] | None:
    """The names around the date ``date`` matched in ``text`` (see ``_names``)."""
    return _names(f"{text[:date.start()]} | {text[date.end():]}")


def _span(start: int, line: str) -> tuple[int, int]:
    """The offsets of ``line`` (at ``start``) without the blanks around it."""
    return start + len(line) - len(line.lstrip()), start + len(line.rstrip())


def _plain(line: str) -> str:
    """A line without Markdown emphasis or quoting ("*Xinhua, December 31, 2024*", "> Xinhua ·
    …"), at the same offsets."""
    return re.sub(r"^(\s*)>", r"\1 ", line.replace("*", " "))


def _lines(text: str):
    return re.finditer(r"[^\n]*\S[^\n]*", text)


def unlabelled_dateline(line: str) -> tuple[str, str] | None:
    """The date and publisher of a dateline without labels, None if ``line`` is no such line."""
    line = _plain(line).strip().strip("_ ")
    if len(line) > 120 or line.startswith("|"):
        return None
    found = _date_match(line)
    if not found:
        return None
    names = _beside(line, found[1])
    if names is None and line.count(" | ") >= 2:
        # "Beijing 2022 venues | CGTN | 30 November 2020": between bars, a section's label may
        # stand beside the publisher and the date, and the line is still a dateline.
        said = [_names(field) for field in line.split(" | ") if found[1].group(0) not in field]
        names = [n for ns in said if ns for n in ns] or None
    return None if names is None else (found[0], _publisher(names))


# "BEIJING, May 25 (Xinhua) -- Beijing will …", "ISLAMABAD, (APP - UrduPoint … - 27th Nov, 2019 ) :":
# a wire story's dateline opens its first paragraph, with the agency in brackets after the place.
# A place in capitals may stand alone; one in title case ("Beijing (CNS) --") needs its agency and
# a dash (not "Reporter (China Daily): …"), and the agency may stand alone ("(ECNS) -- Beijing …").
_AGENCY_DASH = r"\([A-Z][^()\n]{1,80}\)\s*(?:--|[—–])"
_WIRE = re.compile(rf"^\s*(?:[A-Z][A-Z .'’-]{{1,40}}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}"
                   rf"(?=,?\s*(?:[^()\n]{{3,30}}?,?\s*)?{_AGENCY_DASH})|(?={_AGENCY_DASH}))"
                   r"(?:,\s*(?P<date>[^()\n]{3,30}?))?,?\s*"
                   r"(?:\((?P<who>[A-Z][^()\n]{1,80})\)\s*)?(?:--|[—–]|-(?=\s)|(?(who):|(?!)))")


def wire_dateline(line: str, story: str = "") -> tuple[str | None, str, int] | None:
    """The date, the agency and the length of a wire dateline opening ``line`` (see ``_WIRE``);
    None if ``line`` opens with none. A date without its year ("Sept 17 (APP)") takes the one year
    the ``story`` around it names ("… ran the 2017 Beijing Marathon …"), else gives no date."""
    found = _WIRE.match(line)
    if not found or not found.group("who") and not re.search(rf"\b{_MONTH}\s+\d", found.group("date") or ""):
        return None
    who = found.group("who") or ""
    dated = _date_match(who)
    said = found.group("date") or ""
    day = dated[0] if dated else find_date(said)
    years = set(re.findall(r"\b(?:19|20)\d\d\b", story))
    if day is None and said and who and len(years) == 1:
        day = find_date(f"{said}, {years.pop()}")
    names = _beside(who, dated[1]) if dated else _names(who) if who else []
    return (day, _publisher(names), found.end()) if names is not None else None


def signs_dateline(line: str, following: str) -> bool:
    """A publisher's name alone on the line above a dateline that names none ("China News" over
    "March 24, 2024")."""
    names = _names(_plain(line)) if len(line) <= 60 and not _date_match(line) else None
    below = unlabelled_dateline(following)
    return bool(names) and len(names) == 1 and below is not None and not below[1]


# "By Zhang Hui Source:Global Times Published: 2017/8/2": a byline before the labelled fields.
_BYLINE_FIELDS = re.compile(rf"^\s*[Bb]y\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}}?\s*[|·,]?\s*"
                            rf"(?=(?i:{_DATE_KEYS}|{_PUBLISHER_KEYS}|title)\s*[:：])")


def is_dateline(line: str) -> bool:
    """A line that dates the document, labelled ("Date: … Source: …", after a byline or not) or not
    ("Published 2025-03-06 by …", "Xinhua, December 31, 2024"): where it stands, never a
    paragraph's start or end."""
    published = _PUBLISHED_LINE.match(line)
    return (is_field_line(line) or bool(_BYLINE_FIELDS.match(line))
            or bool(published and as_date(published.group("date") or published.group("on")))
            or unlabelled_dateline(line) is not None)


def _headline(line: str) -> bool:
    words = line.split()
    return 4 <= len(words) <= 25 and len(line) <= 150 and not re.search(r"[.!?:;,]$", line) and not is_dateline(line)


def masthead_end(lines: list[str]) -> int:
    """How many of a text's first lines stand above its headline as a masthead: a short name over
    a dateline ("Caixin" over "Jan 06, 2020 05:59 AM"), or a short line over a labelled one ("Post
    sponsored by" over "Source: …"), with the datelines under it. 0 when no headline-like line
    follows: a short title over its date and its first paragraph is the title."""
    if len(lines) < 3 or len(lines[0].split()) > 3 or re.search(r"\d|[.!?:]$", lines[0]) or not is_dateline(lines[1]):
        return 0
    end = 1
    while end < len(lines) and is_dateline(lines[end]):
        end += 1
    return end if any(_headline(line) for line in lines[end:end + 2]) else 0


_NAMED_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> str | None:
    """The date a file's name gives ("2020-11-27-congress-inspection.txt", "report_20201127.pdf"):
    how many people file releases, and the last place to look for a date the text does not state."""
    found = _NAMED_DATE.search(name)
    return as_date(f"{found.group(1)}-{found.group(3)}-{found.group(4)}") if found else None


# How many of a text's last lines are its foot, where a dateline may sign it.
_FOOT_LINES = 3


def header_end(text: str, lines: int = 8) -> int:
    """Where the first ``lines`` lines end: the header zone, where a line of a date and names is
    the document's dateline rather than, say, a row of a schedule."""
    first = list(itertools.islice(_lines(text), lines))
    return first[-1].end() if first else 0


def footer_start(text: str, lines: int = _FOOT_LINES) -> int:
    """Where the last ``lines`` lines begin: the foot, where a dateline signs the text ("china.org.cn
    | October 11, 2024") as it dates it under the title."""
    every = list(_lines(text))
    return every[-lines].start() if len(every) >= lines else 0


def header(text: str, lines: int = 8, loose: bool = True) -> Metadata:
    """Date and publisher from labelled fields in the first lines (``Date:``, ``Source:``,
    ``Published by``…), or from a "Published <date> by <publisher>" line among the first or last
    lines, with the offsets of the line that holds them; with ``loose``, else any date among the
    first lines (see ``loose_date``)."""
    found = Metadata()
    every = list(_lines(text))
    zone = header_end(text, lines)
    masthead = masthead_end([_plain(m.group(0)).strip() for m in every[:6]])
    last = max(lines, len(every) - _FOOT_LINES)
    # "Launched | 16 June 2012" over "Districts | Dongcheng and Chaoyang": a table's rows, no dateline.
    # A line set apart by a blank one ("china.org.cn | October 11, 2024" under a table) is none of its rows.
    barred = [" | " in m.group(0) for m in every]
    touching = [i + 1 < len(every) and "\n\n" not in text[every[i].end():every[i + 1].start()]
                for i in range(len(every))]
    tabular = {i for i, bar in enumerate(barred)
               if bar and (i and barred[i - 1] and touching[i - 1]
                           or i + 1 < len(every) and barred[i + 1] and touching[i])}
    for i, match in [*enumerate(every[:lines]), *enumerate(every[last:], last)]:
        if i in tabular:
            continue
        line = _plain(match.group(0))
        span = _span(match.start(), line)
        published = _PUBLISHED_LINE.match(line)
        when = published and as_date(published.group("date") or published.group("on"))
        if when:
            who = (published.group("who") or published.group("by") or published.group("site") or "").strip()
            found = found.merged(Metadata("", when, _publisher([who]) if who else "", span))
            continue
        fields = list(_FIELD.finditer(line))
        if not fields:
            # Under the title, or signed at the foot ("Xinhua, 17 August 2021").
            unlabelled = unlabelled_dateline(line) if match.start() < zone or i >= last else None
            if (unlabelled and not unlabelled[1] and (i >= 2 or i == 1 and masthead)
                    and signs_dateline(every[i - 1].group(0), line)):
                above = _plain(every[i - 1].group(0))
                unlabelled = (unlabelled[0], above.strip())
                span = (_span(every[i - 1].start(), above)[0], span[1])
            if unlabelled:
                found = found.merged(Metadata("", unlabelled[0], unlabelled[1], span))
            continue
        values, trailing = {}, []
        for field, following in zip(fields, fields[1:] + [None]):
            value = line[field.end():following.start() if following else len(line)].strip(" |·,;")
            # "Published: January 2024 | Flanders-China Chamber of Commerce", "Updated: January 21,
            # 2024 13:39 Xinhua": a name after the value.
            value, _, rest = value.partition(" | ")
            trailing += _names(rest) or [] if rest else []
            dated = _date_match(value) if re.fullmatch(_DATE_KEYS, field.group(1).lower()) else None
            after = _CLOCK.sub(" ", value[dated[1].end():]).strip(" ·,;") if dated else ""
            trailing += _names(after) or [] if after else []
            values.setdefault(field.group(1).lower(), value.strip())
        day = next((as_date(v) for k, v in values.items() if re.fullmatch(_DATE_KEYS, k)), None)
        who = ""
        for key, value in values.items():
            if not re.fullmatch(_PUBLISHER_KEYS, key) or not value:
                continue
            dated = _date_match(value)
            if dated is None:
                who = who or value
                continue
            # "Source: China News Service, November 9, 2023": a publisher and the date together.
            day = day or dated[0]
            who = who or _publisher(_beside(value, dated[1]) or [])
        if not who and fields[0].start() > 0:
            # "By FAN FEIFEI | China Daily | Updated: 2022-04-29": names before the first label.
            who = _publisher(_names(line[:fields[0].start()]) or [])
        who = who or _publisher(trailing)
        title = values.get("title", "")
        if day or who or title:
            found = found.merged(Metadata(title, day, who[:120], span))
    return found if found.date or not loose else replace(found, date=loose_date(text, lines))


def loose_date(text: str, lines: int = 8) -> str | None:
    """Any date among the first lines, where no line dates the text: the weakest sign of its date
    (it may be a photo caption's, "Photo taken on May 25, 2018 shows …"), below the file's
    properties and a wire dateline."""
    return find_date("\n".join(text.splitlines()[:lines]))


def wire_header(text: str, lines: int = 8) -> Metadata:
    """The agency and date of a wire dateline opening a paragraph among the first ``lines``
    lines ("BEIJING, May 25 (Xinhua) -- …"), with its offsets. It names the agency in brief
    ("AP"): a byline, a source line or the file's properties say it in full, and come first."""
    for match in itertools.islice(_lines(text), lines):
        wire = wire_dateline(match.group(0), story=text[match.start():].split("\n\n", 1)[0])
        if wire and (wire[0] or wire[1]):
            start = _span(match.start(), match.group(0))[0]
            return Metadata("", wire[0], wire[1], (start, start + len(match.group(0)[:wire[2]].strip())))
    return Metadata()


_FRONT_MATTER = re.compile(r"---\s*\n(.*?)\n---\s*(\n|$)", re.S)


def front_matter_end(text: str) -> int:
    """Where YAML front matter ends (0 when the text has none): data about the text, no part of it."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


def front_matter(text: str) -> Metadata:
    """``title``, ``date`` and ``publisher`` (or ``source`` / ``author``) of YAML front matter."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Metadata()
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return Metadata()
    return from_mapping(data) if isinstance(data, dict) else Metadata()


def from_mapping(data: dict) -> Metadata:
    lowered = {str(k).lower(): v for k, v in data.items()}
    who = next((lowered[k] for k in ("publisher", "source", "issued_by", "author") if lowered.get(k)), "")
    return Metadata(str(lowered.get("title") or "").strip(), as_date(lowered.get("date")), str(who).strip())


def sidecar(path: Path) -> tuple[Metadata, bytes]:
    """``NAME.meta.yaml`` (or ``NAME.ext.meta.yaml``) beside a document, and its bytes (a change
    to it is a change to the document)."""
    for candidate in (path.with_name(path.stem + ".meta.yaml"), path.with_name(path.name + ".meta.yaml")):
        if candidate.is_file():
            data = candidate.read_bytes()
            try:
                loaded = yaml.safe_load(data)
            except yaml.YAMLError:
                return Metadata(), data
            return (from_mapping(loaded) if isinstance(loaded, dict) else Metadata()), data
    return Metadata(), b""
