"""Medication screens."""
