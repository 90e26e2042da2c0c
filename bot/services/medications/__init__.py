"""Medications: the regimen, its changes, titration, the dictionary, parsing."""
