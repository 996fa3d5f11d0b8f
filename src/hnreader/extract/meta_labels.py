"""The labels of an article's meta line (来源, 发布时间, 作者, 责任编辑 …), found fast.

``parse_meta_line`` reads the text between one label and the next; finding the labels is the
costly part, since the pattern is a long alternation tried at each position of a long text.
``label_matches`` gives exactly ``LABEL.finditer``'s matches but only tries the positions where
a label can begin.
"""

from __future__ import annotations

import re

__all__ = ["KIND_OF", "LABEL", "label_matches"]

_SEP = "\u0001"  # joins text nodes so that labels and values stay apart
_NOT_CJK_BEFORE = r"(?<![\u4e00-\u9fff])"
_LABELS = {  # simplified and traditional spellings (繁體 views of the same CMS pages)
    "source": r"本文来源|文章来源|信息来源|新闻来源|稿件来源|来源|稿源|出处"
    r"|文章來源|信息來源|來源|出處",
    "date": r"发布时间|发布日期|发表时间|发稿时间|更新时间|时间|日期"
    r"|發布時間|發佈時間|發表時間|時間",
    "author": r"作者|撰稿人|撰稿|撰文|记者|記者|采写|执笔|文字|图文|文图|主笔",
    "editor": r"责任编辑|责编|值班编辑|编辑|責任編輯|責編|編輯",
    "contributor": r"通讯员|實習生|实习生",
    "other": r"浏览次数|阅读次数|点击数|点击量|浏览量|阅读量|访问量|字号|审核|校对|摄影"
    r"|分享到?|打印|字體|字號|瀏覽次數",
}
# Two-character labels are often spaced out to line up with longer ones: 作　者：, 来 源：.
_ANY_LABEL = "|".join(
    r"\s?".join(label) if len(label) == 2 else label
    for labels in _LABELS.values()
    for label in labels.split("|")
)
_PERSON_LABEL = "作者|记者|責編|责编|责任编辑|编辑|編輯|采写|撰文|文/图|图/文|通讯员"
_ALONE_LABEL = "作者|来源|责任编辑|责编|编辑|發布時間|发布时间"
_BARE_LABEL = "发布时间|发布日期|时间|日期"  # followed directly by the date
LABEL = re.compile(
    rf"{_NOT_CJK_BEFORE}(?P<label>{_ANY_LABEL})\s*[:：|｜/]"
    rf"|{_NOT_CJK_BEFORE}(?P<bare>{_BARE_LABEL})\s*(?=\d)"
    rf"|{_NOT_CJK_BEFORE}(?P<spaced>{_PERSON_LABEL})\s+(?=[\u4e00-\u9fff]{{2,4}}(?:\s|$|{_SEP}))"
    # a label alone in its element, the value in the next one: <span>作者</span><a>张三</a>
    rf"|(?:^|(?<={_SEP}))[|｜\s]*(?P<alone>{_ALONE_LABEL})\s*(?={_SEP})"
)
KIND_OF = {label: kind for kind, labels in _LABELS.items() for label in labels.split("|")}
KIND_OF.update({"文/图": "author", "图/文": "author"})
# Where a match can begin: the first two characters of a label (a two-character label may be
# spaced out: 作 者), or the position right after a separator followed by | or a space (a
# label alone in its element, after them; right after a separator with neither, a label's
# own first characters make the candidate). Every branch starts with a literal character, so
# the regex engine skips ahead to candidate characters.
_LABEL_STARTS = {
    re.escape(label[0]) + r"\s?" + re.escape(label[1])
    for labels in (*_LABELS.values(), _PERSON_LABEL, _ALONE_LABEL, _BARE_LABEL)
    for label in labels.split("|")
}
_CANDIDATE = re.compile("|".join([*sorted(_LABEL_STARTS), _SEP + r"(?=[|｜\s])"]))


def label_matches(text: str) -> list[re.Match[str]]:
    """``list(LABEL.finditer(text))``, trying the pattern only where a match can start.

    ``LABEL.match(text, pos)`` sees the characters before ``pos`` (lookbehinds) and ``^`` only
    at the real start, so each attempt is the one ``finditer`` would make at that position.
    """
    found: list[re.Match[str]] = []
    match = LABEL.match(text)  # position 0 may start with | or spaces before a lone label
    pos = 0  # from 0 again: a separator there makes position 1 a candidate
    if match is not None:
        found.append(match)
        pos = match.end()
    length = len(text)
    while pos < length:
        candidate = _CANDIDATE.search(text, pos)
        if candidate is None:
            break
        start = candidate.start()
        if text[start] == _SEP:
            start += 1  # a lone label (after | or spaces) can only begin right after it
        match = LABEL.match(text, start)
        if match is not None:
            found.append(match)
            pos = match.end()
        else:
            pos = start + 1 if start == candidate.start() else start
    return found
