"""Speed and scale, measured in one run against baselines measured in the same run."""


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank ``q`` quantile of ``values``, rounded to 0.01 (0 when there are none)."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 2) if ordered else 0.0
