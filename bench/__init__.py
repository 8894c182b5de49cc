"""Speed and scale, measured in one run against baselines measured in the same run."""
