"""Who wrote an article: bylines and bracketed credits around and inside the body.

Chinese CMS pages credit writers in a few recurring shapes, none of them labelled like a form:
a dateline credit (``新华社北京12月9日电（记者 张三 通讯员 李四）``), a credit at the end of
the last paragraph (``（文/图 张三 李四）``), a line of its own (``新京报记者 张三``,
``采写：南都见习记者 张三``, ``《栏目》作者 张三``) or a byline under the heading
(``张三/某某日报``). A credit is read
token by token: role words (记者, 通讯员, 作者, 文/图, 摄影, 编辑 …) say what the names after them
did; only writers count as authors, photographers and editors never do, and a token that is
neither a role, a name nor a filler word (报道, 整合 …) means the text is a sentence, not a credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hnreader.extract.dom import LexborHTMLParser, clean_text

__all__ = [
    "author_element",
    "credit_authors",
    "find_byline",
    "is_credit_line",
    "looks_like_person",
]

# Roles, longest first so that 见习记者 wins over 记者. The role may follow an outlet's name in
# the same token (新京报记者, 南都见习记者), which is the outlet, never a person.
_WRITER_ROLES = (
    "全媒体记者|融媒体记者|首席记者|特约记者|见习记者|实习记者|本报记者|记者|通讯员|实习生"
    "|特约撰稿人|撰稿人|撰稿|撰文|采写|作者|执笔|文字|图文|文图|主笔"
)
_OTHER_ROLES = "责任编辑|摄影记者|摄影|编辑|责编|校对|审核|审校|编审|监制|统筹|制图|设计|供图"
_ROLE_TOKEN = re.compile(
    rf"^(?P<outlet>[\u4e00-\u9fff《》“”A-Za-z·□■◎●○▲]{{0,12}}?)"
    rf"(?P<role>摄影记者|{_WRITER_ROLES}|{_OTHER_ROLES})/?(?P<rest>[\u4e00-\u9fff·]*)$"
)
_WRITER = re.compile(rf"^(?:{_WRITER_ROLES}|文|文/图|图/文)$")
_SHORT_ROLE = re.compile(r"^(?P<role>文/图|图/文|文|图)(?:/(?P<rest>[\u4e00-\u9fff·]*))?$")
_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff·]{1,12})$")
_FILLER = re.compile(r"^(?:.{0,8}(?:报道|电|讯)|整合|综合|编译|整理|等|联合|共同|发自.{0,8}|/)$")
_NOT_A_NAME = re.compile(
    r"^(?:了解|获悉|注意|发现|来到|采访|看到|走访|表示|获知|调查|观察|询问|现场|近日|日前|今天|昨天"
    r"|本报|本网|本站|记者|通讯|编辑|报道|综合|整理|图片|视频|来源|原创|网络|未知|佚名|最近|最新"
    r"|简介|单位|介绍|文章|相关|其他|更多|系|为|是)"
)
_TOKEN_SPLIT = re.compile(r"[\s、，,；;：:|｜丨]+")
_BRACKETED = re.compile(r"[（(【\[]\s*([^（）()【】\[\]]{2,60}?)\s*[）)】\]]")
_OPENING = re.compile(r"^[【\[（(]\s*|\s*[】\]）)]$")
_NAME_OUTLET = re.compile(
    r"^(?P<names>[\u4e00-\u9fff·]{2,4}(?:[ 、][\u4e00-\u9fff·]{2,4}){0,3})\s*/\s*"
    r"[\u4e00-\u9fff·]{2,12}(?:报|社|网|台|杂志|新闻|客户端|周刊)$"
)
_AUTHOR_SELECTOR = (
    '[class*="author"], [id*="author"], [class*="writer"], [class*="zuozhe"], '
    '[itemprop="author"], [rel="author"], [class*="byline"]'
)
_LABEL_PREFIX = re.compile(r"^(?:作\s*者|撰\s*稿|文|记\s*者)\s*[:：/|｜]\s*")
# Common surnames (the 400-odd that cover nearly all people); weak evidence such as an
# unlabelled author box must name a person, not a column or an account (股市行情).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
    "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
    "农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋"
    "商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮"
    "粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬"
    "来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎"
    "勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND = "欧阳司马上官诸葛东方皇甫尉迟公孙慕容令狐长孙宇文司徒夏侯端木南宫西门独孤"
_COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))
_MAX_LINE = 40  # a credit line is short; longer lines are prose that mentions a reporter
_START_WINDOW = 100  # a dateline credit sits in the first characters of the first paragraph
_END_WINDOW = 4
_CLOSING_WINDOW = 30


def credit_authors(text: str, role: str | None = None) -> str | None:
    """The writers named in a credit (``记者 张三 通讯员 李四`` → ``张三``), or None.

    Correspondents and interns (通讯员, 实习生) are the authors only when no reporter or author
    is credited: ``（通讯员 李四 王五）`` → ``李四 王五``.

    ``role`` is the role already given by a label before ``text``. None when the text is not
    a credit (a word that is neither role, name nor filler), or names no writer.
    """
    parsed = _parse_credit(text, role)
    if parsed is None:
        return None
    writers, helpers = parsed
    joiner = "、" if "、" in text else " "  # names are given as the page lists them
    names = writers or helpers
    return joiner.join(names) if names else None


def is_credit_line(text: str) -> bool:
    """Whether a short line is only credits (编辑 张三 校对 李四, 摄影/王五): not body text."""
    return len(text) <= _MAX_LINE and _parse_credit(text, None) is not None


def _parse_credit(text: str, role: str | None) -> tuple[list[str], list[str]] | None:
    """``(writers, correspondents)`` of a well-formed credit with a role word, else None."""
    writers: list[str] = []
    helpers: list[str] = []  # 通讯员/实习生: the authors only when no reporter is credited
    since_role: list[str] = []  # names given since the last role word (a later 摄 claims them)
    seen_role = role is not None
    for token in (t for t in _TOKEN_SPLIT.split(text.strip()) if t):
        if token in ("摄", "供图"):  # the names since the last role are photographers
            writers = [name for name in writers if name not in since_role]
            helpers = [name for name in helpers if name not in since_role]
            continue
        while (parsed := _role_of(token)) is not None:  # 文/观察者网专栏作者 王文: two roles
            role, token = parsed
            seen_role = True
            since_role = []
        if not token:
            continue
        if token.endswith("摄") and _NAME.match(token[:-1]):
            continue  # 刘通摄: a photographer
        if _FILLER.match(token):
            continue
        if not _NAME.match(token) or _NOT_A_NAME.match(token):
            return None
        if role is not None and _WRITER.match(role) and token not in writers + helpers:
            (helpers if role in ("通讯员", "实习生") else writers).append(token)
            since_role.append(token)
    return (writers, helpers) if seen_role else None


def _role_of(token: str) -> tuple[str, str] | None:
    """``(role, name after it)`` when a token is or starts with a role word, else None."""
    short = _SHORT_ROLE.match(token)
    if short is not None:
        return short.group("role"), short.group("rest") or ""
    match = _ROLE_TOKEN.match(token)
    if match is None:
        return None
    role = match.group("role")
    return ("摄影" if role == "摄影记者" else role), match.group("rest")


def find_byline(head: list[str], paragraphs: list[str], tail: list[str]) -> str | None:
    """The writers credited in a byline near the heading, in the body or just after it."""
    for paragraph in paragraphs[:2]:
        if found := _bracketed_credit(paragraph[:_START_WINDOW], at_end=False):
            return found
    short_body_lines = [p for p in paragraphs[3:-4] if len(p) <= _MAX_LINE // 2]
    for line in _unique([*head, *paragraphs[:3], *paragraphs[-4:], *tail, *short_body_lines]):
        if found := _credit_line(line):
            return found
    for paragraph in reversed(paragraphs[-3:]):
        if found := _bracketed_credit(paragraph, at_end=True):
            return found
    if paragraphs and (found := _closing_names(paragraphs[-1])):
        return found
    for line in head:
        match = _NAME_OUTLET.match(line)
        if match and all(_NAME.match(n) for n in re.split(r"[ 、]", match.group("names"))):
            return match.group("names")
    return None


def _bracketed_credit(text: str, *, at_end: bool) -> str | None:
    """A credit in brackets: （记者 张三） in a dateline, （文/图 张三 李四） closing the text."""
    for match in _BRACKETED.finditer(text):
        if at_end and match.end() < len(text.rstrip()) - _END_WINDOW:
            continue
        inside = match.group(1)
        first = _TOKEN_SPLIT.split(inside.strip())[0]
        if _role_of(first) is not None and (found := credit_authors(inside)):
            return found
    return None


def _closing_names(paragraph: str) -> str | None:
    """Names alone in brackets closing the article (……举行。（张巨峰）): its writers.

    Without a role word only people count, so （德清县发改局） or （完） never do.
    """
    match = _BRACKETED.search(paragraph[-_CLOSING_WINDOW:])
    if match is None or match.end() < len(paragraph[-_CLOSING_WINDOW:].rstrip()):
        return None
    names = [n for n in _TOKEN_SPLIT.split(match.group(1)) if n]
    if names and all(_NAME.match(n) and looks_like_person(n) for n in names):
        return ("、" if "、" in match.group(1) else " ").join(names)
    return None


def _credit_line(line: str) -> str | None:
    """A short line that is only a credit, starting with a role: 新京报记者 张三 / 文/张三."""
    text = _OPENING.sub("", line.strip())
    if not text or len(text) > _MAX_LINE:
        return None
    first = _TOKEN_SPLIT.split(text)[0]
    if _role_of(first) is None:
        return None
    return credit_authors(text)


def _unique(lines: Iterable[str]) -> list[str]:
    """Lines in order, each once."""
    return list(dict.fromkeys(lines))


def author_element(tree: LexborHTMLParser) -> str | None:
    """Names in an element the template marks as the author (``class="author"`` …).

    Only a short text made of names (after an optional 作者： label) counts: author boxes that
    hold a biography, a link list or the site's name are passed over.
    """
    for node in tree.css(_AUTHOR_SELECTOR):
        text = _LABEL_PREFIX.sub("", clean_text(node.text(deep=True)))
        if not text or len(text) > _MAX_LINE // 2:
            continue
        found = credit_authors(text, role="作者")
        if found and all(looks_like_person(name) for name in re.split(r"[ 、]", found)):
            return found
    return None


def looks_like_person(name: str) -> bool:
    """Whether a name starts with a common Chinese surname (or is a transliterated name)."""
    if "·" in name:
        return True
    return name[:2] in _COMPOUND_SURNAMES or (name[:1] in _SURNAMES and len(name) <= 3)
