"""Deterministic scoring: substring answers, cited passages, abstention, retrieval rank, SQuAD EM/F1."""
from __future__ import annotations

import re
import string
from collections import Counter
from typing import Any, Callable

from evaluate.queries import Query
from retrieval.text import terms

_MARKER = re.compile(r"\s*\[\d+\]")


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def answer_text(answer: str) -> str:
    """The answer without its citation markers, as a reader would quote it."""
    return _MARKER.sub("", answer).strip()


def answer_correct(query: Query, answer: dict[str, Any]) -> bool:
    if query.unanswerable:
        return bool(answer["abstained"])
    if answer["abstained"]:
        return False
    text = normalise(answer_text(answer["answer"]))
    return any(normalise(e) in text for e in query.expect) if query.expect else True


def passage_matches(query: Query, passage_text: str) -> bool:
    """A passage is the right one if it holds the required text or lies inside it (a chunk of a
    longer gold paragraph)."""
    if not query.source:
        return False
    src, text = normalise(query.source), normalise(passage_text)
    return src in text or (len(text) > 20 and text in src)


def citation_correct(query: Query, answer: dict[str, Any]) -> bool:
    if query.unanswerable:
        return not answer["citations"]
    if not query.source:
        return bool(answer["citations"])
    return any(passage_matches(query, c["text"]) for c in answer["citations"])


def retrieval_rank(query: Query, retrieved: list[dict[str, Any]]) -> int | None:
    for rank, passage in enumerate(retrieved, 1):
        if passage_matches(query, passage["text"]):
            return rank
    return None


def _squad_normalise(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in set(string.punctuation))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, golds: tuple[str, ...]) -> float:
    return float(any(_squad_normalise(prediction) == _squad_normalise(g) for g in golds))


def token_f1(prediction: str, golds: tuple[str, ...]) -> float:
    best = 0.0
    pred = _squad_normalise(prediction).split()
    for gold in golds:
        ref = _squad_normalise(gold).split()
        common = sum((Counter(pred) & Counter(ref)).values())
        if common:
            precision, recall = common / len(pred), common / len(ref)
            best = max(best, 2 * precision * recall / (precision + recall))
    return best


# Retrieved and cited passages are scored on their first 2,000 characters together, in rank
# order, so that a recipe with bigger chunks does not win by showing more text.
PASSAGE_BUDGET = 2000


def reference_recall(reference: str, text: str) -> float:
    """The share of the reference answer's content words (stemmed, no stopwords) that ``text``
    holds: a judge-free measure of how much of a free-text answer is there."""
    wanted = set(terms(reference))
    return len(wanted & set(terms(text))) / len(wanted) if wanted else 0.0


def within_budget(passages: list[dict[str, Any]], budget: int = PASSAGE_BUDGET) -> str:
    out, left = [], budget
    for p in passages:
        if left <= 0:
            break
        out.append(p["text"][:left])
        left -= len(out[-1])
    return "\n".join(out)


Similarity = Callable[[str, str], float]


def reference_scores(query: Query, answer: dict[str, Any], retrieved: list[dict[str, Any]],
                     similarity: Similarity | None) -> dict[str, float]:
    """Scores against a free-text ``reference``; an abstention holds none of it."""
    said = "" if answer["abstained"] else answer_text(answer["answer"])
    out = {"reference_recall_answer": reference_recall(query.reference, said),
           "reference_recall_retrieved": reference_recall(query.reference, within_budget(retrieved)),
           "reference_recall_cited": reference_recall(query.reference, within_budget(answer["citations"]))}
    if similarity is not None:
        out["answer_similarity"] = similarity(said, query.reference) if said else 0.0
    return out


def score_item(query: Query, answer: dict[str, Any], retrieved: list[dict[str, Any]],
               similarity: Similarity | None = None) -> dict[str, Any]:
    rank = retrieval_rank(query, retrieved) if not query.unanswerable else None
    scores = {"answer_correct": answer_correct(query, answer),
              "citation_correct": citation_correct(query, answer),
              "retrieval_rank": rank}
    if not query.unanswerable and query.expect:
        predicted = "" if answer["abstained"] else answer_text(answer["answer"])
        scores.update(exact_match=exact_match(predicted, query.expect), f1=token_f1(predicted, query.expect))
    if not query.unanswerable and query.reference:
        scores.update(reference_scores(query, answer, retrieved, similarity))
    return scores


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 2)


REFERENCE_METRICS = ("reference_recall_answer", "reference_recall_retrieved", "reference_recall_cited",
                     "answer_similarity")


def summarise(items: list[dict[str, Any]], k: int) -> dict[str, Any]:
    """Aggregate metrics over scored items (each has ``unanswerable``, ``scores``, ``abstained``)."""
    answerable = [i for i in items if not i["unanswerable"]]
    unanswerable = [i for i in items if i["unanswerable"]]
    ranks = [i["scores"]["retrieval_rank"] for i in answerable if i.get("source")]
    latencies = [i["timings_ms"].get("total", 0.0) for i in items]
    first_tokens = [i["timings_ms"]["first_token"] for i in items if "first_token" in i["timings_ms"]]
    answered = [i for i in items if not i["abstained"]]
    checked = [i.get("verification") or {} for i in answered]
    metrics: dict[str, Any] = {
        "queries": len(items), "answerable": len(answerable), "unanswerable": len(unanswerable),
        "answer_accuracy": _mean([float(i["scores"]["answer_correct"]) for i in items]),
        "answerable_accuracy": _mean([float(i["scores"]["answer_correct"]) for i in answerable]),
        "citation_accuracy": _mean([float(i["scores"]["citation_correct"]) for i in answerable]),
        "abstention_accuracy": _mean([float(i["abstained"]) for i in unanswerable]),
        "false_abstention": _mean([float(i["abstained"]) for i in answerable]),
        "hit@1": _mean([float(r == 1) for r in ranks]),
        f"hit@{k}": _mean([float(r is not None and r <= k) for r in ranks]),
        "mrr": _mean([1.0 / r if r else 0.0 for r in ranks]),
        "latency_p50_ms": _percentile(latencies, 0.5),
        "latency_p95_ms": _percentile(latencies, 0.95),
        "first_token_p50_ms": _percentile(first_tokens, 0.5),
        "ungrounded_before": _mean([float(bool(v.get("removed"))) for v in checked]),
        "ungrounded_after": _mean([float(v.get("unsupported_after", 0) > 0) for v in checked]),
        "fallback_rate": _mean([float(v.get("verified") is False) for v in checked]),
    }
    for name in REFERENCE_METRICS:
        values = [i["scores"][name] for i in answerable if name in i["scores"]]
        if values:
            metrics[name] = _mean(values)
    f1 = [i["scores"]["f1"] for i in answerable if "f1" in i["scores"]]
    if f1:
        metrics["exact_match"] = _mean([i["scores"]["exact_match"] for i in answerable if "exact_match" in i["scores"]])
        metrics["f1"] = _mean(f1)
    return metrics



METRIC_ALIASES = {"answer": "answer_accuracy", "citation": "citation_accuracy", "abstention": "abstention_accuracy",
                  "false_abstention": "false_abstention", "answerable": "answerable_accuracy",
                  "recall": "reference_recall_answer", "retrieved_recall": "reference_recall_retrieved",
                  "similarity": "answer_similarity"}
LOWER_IS_BETTER = {"false_abstention", "latency_p50_ms", "latency_p95_ms", "first_token_p50_ms",
                   "ungrounded_before", "ungrounded_after", "fallback_rate"}


def parse_thresholds(spec: str) -> dict[str, float]:
    """``answer=0.9,citation=0.9`` → metric name → threshold (short names or full metric names)."""
    out = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        try:
            out[METRIC_ALIASES.get(name.strip(), name.strip())] = float(value)
        except ValueError:
            raise ValueError(f"bad threshold {part!r}: expected name=number") from None
        if not sep:
            raise ValueError(f"bad threshold {part!r}: expected name=number")
    return out


def below_thresholds(metrics: dict[str, Any], thresholds: dict[str, float]) -> list[str]:
    """A line for each metric on the wrong side of its threshold (upper bound where lower is better)."""
    out = []
    for name, limit in thresholds.items():
        value = metrics.get(name)
        if value is None:
            out.append(f"{name}: not measured")
        elif (value > limit) if name in LOWER_IS_BETTER else (value < limit):
            out.append(f"{name} = {value} ({'above' if name in LOWER_IS_BETTER else 'below'} {limit})")
    return out
