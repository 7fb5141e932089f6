"""Medical entities from an article's prose: the rules of prose extraction, one module each.

``lexicon`` compiles a site's word lists (``domain/enumeration``); ``context`` says which
property each piece of text speaks about and cuts the article into units; ``enumerations``
finds candidate items in a sentence; ``judge`` cleans a candidate or says why it is not an
entity; ``faq`` tells questions from other FAQ headings; ``engine`` runs them over one
article. :mod:`seo_export.read.extract` turns the result into the article's entities and
findings.
"""
