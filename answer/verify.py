"""Checking a generated answer against the passages it cites, sentence by sentence.

A language model can say more than its context: change a figure, invent a name, add a sentence
from nowhere. A sentence is kept only when one passage it cites (or, if it cites none, one of the
passages it was given) holds every number, year and name it states, agrees with it on negation,
and is close to it in meaning (the embedding model, sentence against the passage's sentences).
Everything else is removed, so what is shown is as grounded as an extractive quote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings

from answer.question import NEGATION
from embedding import embed_short
from ingest.chunking import sentences
from retrieval.text import terms, words
from schema import Passage

_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^(\[\d+(?:\s*,\s*\d+)*\]\s*)+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=[\w,;:)] )(?!I\b)[A-Z][\w&'’-]*|^[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)+")
_NUMBER_WORDS = ("percent", "billion", "million", "trillion", "thousand")


@dataclass(frozen=True)
class Check:
    sentence: str
    supported: bool
    reason: str = ""
    passage: int | None = None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Verified:
    """The supported part of an answer, its citations renumbered to what it still cites."""

    text: str
    citations: list[Passage]
    checks: list[Check] = field(default_factory=list)

    @property
    def removed(self) -> list[Check]:
        return [c for c in self.checks if not c.supported]

    def to_json(self) -> dict:
        return {"sentences": len(self.checks), "supported": len(self.checks) - len(self.removed),
                "removed": [{"sentence": c.sentence, "reason": c.reason} for c in self.removed]}


def split_sentences(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    out = []
    for a, b in sentences(text, 0, len(text)):
        piece = text[a:b].strip()
        lead = _LEADING_MARKERS.match(piece)
        if out and lead:
            out[-1] += " " + lead.group(0).strip()
            piece = piece[lead.end():].strip()
        if piece:
            out.append(piece)
    return out


def _numbers(text: str) -> set[str]:
    return {m.group(0).replace(",", "").rstrip(".") for m in _NUMBER.finditer(text)}


def _facts_missing(claim: str, passage: str) -> list[str]:
    """The numbers, years, names and magnitude words the claim states that the passage does not."""
    held_numbers = _numbers(passage)
    missing = [n for n in sorted(_numbers(claim)) if n not in held_numbers]
    passage_words = set(words(passage))
    missing += [w for w in _NUMBER_WORDS if w in words(claim) and w not in passage_words]
    passage_terms = set(terms(passage))
    for name in dict.fromkeys(_NAME.findall(claim)):
        if not set(terms(name)) <= passage_terms:
            missing.append(name)
    return missing


def _squash(text: str) -> str:
    return " ".join(words(text))


def _quoted_in(claim: str, texts: list[str]) -> int | None:
    """The sentence that holds the claim word for word (a short answer quoted from it)."""
    wanted = _squash(claim)
    for i, text in enumerate(texts):
        if wanted and f" {wanted} " in f" {_squash(text)} ":
            return i
    return None


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / (np.linalg.norm(a) or 1.0)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return b @ a


def _cite(sentence: str, n: int) -> str:
    if sentence[-1:] in ".!?":
        return f"{sentence[:-1].rstrip()} [{n}]{sentence[-1]}"
    return f"{sentence} [{n}]"


def _pairs(items: list[str], window: int) -> set[frozenset[str]]:
    return {frozenset((a, b)) for i, a in enumerate(items) for b in items[i + 1:i + window] if a != b}


def _lexical_support(claim: str, sentence: str, window: int = 4) -> tuple[float, float]:
    """How much of the claim's vocabulary the sentence holds, and how many of the claim's
    neighbouring word pairs are neighbours there too: a sentence stitched from the passage's
    words in a new order (a small model's favourite error) holds the words but not the pairs."""
    claim_terms, sentence_terms = terms(claim), terms(sentence)
    held = set(sentence_terms)
    coverage = sum(t in held for t in claim_terms) / max(len(claim_terms), 1)
    wanted = _pairs(claim_terms, window)
    if len(wanted) < 3:
        return coverage, 1.0
    return coverage, len(wanted & _pairs(sentence_terms, window)) / len(wanted)


class Verifier:
    def __init__(self, embedder: Embeddings, min_similarity: float, min_coverage: float = 0.8,
                 min_linked: float = 0.5) -> None:
        self.embedder = embedder
        self.min_similarity = min_similarity
        self.min_coverage = min_coverage
        self.min_linked = min_linked

    def _passage_sentences(self, passage: Passage) -> list[tuple[int, int]]:
        known = passage.metadata.get("sentences")
        if known:
            return [tuple(s) for s in known]
        return [(passage.start + a, passage.start + b) for a, b in sentences(passage.text, 0, len(passage.text))]

    def check(self, claim: str, cited: list[int], passages: list[Passage],
              vectors: dict[str, np.ndarray]) -> Check:
        """Whether one sentence (markers removed) is supported by one of the candidate passages."""
        plain = _MARKER.sub("", claim).strip()
        if not set(terms(plain)):
            return Check(claim, False, "says nothing the passages could support")
        candidates = [n for n in cited if 1 <= n <= len(passages)] or list(range(1, len(passages) + 1))
        reasons = []
        for n in candidates:
            passage = passages[n - 1]
            missing = _facts_missing(plain, passage.text)
            if missing:
                reasons.append(f"[{n}] does not state {', '.join(missing)}")
                continue
            spans = self._passage_sentences(passage)
            texts = [passage.text[a - passage.start:b - passage.start] for a, b in spans]
            quoted = _quoted_in(plain, texts)
            if quoted is not None:
                return Check(claim, True, passage=n, span=spans[quoted])
            similarity = _cosine(vectors[plain], np.stack([vectors[t] for t in texts]))
            best = int(similarity.argmax())
            if similarity[best] < self.min_similarity:
                reasons.append(f"[{n}] is not close to it ({similarity[best]:.2f})")
                continue
            if bool(NEGATION.search(plain)) != bool(NEGATION.search(texts[best])):
                reasons.append(f"[{n}] says the opposite")
                continue
            coverage, linked = _lexical_support(plain, texts[best])
            if coverage < self.min_coverage:
                reasons.append(f"[{n}] holds too few of its words ({coverage:.2f})")
                continue
            if linked < self.min_linked:
                reasons.append(f"[{n}] does not relate its words the same way ({linked:.2f})")
                continue
            return Check(claim, True, passage=n, span=spans[best])
        return Check(claim, False, "; ".join(reasons) or "cites no passage")

    def verify(self, answer: str, passages: list[Passage]) -> Verified:
        claims = split_sentences(answer)
        texts = [_MARKER.sub("", c).strip() for c in claims]
        for p in passages:
            texts += [p.text[a - p.start:b - p.start] for a, b in self._passage_sentences(p)]
        unique = list(dict.fromkeys(t for t in texts if t))
        vectors = dict(zip(unique, embed_short(self.embedder, unique))) if claims else {}
        checks: list[Check] = []
        seen: set[str] = set()
        for sentence in claims:
            said = " ".join(terms(_MARKER.sub("", sentence)))
            if said in seen:
                checks.append(Check(sentence, False, "repeats an earlier sentence"))
                continue
            seen.add(said)
            cited = [int(n) for m in _MARKER.finditer(sentence) for n in re.findall(r"\d+", m.group(1))]
            checks.append(self.check(sentence, cited, passages, vectors))
        renumber: dict[int, int] = {}
        highlights: dict[int, list[tuple[int, int]]] = {}
        kept = []
        for c in checks:
            if not c.supported:
                continue
            renumber.setdefault(c.passage, len(renumber) + 1)
            highlights.setdefault(c.passage, []).append(c.span)
            kept.append(_cite(_MARKER.sub("", c.sentence).strip(), renumber[c.passage]))
        citations = []
        for old in renumber:
            p = passages[old - 1]
            citations.append(Passage(p.id, p.source, p.text, p.start, p.end, p.score,
                                     {**p.metadata, "highlights": sorted(set(highlights[old]))}))
        return Verified(" ".join(kept), citations, checks)
