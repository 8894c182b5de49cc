"""The benchmark keeps running (CI checks that it runs, not its timings)."""
import json

from tests.test_cli import run


def test_quick_bench_writes_every_figure(tmp_path):
    result = run("bench", "--quick", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["ingest"]["chunks"] > 0 and data["ingest"]["ratio_to_floor"] > 0
    assert data["ingest"]["unchanged_share_of_full"] < 0.5
    assert {"ours", "naive", "p50_ratio_ours_to_naive"} <= set(data["latency"])
    assert data["latency"]["ours"]["hit@1"] >= data["latency"]["naive"]["hit@1"]
    assert data["cold_start"]["answer_cli_s"] > 0
    assert data["scale"][0]["chunks"] > 100 and data["scale"][0]["query_p50_ms"] > 0
    assert (tmp_path / "scale.png").stat().st_size > 1000
    load = data["load"]["rows"]
    assert [row["askers"] for row in load] == [1, 2, 1, 2] and all(row["answers"] > 0 for row in load)
    assert sum(row["errors"] for row in load) == 0, load
