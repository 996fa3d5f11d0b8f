"""The start-up baseline: a minimal Textual app that shows a tree and exits after its first draw.

Run as a process by ``bench_startup.py``, exactly like hnreader is, so both pay for the
interpreter, the imports and the first full draw. The tree holds the demo flagship's section
names (written inline here, so importing hnreader costs the baseline nothing).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Tree

SECTIONS = {
    "新闻中心": ("工作动态", "通知公告", "市州动态", "媒体聚焦"),
    "党建引领": ("两新党建", "基层治理"),
    "志愿服务": ("志愿者风采", "志愿服务项目"),
    "人民信访": ("信访动态", "人民建议征集"),
    "社会组织": ("行业协会", "社工人才"),
    "政策法规": ("中央文件", "省级文件"),
    "理论研究": (),
}


class MinimalTreeApp(App[None]):
    """A tree of sections and a footer; quits once the first frame is on screen."""

    def compose(self) -> ComposeResult:
        """The tree and the footer."""
        tree: Tree[None] = Tree("湖南社会工作")
        tree.root.expand()
        for name, children in SECTIONS.items():
            node = tree.root.add(name, expand=True)
            for child in children:
                node.add_leaf(child)
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        """Exit right after the first full draw."""
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    MinimalTreeApp().run()
