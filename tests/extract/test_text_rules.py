"""Tests for the line rules: template furniture and SEO spam."""

import pytest

from hnreader.extract.text_rules import is_boilerplate, is_spam


@pytest.mark.parametrize(
    "line",
    [
        "字号：大 中 小",
        "【字体：大 中 小】",
        "[大] [中] [小]",
        "【打印本页】 【关闭窗口】",
        "打印 | 关闭",
        "分享到：微信 微博",
        "主办单位：示范市人民政府办公室 技术支持：示范网络公司",
        "示ICP备00000000号-1",
        "示公网安备 00000000000000号",
        "网站标识码：0000000000",
        "版权所有：示范市人民政府",
        "上一篇：示范市召开会议",
        "浏览次数：128",
        "12条评论",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "字体设计大赛今天在示范市开幕，来自全国的设计师参加比赛。",
        "会议要求，各单位要把打印机等办公设备的采购纳入预算管理。",
        "大中小学生志愿服务活动启动",
    ],
)
def test_ordinary_lines_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["澳门新葡京娱乐城", "国产精品在线观看免费视频", "百家乐真人荷官开户送彩金", "太阳城集团"],
)
def test_spam_lines(line: str) -> None:
    assert is_spam(line)


@pytest.mark.parametrize(
    "line",
    [
        "省彩票管理中心开展福利彩票公益金使用情况检查。",
        "国产大飞机C919完成首次商业飞行，标志着我国航空工业迈上新台阶。",
        "市公安局开展打击赌博违法犯罪专项行动，查处一批违法案件，教育群众远离赌博。",
    ],
)
def test_news_about_such_topics_is_not_spam(line: str) -> None:
    assert not is_spam(line)
