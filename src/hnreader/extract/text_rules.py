"""Line-level rules for Chinese CMS pages: boilerplate, SEO spam, labels of the meta line.

These are patterns of the genre (government and news CMS templates), not of any one site.
"""

from __future__ import annotations

import re

__all__ = [
    "ATTACHMENT_TYPES",
    "BOILERPLATE",
    "META_LABEL_LINE",
    "RELATED_HEADING",
    "is_boilerplate",
    "is_spam",
]

# Footer lines, page controls and share bars that templates repeat on every page.
BOILERPLATE = re.compile(
    r"ICP\s*[备証证]|公网安备|网站标识码|主办单位[:：]|承办单位[:：]|版权所有|Copyright|©"
    r"|^\s*(?:[【\[]?\s*(?:打印(?:本页|文章|此页)?|关闭(?:窗口|本页)?|收藏(?:本页|本文)?|保存|分享到?|返回顶部"
    r"|返回(?:首页|列表)?|纠错|我要纠错|加入收藏|推荐给朋友)\s*[】\]]?\s*[|｜/]?\s*)+$"
    r"|^\s*(?:[【\[]?\s*)?字[号体號體]\s*(?:[:：]|[【\[]?\s*[大中小])|^\s*[【\[]?\s*[大中小]\s*[】\]]?(?:\s*[【\[]?\s*[大中小]\s*[】\]]?){1,2}\s*$"
    r"|^\s*(?:大字号|小字号|默认字号|[大中小]字体)"
    r"|^\s*(?:上一篇|下一篇|上一条|下一条)\s*[:：]?"
    r"|^\s*(?:扫一扫|微信扫一扫|手机扫一扫|用微信扫|扫描二维码|分享至|分享到)"
    r"|^\s*(?:浏览次数|阅读次数|点击数|访问量|阅读量)\s*[:：]"
    r"|^\s*(?:文章)?(?:关键[词字]|标签|Tags?)\s*[:：]|二维码.{0,20}关注|关注.{0,20}二维码"
    r"|浏览器.{0,8}(?:不支持|无法播放)|^\s*\d+\s*条评论|人参与(?:网友)?评论|^\s*(?:网友评论|我要评论|发表评论)\s*$",
    re.IGNORECASE,
)
# ``BOILERPLATE`` split for speed (is_boilerplate runs on every body line): the parts anchored
# at the start (tried once, with ``match``), the Chinese phrases found anywhere (every branch
# starts with a literal, so the regex engine skips ahead to candidate characters) and the Latin
# ones (only possible in a line with a "p"). Together they match exactly what it matches.
_BOILERPLATE_START = re.compile(
    r"\s*(?:[【\[]?\s*(?:打印(?:本页|文章|此页)?|关闭(?:窗口|本页)?|收藏(?:本页|本文)?|保存|分享到?|返回顶部"
    r"|返回(?:首页|列表)?|纠错|我要纠错|加入收藏|推荐给朋友)\s*[】\]]?\s*[|｜/]?\s*)+$"
    r"|\s*(?:[【\[]?\s*)?字[号体號體]\s*(?:[:：]|[【\[]?\s*[大中小])|\s*[【\[]?\s*[大中小]\s*[】\]]?(?:\s*[【\[]?\s*[大中小]\s*[】\]]?){1,2}\s*$"
    r"|\s*(?:大字号|小字号|默认字号|[大中小]字体)"
    r"|\s*(?:上一篇|下一篇|上一条|下一条)\s*[:：]?"
    r"|\s*(?:扫一扫|微信扫一扫|手机扫一扫|用微信扫|扫描二维码|分享至|分享到)"
    r"|\s*(?:浏览次数|阅读次数|点击数|访问量|阅读量)\s*[:：]"
    r"|\s*(?:文章)?(?:关键[词字]|标签|(?i:Tags?))\s*[:：]"
    r"|\s*\d+\s*条评论|\s*(?:网友评论|我要评论|发表评论)\s*$"
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"公网安备|网站标识码|主办单位[:：]|承办单位[:：]|版权所有|©|二维码.{0,20}关注|关注.{0,20}二维码"
    r"|浏览器.{0,8}(?:不支持|无法播放)|人参与(?:网友)?评论"
)
_BOILERPLATE_LATIN = re.compile(r"ICP\s*[备証证]|Copyright", re.IGNORECASE)
# A short heading after which the page lists other articles, not this one.
RELATED_HEADING = re.compile(
    r"^\s*[【\[]?\s*(?:相关(?:新闻|阅读|链接|文章|稿件|报道|推荐|附件)?|延伸阅读|推荐阅读|热点(?:新闻|推荐)"
    r"|猜你喜欢|热门(?:文章|新闻|推荐)|更多(?:新闻|阅读)|往期回顾|精彩推荐|最新(?:文章|新闻))\s*[】\]]?\s*[:：]?\s*$"
)
# A body line that is only a labelled credit (it belongs to the metadata, not the text).
META_LABEL_LINE = re.compile(
    r"^\s*[（(【\[]?\s*(?:作者|撰稿|撰文|文|图|摄影|摄|记者|通讯员|责编|责任编辑|编辑|编审|审核|审校|校对|"
    r"初审|复审|终审|来源|本文来源|文章来源|信息来源|稿源|出处|发布时间|发布日期|时间|日期|"
    r"責編|責任編輯|編輯|來源|文章來源|發布時間|時間|記者)\s*[:：]"
)
# SEO spam injected into hacked government and news sites: gambling, porn, fake lotteries.
# Commercial spam phrases only: news about cracking down on gambling or pornography is not spam.
# Every branch starts with a literal character (the Latin ones are spelled out in both cases)
# so that the regex engine skips ahead to candidate characters instead of trying each branch at
# each position.
_SPAM = re.compile(
    r"无码|a[vV](?:在线|女优|视频)|A[vV](?:在线|女优|视频)|成人(?:视频|影院|电影)|裸聊|约炮|一夜情"
    r"|博彩(?:网|平台|公司)|在线赌场|娱乐城|百家乐|六合彩|时时彩|彩票(?:网|平台|[aA][pP][pP])"
    r"|棋牌(?:游戏|平台)|老虎机|真人(?:荷官|娱乐)"
    r"|澳门(?:新葡京|威尼斯人|赌)|太阳城|皇冠(?:体育|娱乐)|亚洲(?:天堂|成人)|激情(?:视频|在线|小说)"
    r"|在线观看免费|免费观看(?:视频|在线)|国产(?:精品|自拍|人妖|在线|视频|三级)"
    r"|欧美(?:精品|在线|视频)|日韩(?:精品|在线|视频)"
    r"|开户送|注册送彩金|刺激视频|高清视频"
)

ATTACHMENT_TYPES = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ppt", "pptx", "zip", "rar", "7z", "txt",
     "ofd", "csv", "odt", "ods", "tif", "tiff"}
)  # fmt: skip


def is_spam(text: str) -> bool:
    """Whether a line carries SEO spam vocabulary (two hits, or one in a short line)."""
    hits = _SPAM.findall(text)
    return len(hits) >= 2 or (len(hits) == 1 and len(text) <= 40)


def is_boilerplate(text: str) -> bool:
    """Whether a body line is template furniture (footer, print/close, font size, share)."""
    if len(text) > 200:
        return False
    return (
        _BOILERPLATE_START.match(text) is not None
        or _BOILERPLATE_ANYWHERE.search(text) is not None
        or (("p" in text or "P" in text) and _BOILERPLATE_LATIN.search(text) is not None)
    )
