"""Fetching over HTTP with one shared, careful client."""

from hnreader.fetch.client import USER_AGENT, Fetcher, FetchKind
from hnreader.fetch.errors import FetchError
from hnreader.fetch.robots import RobotsPolicy

__all__ = ["USER_AGENT", "FetchError", "FetchKind", "Fetcher", "RobotsPolicy"]
