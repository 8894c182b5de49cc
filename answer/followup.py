"""Follow-up questions made standalone before retrieval: "and what is it now?" after "What is the
R&D target for 2025?" retrieves nothing useful on its own. The rules cover the common shapes
(a pronoun for the previous subject, "what about X", a bare "and now?"); an LLM may rewrite
instead, but its rewrite is kept only if it adds no topic the conversation did not mention."""
from __future__ import annotations

import re

from answer.question import FRAMING, YEAR
from prompts import load_prompt
from retrieval.text import terms

_CUE = re.compile(r"^\s*(and|but|also|so|then|ok(ay)?|and then)\b[\s,]*", re.I)
_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*\??\s*$", re.I)
_PRONOUN = re.compile(r"\b(it|its|it's|they|them|their|this|that|these|those)\b", re.I)
_FRAME = re.compile(r"^\s*(?P<frame>(?:what|which|who|whom|whose|when|where|why|how(?:\s+(?:much|many|large|big|high|"
                    r"far|long|old|often))?)(?:\s+(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|"
                    r"should|shall))?(?:\s+(?:the|a|an))?)\s+(?P<subject>.+?)\s*\??\s*$", re.I)
_TIME = re.compile(r"\s*\b(?:(?:for|by|in|until|before|after|from|of|since)\s+(?:the\s+)?(?:year\s+)?)?"
                   r"(?:1[5-9]\d\d|20\d\d)s?\b", re.I)
_NOW = re.compile(r"\b(now|today|currently|current|at present|presently|so far|to date|nowadays)\b", re.I)
_PLAN_WORDS = re.compile(r"\s*\b(target(?:ed)?|goal|aim|objective|plan(?:ned)?)\b", re.I)


def is_follow_up(question: str) -> bool:
    """Elliptical: it opens with a cue ("and", "what about"), or refers back ("it", "they") with
    hardly a topic of its own."""
    topic = [t for t in terms(question) if t not in FRAMING and not t[:1].isdigit()]
    if _ABOUT.match(question) or _CUE.match(question):
        return True
    return bool(_PRONOUN.search(question)) and len(topic) <= 1


def _subject(previous: str) -> tuple[str, str]:
    match = _FRAME.match(previous)
    if not match:
        return "What is", previous.strip().rstrip("?")
    return match.group("frame"), match.group("subject")


def rewrite(question: str, history: list[str]) -> str:
    """The question made standalone from the last question asked (itself already standalone)."""
    if not history or not is_follow_up(question):
        return question
    previous = history[-1]
    frame, subject = _subject(previous)
    about = _ABOUT.match(question)
    body = _CUE.sub("", question).strip()
    fragment = not _PRONOUN.search(body) and not _FRAME.match(body)
    if about or fragment:
        rest = about.group("rest") if about else body.rstrip("?").strip()
        if re.search(r"\b(the|a|an)$", frame, re.I):
            rest = re.sub(r"^(the|a|an)\s+", "", rest, flags=re.I)
        if YEAR.search(rest) and YEAR.search(previous):
            return YEAR.sub(YEAR.search(rest).group(0), previous, count=1)
        if _NOW.search(rest):
            base = _PLAN_WORDS.sub("", _TIME.sub("", subject)).strip()
            return f"{frame} {base} {rest}?"
        times = " ".join(m.group(0).strip() for m in _TIME.finditer(subject))
        return f"{frame} {rest} {times}".strip() + "?"
    if _NOW.search(body) or YEAR.search(body):
        subject = _TIME.sub("", subject)
        if _NOW.search(body):
            subject = _PLAN_WORDS.sub("", subject)
    subject = " ".join(subject.split())
    if _PRONOUN.search(body):
        def swap(m: re.Match) -> str:
            word = m.group(0).lower()
            return f"the {subject}'s" if word in ("its", "their") else f"the {subject}"
        body = _PRONOUN.sub(swap, body, count=1)
        body = re.sub(r"\bthe the\b", "the", body, flags=re.I)
        return body[:1].upper() + body[1:]
    return f"{frame} the {subject} {body.rstrip('?').strip()}?".replace("the the ", "the ")


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


def condense_prompt(question: str, history: list[str]) -> str:
    lines = "\n".join(f"- {q}" for q in history[-3:])
    return load_prompt("condense").format(history=lines, question=question)
