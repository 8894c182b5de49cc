"""BM25 over the current chunks (bm25s: sparse matrices, answers in well under a millisecond),
and what the same pass learns of each document: its words, title, headings and date, which let a
question name or refer to a document.

Built once per catalog generation, so queries never rebuild it."""
from __future__ import annotations

import datetime
import math
import re
from collections import Counter
from pathlib import PurePath

import bm25s
import numpy as np

from retrieval.text import (DOCUMENT_NOUN, antecedent, described_names, name_phrases, name_terms, naming_terms,
                            terms)
from store.catalog import ChunkRow


# "according to the 2023 work plan", "in the guideline", "under the Belt and Road action plan"
# A reference led by a preposition points ("according to the 2026 report, …"); one led by a verb
# is what the question is about ("when was the work plan issued?").
_POINTING = r"in|from|under|by|according to|of"
# The verbs that say what was done to a document end what it is said to be about ("when was the
# report on the conference published?").
_DONE = r"published|issued|released|reported|updated|written|posted|unveiled|announced"
# … and the same verbs after "did" or "will" ("When did Caixin publish its report …?").
_DO = r"publish|issue|release|report|update|write|post|unveil|announce"
_REFERENCE = re.compile(rf"\b(?:(?P<points>{_POINTING})|does|did|do|is|was|summari[sz]e|describe|about|{_DONE}|{_DO}|"
                        r"wrote)\s+(?:the|this|that|its|their)\s+"
                        r"(?:(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+)?(?P<words>(?:[\w'’-]+\s+){0,4}?)"
                        rf"(?P<noun>{DOCUMENT_NOUN})\b"
                        r"(?:\s+(?:on|about|of|for|into|regarding|covering|that)\s+"
                        rf"(?P<about>(?:(?!(?:{_DONE})\b)(?:\d[\d,.]*\d|[\w'’-]+)[ ]?){{1,8}}"
                        r"(?:,\s*(?:19|20)\d\d\b)?))?", re.I)


# "According to Caixin, …", "as reported by Xinhua, …": the documents of a publisher, named whole.
_BY_PUBLISHER = re.compile(r"\b(?P<points>(?i:according to|as reported by|reported by))\s+(?:the\s+)?"
                           r"(?P<who>[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,5})(?=\s*,)")


# "High Energy Photon Source (HEPS)": a document defining an acronym.
_DEFINED = re.compile(r"((?:[A-Z][\w-]*\s+(?:(?:of|and|for|the)\s+)?){1,6}[A-Z][\w-]*)\s+\(([A-Z][A-Z&]{1,7})\)")


def _day_month_year(date: str | None) -> str:
    """"2023-08-19" → "19 August 2023" (the year alone when the date has no month): how a
    question calls a document by its date ("the report of March 6, 2021")."""
    try:
        day = datetime.date.fromisoformat(date or "")
    except ValueError:
        return (date or "")[:4]
    return f"{day.day} {day.strftime('%B %Y')}"


def _antecedent(row: ChunkRow, previous: ChunkRow | None) -> tuple[str, ...]:
    """The names of the sentence before a passage that opens by referring back to it ("The
    7.2-square-kilometre park is home to …" after "The Zhongguancun Life Science Park …"): the
    passage is about them, and a question that names them should find it."""
    if previous is None or not row.sentences or not previous.sentences or previous.heading:
        return ()
    first = row.sentence_texts()[0]
    earlier = previous.sentence_texts()
    k = antecedent(first, earlier)
    return tuple(name_terms(earlier[k])) if k is not None else ()


def _initials(name: str) -> str:
    """What a publisher is called for short: "AP" for the Associated Press, "SCIO" for the State
    Council Information Office."""
    capitals = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 2 else ""


def _file_words(source: str) -> str:
    """The words of a file's name without its folder and extension: "capacity-note.txt" → "capacity note"."""
    return re.sub(r"[-_.]+", " ", PurePath(source).stem)


class KeywordIndex:
    def __init__(self, rows: list[ChunkRow]) -> None:
        self.rows = rows
        # With several documents, a chunk also holds its document's title: "LLaMA's optimizer"
        # is asked of the LLaMA paper, whose sentences say "our models".
        titled = len({row.source for row in rows}) > 1
        corpus: list[list[str]] = []
        by_source: dict[str, set[str]] = {}
        titles: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        headings: dict[str, set[str]] = {}
        called_by: dict[str, set[str]] = {}
        publishers: dict[str, tuple[frozenset[str], ...]] = {}
        self.dates: dict[str, str] = {}
        body: dict[str, set[str]] = {}
        uses: dict[str, Counter[str]] = {}
        self._acronyms: dict[str, tuple[str, ...]] = {}
        self.position = {(r.source, r.doc_hash, r.idx): i for i, r in enumerate(rows)}
        self._referents: dict[tuple, tuple[str, ...]] = {}
        self._described: dict[tuple, tuple[frozenset[str], ...]] = {}
        for row in rows:
            for expansion, acronym in _DEFINED.findall(row.text):
                for short in terms(acronym)[:1]:
                    self._acronyms.setdefault(short, terms(expansion))
            own = terms(row.text)
            title = titles.setdefault(row.source, set(terms(row.title)))
            names.setdefault(row.source, naming_terms(row.title))
            section = terms(row.section) if row.section and not row.heading else ()
            before = self.position.get((row.source, row.doc_hash, row.idx - 1))
            referent = _antecedent(row, rows[before] if before is not None else None)
            if referent:
                self._referents[(row.source, row.doc_hash, row.idx)] = referent
            doc = [*(terms(row.title) if titled else ()), *section, *own, *referent]
            corpus.append(doc or ["∅"])
            by_source.setdefault(row.source, set()).update(doc)
            if not row.heading:
                body.setdefault(row.source, set()).update(own)
                uses.setdefault(row.source, Counter()).update(own)
            # "the 2026 People's Daily report", "the Xinhua report of August 2023", "the capacity
            # note" (capacity-note.txt): a document is also called by its publisher, the month and
            # year of its date, and its file's name.
            if row.source not in publishers:
                publishers[row.source] = tuple(frozenset(terms(name)) for name in
                                               (row.publisher or "", _initials(row.publisher or "")) if name)
            if row.source not in called_by:
                called_by[row.source] = (title | set(terms(f"{row.publisher or ''} {_day_month_year(row.date)}"))
                                         | set(terms(_initials(row.publisher or "")))
                                         | set(terms(_file_words(row.source))))
            headings.setdefault(row.source, set(called_by[row.source])).update(terms(row.section))
            self.dates.setdefault(row.source, row.date or "")
        self._df: Counter[str] = Counter(t for doc in corpus for t in set(doc))
        self.documents = len(by_source)
        self._source_df: Counter[str] = Counter(t for vocab in by_source.values() for t in vocab)
        self._titles = titles
        self._names = names
        self._headings = headings
        self._called = called_by
        self._publishers = publishers
        self._lowered: str | None = None
        self._vocabularies = body
        self._uses = uses
        self._vocab = set(self._df)
        self._bm25 = bm25s.BM25()
        if rows:
            self._bm25.index(corpus, show_progress=False)

    def idf(self, term: str) -> float:
        """Rarity of a term in the corpus; a term the corpus never uses is rarest of all."""
        n = max(len(self.rows), 1)
        return math.log(1 + (n + 1) / (self._df.get(term, 0) + 0.5))

    def document_share(self, term: str) -> float:
        """The share of the collection's documents that use a term."""
        return self._source_df.get(term, 0) / max(self.documents, 1)

    def titled(self, question: str) -> set[str]:
        """The documents a question names by a name in their title that few other titles hold
        ("LLaMA's optimizer", "the SuperGLUE paper"); empty when it names none, or with a
        single document."""
        if self.documents < 2:
            return set()
        found: set[str] = set()
        # A word of a longer name names only with the rest of it: "Speed Skating" in a title does
        # not name the document the "National Speed Skating Oval" is asked of.
        phrases = [set(terms(p)) for p in name_phrases(question)]
        for term in name_terms(question):
            whole = next((p for p in phrases if term in p), {term})
            # The name must be the document's subject, used in its body too ("GDP" in a title
            # over a text that says "gross domestic product" names no document), and mostly
            # there: "Tianjin" in one title names no document when others say it as often, and
            # a name most documents use ("China" across national releases) names none.
            if self.documents >= 3 and self.document_share(term) >= 0.5:
                continue
            holders = {source for source, words in self._names.items()
                       if whole <= words and term in self._vocabularies.get(source, ())}
            said = sum(uses[term] for uses in self._uses.values())
            theirs = sum(self._uses[source][term] for source in holders)
            if holders and len(holders) <= max(1, len(self._titles) // 5) and theirs * 2 > said:
                found |= holders
        return found

    def described(self, row: ChunkRow) -> tuple[frozenset[str], ...]:
        """For each sentence of ``row``, the terms of the names its descriptions stand for
        ("deputy director of the bureau"), looked up in it and the three passages before it
        (see ``described_names``). Computed once per passage: it does not depend on the question."""
        key = (row.source, row.doc_hash, row.idx)
        if key not in self._described:
            earlier: list[str] = []
            for idx in range(row.idx - 3, row.idx):
                at = self.position.get((row.source, row.doc_hash, idx))
                if at is not None:
                    earlier += self.rows[at].sentence_texts()
            out = []
            for text in row.sentence_texts():
                out.append(described_names(text, earlier))
                earlier.append(text)
            self._described[key] = tuple(out)
        return self._described[key]

    def referent(self, row: ChunkRow) -> tuple[str, ...]:
        """The names a passage that opens by referring back speaks of (see ``_antecedent``)."""
        return self._referents.get((row.source, row.doc_hash, row.idx), ())

    def referenced(self, question: str) -> set[str]:
        """The documents a question points to as "the 2023 work plan", "the guideline", "the
        Belt and Road action plan": of the documents dated in the year it gives (if any), the
        one whose title and headings hold most of the words of the reference, when one does
        alone."""
        return {source for _, source in self._references(question)}

    def unreferenced(self, question: str) -> str:
        """The question without the phrases that point at a document ("according to the 2026
        People's Daily report, how many…" → "how many…"): they say where to look, not what to
        find, and would only blur the search within that document."""
        out = question
        matches = {m.span(): m for m, _ in self._references(question)}
        for match in sorted(matches.values(), key=lambda m: -m.start()):
            # "according to the Xinhua report of August 2023" points; "when was the work plan
            # issued?" asks about the document itself, and its words stay.
            if match.group("points"):
                out = out[:match.start()] + out[match.end():]
        return re.sub(r"^\W+|\s+(?=[,?.!])|(?<=[,?.!])[,?.!]+", "", re.sub(r"\s{2,}", " ", out)).strip() or question

    def _references(self, question: str) -> list[tuple[re.Match, str]]:
        if self.documents < 2:
            return []
        found: list[tuple[re.Match, str]] = []
        for match in _REFERENCE.finditer(question):
            year = match.group("year")
            # "the 2023 work plan", "the report on Zhongguancun firms in Tianjin": words before
            # the noun and what it is said to be about.
            words = set(terms(f"{match.group('words') or ''} {match.group('noun')} {match.group('about') or ''}"))
            pool = [s for s, d in self.dates.items() if not year or d.startswith(year)]
            # Its title and headings first, by the words that set it apart before its noun ("the
            # CGTN report" is not work-report-2024.txt); between documents they name alike, the one
            # whose text holds more of the reference ("the report on the Rocket Street conference").
            qualifiers = words - set(terms(match.group("noun")))
            scored = sorted(((len(qualifiers & self._headings[s]), len(words & self._headings[s]),
                              len(words & self.vocabulary(s)), s) for s in pool), reverse=True)
            # "the three-year action plan" is not the "Protection plan …" by its noun alone when
            # another document's text holds every word of it.
            if scored and qualifiers and not scored[0][0]:
                whole = [s for s in pool if words <= self.vocabulary(s) | self._headings[s]]
                if len(whole) == 1:
                    found.append((match, whole[0]))
                    continue
            if year and len(pool) == 1:
                found.append((match, pool[0]))
            elif scored and scored[0][1] and (len(scored) == 1 or scored[0][:3] > scored[1][:3]):
                found.append((match, scored[0][3]))
        for match in _BY_PUBLISHER.finditer(question):
            who = frozenset(terms(match.group("who")))
            found += [(match, s) for s, names in self._publishers.items() if who in names]
        return found

    def scope(self, question: str) -> set[str]:
        """The documents a question is about, by reference ("the 2023 work plan") or by name
        (both, when they agree; the reference, when they do not)."""
        named, referenced = self.titled(question), self.referenced(question)
        return (named & referenced) or referenced or named

    def vocabulary(self, source: str) -> set[str]:
        """Every term of a document's body (not of its title, dateline or headings)."""
        return self._vocabularies.get(source, set())

    def title_words(self) -> set[str]:
        """Every term of every document's title."""
        return set().union(*self._titles.values()) if self._titles else set()

    def writes(self, phrase: str) -> bool:
        """Whether some passage writes ``phrase`` (any case)."""
        if self._lowered is None:
            self._lowered = "\n".join(row.text.lower() for row in self.rows)
        return phrase.lower() in self._lowered

    def has_title(self, name: str) -> bool:
        """Whether some document's title (with its publisher and year) holds every word of ``name``."""
        wanted = set(terms(name))
        return any(wanted <= words for words in self._called.values())

    def known(self, term: str) -> bool:
        return term in self._vocab

    def spelled(self, term: str) -> tuple[str, ...]:
        """The words an acronym stands for where some document defines it ("High Energy Photon
        Source (HEPS)"): the other documents say those words and not the acronym."""
        return self._acronyms.get(term, ())

    def scores(self, question: str) -> np.ndarray:
        """BM25 score of every row (zeros when no question term is in the corpus); an acronym
        the collection defines also searches for its words."""
        asked = terms(question)
        asked += tuple(t for a in asked for t in self.spelled(a))
        query = [t for t in asked if t in self._vocab]
        if not query or not self.rows:
            return np.zeros(len(self.rows), dtype=np.float32)
        return self._bm25.get_scores(query)

    def search(self, question: str, k: int) -> tuple[list[tuple[ChunkRow, float]], np.ndarray]:
        """The top ``k`` rows with a positive score, and the scores of all rows."""
        scores = self.scores(question)
        if not len(scores):
            return [], scores
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.rows[int(i)], float(scores[i])) for i in top if scores[i] > 0], scores
