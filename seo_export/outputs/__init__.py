"""Pure builders of what a page publishes: the JSON-LD graph, the head tags, the sitemaps."""
