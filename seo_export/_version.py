"""The package version, kept apart so that reading it imports nothing else."""

VERSION = "0.2.0"
