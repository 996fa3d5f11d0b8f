"""Fetching over HTTP with one shared, careful client."""

from hnreader.fetch.client import FetchError, Fetcher

__all__ = ["FetchError", "Fetcher"]
