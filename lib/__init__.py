"""Helpers that several apps use, each with its own small test (as healthchecks' hc/lib)."""
