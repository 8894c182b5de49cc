"""The Evaluate page: run a query file against the assistant and read the results. UI only."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from evaluate.queries import QueryFileError, problem
from evaluate.report import comparison_rows, metric_rows, write_markdown
from evaluate.runner import evaluate_path, failures
from settings import ROOT, variant
from ui import escape_markdown, get_assistant

st.title("Evaluate")
st.caption("Run test queries (YAML) or a SQuAD-format benchmark and see where the assistant fails.")

assistant = get_assistant()
if not assistant.documents():
    st.warning("No documents are ingested yet: open the chat page first, which ingests the corpus.")
DEFAULT = ROOT / "tests" / "queries.yaml"


@st.cache_data(show_spinner=False)
def query_files(stamp: tuple[tuple[str, float], ...]) -> dict[str, Path]:
    """The project's files that are query files (a YAML list of questions or SQuAD JSON), the
    project's own query file first. ``stamp`` (paths and times) renews the list when files change."""
    usable = [Path(p) for p, _ in stamp if problem(Path(p)) is None]
    usable.sort(key=lambda p: p != DEFAULT)
    return {str(p.relative_to(ROOT)): p for p in usable}


candidates = sorted(ROOT.glob("tests/*.yaml")) + sorted(ROOT.glob("bench/**/*.yaml")) \
    + sorted(ROOT.glob("bench/data/*.json"))
choices = query_files(tuple((str(p), p.stat().st_mtime) for p in candidates))
picked = st.selectbox("Query file", list(choices), index=0)
upload = st.file_uploader("Or evaluate your own query file (YAML list of questions, or SQuAD JSON)",
                          type=["yaml", "yml", "json"])
uploaded: Path | None = None
if upload is not None:
    scratch = tempfile.TemporaryDirectory(prefix="queries-")  # removed when this run's globals go
    uploaded = Path(scratch.name) / Path(upload.name).name
    uploaded.write_bytes(upload.getvalue())
    trouble = problem(uploaded)
    if trouble:
        st.error(f"This file cannot be evaluated: {trouble.replace(str(uploaded), upload.name)}. "
                 "Fix it and upload it again, or remove it to evaluate a project file.")
        uploaded = None
    else:
        st.caption(f"Evaluating your file {escape_markdown(upload.name)} instead of the one selected above.")
col1, col2 = st.columns(2)
compare = col1.checkbox("Compare with the naive LangChain baseline", value=False)
limit = col2.number_input("SQuAD: sample this many questions (0 = all)", min_value=0, value=100, step=50)
path = uploaded or (choices[picked] if picked else None)

if st.button("Run evaluation", type="primary", disabled=path is None or (upload is not None and uploaded is None)):
    with tempfile.TemporaryDirectory() as tmp:
        bar = st.progress(0.0, text="Running…")

        def tick(n: int, total: int) -> None:
            bar.progress(n / max(total, 1), text=f"{n} of {total} queries")

        try:
            settings = assistant.settings
            result = evaluate_path(settings, assistant.embedder, path, limit=int(limit) or None, tick=tick,
                                   assistant=assistant)
            if compare:
                bar.progress(0.0, text="Running the baseline…")
                other = variant(settings, "baseline")
                result["compare"] = {"name": "baseline", **evaluate_path(
                    other, assistant.embedder, path, limit=int(limit) or None, tick=tick, own_store=True)}
            name = upload.name if uploaded else path.name
            report_md = Path(tmp) / "report.md"
            write_markdown(result, settings.top_k, report_md, name)
            st.session_state["evaluation"] = {"result": result, "markdown": report_md.read_text(encoding="utf-8"),
                                              "name": name}
        except (QueryFileError, ValueError, OSError) as exc:
            st.error(str(exc))
        bar.empty()

evaluation = st.session_state.get("evaluation")
if evaluation:
    result, k = evaluation["result"], assistant.settings.top_k
    st.subheader(f"Results: {evaluation['name']}")
    header, rows = metric_rows(result, k)
    st.dataframe(pd.DataFrame(rows, columns=header), hide_index=True)
    by_type = result["metrics"]["by_type"]
    st.bar_chart(pd.DataFrame({"answer": {t: m.get("answer_accuracy") or 0 for t, m in by_type.items()},
                               "citation": {t: m.get("citation_accuracy") or 0 for t, m in by_type.items()}}),
                 stack=False)
    if "compare" in result:
        st.subheader("Compared with the baseline (same queries, same run)")
        header, rows = comparison_rows(result, k)
        st.dataframe(pd.DataFrame(rows, columns=header), hide_index=True)
    failed = failures(result["items"])
    st.subheader(f"Failed queries ({len(failed)})")
    for item in failed:
        with st.expander(f"{item['id']} · {item['type']} · {item['question']}"):
            st.markdown("**Expected:** " + escape_markdown(
                "an abstention" if item["unanswerable"] else " | ".join(item["expect"]) or "(any answer)"))
            if item.get("reference"):
                st.markdown("**Reference answer:** " + escape_markdown(item["reference"]))
            st.markdown("**Answered:** " + escape_markdown(item["answer"]))
            for c in item["citations"]:
                st.caption(f"Cited [{c['n']}] {c['source']} {c['start']}–{c['end']}")
                st.text(c["text"])
            st.markdown("**Retrieved:**")
            for p in item["retrieved"]:
                st.text(f"{p['score']:.3f}  {p['text'][:300]}")
    st.download_button("Download report (Markdown)", evaluation["markdown"], file_name="evaluation.md")
    st.download_button("Download results (JSON)", json.dumps(result, ensure_ascii=False, indent=2),
                       file_name="evaluation.json")
