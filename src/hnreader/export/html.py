"""Articles as HTML: escaped text, safe links, optional images embedded from the store."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from hnreader.export.safety import safe_link
from hnreader.models import Article, Block

# Maps an image's original address to the address to use (e.g. a data: URI from the store or a
# file inside an EPUB); None means "not available", and the alt text is shown instead.
ImageSource = Callable[[str], str | None]

_STYLE = """
body { max-width: 42em; margin: 2em auto; padding: 0 1em; line-height: 1.8;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", serif; }
article p { text-indent: 2em; margin: 0.6em 0; }
.meta, .source { color: #555; font-size: 0.9em; text-indent: 0; }
table { border-collapse: collapse; margin: 1em 0; }
td, th { border: 1px solid #999; padding: 0.2em 0.6em; }
figure { margin: 1em 0; text-align: center; } img { max-width: 100%; }
"""
# No script may run and nothing may load from elsewhere except images.
_POLICY = "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'"


def _keep(url: str) -> str | None:
    return url


def article_body_html(
    article: Article, *, image_src: ImageSource = _keep, heading_level: int = 1
) -> str:
    """The HTML of ``article`` inside an ``<article>`` element (no document around it)."""
    level = max(1, min(heading_level, 5))
    out = ["<article>", f"<h{level}>{escape(article.title or '(无标题)')}</h{level}>"]
    meta = _meta(article)
    if meta:
        out.append(f'<p class="meta">{meta}</p>')
    if article.fields:
        out.append("<dl>")
        for label, value in article.fields:
            out.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
        out.append("</dl>")
    out += [html for block in article.blocks if (html := _block(block, level, image_src))]
    if article.attachments:
        out.append(f"<h{level + 1}>附件</h{level + 1}>")
        out.append("<ul>")
        out += [f"<li>{_link(a.name, a.url)}</li>" for a in article.attachments]
        out.append("</ul>")
    out.append(f'<p class="source">原文：{_link(article.url, article.url)}</p>')
    out.append("</article>")
    return "\n".join(out)


def article_to_html(article: Article, *, image_src: ImageSource = _keep) -> str:
    """``article`` as a complete HTML document."""
    return _document(article.title or "(无标题)", article_body_html(article, image_src=image_src))


def articles_to_html(
    title: str, articles: Sequence[Article], *, image_src: ImageSource = _keep
) -> str:
    """Several articles in one HTML document under the heading ``title``."""
    bodies = [article_body_html(a, image_src=image_src, heading_level=2) for a in articles]
    return _document(title, f"<h1>{escape(title)}</h1>\n" + "\n<hr>\n".join(bodies))


def _document(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _meta(article: Article) -> str:
    pairs = (
        ("来源", article.source),
        ("时间", article.published),
        ("作者", article.author),
        ("责编", article.editor),
    )
    return " · ".join(f"{label}：{escape(value)}" for label, value in pairs if value)


def _link(text: str, url: str) -> str:
    target = safe_link(url)
    if target is None:
        return escape(text)
    return f'<a href="{escape(target)}">{escape(text)}</a>'


def _block(block: Block, level: int, image_src: ImageSource) -> str:
    if block.kind == "paragraph":
        return f"<p>{escape(block.text)}</p>"
    if block.kind == "heading":
        return f"<h{level + 1}>{escape(block.text)}</h{level + 1}>"
    if block.kind == "image" and block.image is not None:
        image = block.image
        alt = image.alt or image.caption or "图片"
        source = image_src(image.src)
        target = None if source is None else safe_link(source, allow_data_image=True)
        shown = (
            f'<img src="{escape(target)}" alt="{escape(alt)}"/>'
            if target
            else f"<span>[图片：{escape(alt)}]</span>"
        )
        caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
        return f"<figure>{shown}{caption}</figure>"
    if block.kind == "table" and block.rows:
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><tbody>{rows}</tbody></table>"
    return ""
