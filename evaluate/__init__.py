"""Scoring the assistant against test queries: our YAML files and SQuAD-format benchmarks."""
