"""The words printed on the kits that do not come from content, in zh and en.

A language without its own entry (a third site language) falls back to English, then Chinese.
"""

from __future__ import annotations

import datetime as dt

S: dict[str, dict[str, str]] = {
    "colon": {"zh": "：", "en": ": "},
    # kinds (labels on the site and headers on paper)
    "plan": {"zh": "讲师教案", "en": "Lecturer's plan"},
    "handout": {"zh": "听众讲义", "en": "Audience handout"},
    "worksheet": {"zh": "测验练习纸", "en": "Quiz worksheet"},
    "answer-key": {"zh": "测验答案", "en": "Quiz answer key"},
    "sign-in": {"zh": "签到表", "en": "Sign-in sheet"},
    "feedback": {"zh": "意见反馈表", "en": "Feedback form"},
    "certificate": {"zh": "参与证明", "en": "Certificate of participation"},
    "poster-png": {"zh": "海报（图片）", "en": "Poster (image)"},
    "poster-pdf": {"zh": "海报（印刷版 PDF）", "en": "Poster (print PDF)"},
    "share-image": {"zh": "微信群分享图", "en": "Share image for WeChat groups"},
    "village_edition": {"zh": "村寨版", "en": "village edition"},
    # info line
    "pages": {"zh": "{n}页", "en": "{n} page|{n} pages"},
    "page_x_of_y": {"zh": "第{x}页，共{y}页", "en": "Page {x} of {y}"},
    # shared
    "audience": {"zh": "对象", "en": "Audience"},
    "setting": {"zh": "场景", "en": "Setting"},
    "duration": {"zh": "时长", "en": "Duration"},
    "minutes": {"zh": "{n}分钟", "en": "{n} min"},
    "date": {"zh": "日期", "en": "Date"},
    "time": {"zh": "时间", "en": "Time"},
    "venue": {"zh": "地点", "en": "Venue"},
    "lecturers": {"zh": "主讲", "en": "Speaker|Speakers"},
    "lessons": {"zh": "课程", "en": "Talk|Talks"},
    "organiser": {"zh": "主办", "en": "Organised by"},
    "partners": {"zh": "协办", "en": "With"},
    "fill_in": {"zh": "（请填写）", "en": "(fill in)"},
    "example": {"zh": "示例", "en": "example"},
    "supplied_by": {"zh": "{language}文字由{who}提供。", "en": "{language} text supplied by {who}."},
    # plan
    "objectives": {"zh": "教学目标", "en": "Objectives"},
    "materials": {"zh": "准备材料", "en": "Materials to bring"},
    "outline": {"zh": "时间安排", "en": "Timed outline"},
    "outline_time": {"zh": "时间", "en": "Time"},
    "outline_part": {"zh": "环节", "en": "Part"},
    "outline_min": {"zh": "分钟", "en": "Min"},
    "outline_sum": {
        "zh": "各环节合计{sum}分钟，课时{total}分钟。",
        "en": "The parts add up to {sum} min; the lesson lasts {total} min.",
    },
    "outline_estimated": {"zh": "≈ 表示内容未给时长，按剩余时间平均估算。", "en": "≈: no time given in the content; the remaining time is shared out."},
    "content_and_notes": {"zh": "讲授内容与讲师提示", "en": "Content and speaker notes"},
    "speaker_notes": {"zh": "讲师提示", "en": "Speaker notes"},
    "key_points": {"zh": "要点", "en": "Key points"},
    "slogans": {"zh": "口号", "en": "Slogans"},
    "laws": {"zh": "引用的法律法规", "en": "Laws cited"},
    "article": {"zh": "第{cn}条", "en": "Article {n}"},  # cn: the number in Chinese numerals
    "year": {"zh": "{y}年", "en": "{y}"},
    "glossary": {"zh": "术语", "en": "Terms"},
    "quiz": {"zh": "课后测验", "en": "Quiz"},
    "quiz_line": {
        "zh": "《{title}》：{n}题，{pass_mark}分及格。练习纸和答案见同一资料包。",
        "en": "“{title}”: {n} questions, pass mark {pass_mark}%. The worksheet and answer key are in this kit.",
    },
    "plan_confidential": {"zh": "讲师用，不发给听众。", "en": "For the lecturer; not for the audience."},
    # handout
    "what_to_remember": {"zh": "记住这几点", "en": "Remember"},
    "terms": {"zh": "名词解释", "en": "Words to know"},
    "also_called": {"zh": "又称", "en": "also called"},
    "get_help": {"zh": "哪里可以求助", "en": "Where to get help"},
    "who_helps": {"zh": "有事找谁", "en": "Who can help"},
    "trusted_adults": {"zh": "遇到害怕的事，告诉爸爸妈妈、老师或其他信任的大人。",
                       "en": "If something worries you, tell your mum or dad, a teacher or another adult you trust."},
    "danger_call": {"zh": "有危险，打110。", "en": "If you are in danger, call 110."},
    "scan_for_parents": {"zh": "家长扫码查看课程内容", "en": "For parents: scan to see what the lesson covered"},
    "help_example_note": {
        "zh": "标“示例”的条目仅为格式示例，地址和时间请以当地公布为准。",
        "en": "Entries marked “example” only show the format; check the address and times published locally.",
    },
    "scan_lesson": {"zh": "扫码查看课程页面", "en": "Scan to open the lesson page"},
    "more_online": {"zh": "更多内容：", "en": "More online: "},
    # worksheet
    "name_optional": {"zh": "姓名（可不填）", "en": "Name (optional)"},
    "class_or_unit": {"zh": "班级 / 单位", "en": "Class / unit"},
    "community_or_unit": {"zh": "社区 / 单位", "en": "Community or workplace"},
    "true": {"zh": "对", "en": "True"},
    "false": {"zh": "错", "en": "False"},
    "choose_one": {"zh": "单选", "en": "choose one"},
    "choose_many": {"zh": "多选", "en": "choose all that apply"},
    "order_hint": {"zh": "在方框里填1、2、3……排出正确顺序", "en": "Number the boxes 1, 2, 3 … in the right order"},
    "answer": {"zh": "答案", "en": "Answer"},
    "accepted": {"zh": "可接受的答案", "en": "Accepted answers"},
    "review": {"zh": "复习：", "en": "Review: "},
    "drawn_note": {
        "zh": "本练习纸选用题库的前{n}题（在线测验每次从题库中抽题）。",
        "en": "This sheet uses the first {n} questions of the bank (the online quiz draws from the whole bank).",
    },
    "pass_mark": {"zh": "及格线：{n}%", "en": "Pass mark: {n}%"},
    # sign-in
    "no": {"zh": "序号", "en": "No."},
    "name": {"zh": "姓名", "en": "Name"},
    "unit": {"zh": "单位 / 班级 / 村组", "en": "Class, workplace or village group"},
    "unit_village": {"zh": "村组 / 单位", "en": "Village group or workplace"},
    "remarks": {"zh": "备注", "en": "Remarks"},
    "sheet_no": {"zh": "第 ____ 张", "en": "Sheet ____"},
    "privacy_sign_in": {
        "zh": "本表只用于统计参加人数，不收集身份证号码和电话号码。请勿在表上填写这些信息。活动结束后由主办方妥善保管。",
        "en": "This sheet only counts who took part. It does not collect ID numbers or phone numbers: please do not write them here. The organisers keep it safely after the event.",
    },
    "copies": {"zh": "人多时可复印本表。", "en": "Photocopy this sheet for larger groups."},
    # feedback
    "feedback_intro": {
        "zh": "感谢您参加！本表不记名，请在方框里打“✓”。",
        "en": "Thank you for coming! This form is anonymous: tick a box for each line.",
    },
    "fb_useful": {"zh": "内容对我有用", "en": "The content was useful to me"},
    "fb_clear": {"zh": "讲得清楚、听得懂", "en": "It was clear and easy to follow"},
    "fb_new": {"zh": "我学到了新知识", "en": "I learned something new"},
    "fb_recommend": {"zh": "我愿意推荐给家人朋友", "en": "I would recommend it to family and friends"},
    "fb_scale_low": {"zh": "不同意", "en": "Disagree"},
    "fb_scale_high": {"zh": "非常同意", "en": "Strongly agree"},
    "fb_good": {"zh": "好", "en": "Good"},
    "fb_ok": {"zh": "一般", "en": "OK"},
    "fb_bad": {"zh": "不好", "en": "Not good"},
    "fb_learned": {"zh": "今天记住最深的一点是：", "en": "The one thing I will remember:"},
    "fb_more": {"zh": "还想了解什么？对讲座有什么建议？", "en": "What else would you like to know? Any suggestions?"},
    "fb_who": {"zh": "我是：", "en": "Your group:"},
    "fb_privacy": {
        "zh": "请不要在本表上写姓名、身份证号码或电话号码。",
        "en": "Please do not write your name, ID number or phone number on this form.",
    },
    # certificate
    "cert_body": {
        "zh": "兹证明{name}于{date}在{venue}参加了“{title}”活动。",
        "en": "This certifies that {name} took part in \"{title}\" on {date}. Venue: {venue}.",
    },
    "cert_thanks": {"zh": "特发此证，以资鼓励。", "en": "With thanks for taking part."},
    "cert_seal": {"zh": "（盖章）", "en": "(stamp)"},
    "cert_signed": {"zh": "负责人签名", "en": "Signed"},
    "cert_no": {"zh": "证书编号：__________", "en": "No. __________"},
    # poster
    "scan_event": {"zh": "扫码查看活动详情", "en": "Scan for details"},
    "weekday": {"zh": "星期一|星期二|星期三|星期四|星期五|星期六|星期日", "en": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"},
    "months": {"zh": "", "en": "January|February|March|April|May|June|July|August|September|October|November|December"},
    "all_welcome": {"zh": "欢迎参加", "en": "All welcome"},
}


#: Keys whose English text is "one|many".
PLURAL = {"pages", "lessons", "lecturers"}


def t(key: str, lang: str, **kw: object) -> str:
    """The string ``key`` in ``lang`` (falls back to en, then zh), formatted with ``kw``; keys of the
    slides' word table (the outline card, whole kits) come from there."""
    if key not in S:
        from ..slides.words import word

        return word(key, lang, **kw)
    entry = S[key]
    text = entry.get(lang) or entry.get(lang.split("-")[0]) or entry.get("en") or entry["zh"]
    if key in PLURAL and "|" in text:  # "one|many"; the many form when no count is given
        one, many = text.split("|")
        text = one if kw.get("n") == 1 else many
    return text.format(**kw) if kw else text


def is_zh(lang: str) -> bool:
    return lang.split("-")[0] == "zh"


def date_long(day: dt.date, lang: str, weekday: bool = True) -> str:
    """``2026年6月26日（星期五）`` / ``Friday 26 June 2026``."""
    wd = t("weekday", lang).split("|")[day.weekday()]
    if is_zh(lang):
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text}（{wd}）" if weekday else text
    month = t("months", lang).split("|")[day.month - 1]
    text = f"{day.day} {month} {day.year}"
    return f"{wd} {text}" if weekday else text


def time_range(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start}–{end}"
    return start or ""


def list_join(items: list[str], lang: str) -> str:
    return ("、" if is_zh(lang) else ", ").join(items)
