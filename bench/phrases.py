"""Phrase lists the benchmarks compose their synthetic Chinese articles from.

Written for hnreader's benchmarks: it imitates the register of county and provincial work
reports without quoting any real page. Sentences are composed as
``place + time + actor + action + object + result``; titles from a few patterns.
"""

from __future__ import annotations

PLACES = (
    "东湖街道", "青石镇", "白沙社区", "南岭村", "北塘片区", "新港园区", "云溪乡", "石门街道",
    "桂花社区", "长岭镇", "清水湾村", "枫林片区", "金盆社区", "柳塘乡", "红旗街道", "凤鸣村",
    "双江镇", "望月湖社区", "杏花岭街道", "松柏乡", "茶园社区", "黄土岭村", "湘江片区", "梅溪镇",
)  # fmt: skip

TIMES = (
    "今年以来", "近日", "本月初", "上半年", "一季度", "入冬以来", "春节前后", "汛期期间",
    "近三年来", "年初以来", "暑期", "国庆假期", "本周", "连日来",
)  # fmt: skip

ACTORS = (
    "社区党委", "街道工作站", "志愿者服务队", "网格员", "社会工作站", "驻村工作队", "镇综治中心",
    "物业服务企业", "退休党员", "青年突击队", "快递小哥", "社会组织", "乡贤理事会", "老年协会",
)  # fmt: skip

ACTIONS = (
    "深入开展", "持续推进", "扎实组织", "创新实施", "全面启动", "认真落实", "集中开展",
    "稳步推进", "精心策划", "广泛动员", "细化完善", "统筹部署",
)  # fmt: skip

OBJECTS = (
    "入户走访", "矛盾纠纷排查调解", "老年助餐点建设", "邻里互助服务", "困难群众帮扶",
    "便民服务下沉", "平安巷道创建", "垃圾分类宣传", "儿童暑期托管", "就业技能培训",
    "乡村振兴示范点建设", "议事协商会", "积分制管理", "文明实践活动", "应急演练",
    "消防安全检查", "道路微改造", "法律咨询进社区", "家庭医生签约服务", "独居老人关爱",
)  # fmt: skip

RESULTS = (
    "群众满意度明显提升", "累计服务居民{n}人次", "化解各类矛盾{n}件", "办结群众诉求{n}件",
    "新增志愿者{n}名", "覆盖家庭{n}户", "收集意见建议{n}条", "形成经验做法{n}项",
    "受到辖区居民普遍好评", "基层治理效能不断增强", "服务阵地更加完善", "工作机制逐步健全",
)  # fmt: skip

CLOSERS = (
    "下一步，将继续总结经验，推动工作常态化长效化。",
    "有关负责人表示，将把好做法固化为制度，持续抓好落实。",
    "据悉，该项工作将在全区范围内逐步推广。",
    "居民纷纷表示，身边的变化看得见、摸得着。",
    "下阶段，还将聚焦群众急难愁盼问题，不断完善服务清单。",
    "相关部门将定期开展回访，确保各项措施落到实处。",
)  # fmt: skip

HEADINGS = (
    "一、强化组织领导", "二、聚焦重点任务", "三、创新工作方法", "四、健全长效机制",
    "五、加强宣传引导", "六、抓好督促落实",
)  # fmt: skip

TITLE_PATTERNS = (
    "{place}{action}{object}",
    "{place}：{object}让群众更舒心",
    "{actor}{action}{object}工作",
    "{time}{place}{object}取得新成效",
    "{place}召开{object}推进会",
    "以{object}为抓手 {place}{result}",
)  # fmt: skip

SOURCES = ("区社会工作部", "县融媒体中心", "市社会工作部", "街道办事处", "本网")
PEOPLE = ("李晓明", "王芳", "张建华", "刘丽", "陈志强", "杨帆", "赵敏", "周涛", "吴静", "郑凯")

# Search queries of 1-6 characters: common and rare words, words that only occur across a
# phrase boundary, and one that matches nothing.
QUERIES = (
    "社", "湖", "服务", "网格", "老人", "志愿者", "助餐点", "满意度", "凤鸣村", "望月湖",
    "调解工作", "消防安全", "家庭医生", "积分制管理", "乡村振兴示", "垃圾分类宣传",
    "独居老人关爱", "矛盾纠纷排查", "站持续推进", "星际旅行",
)  # fmt: skip
