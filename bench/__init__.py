"""Dateline benchmarks (`make bench`, `make bench-search`): numbers, not pass/fail tests."""
