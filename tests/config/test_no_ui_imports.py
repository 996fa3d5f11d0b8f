"""The configuration, catalogue, export, speech and log modules never load Textual.

(The import-linter contract in pyproject lists the older core packages; this covers these.)
"""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "hnreader.config_file",
    "hnreader.catalogue",
    "hnreader.export",
    "hnreader.speech",
    "hnreader.logs",
    "hnreader.cli.sites_cmd",
    "hnreader.cli.config_cmd",
    "hnreader.cli.export_cmd",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.',"
        " 'hnreader.ui', 'hnreader.app'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
