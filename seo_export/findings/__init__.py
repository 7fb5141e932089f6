"""Findings as data: the stages' codes, JSONPaths, a run's Report, and the formats it is
rendered in (one module each in :mod:`.formats`)."""
