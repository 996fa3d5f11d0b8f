"""Widgets of the Textual user interface."""
