"""Exact JSON round trips of the data model, for the store's rows.

``models.py`` gives the command-line JSON shape, which drops ``blocks`` structure; the store
needs every field back exactly, so it has its own encoding here. Each document carries a
``"v"`` format number so a later hnreader can still read what an earlier one wrote.
"""

from __future__ import annotations

import json
from typing import Any, cast

from hnreader.models import (
    Article,
    ArticleList,
    Attachment,
    Block,
    BlockKind,
    Image,
    ListItem,
    Section,
    SiteTree,
)
from hnreader.store.errors import StoredDataError

FORMAT = 1
_BLOCK_KINDS: frozenset[str] = frozenset({"paragraph", "heading", "image", "table"})


# Made once: json.dumps with options builds a new encoder at every call (sync saves thousands).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _dumps(payload: dict[str, Any]) -> str:
    return _ENCODER.encode({"v": FORMAT, **payload})


def _loads(text: str, what: str) -> dict[str, Any]:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoredDataError(f"a stored {what} is not valid JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise StoredDataError(f"a stored {what} is not a JSON object")
    version = payload.get("v")
    if version != FORMAT:
        raise StoredDataError(f"a stored {what} has format {version!r}; expected {FORMAT}")
    return cast(dict[str, Any], payload)


def _image_to_json(image: Image) -> dict[str, Any]:
    return {"src": image.src, "alt": image.alt, "caption": image.caption}


def _image_from_json(data: dict[str, Any]) -> Image:
    return Image(src=data["src"], alt=data.get("alt"), caption=data.get("caption"))


def _block_to_json(block: Block) -> dict[str, Any]:
    return {
        "kind": block.kind,
        "text": block.text,
        "image": None if block.image is None else _image_to_json(block.image),
        "rows": [list(row) for row in block.rows],
    }


def _block_from_json(data: dict[str, Any]) -> Block:
    kind = data["kind"]
    if kind not in _BLOCK_KINDS:
        raise StoredDataError(f"a stored article has a block of unknown kind {kind!r}")
    image = data.get("image")
    return Block(
        kind=cast(BlockKind, kind),
        text=data.get("text", ""),
        image=None if image is None else _image_from_json(image),
        rows=tuple(tuple(row) for row in data.get("rows", ())),
    )


def article_to_json(article: Article) -> str:
    """Every field of ``article``, as compact JSON."""
    return _dumps(
        {
            "url": article.url,
            "title": article.title,
            "source": article.source,
            "published": article.published,
            "author": article.author,
            "editor": article.editor,
            "breadcrumb": list(article.breadcrumb),
            "blocks": [_block_to_json(block) for block in article.blocks],
            "attachments": [
                {"name": a.name, "url": a.url, "type": a.type} for a in article.attachments
            ],
            "fields": [list(pair) for pair in article.fields],
            "encoding": article.encoding,
            "warnings": list(article.warnings),
        }
    )


def article_from_json(text: str) -> Article:
    """The :class:`Article` that :func:`article_to_json` wrote; :class:`StoredDataError` if not."""
    data = _loads(text, "article")
    try:
        return Article(
            url=data["url"],
            title=data["title"],
            source=data["source"],
            published=data["published"],
            author=data["author"],
            editor=data["editor"],
            breadcrumb=tuple(data["breadcrumb"]),
            blocks=tuple(_block_from_json(block) for block in data["blocks"]),
            attachments=tuple(
                Attachment(name=a["name"], url=a["url"], type=a["type"])
                for a in data["attachments"]
            ),
            fields=tuple((pair[0], pair[1]) for pair in data["fields"]),
            encoding=data["encoding"],
            warnings=tuple(data["warnings"]),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise StoredDataError(
            f"a stored article is missing a field or has a wrong one: {exc!r}"
        ) from exc


def article_list_to_json(article_list: ArticleList) -> str:
    """Every field of ``article_list``, as compact JSON."""
    return _dumps(
        {
            "url": article_list.url,
            "section": article_list.section,
            "items": [{"title": i.title, "url": i.url, "date": i.date} for i in article_list.items],
            "pages": list(article_list.pages),
            "next": article_list.next,
            "warnings": list(article_list.warnings),
        }
    )


def article_list_from_json(text: str) -> ArticleList:
    """The :class:`ArticleList` that :func:`article_list_to_json` wrote."""
    data = _loads(text, "article list")
    try:
        return ArticleList(
            url=data["url"],
            section=data["section"],
            items=tuple(
                ListItem(title=i["title"], url=i["url"], date=i["date"]) for i in data["items"]
            ),
            pages=tuple(data["pages"]),
            next=data["next"],
            warnings=tuple(data["warnings"]),
        )
    except (KeyError, TypeError) as exc:
        raise StoredDataError(f"a stored article list is malformed: {exc!r}") from exc


def _section_to_json(section: Section) -> dict[str, Any]:
    return {
        "name": section.name,
        "url": section.url,
        "children": [_section_to_json(child) for child in section.children],
    }


def _section_from_json(data: dict[str, Any]) -> Section:
    return Section(
        name=data["name"],
        url=data["url"],
        children=tuple(_section_from_json(child) for child in data["children"]),
    )


def site_tree_to_json(tree: SiteTree) -> str:
    """Every field of ``tree``, as compact JSON."""
    return _dumps(
        {
            "site": tree.site,
            "url": tree.url,
            "sections": [_section_to_json(section) for section in tree.sections],
        }
    )


def site_tree_from_json(text: str) -> SiteTree:
    """The :class:`SiteTree` that :func:`site_tree_to_json` wrote."""
    data = _loads(text, "site tree")
    try:
        return SiteTree(
            site=data["site"],
            url=data["url"],
            sections=tuple(_section_from_json(section) for section in data["sections"]),
        )
    except (KeyError, TypeError) as exc:
        raise StoredDataError(f"a stored site tree is malformed: {exc!r}") from exc
