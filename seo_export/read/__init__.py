"""Reading content: discover -> parse -> normalize (fields, dates, URLs, slugs) -> extract.

The only stages that look at article files; they turn bytes into an
:class:`~seo_export.model.Article` or findings that say why not."""
