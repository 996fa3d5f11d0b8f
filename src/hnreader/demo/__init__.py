"""The demo edition: two faithful local CMS sites served over real HTTP.

- :mod:`~hnreader.demo.server` — :class:`DemoServer`, both sites on one port (flagship at
  ``/``, the TRS-style government portal under ``/portal/``).
- :mod:`~hnreader.demo.content` — ``demo_edition()``, the generated truth every page is
  rendered from (sections, list pages, articles with their flags), for tests to compare with.
- Generation: :mod:`phrases` (hand-written text), :mod:`filler` (seeded composer),
  :mod:`traditional` (繁體 + pinyin), :mod:`flagship_content` / :mod:`portal_content`.
- Rendering: :mod:`markup`, :mod:`flagship_pages`, :mod:`portal_pages`, :mod:`files` (PNG, PDF,
  DOCX), :mod:`routes` (path -> response bytes and caching headers).

Everything is deterministic: fixed seeds and fixed dates, so pages are identical on every run.
"""
