from hnreader.render.script import to_script


def test_simplified_text_is_shown_in_traditional_and_back() -> None:
    assert to_script("湖南社会工作动态", "traditional") == "湖南社會工作動態"
    assert to_script("湖南社會工作動態", "simplified") == "湖南社会工作动态"


def test_empty_text_and_ascii_pass_through() -> None:
    assert to_script("", "traditional") == ""
    assert to_script("2024-12-05 ICP", "traditional") == "2024-12-05 ICP"
