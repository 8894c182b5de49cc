"""Evaluation results for people: a terminal table, and a Markdown report with plots."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from evaluate.runner import failures

COLUMNS = [("answer_accuracy", "answer"), ("citation_accuracy", "citation"), ("abstention_accuracy", "abstention"),
           ("false_abstention", "false abst."), ("hit@1", "hit@1"), ("hit@k", "hit@k"), ("mrr", "MRR"),
           ("latency_p50_ms", "p50 ms"), ("latency_p95_ms", "p95 ms")]
SQUAD_COLUMNS = [("answerable_accuracy", "contains gold"), ("exact_match", "EM"), ("f1", "F1")]
REFERENCE_COLUMNS = [("reference_recall_answer", "ref. words in answer"),
                     ("reference_recall_retrieved", "in retrieved (2,000 ch.)"),
                     ("reference_recall_cited", "in cited"), ("answer_similarity", "answer similarity")]
GENERATIVE_COLUMNS = [("first_token_p50_ms", "1st token ms"), ("ungrounded_before", "ungrounded before"),
                      ("ungrounded_after", "ungrounded after"), ("fallback_rate", "fell back")]


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) and abs(value) <= 1.0 else f"{value}"


def _columns(result: dict[str, Any], k: int) -> list[tuple[str, str]]:
    cols = [(key.replace("@k", f"@{k}"), label.replace("@k", f"@{k}")) for key, label in COLUMNS]
    if "f1" in result["metrics"]["overall"]:
        cols += SQUAD_COLUMNS
    if "reference_recall_answer" in result["metrics"]["overall"]:
        cols += REFERENCE_COLUMNS
    if any(i.get("verification") for i in result.get("items", [])):
        cols += GENERATIVE_COLUMNS
    return cols


def metric_rows(result: dict[str, Any], k: int) -> tuple[list[str], list[list[str]]]:
    cols = _columns(result, k)
    header = ["type", "n"] + [label for _, label in cols]
    rows = []
    for name, m in list(result["metrics"]["by_type"].items()) + [("overall", result["metrics"]["overall"])]:
        rows.append([name, str(m["queries"])] + [_cell(m.get(key)) for key, _ in cols])
    return header, rows


def comparison_rows(result: dict[str, Any], k: int) -> tuple[list[str], list[list[str]]]:
    other = result["compare"]
    ours, theirs = result["metrics"]["overall"], other["metrics"]["overall"]
    header = ["metric", "ours", other["name"], "ours / theirs"]
    rows = []
    for key, label in _columns(result, k):
        a, b = ours.get(key), theirs.get(key)
        ratio = f"{a / b:.2f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else "–"
        rows.append([label, _cell(a), _cell(b), ratio])
    return header, rows


def _describe_failure(item: dict[str, Any]) -> list[str]:
    cited = "; ".join(f"[{c['n']}] {c['text'][:90]}" for c in item["citations"]) or "none"
    retrieved = "; ".join(p["text"][:60] for p in item["retrieved"][:3]) or "none"
    expected = ("abstain" if item["unanswerable"] else " | ".join(item["expect"]) or item.get("reference")
                or "(any)")
    return [f"{item['id']} [{item['type']}]: {item['question']}", f"  expected: {expected}",
            f"  answered: {item['answer'][:200]}", f"  cited: {cited}", f"  retrieved: {retrieved}"]


def print_report(result: dict[str, Any], k: int, console: Console | None = None) -> None:
    console = console or Console(width=170)
    for title, (header, rows) in [("Evaluation", metric_rows(result, k))] + (
            [("Comparison, same queries, same run", comparison_rows(result, k))] if "compare" in result else []):
        table = Table(title=title)
        for h in header:
            table.add_column(h, justify="left" if h in ("type", "metric") else "right")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    failed = failures(result["items"])
    if failed:
        console.print(f"{len(failed)} failed queries:", markup=False)
        for item in failed[:50]:
            for line in _describe_failure(item):
                console.print(line, markup=False, highlight=False)


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plot_by_type(result: dict[str, Any], path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_type = result["metrics"]["by_type"]
    names = list(by_type)
    metrics = [("answer_accuracy", "answer"), ("citation_accuracy", "citation"), ("abstention_accuracy", "abstention")]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    width = 0.8 / len(metrics)
    for i, (key, label) in enumerate(metrics):
        ax.bar([x + i * width for x in range(len(names))], [by_type[n].get(key) or 0 for n in names], width,
               label=label)
    ax.set_xticks([x + width for x in range(len(names))], names)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("share correct")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_markdown(result: dict[str, Any], k: int, path: Path, source: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    chart = plot_by_type(result, path.with_suffix(".by-type.png"))
    parts = [f"# Evaluation of {source}", "", _markdown_table(*metric_rows(result, k)), "",
             f"![accuracy by query type]({chart.name})", ""]
    if "compare" in result:
        parts += ["## Comparison (same queries, same run)", "", _markdown_table(*comparison_rows(result, k)), ""]
    failed = failures(result["items"])
    parts += [f"## Failed queries ({len(failed)})", ""]
    for item in failed:
        lines = _describe_failure(item)
        parts += [f"- **{lines[0]}**"] + [f"  - {line.strip()}" for line in lines[1:]]
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
