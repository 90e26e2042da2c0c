"""Digests: the figures a neurologist asks about at a follow-up, for one child and one period."""
