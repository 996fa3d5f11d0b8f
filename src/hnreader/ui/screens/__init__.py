"""Screens of the Textual user interface."""
