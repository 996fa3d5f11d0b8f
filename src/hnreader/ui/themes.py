"""The reader's colour themes: dark, light and a high-contrast theme for older eyes (适老化).

Colour only ever adds to what symbols and words already say, so every theme (and ``NO_COLOR``,
which Textual honours by drawing in monochrome) shows the same information.
"""

from __future__ import annotations

from textual.theme import Theme as TextualTheme

from hnreader.config import Theme

HIGH_CONTRAST = TextualTheme(
    name="hnreader-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFD700",
    error="#FF7070",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    dark=True,
    variables={
        "text-muted": "#FFFFFF",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#C0C0C0",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFFF00 60%",
    },
)

TEXTUAL_THEMES: dict[Theme, str] = {
    "dark": "textual-dark",
    "light": "textual-light",
    "high-contrast": HIGH_CONTRAST.name,
}
THEME_ORDER: tuple[Theme, ...] = ("dark", "light", "high-contrast")
THEME_LABELS: dict[Theme, str] = {"dark": "深色", "light": "浅色", "high-contrast": "高对比"}


def next_theme(theme: Theme) -> Theme:
    """The theme after ``theme`` in the cycle dark → light → high contrast → dark."""
    return THEME_ORDER[(THEME_ORDER.index(theme) + 1) % len(THEME_ORDER)]
