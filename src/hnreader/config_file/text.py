"""Configuration as TOML text: the commented example with every key, and the effective config.

The order follows TOML's rule that top-level keys come before the first table, so a user who
uncomments any line of the example gets the key in the table it belongs to.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from hnreader.config import Config, SiteConfig

# Every key, as "table.key" ("key" at the top level): what it does, for the example file.
KEY_DOCS: dict[str, str] = {
    "data_dir": "Where the library (SQLite store) lives. Not set: $HNREADER_DATA_DIR, else the "
    "platform data directory. --data-dir overrides both.",
    "network.connect_timeout": "Seconds to wait for a connection to a site.",
    "network.read_timeout": "Seconds to wait for a site to send data.",
    "network.retries": "Extra attempts after a connection error, 5xx or 429 (never on 4xx).",
    "network.per_host_concurrency": "Requests in flight at once to one host.",
    "network.rate_limit": "Requests per second to one host; 0 turns the limit off.",
    "network.max_bytes": "Largest page or file fetched, in bytes; larger ones are aborted.",
    "network.max_redirects": "Redirects followed before giving up.",
    "reader.theme": 'Colours: "dark", "light" or "high-contrast" (适老化).',
    "reader.font_step": 'Text size: "small" 小, "medium" 中, "large" 大 or "huge" 特大.',
    "reader.font_path": "A CJK font file for 大/特大. Not set: found through fontconfig.",
    "reader.script": 'Characters shown: "simplified" 简 or "traditional" 繁.',
    "reader.show_ruby": "Show ruby readings after their characters, as 字(zì).",
    "log.level": 'Least severe messages written to the log: "debug", "info", "warning", "error".',
    "log.file": "The log file. Not set: hnreader.log in the platform log directory.",
    "keymap": "Binding ids mapped to keys, comma-separated; the help screen (?) lists the ids. "
    "Quote ids that contain dots.",
    "sites": "Your sites, one [[sites]] table each; a site named like a built-in one replaces it.",
    "sites.name": "The name shown in the site picker and used by 'hnreader sync NAME'.",
    "sites.url": "The home page address (http or https).",
    "sites.rate_limit": "Requests per second for this site. Not set: network.rate_limit.",
    "sites.include": 'Section paths to sync, such as "新闻中心/工作动态". Empty: all.',
    "sites.exclude": "Section paths never synced.",
    "sites.verify_tls": "Check the site's certificate; false only for a site whose certificate "
    "is broken (a warning is logged on every connection).",
    "sites.encoding": "Force this page encoding when the site declares a wrong one.",
    "sites.robots": "Honour the site's robots.txt when syncing.",
}

# Shown in the example for keys whose default is "not set".
_EXAMPLES: dict[str, Any] = {
    "data_dir": "~/hnreader-library",
    "reader.font_path": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "log.file": "~/hnreader.log",
    "sites.rate_limit": 2.0,
    "sites.encoding": "gb18030",
}
_EXAMPLE_SITE = {"name": "湖南省民政厅", "url": "https://mzt.hunan.gov.cn/"}
_EXAMPLE_KEYMAP = {"reader.font_bigger": "plus,="}

_HEADER = """\
# hnreader configuration. Every key is listed at its default, commented out:
# uncomment a line and change the value. Unknown keys are rejected with the line number.
# Reference: docs/CONFIG.md. This file is $HNREADER_CONFIG, else config.toml in the
# platform configuration directory (hnreader config path). Sites added with
# 'hnreader sites add' are kept in sites.toml beside it.
"""
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def default_config_text() -> str:
    """The commented example configuration: every key with its description and default."""
    out = [_HEADER]
    tables: list[dataclasses.Field[Any]] = []
    for field in dataclasses.fields(Config):
        if field.name in ("keymap", "sites") or dataclasses.is_dataclass(_default(Config, field)):
            tables.append(field)
        else:
            out.extend(_example_key("", field.name, _default(Config, field)))
    tables.sort(key=lambda field: field.name == "sites")  # [[sites]] last: it is repeated
    for field in tables:
        out.append("")
        if field.name == "keymap":
            out += ["[keymap]", *_comment(KEY_DOCS["keymap"])]
            out += [f"# {_key(k)} = {_value(v)}" for k, v in _EXAMPLE_KEYMAP.items()]
        elif field.name == "sites":
            out += [*_comment(KEY_DOCS["sites"]), "# [[sites]]"]
            for site_field in dataclasses.fields(SiteConfig):
                default = _EXAMPLE_SITE.get(site_field.name, _default(SiteConfig, site_field))
                out.extend(_example_key("sites", site_field.name, default))
        else:
            out.append(f"[{field.name}]")
            section = _default(Config, field)
            for inner in dataclasses.fields(section):
                out.extend(_example_key(field.name, inner.name, getattr(section, inner.name)))
    return "\n".join(out) + "\n"


def to_toml(config: Config) -> str:
    """``config`` as TOML; values that are not set (None) are left out."""
    out: list[str] = []
    later: list[str] = []
    sites: list[str] = []
    for field in dataclasses.fields(Config):
        value = getattr(config, field.name)
        if field.name == "keymap":
            later += ["", "[keymap]", *(f"{_key(k)} = {_value(v)}" for k, v in value.items())]
        elif field.name == "sites":
            for site in value:
                sites += ["", "[[sites]]", *_assignments(site)]
        elif dataclasses.is_dataclass(value):
            later += ["", f"[{field.name}]", *_assignments(value)]
        elif value is not None:
            out.append(f"{_key(field.name)} = {_value(value)}")
    return "\n".join(out + later + sites).strip("\n") + "\n"


def sites_to_toml(sites: tuple[SiteConfig, ...], header: str = "") -> str:
    """A ``sites.toml``: one ``[[sites]]`` table per site, defaults left out."""
    out = [header.rstrip("\n")] if header else []
    for site in sites:
        defaults = SiteConfig(site.name, site.url)
        out += ["", "[[sites]]"]
        out += [
            line
            for line, field in zip(_assignments(site), _set_fields(site), strict=True)
            if field in ("name", "url") or getattr(site, field) != getattr(defaults, field)
        ]
    return "\n".join(out).strip("\n") + "\n"


def _set_fields(value: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(value) if getattr(value, f.name) is not None]


def _assignments(value: Any) -> list[str]:
    return [f"{_key(name)} = {_value(getattr(value, name))}" for name in _set_fields(value)]


def _default(cls: type[Any], field: dataclasses.Field[Any]) -> Any:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None if field.default is dataclasses.MISSING else field.default


def _example_key(table: str, name: str, default: Any) -> list[str]:
    dotted = f"{table}.{name}" if table else name
    shown = _EXAMPLES.get(dotted) if default is None else default
    lines = _comment(KEY_DOCS.get(dotted, ""))
    if default is None:
        lines.append("# (not set by default; an example:)")
    return [*lines, f"# {_key(name)} = {_value(shown)}"]


def _comment(text: str) -> list[str]:
    words, lines, line = text.split(), [], "#"
    for word in words:
        if len(line) + len(word) > 92:
            lines.append(line)
            line = "#"
        line += " " + word
    return [*lines, line] if words else lines


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    """A TOML literal; JSON's string escapes are all valid TOML escapes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")
