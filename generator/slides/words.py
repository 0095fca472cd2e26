"""Every interface word the slides, the lecturer's outline card, whole-kit downloads and the kits page
filters add, in one table (``{key: {"zh": …, "en": …}}``; English plurals as ``{"one": …, "other": …}``),
so that they move into the string catalogue in one piece.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str | dict[str, str]]] = {
    # lesson and event pages
    "present": {"zh": "放映", "en": "Present"},
    "presenter_view": {"zh": "讲师视图", "en": "Presenter view"},
    "present_hint": {"zh": "按 → 或空格翻页，F 全屏，B 黑屏{presenter}。",
                     "en": "→ or Space for the next slide, F for full screen, B to blank the screen{presenter}."},
    "present_hint_presenter": {"zh": "，S 打开讲师视图", "en": ", S for the presenter view"},
    "whole_kit": {"zh": "下载整套资料", "en": "Download the whole kit"},
    "kit-zip": {"zh": "整套资料（ZIP）", "en": "Whole kit (ZIP)"},
    "outline_card": {"zh": "一页提纲", "en": "One-page outline"},
    # deck
    "slide_of": {"zh": "第{n}/{m}张", "en": "Slide {n} of {m}"},
    "pinyin": {"zh": "拼音", "en": "Pinyin"},
    "objectives": {"zh": "本课目标", "en": "What we will learn"},
    "key_points": {"zh": "记住这几点", "en": "Remember"},
    "slogans": {"zh": "一起念", "en": "Say it together"},
    "quiz_round": {"zh": "现场问答", "en": "Quiz time"},
    "quiz_round_text": {"zh": "举手回答，答对答错都没关系。", "en": "Hands up! There is no score: just say what you think."},
    "question_n": {"zh": "第{n}题", "en": "Question {n}"},
    "reveal_hint": {"zh": "按 → 看答案", "en": "Press → for the answer"},
    "answer": {"zh": "答案", "en": "Answer"},
    "order_answer": {"zh": "正确顺序", "en": "The right order"},
    "case": {"zh": "案例", "en": "Case"},
    "closing": {"zh": "谢谢大家", "en": "Thank you"},
    "get_help": {"zh": "哪里可以求助", "en": "Where to get help"},
    "help_page": {"zh": "求助指南：{url}", "en": "Where to get help: {url}"},
    "scan_site": {"zh": "扫码访问网站", "en": "Scan to visit the site"},
    "continued": {"zh": "（续）", "en": " (continued)"},
    "image_alt_missing": {"zh": "插图", "en": "Picture"},
    # presenter view
    "current_slide": {"zh": "当前", "en": "Now"},
    "next_slide": {"zh": "下一张", "en": "Next"},
    "no_next": {"zh": "（最后一张）", "en": "(last slide)"},
    "section_time": {"zh": "本环节剩余", "en": "Left in this part"},
    "total_time": {"zh": "已用时间", "en": "Elapsed"},
    "no_notes": {"zh": "本环节没有讲师提示。", "en": "No notes for this part."},
    "open_audience": {"zh": "打开听众窗口", "en": "Open the audience window"},
    "restart_timers": {"zh": "重新计时", "en": "Restart timers"},
    "presenter_keys": {"zh": "→ ← 空格翻页 · B 黑屏 · R 重新计时", "en": "→ ← Space: slides · B: blank · R: restart timers"},
    # outline card
    "notes_brief": {"zh": "提示", "en": "Notes"},
    "lecturer_edition_mark": {"zh": "讲师版", "en": "Lecturer edition"},
    # kits page
    "kits_filter": {"zh": "筛选资料", "en": "Filter kits"},
    "language": {"zh": "语言", "en": "Language"},
    "kits_shown": {"zh": "显示{n}/{m}组资料", "en": {"one": "Showing {n} of {m} kit", "other": "Showing {n} of {m} kits"}},
    "no_kits_match": {"zh": "没有符合条件的资料。", "en": "No kit matches these filters."},
    "posters_and_event_kits": {"zh": "活动海报与资料", "en": "Event posters and kits"},
    "lesson_kits": {"zh": "课程资料", "en": "Lesson kits"},
    "files_n": {"zh": "{n}个文件", "en": {"one": "{n} file", "other": "{n} files"}},
}


def word(key: str, lang: str, **values: object) -> str:
    """The word ``key`` in ``lang`` (English when a language has none); ``count``/the first number picks
    the English plural form."""
    entry = WORDS[key]
    text = entry.get(lang) or entry.get("en") or entry["zh"]
    if isinstance(text, dict):
        number = next((v for v in values.values() if isinstance(v, int)), None)
        text = text["one"] if number == 1 else text["other"]
    return text.format(**values) if values else text


def word_form(key: str, lang: str, form: str = "other") -> str:
    """The unformatted text of ``key`` (for the browser to fill in); ``form`` picks a plural form."""
    entry = WORDS[key]
    text = entry.get(lang) or entry.get("en") or entry["zh"]
    return text.get(form, text["other"]) if isinstance(text, dict) else text


#: Kit kinds this table names (``plan.KitFile.kind`` → key here); the other kinds are named by the kits' words.
KIND_WORDS = {"outline": "outline_card", "kit-zip": "kit-zip"}


def kind_label(kind: str, lang: str) -> str:
    """What a kit file of ``kind`` is called on the site and on paper (``一页提纲``, ``听众讲义`` …)."""
    if kind in KIND_WORDS:
        return word(KIND_WORDS[kind], lang)
    from ..kits import strings as kit_strings

    return kit_strings.t(kind, lang)
