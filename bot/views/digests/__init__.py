"""Digest screens: the text for one reader, and the chart."""
