"""The 繁體 (traditional script) view of a few demo pages, with ``<ruby>`` pinyin readings.

Real sites of this kind offer a 繁體 button that rewrites the page into traditional characters
and wraps some of them in ``<ruby>字<rp>(</rp><rt>zì</rt><rp>)</rp></ruby>``. The conversion
table covers exactly the characters of the texts below and of the page chrome (a test checks
that nothing is left over); it is hand-written so the demo does not depend on OpenCC.
"""

from __future__ import annotations

import html

_PAIRS = (
    "区區 务務 点點 实實 现現 乡鄉 盖蓋 记記 从從 会會 获獲 设設 阶階 时時 践踐 统統 标標 识識 "
    "账賬 让讓 众眾 门門 将將 录錄 励勵 动動 态態 专專 业業 发發 关關 爱愛 启啟 级級 组組 织織 "
    "开開 访訪 问問 检檢 询詢 间間 还還 评評 选選 递遞 员員 卖賣 骑騎 营營 浓濃 围圍 负負 责責 "
    "温溫 归歸 属屬 议議 经經 验驗 举舉 畅暢 认認 办辦 来來 见見 转轉 为為 进進 馈饋 着著 欢歡 "
    "当當 闻聞 详詳 号號 编編 页頁 联聯 们們 单單 术術 红紅 团團 备備 阅閱 读讀 闭閉 "
    "愿願 党黨 机機 体體 优優 咨諮 里裡 征徵 网網 托託"
)
SIMPLIFIED_TO_TRADITIONAL: dict[str, str] = {pair[0]: pair[1] for pair in _PAIRS.split()}

# Readings for the characters that get a <ruby> annotation (keyed by the traditional form).
# Only characters with one common reading are annotated, as the real 繁體 view seems to do.
PINYIN: dict[str, str] = {
    "區": "qū", "務": "wù", "點": "diǎn", "實": "shí", "現": "xiàn", "鄉": "xiāng",
    "蓋": "gài", "階": "jiē", "踐": "jiàn", "統": "tǒng", "識": "shí", "賬": "zhàng",
    "眾": "zhòng", "態": "tài", "勵": "lì", "檢": "jiǎn", "詢": "xún", "遞": "dì",
    "騎": "qí", "營": "yíng", "濃": "nóng", "圍": "wéi", "屬": "shǔ", "驗": "yàn",
    "暢": "chàng", "饋": "kuì", "聯": "lián", "備": "bèi", "專": "zhuān", "業": "yè",
    "願": "yuàn", "黨": "dǎng", "體": "tǐ",
}  # fmt: skip

# The bodies of the ruby articles, written in simplified script and converted on rendering.
RUBY_ARTICLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "社区志愿服务站点实现城乡全覆盖",
        (
            "记者从省委社会工作部获悉，全省城乡社区志愿服务站点建设工作取得阶段性成果，"
            "社区志愿服务站点已实现城乡全覆盖。",
            "各地依托党群服务中心和新时代文明实践站，统一标识、统一制度、统一台账，"
            "让群众在家门口就能找到志愿者。",
            "下一步，将健全志愿服务记录和激励机制，推动志愿服务常态化、专业化发展。",
        ),
    ),
    (
        "新就业群体关爱服务月活动启动",
        (
            "日前，全省新就业群体关爱服务月活动正式启动，各级党组织将集中开展走访慰问、"
            "健康体检、法律咨询等服务。",
            "活动期间，各地还将评选一批优秀快递员和外卖骑手，营造关心关爱新就业群体的浓厚氛围。",
            "有关负责人表示，要让新就业群体在城市里有温度、有归属、有发展。",
        ),
    ),
    (
        "人民建议征集工作经验交流会举行",
        (
            "近日，全省人民建议征集工作经验交流会举行，各市州交流了畅通民意反映渠道的经验做法。",
            "会议指出，要认真办理群众来信来访和网上留言，把群众的意见建议转化为改进工作的具体举措。",
            "会议要求，各地要健全建议办理反馈机制，做到件件有着落、事事有回音。",
        ),
    ),
)


def to_traditional(text: str) -> str:
    """``text`` with every character of the table replaced by its traditional form."""
    return "".join(SIMPLIFIED_TO_TRADITIONAL.get(char, char) for char in text)


def ruby_html(text: str) -> str:
    """Traditional HTML for simplified ``text``: escaped, with ruby readings where known."""
    parts = []
    for char in to_traditional(text):
        reading = PINYIN.get(char)
        if reading is None:
            parts.append(html.escape(char, quote=False))
        else:
            parts.append(f"<ruby>{char}<rp>(</rp><rt>{reading}</rt><rp>)</rp></ruby>")
    return "".join(parts)
