"""Check a configuration file's TOML against the dataclasses of :mod:`hnreader.config`.

The checks follow the dataclasses' type hints, so a field added there is checked (and an
unknown key rejected) with no change here; range checks for numbers and addresses are listed
in ``_CHECKS``. Line numbers come from a light scan of the text, since :mod:`tomllib` keeps none.
"""

from __future__ import annotations

import codecs
import dataclasses
import math
import tomllib
import types
from collections.abc import Callable, Collection, Mapping
from typing import Any, Literal, cast, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit

from hnreader.config import Config, SiteConfig


class ConfigError(ValueError):
    """The configuration cannot be used; the message says where and why."""


def parse_config(
    text: str, filename: str = "config.toml", *, known_bindings: Collection[str] | None = None
) -> Config:
    """Check the TOML ``text`` of a configuration file and build a :class:`Config`.

    ``known_bindings``: the reader's binding ids; when given, a ``[keymap]`` entry for any
    other id is rejected like an unknown key (with a suggestion).
    """
    document = _parse_toml(text, filename)
    where = _Where(filename, text)
    config: Config = _build(Config, document, where)
    reject_duplicates(list(config.sites), filename)
    if known_bindings is not None:
        known = sorted(known_bindings)
        for binding in config.keymap:
            if binding not in known:
                raise ConfigError(where.child("keymap").unknown(binding, known))
    return config


def parse_sites(text: str, filename: str = "sites.toml") -> tuple[SiteConfig, ...]:
    """Check a ``sites.toml`` (only ``[[sites]]`` tables) and return its sites."""
    document = _parse_toml(text, filename)
    where = _Where(filename, text)
    for key in document:
        if key != "sites":
            raise ConfigError(where.unknown(key, ["sites"]))
    sites = _convert(tuple[SiteConfig, ...], document.get("sites", []), where.child("sites"))
    reject_duplicates(list(sites), filename)
    return tuple(sites)


def _parse_toml(text: str, filename: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{filename}: not valid TOML: {exc}") from exc


def reject_duplicates(sites: list[SiteConfig], where: str) -> None:
    """Raise :class:`ConfigError` when two sites share a name (ignoring case)."""
    seen: set[str] = set()
    for site in sites:
        if site.name.casefold() in seen:
            raise ConfigError(f"{where}: the site name {site.name!r} is used twice")
        seen.add(site.name.casefold())


@dataclasses.dataclass(frozen=True)
class _Where:
    """Where a value sits: the file, the table path and the index in an array of tables."""

    filename: str
    text: str
    table: str = ""
    index: int | None = None  # set inside an array of tables

    def child(self, name: str) -> _Where:
        table = f"{self.table}.{name}" if self.table else name
        return dataclasses.replace(self, table=table, index=None)

    def prefix(self, key: str | None = None) -> str:
        if key is None:  # the table itself: point at its header
            line = _key_line(self.text, "", self.table, self.index or 0)
        else:
            line = _key_line(self.text, self.table, key, self.index or 0)
        return f"{self.filename} line {line}" if line else self.filename

    @property
    def header(self) -> str:
        if self.index is None:
            return f"[{self.table}]"
        return f"[[{self.table}]] number {self.index + 1}"

    def label(self, key: str) -> str:
        return f"{self.header} {key}" if self.table else key

    def unknown(self, key: str, known: list[str]) -> str:
        where = f" in {self.header}" if self.table else ""
        message = f"{self.prefix(key)}: unknown key {key!r}{where}"
        import difflib  # only a mistake needs it, not every start

        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            return f"{message}; did you mean {close[0]!r}?"
        return f"{message}; known keys: {', '.join(known)}"

    def invalid(self, key: str, expected: str, value: object) -> ConfigError:
        shown = repr(value) if not isinstance(value, dict) else "a table"
        return ConfigError(f"{self.prefix(key)}: {self.label(key)} must be {expected}, not {shown}")


def _key_line(text: str, table: str, key: str, index: int) -> int | None:
    """The line that sets ``key`` in ``table`` (the ``index``-th one for arrays of tables).

    With no ``table``, a table header named ``key`` counts too (its ``index``-th occurrence).
    """
    current: tuple[str, int] | None = None
    counts: dict[str, int] = {}
    want = (table.split(".")[0], index) if table else None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            array = line.startswith("[[")
            name = line.strip("[]").split("]")[0].strip().strip("\"'")
            counts[name] = counts.get(name, -1) + 1 if array else 0
            current = (name, counts[name])
            if not table and name.split(".")[0] == key and counts[name] == index:
                return number
            continue
        assigned = line.split("=", 1)[0].strip().strip("\"'") if "=" in line else None
        if assigned == key and current == want and not line.startswith("#"):
            return number
    return None


_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "network.connect_timeout": (lambda v: 0 < v < math.inf, "a number of seconds above 0"),
    "network.read_timeout": (lambda v: 0 < v < math.inf, "a number of seconds above 0"),
    "network.retries": (lambda v: 0 <= v <= 20, "a whole number from 0 to 20"),
    "network.per_host_concurrency": (lambda v: 1 <= v <= 64, "a whole number from 1 to 64"),
    "network.rate_limit": (lambda v: 0 <= v < math.inf, "requests per second, 0 or more"),
    "network.max_bytes": (lambda v: v >= 1024, "a number of bytes, at least 1024"),
    "network.max_redirects": (lambda v: 0 <= v <= 50, "a whole number from 0 to 50"),
    "sites.name": (lambda v: bool(v.strip()), "a name that is not empty"),
    "sites.url": (lambda v: urlsplit(v).scheme in ("http", "https"), "an http(s) address"),
    "sites.rate_limit": (lambda v: 0 < v < math.inf, "requests per second above 0"),
    "sites.encoding": (lambda v: _is_codec(v), "an encoding Python knows (gb18030, utf-8…)"),
    "data_dir": (lambda v: bool(v.strip()), "a directory path that is not empty"),
}


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _build(cls: type[Any], table: Mapping[str, Any], where: _Where) -> Any:
    hints = get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    for key in table:
        if key not in names:
            raise ConfigError(where.unknown(key, names))
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):
        if field.name in table:
            values[field.name] = _check(hints[field.name], table[field.name], where, field.name)
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise ConfigError(f"{where.prefix()}: {where.header} needs {field.name!r}")
    return cls(**values)


def _check(hint: Any, value: Any, where: _Where, key: str) -> Any:
    """Convert one value and apply the range check registered for it."""
    converted = _convert(hint, value, where.child(key), key, where)
    check = _CHECKS.get(f"{where.table}.{key}" if where.table else key)
    if check and converted is not None and not check[0](converted):
        raise where.invalid(key, check[1], value)
    return converted


def _convert(
    hint: Any, value: Any, inner: _Where, key: str = "", outer: _Where | None = None
) -> Any:
    outer = outer or inner
    origin, args = get_origin(hint), get_args(hint)
    if origin is Literal:
        if value not in args:
            raise outer.invalid(key, "one of " + ", ".join(repr(a) for a in args), value)
        return value
    if origin is types.UnionType:
        return _convert(next(a for a in args if a is not type(None)), value, inner, key, outer)
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise outer.invalid(key, "a table", value)
        return _build(hint, value, inner)  # type: ignore[arg-type]
    if origin is tuple and dataclasses.is_dataclass(args[0]):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise outer.invalid(key, f"an array of tables ([[{key}]])", value)
        return tuple(
            _build(cast(type[Any], args[0]), item, dataclasses.replace(inner, index=number))
            for number, item in enumerate(value)
        )
    return _convert_plain(hint, origin, value, inner, key, outer)


def _convert_plain(
    hint: Any, origin: Any, value: Any, inner: _Where, key: str, outer: _Where
) -> Any:
    if origin is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise outer.invalid(key, "an array of strings", value)
        return tuple(value)
    if origin is dict:
        if not isinstance(value, dict):
            raise outer.invalid(key, "a table", value)
        for name, keys in value.items():
            if not isinstance(keys, str) or not keys.strip():
                raise inner.invalid(name, "keys such as 'j,down' (quote ids with dots)", keys)
        return dict(value)
    if hint is bool and not isinstance(value, bool):
        raise outer.invalid(key, "true or false", value)
    if hint is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise outer.invalid(key, "a whole number", value)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise outer.invalid(key, "a number", value)
        return float(value)
    if hint is str and not isinstance(value, str):
        raise outer.invalid(key, "a string", value)
    return value
