"""Exports: a child's record as a PDF report, CSV files or a FHIR R4 bundle; no Telegram."""
