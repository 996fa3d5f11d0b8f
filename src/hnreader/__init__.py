"""hnreader: a terminal reader for Chinese government and news CMS sites, offline first."""

__version__ = "0.1.0"
