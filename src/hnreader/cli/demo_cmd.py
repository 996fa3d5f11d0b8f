"""``hnreader demo-server``: serve the bundled demo edition over real HTTP."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare ``--host`` and ``--port``."""
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port (default: %(default)s; 0 picks one)"
    )


def run(options: argparse.Namespace, name: str) -> int:
    """Serve both demo sites until interrupted."""
    from hnreader.demo.server import DemoServer

    server = DemoServer(host=options.host, port=options.port)
    try:
        server.start()
    except OSError as exc:
        print(f"hnreader: cannot serve on {options.host}:{options.port}: {exc}", flush=True)
        return 1
    for site_name, url in server.sites:
        print(f"{site_name}: {url}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
