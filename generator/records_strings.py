"""Every word the training-records feature adds, in one table per use, for the string catalogue.

``TRAINING`` replaces or adds keys of ``quiz_strings.TRAINING_STRINGS`` (merged there in one line):
the learner's printout is a *completion record*, not a certificate. ``ROSTER``, ``FLAGS`` and
``CERTIFICATE`` are the roster's column names and flag texts and the organisation's certificate.
Plurals for English are ``{"one": …, "other": …}``.
"""

from __future__ import annotations

Table = dict[str, dict[str, object]]

TRAINING: Table = {
    "certificate_link": {"zh": "查看并打印结业记录", "en": "View and print your completion record"},
    "print": {"zh": "打印结业记录", "en": "Print completion record"},
    "cert_heading": {"zh": "结业记录", "en": "Completion record"},
    "cert_intro": {"zh": "学员", "en": "This records that"},
    "cert_note": {
        "zh": "本记录由学员在网页上自行打印，不是证书。学时以培训单位核对成绩后颁发的编号证书为准。",
        "en": "Printed by the trainee; this is not a certificate. Credit hours are granted by the numbered "
              "certificate the organisation issues after checking the results.",
    },
    "cert_name_missing": {"zh": "（请在上方填写姓名后重新参加结业测验）",
                          "en": "(type your name above, then take the final test again)"},
    "cert_name_recorded": {
        "zh": "姓名按最后一次结业测验时记录的填写。要更改姓名，请在上方改好后重新参加一次结业测验。",
        "en": "The name is the one recorded with your last final-test attempt. To change it, correct it above "
              "and take the final test again.",
    },
    "cert_unavailable": {"zh": "暂时还不能打印结业记录", "en": "The completion record is not available yet"},
}

ROSTER: Table = {
    "sheet": {"zh": "花名册", "en": "Roster"},
    "name": {"zh": "姓名", "en": "Name"},
    "training": {"zh": "培训模块", "en": "Module"},
    "title": {"zh": "模块名称", "en": "Module title"},
    "hours_earned": {"zh": "获得学时", "en": "Credit hours earned"},
    "units_read": {"zh": "已读单元", "en": "Units read"},
    "units_total": {"zh": "单元总数", "en": "Units in module"},
    "attempts": {"zh": "测验次数", "en": "Attempts"},
    "best_score": {"zh": "最高分", "en": "Best score"},
    "first_passed": {"zh": "首次通过日期", "en": "First passed on"},
    "complete": {"zh": "是否完成", "en": "Complete"},
    "flags": {"zh": "核对标记", "en": "Flags"},
    "exported_at": {"zh": "导出时间", "en": "Exported at"},
    "source": {"zh": "来源文件", "en": "Source file"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
}

#: One text per flag code; the roster's flag column joins them with "；" / "; ".
FLAGS: Table = {
    "score": {"zh": "分数与答案不符（记录{stored}%，重算{rescored}%）",
              "en": "score does not match the answers (stored {stored}%, re-scored {rescored}%)"},
    "pass": {"zh": "通过情况与答案不符", "en": "pass does not match the answers"},
    "completion": {"zh": "完成情况不符", "en": "completion does not match"},
    "quiz-version": {"zh": "测验题目已变（答题所用版本不同）", "en": "quiz version differs (answered other questions)"},
    "module-version": {"zh": "培训模块已变（版本不同）", "en": "module version differs"},
    "answers": {"zh": "答题记录不完整（{what}）", "en": "the answers are not one whole attempt ({what})"},
    "no-answers": {"zh": "没有答题记录，无法重算", "en": "no answers to re-score"},
    "unknown-module": {"zh": "本项目没有这个培训模块", "en": "no such module in the project"},
    "details": {"zh": "记录与模块不符：{what}", "en": "record does not match the module: {what}"},
}

CERTIFICATE: Table = {
    "heading": {"zh": "培训合格证书", "en": "Training Certificate"},
    "body": {
        "zh": "{name}同志于{date}完成了“{module}”培训，经考核合格，计{hours}学时。",
        "en": "This certifies that {name} completed the training module \"{module}\" on {date} "
              "and passed its final test, earning {hours} credit hours.",
    },
    "number": {"zh": "证书编号：{number}", "en": "Certificate no. {number}"},
    "issued": {"zh": "发证日期：{date}", "en": "Issued on {date}"},
    "seal": {"zh": "（单位盖章）", "en": "(seal)"},
    "signature": {"zh": "培训负责人签名", "en": "Trainer's signature"},
    "verify": {
        "zh": "核验：请向发证单位查询证书编号（以发证登记表为准）。",
        "en": "To verify, ask the issuing organisation about the certificate number (its register is the record).",
    },
    "register_number": {"zh": "证书编号", "en": "Certificate number"},
    "register_name": {"zh": "姓名", "en": "Name"},
    "register_module": {"zh": "培训模块", "en": "Module"},
    "register_title": {"zh": "模块名称", "en": "Module title"},
    "register_hours": {"zh": "学时", "en": "Credit hours"},
    "register_completed": {"zh": "完成日期", "en": "Completed on"},
    "register_issued": {"zh": "发证日期", "en": "Issued on"},
    "register_flags": {"zh": "核对标记", "en": "Flags"},
    "register_file": {"zh": "文件", "en": "File"},
    "register_sheet": {"zh": "发证登记", "en": "Register"},
}


def text(table: Table, key: str, lang: str, **params: object) -> str:
    """The entry ``key`` of ``table`` in ``lang`` (Chinese when the language has none), filled in."""
    entry = table[key]
    value = entry.get(lang, entry["zh"])
    if isinstance(value, dict):
        count = next((v for v in params.values() if isinstance(v, (int, float))), None)
        value = value["one"] if count == 1 and "one" in value else value["other"]
    return str(value).format(**params) if params else str(value)
