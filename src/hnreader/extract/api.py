"""The extraction entry points: bytes (or text) of a page in, a model out.

Every function takes the page content, the URL it came from (to resolve links) and the
HTTP ``Content-Type`` header if known. None of them touches the network.
"""

from hnreader.extract.article import extract_article
from hnreader.extract.listing import extract_list
from hnreader.extract.sections import extract_tree

__all__ = ["extract_article", "extract_list", "extract_tree"]
