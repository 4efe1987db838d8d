"""kg: build an RDF knowledge graph of who said what about whom from news articles."""

__version__ = "0.1.0"

# Bumped whenever extraction output changes, so that incremental builds re-parse articles.
EXTRACTOR_VERSION = "123"
