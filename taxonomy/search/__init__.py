"""Search over fields, roles, companies, technologies and skill lines.

``search()`` is the one entry point; ``taxonomy.search.index.sync_index`` keeps the index
in step with the data.
"""

from taxonomy.search.query import Facet, Hit, SearchResults, search

__all__ = ["Facet", "Hit", "SearchResults", "search"]
