"""The Evaluate page: run a query file against the assistant and read the results. UI only."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from evaluate.queries import QueryFileError
from evaluate.report import comparison_rows, metric_rows, write_markdown
from evaluate.runner import evaluate_path, failures
from settings import ROOT, variant
from ui import escape_markdown, get_assistant

st.title("Evaluate")
st.caption("Run test queries (YAML) or a SQuAD-format benchmark and see where the assistant fails.")

assistant = get_assistant()
if not assistant.documents():
    st.warning("No documents are ingested yet: open the chat page first, which ingests the corpus.")
bench = ROOT / "bench" / "data"
choices = {str(p.relative_to(ROOT)): p
           for p in sorted((ROOT / "tests").glob("*.yaml")) + sorted(bench.glob("*.json"))}
picked = st.selectbox("Query file", list(choices) + ["(upload)"])
upload = st.file_uploader("Upload a YAML query file or SQuAD JSON", type=["yaml", "yml", "json"]) \
    if picked == "(upload)" else None
col1, col2 = st.columns(2)
compare = col1.checkbox("Compare with the naive LangChain baseline", value=False)
limit = col2.number_input("SQuAD: sample this many questions (0 = all)", min_value=0, value=100, step=50)

if st.button("Run evaluation", type="primary"):
    with tempfile.TemporaryDirectory() as tmp:
        if picked == "(upload)":
            if upload is None:
                st.error("Choose a file to upload first.")
                st.stop()
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
        else:
            path = choices[picked]
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
            report_md = Path(tmp) / "report.md"
            write_markdown(result, settings.top_k, report_md, path.name)
            st.session_state["evaluation"] = {"result": result, "markdown": report_md.read_text(encoding="utf-8"),
                                              "name": path.name}
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
