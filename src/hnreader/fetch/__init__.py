"""Fetching over HTTP with one shared, careful client."""

from hnreader.fetch.client import Fetcher, FetchError

__all__ = ["FetchError", "Fetcher"]
