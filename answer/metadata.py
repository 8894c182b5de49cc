"""Questions about a document itself: who issued, published or reported it, and when.

The answer comes from the document's metadata (``ingest/metadata.py``) and cites the header
line that states it ("Date:2021-12-24 Source:China Daily"). The text itself wins when one of
its sentences names who with the question's own verb ("…published by the administrative
office…"), or gives a calendar date. A date the text gives only relatively ("on Wednesday"),
or not at all, gets the document's date added.
"""
from __future__ import annotations

import re
from dataclasses import replace

from answer.extractive import Draft
from answer.question import Kind, Question
from prompts import load_prompt
from retrieval.hybrid import Hit
from retrieval.keyword import KeywordIndex
from retrieval.text import DOCUMENT_REFERENCE, MONTH, terms
from schema import Passage
from store.catalog import Catalog, DocumentInfo

_VERBS = (r"publish\w*|issu\w*|releas\w*|report\w*|unveil\w*|announc\w*|post\w*|wr[io]te|written|author(?:ed|s)?|"
          r"put out|updated")
# What carries a document: "Which site reported …?" asks for its publisher, not an agency its text names.
_OUTLETS = r"site|website|portal|outlet|newspaper|paper|magazine|publication"
_WHO = re.compile(rf"^(who|which (\w+ )?({_OUTLETS}|agency|organi[sz]ation|department|office|media|"
                  rf"publisher|source|body|authority|ministry|government|"
                  rf"channel|network|wire|service))\b.*\b({_VERBS})\b|\b(source|publisher|"
                  rf"author)s? of (the|this)\b|\bwho (is|was) (the )?(source|publisher|author)\b", re.I)
_OUTLET = re.compile(rf"^\s*which (\w+ )?({_OUTLETS})\b", re.I)
_WHEN = re.compile(rf"^(when|on what (day|date)|what (day|date)|which (day|date))\b.*\b({_VERBS}|dated)\b|"
                   rf"\b(date|publication date|release date) of (the|this)\b", re.I)
_RELATIVE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|recently|"
                       r"last (week|month)|this (week|month))\b", re.I)
_ISO = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b")
_WROTE = re.compile(r"\b(?:wrote|written|authored|author)\b", re.I)
# "By Sun Xiaochen (China Daily)", "Source:China Daily     Author:Zheng Xin": the writer's name.
_BYLINE = re.compile(r"(?:(?:^|[|·]\s*)[Bb]y\s+|\b[Aa]uthor\s*[:：]\s*)([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})",
                     re.M)
_MONTH = re.compile(rf"\b({MONTH})\b")
# How much of a document's title a question must retell to be about that document, and in how many
# words at least ("About the Beijing Marathon" is not retold by every question on the marathon).
_HEADLINE_SHARE = 0.7
_HEADLINE_WORDS = 3


def _unnamed(text: str) -> str:
    """The question with each document it names as "the document": "the report on …" is no verb."""
    return DOCUMENT_REFERENCE.sub("the document", text)


def asked_field(text: str) -> str:
    """"publisher", "date" or "" for a question about who issued a document or when. A
    document's name is no verb: "who is the deputy, according to the launch report?" asks
    about a person in it."""
    text = _unnamed(text)
    if _WHO.search(text):
        return "publisher"
    if _WHEN.search(text):
        return "date"
    return ""


class MetadataAnswerer:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def answer(self, question: Question, draft: Draft, hits: list[Hit], keyword: KeywordIndex,
               sources: set[str] | None = None) -> Draft | None:
        """The metadata answer, the draft with the document's date added, or None (the draft
        stands)."""
        said = draft.text if not draft.abstained else ""
        relative = bool(said) and question.kind is Kind.DATE and bool(_RELATIVE.search(said))
        field = asked_field(question.text) or ("date" if relative else "")
        if not field:
            return None
        scope = sources or keyword.scope(question.text)
        doc = self._document(draft, hits, scope, question.text, filtered=bool(sources))
        if doc is None:
            return None
        # The text wins when it says who or when with the question's own verb ("… was released on
        # May 19") about what the question names: "the report on …" is no verb, the date of an
        # event the report tells of ("the forum ran from April 25") is no date of the report, and
        # "a roadmap published on November 22" does not date "the TechNode report" that tells of it.
        verbs = {t for t in terms(_unnamed(question.text)) if re.fullmatch(_VERBS, t)}
        noun = DOCUMENT_REFERENCE.search(question.text)
        about = not noun or bool(set(terms(noun.group(0).split()[-1])) & set(terms(said)))
        text_says = bool(said) and bool(verbs & set(terms(said))) and about
        # ("…, the Xinhua news agency reported" does not answer "Which site reported …?")
        outlet = bool(_OUTLET.match(question.text))
        if text_says and (not outlet if field == "publisher"
                          else not relative and (_MONTH.search(said) or _ISO.search(said))):
            return None
        if not (doc.publisher if field == "publisher" else doc.date):
            # "When was the note on … published?" of a note that carries no date: another
            # document's date, or a date in the note's text, would be a guess.
            named = len(scope) == 1 and not relative
            return Draft("", True, [], reason=f"{doc.source} gives no {field}") if named else None
        appended = bool(said) and field == "date"
        citation = self._header(doc, field)
        # "Who wrote the report?" of a byline that names its writer ("By Sun Xiaochen (China Daily)").
        byline = _BYLINE.search(citation.text[doc.meta_start - citation.start:doc.meta_end - citation.start]
                                if doc.meta_start is not None else "")
        shape = "author" if field == "publisher" and _WROTE.search(question.text) and byline else field
        line = load_prompt(f"metadata_{shape}").format(
            title=doc.title or doc.source, publisher=doc.publisher, date=doc.date,
            author=byline.group(1) if byline else "", n=len(draft.citations) + 1 if appended else 1)
        if appended:
            return replace(draft, text=f"{said} {line}", citations=[*draft.citations, citation])
        return Draft(line, False, [citation])

    def _document(self, draft: Draft, hits: list[Hit], scope: set[str], question: str,
                  filtered: bool = False) -> DocumentInfo | None:
        """The document asked about: the one the filter scopes, else the one whose headline the
        question retells ("the report that Beijing would have 150,000 beds …", though another
        title ends in "report"), else the one the question names, else the one the draft cites,
        else the document of the best passage."""
        docs = {d.source: d for d in self.catalog.documents()}
        if len(scope) == 1 and filtered:
            return docs.get(next(iter(scope)))
        if len(docs) == 1:
            return next(iter(docs.values()))
        headlined = self._headlined(docs.values(), question)
        if headlined is not None:
            return headlined
        if len(scope) == 1:
            return docs.get(next(iter(scope)))
        if draft.citations and not draft.abstained:
            return docs.get(draft.citations[0].source)
        return docs.get(hits[0].row.source) if hits else None

    @staticmethod
    def _headlined(docs, question: str) -> DocumentInfo | None:
        """The one document whose headline the question retells ("When did Xinhua report that
        the project had sent Beijing more than 3.2 billion cubic meters?"): most of the title's
        words, and more of them than of any other title."""
        asked = set(terms(question))
        titles = [(set(terms(d.title)), d) for d in docs if d.title]
        shares = sorted(((len(title & asked) / len(title), d) for title, d in titles
                         if len(title & asked) >= _HEADLINE_WORDS), key=lambda pair: -pair[0])
        if shares and shares[0][0] >= _HEADLINE_SHARE and (len(shares) == 1 or shares[1][0] < shares[0][0]):
            return shares[0][1]
        return None

    def _header(self, doc: DocumentInfo, field: str) -> Passage:
        """The chunk that holds the header line, with the line marked; the first chunk when the
        metadata came from elsewhere (a sidecar, the file's properties). A publisher's name over
        its dateline ("Caixin" over "Jan 06, 2020 05:59 AM") may be two chunks: the date is the
        lower line, the publisher the upper one."""
        at = doc.meta_start if doc.meta_start is not None else 0
        if field == "date" and doc.meta_end is not None:
            at = max(at, doc.meta_end - 1)
        row = self.catalog.chunk_containing(doc.source, at)
        highlights = [(doc.meta_start, doc.meta_end)] if doc.meta_start is not None else []
        return Passage(id=row.key, source=row.source, text=row.text, start=row.start, end=row.end, score=1.0,
                       metadata={"title": doc.title, "date": doc.date, "publisher": doc.publisher,
                                 "section": row.section, "page": row.page, "highlights": highlights})
