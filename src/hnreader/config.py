"""Typed configuration: what a user can set, with the defaults hnreader uses.

These dataclasses are the contract every part of hnreader reads its settings from. Loading the
TOML file, rejecting unknown keys and writing the commented example live in
:mod:`hnreader.config_file`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FontStep = Literal["small", "medium", "large", "huge"]  # 小 中 大 特大
Script = Literal["simplified", "traditional"]  # 简 繁
Theme = Literal["dark", "light", "high-contrast"]
LogLevel = Literal["debug", "info", "warning", "error"]

FONT_STEPS: tuple[FontStep, ...] = ("small", "medium", "large", "huge")
FONT_STEP_LABELS: dict[FontStep, str] = {
    "small": "小",
    "medium": "中",
    "large": "大",
    "huge": "特大",
}


@dataclass(frozen=True, slots=True)
class NetworkConfig:
    """How hnreader talks to sites: timeouts in seconds, limits per host, sizes in bytes."""

    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3  # extra attempts after the first, on connect errors, 5xx and 429
    per_host_concurrency: int = 4
    rate_limit: float = 4.0  # requests per second per host; 0 turns the limit off
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 10


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """One site in the catalogue, with its own overrides of the network settings."""

    name: str
    url: str  # the home page
    rate_limit: float | None = None  # None: NetworkConfig.rate_limit
    include: tuple[str, ...] = ()  # section paths (新闻中心/工作动态) to sync; empty: all
    exclude: tuple[str, ...] = ()
    verify_tls: bool = True
    encoding: str | None = None  # force a page encoding when a site declares it wrongly
    robots: bool = True  # honour robots.txt when syncing


@dataclass(frozen=True, slots=True)
class ReaderConfig:
    """How the reader looks."""

    theme: Theme = "dark"
    font_step: FontStep = "medium"
    font_path: str | None = None  # a CJK font for 大/特大; None: found through fontconfig
    script: Script = "simplified"
    show_ruby: bool = False


@dataclass(frozen=True, slots=True)
class LogConfig:
    """What goes into the log file (in the platform log directory unless ``file`` is set)."""

    level: LogLevel = "info"
    file: str | None = None  # None: hnreader.log in hnreader.paths.log_dir()


@dataclass(frozen=True, slots=True)
class Config:
    """Everything configurable; ``Config()`` is the defaults."""

    network: NetworkConfig = field(default_factory=NetworkConfig)
    reader: ReaderConfig = field(default_factory=ReaderConfig)
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys ("j,down")
    data_dir: str | None = None
    sites: tuple[SiteConfig, ...] = ()
    log: LogConfig = field(default_factory=LogConfig)
