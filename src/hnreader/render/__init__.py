"""Text rendering for the reader that needs no UI toolkit: scripts, line breaking, big glyphs."""
