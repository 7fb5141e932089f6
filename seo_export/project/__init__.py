"""Whole-project commands above the build: validate, report, suggest, init, and the
generated reference tables of the docs."""
