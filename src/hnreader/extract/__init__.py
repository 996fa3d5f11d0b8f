"""Turning the HTML of Chinese CMS pages into section trees, article lists and articles."""
