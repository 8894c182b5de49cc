"""Answers written by a language model, shown only as far as the passages support them.

The extractive answerer decides first whether the passages answer the question at all: the
model is not asked when they do not (a weak model asked anyway makes something up). Then the
model writes from the numbered passages, streaming; the verifier keeps the sentences a cited
passage supports; if none is left, the extractive answer is shown instead, saying so.
"""
from __future__ import annotations

import re
import time
from typing import Generator

from langchain_core.embeddings import Embeddings
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from answer.extractive import Draft, ExtractiveAnswerer
from answer.llm import chat_model
from answer.question import Question
from answer.verify import Verifier
from prompts import load_prompt
from retrieval.hybrid import Hit
from retrieval.keyword import KeywordIndex
from schema import Passage
from settings import Settings

# The markup that fences the data; a weak model echoes it, and it is never part of an answer.
_TAGS = re.compile(r"</?\s*(passages|question)\s*>", re.I)


def as_data(text: str) -> str:
    """Text that cannot close the tags that mark it as data."""
    return _TAGS.sub(" ", text)


def context_block(passages: list[Passage], max_chars: int) -> str:
    return "\n\n".join(load_prompt("context_passage").format(n=n, source=p.source, text=as_data(p.text[:max_chars]))
                       for n, p in enumerate(passages, 1))


def messages(question: str, passages: list[Passage], max_chars: int, chat: bool = True) -> list:
    """The system rules and the passages for a chat model; for a base model (no chat template),
    one plain text that ends where the answer should begin."""
    context, question = context_block(passages, max_chars), as_data(question)
    if not chat:
        return [HumanMessage(load_prompt("answer_completion").format(context=context, question=question))]
    return [SystemMessage(load_prompt("system")),
            HumanMessage(load_prompt("answer").format(context=context, question=question))]


class GenerativeAnswerer:
    def __init__(self, settings: Settings, embedder: Embeddings, model: BaseChatModel, name: str) -> None:
        self.settings = settings
        self.model = model
        self.name = name
        self.gate = ExtractiveAnswerer(settings, embedder)
        self.verifier = Verifier(embedder, settings.verify_min_similarity)

    @classmethod
    def factory(cls, name: str):
        def build(settings: Settings, embedder: Embeddings) -> "GenerativeAnswerer":
            return cls(settings, embedder, chat_model(settings, name), name)
        return build

    def complete(self, prompt: str) -> str:
        """One short completion (used to condense follow-ups)."""
        return str(self.model.invoke([HumanMessage(prompt)]).content)

    def stream(self, question: Question, hits: list[Hit], keyword: KeywordIndex,
               timings: dict[str, float]) -> Generator[str, None, Draft]:
        extractive = self.gate.answer(question, hits, keyword)
        if extractive.abstained:
            return extractive
        passages = [h.passage() for h in hits]
        started = time.perf_counter()
        raw = []
        chat = getattr(self.model, "has_chat_template", True)
        for chunk in self.model.stream(messages(question.text, passages, self.settings.llm_passage_chars, chat)):
            token = str(chunk.content)
            if token:
                timings.setdefault("first_token", (time.perf_counter() - started) * 1000)
                raw.append(token)
                yield token
        timings["generate"] = (time.perf_counter() - started) * 1000
        t0 = time.perf_counter()
        verified = self.verifier.verify(as_data("".join(raw)), passages)
        timings["verify"] = (time.perf_counter() - t0) * 1000
        report = {"generated": "".join(raw), **verified.to_json()}
        if not verified.text:
            return Draft(extractive.text, False, extractive.citations, verification={**report, "verified": False},
                         notice=f"The {self.name} answer had no sentence its passages support; "
                                f"showing the extractive answer instead.")
        notice = ""
        if verified.removed:
            notice = f"{len(verified.removed)} unsupported sentence(s) removed from the {self.name} answer."
        if extractive.caveat:
            yield f" {extractive.caveat}"
        return Draft(f"{verified.text} {extractive.caveat}".strip(), False, verified.citations,
                     verification={**report, "verified": True}, notice=notice)
