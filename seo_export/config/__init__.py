"""Settings: read once from seo-export.toml (or pyproject.toml), checked, frozen."""
