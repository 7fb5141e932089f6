"""Findings as data: the registry of codes, JSONPaths, and the formats they are rendered in."""
