"""Passages to an answer with citations: the backends and what they share."""
