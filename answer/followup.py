"""Follow-up questions resolved against the conversation, not rewritten by string surgery.

Each question of a conversation is read into parts: its topic words (as typed), its time
expression, whether it refers back ("it", "its") and what kind of answer it wants. A follow-up
inherits what it leaves out and keeps what it changes: "and what is it now?" keeps the topic and
changes the time; "and the patents?" changes the topic, keeps the time, and the topic it replaced
stays as context that ranks evidence but is not required of it. The answerer gets the merged
parts; the user is shown, in a sentence that is always grammatical, how the question was read.
An LLM backend may condense instead; its rewrite is kept only if it adds no topic the
conversation did not mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from answer.question import AUXILIARIES, FRAMING, Kind, Question, analyse
from answer.when import EXPRESSION as _TIME, ROLE_NOUNS, When, asked
from prompts import load_prompt
from retrieval.text import DOCUMENT_REFERENCE, terms

_CUE = re.compile(r"^\s*(and|but|also|so|then|ok(ay)?|and then)\b[\s,]*", re.I)
_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*\??\s*$", re.I)
_PRONOUN = re.compile(r"\b(it|its|it's|they|them|their|this|that|these|those|he|him|his|she|her)\b", re.I)
_FRAME = re.compile(r"^\s*(?P<frame>(?:what|which|who|whom|whose|when|where|why|how(?:\s+(?:much|many|large|big|high|"
                    rf"far|long|old|often))?)(?:\s+(?:{AUXILIARIES}))?)\s+(?P<subject>.+?)\s*\??\s*$", re.I)


_LINK_WORDS = r"on|in|for|of|about|to|at|with|from|by"
_LINK = re.compile(rf"^({_LINK_WORDS})\s+", re.I)
_NAME_RUN = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:(?:and|of|the|&)\s+)?[A-Z][\w&'’-]*)*")
_AUXILIARY = re.compile(rf"\b(?:{AUXILIARIES})\b", re.I)
_PREPOSITION = re.compile(r"^(?:for|by|in|until|before|after|from|of|since|as of)\s+", re.I)


_PERSON = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_PERSONAL = re.compile(r"\b(he|him|his|she|her|it|its|they|them|their)\b", re.I)
_NAMED_BEFORE = re.compile(r"(?<=\w )[A-Z][\w&'’-]*")


def is_follow_up(question: str) -> bool:
    """Elliptical: it opens with a cue ("and", "what about"), uses a personal pronoun that
    nothing earlier in the question names ("what did he say?"), or refers back with a
    demonstrative and hardly a topic of its own ("why is that?")."""
    if _ABOUT.match(question) or _CUE.match(question):
        return True
    personal = _PERSONAL.search(question)
    if personal and not _NAMED_BEFORE.search(question[:personal.start()]):
        return True
    topic = [t for t in terms(question) if t not in FRAMING and not t[:1].isdigit()]
    return bool(_PRONOUN.search(question)) and len(topic) <= 1


@dataclass(frozen=True)
class Turn:
    """One question read into its parts, in the user's own words."""

    text: str
    frame: str
    topic: str
    time: str
    refers: bool
    kind: Kind
    when: When | None
    person: str = ""  # "he", "she": someone the earlier answer named, not its question
    link: str = ""  # "on" in "and on basic research?": the phrase it replaces follows "on" earlier


def read_turn(question: str) -> Turn:
    body = _CUE.sub("", question.strip()).strip()
    about = _ABOUT.match(question)
    frame, subject = "", body.rstrip("?").strip()
    if about:
        subject = about.group("rest")
    else:
        match = _FRAME.match(body)
        if match:
            frame, subject = match.group("frame"), match.group("subject")
    # "the 2021 action plan": a year that names a document is no time scope.
    named = [m.span() for m in DOCUMENT_REFERENCE.finditer(subject)]
    times = [m for m in _TIME.finditer(subject) if not any(a <= m.start() < b for a, b in named)]
    time = " ".join(m.group(0) for m in times)
    refers = bool(_PRONOUN.search(subject))
    topic = subject
    for m in reversed(times):
        topic = f"{topic[:m.start()]} {topic[m.end():]}"
    topic = _PRONOUN.sub(" ", topic)
    topic = " ".join(topic.replace(" 's", "").split()).strip(" ,.;:?!")
    # "and on basic research?": the preposition links to the earlier question, the topic follows it.
    linked = _LINK.match(topic) if not frame else None
    topic = topic[linked.end():] if linked else topic
    if not terms(topic):
        topic = ""
    person = _PERSON.search(subject)
    return Turn(question, frame, topic, time, refers, analyse(body).kind, asked(question),
                person.group(0) if person else "", linked.group(1).lower() if linked else "")


@dataclass(frozen=True)
class Resolved:
    """A question as the conversation makes it: ``text`` and ``query`` are internal (analysis and
    retrieval), ``understood`` is the grammatical sentence shown to the user ("" when the
    question stands alone)."""

    text: str
    query: str
    question: Question
    understood: str = ""
    also: tuple[str, ...] = ()  # further retrieval queries: the question with the conversation's topic
    shaped: str = ""  # the question as the list, summary and comparison shapes read it


def _standalone(question: str) -> Resolved:
    return Resolved(question, question, analyse(question), shaped=question)


def _subject_name(topic: str) -> str:
    """The name a question is about: the first after its auxiliary ("… did China spend", "…
    does the Belt and Road action plan list"), else its first."""
    aux = _AUXILIARY.search(topic)
    return (_NAME_RUN.search(topic, aux.end() if aux else 0) or _NAME_RUN.search(topic)).group(0)


def _replace_object(topic: str, link: str, new: str) -> tuple[str, str]:
    """"China spend on R&D" with "on basic research": the earlier question's phrase after the
    same preposition gives way to the new one, and the rest of it stays; with the phrase
    replaced (empty when the earlier topic has no such phrase)."""
    match = re.search(rf"\b{link}\s+(.+?)(?=\s+(?:{_LINK_WORDS})\s+|$)", topic, re.I)
    if not match:
        return "", ""
    return f"{topic[:match.start(1)]}{new}{topic[match.end(1):]}", match.group(1)


def resolve(question: str, history: list[str]) -> Resolved:
    """``question`` read against the earlier questions (oldest first, as typed)."""
    if not history or not is_follow_up(question):
        return _standalone(question)
    chain = [question]
    for earlier in reversed(history):
        chain.insert(0, earlier)
        if not is_follow_up(earlier):
            break
    root = read_turn(chain[0])
    frame, topic, context, time, kind, when = root.frame, root.topic, "", root.time, root.kind, root.when
    # A target's horizon belongs to the measure it was set for ("R&D by 2025" says nothing of
    # patents by 2025), so a new topic keeps it only as a preference; a reported time scopes
    # every figure of its report ("in 2021" holds for basic research too) and stays required.
    carried = False
    pronoun = referent = ""  # "it" and the name it stands for
    instead = ""  # the user's words for a topic that took the place of the earlier one
    for said in chain[1:]:
        turn = read_turn(said)
        if turn.topic and not terms(ROLE_NOUNS.sub(" ", turn.topic)):
            turn = replace(turn, topic="", refers=True, time=turn.time or turn.topic)
        replaced, old = _replace_object(topic, turn.link, turn.topic) if turn.topic and turn.link else ("", "")
        document = DOCUMENT_REFERENCE.search(topic) if DOCUMENT_REFERENCE.fullmatch(turn.topic) else None
        if document:
            # "and the 2021 action plan?": the same question of another document.
            topic, instead = f"{topic[:document.start()]}{turn.topic}{topic[document.end():]}", turn.topic
        elif replaced:
            topic, context, instead = replaced, old, turn.topic
        elif turn.topic and (not turn.refers or turn.person):
            topic, context, carried, instead = turn.topic, topic, when is When.FUTURE, turn.topic
        elif len([t for t in terms(turn.topic) if t not in FRAMING]) >= 2 and _NAME_RUN.search(topic):
            # "how many technology transfers does it aim for?": a question of its own about what
            # "it" stands for, the name the earlier question gave; the rest of that is context.
            referent = _subject_name(topic)
            pronoun = _PRONOUN.search(turn.text).group(0).lower()
            topic, context, carried, instead = f"{turn.topic} {referent}", topic, when is When.FUTURE, ""
        elif turn.topic:
            topic = f"{turn.topic} {topic}"
        if turn.time:
            time, carried, when = turn.time, False, turn.when
        else:
            when = turn.when or when
        frame = turn.frame or frame
        if turn.kind is not Kind.OTHER or turn.person or not (turn.refers or not turn.frame):
            kind = turn.kind
    text = " ".join(filter(None, [frame or "What about", topic, "" if carried else time])) + "?"
    analysed = analyse(text)
    required = set(analysed.terms)
    merged = replace(analysed, kind=kind, when=when,
                     context=tuple(t for t in dict.fromkeys(terms(context)) if t not in required))
    changes = []
    if turn.person:
        changes.append(load_prompt("followup_person").format(person=turn.person))
    elif referent:
        changes.append(load_prompt("followup_referent").format(pronoun=pronoun, referent=referent))
    elif instead and topic != root.topic:
        changes.append(load_prompt("followup_topic").format(topic=instead))
    if time != root.time:
        new, old = time, _PREPOSITION.sub("", root.time) if time[:1].isdigit() else root.time
        changes.append(load_prompt("followup_time").format(new=new, old=old) if old
                       else load_prompt("followup_new_time").format(new=new))
    understood = load_prompt("followup_read").format(question=root.text.strip(),
                                                     changes=": " + ", ".join(changes) if changes else "")
    query = " ".join(filter(None, [topic, time]))
    also = (" ".join(filter(None, [topic, context, time])),) if context else ()
    # A follow-up with a topic of its own is a question of its own to the list and summary shapes.
    shaped = _CUE.sub("", question).strip() if turn.topic else text
    return Resolved(text, query, merged, understood, also, shaped)


def accept_rewrite(candidate: str, question: str, history: list[str], max_chars: int) -> bool:
    """An LLM rewrite is taken only if it is one short line that keeps the question's own topic
    and brings in no word that neither the question nor the conversation used."""
    candidate = candidate.strip()
    if not candidate or "\n" in candidate or len(candidate) > max_chars:
        return False
    said = set(terms(" ".join([*history, question])))
    new = set(terms(candidate))
    own = {t for t in terms(question) if t not in FRAMING}
    return bool(new) and new <= said | FRAMING and own <= new


def condensed(candidate: str) -> Resolved:
    """An accepted LLM rewrite: a question of its own, shown as it was read."""
    return replace(_standalone(candidate), understood=load_prompt("followup_condensed").format(question=candidate))


def condense_prompt(question: str, history: list[str]) -> str:
    lines = "\n".join(f"- {q}" for q in history[-3:])
    return load_prompt("condense").format(history=lines, question=question)
