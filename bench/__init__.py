"""Benchmarks: scripts that print figures and ratios (see README.md); none is a test."""
