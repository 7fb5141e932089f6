"""Domain facts, each written once: dates authors write, the JSON Schemas and the tables
they are generated from.

Everything above reads these; nothing here imports a stage."""
