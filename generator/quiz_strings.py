"""UI strings for the in-browser quiz engine and the training-module pages.

Each table maps a key to its text per language (``{"submit": {"zh": "提交答案", "en": "Submit
answer"}}``). The renderer puts ``strings_for(lang, QUIZ_STRINGS)`` into every quiz's embedded JSON
and ``strings_for(lang, TRAINING_STRINGS)`` into every training module's JSON, so the JavaScript
never has to hard-code visible text. ``theme/assets/javascripts/quiz.js`` and ``training.js`` carry the same
tables as a fallback (and for the lesson-page "mark as read" box, which has no embedded JSON); a
browser test checks that the two copies agree, so edit both together.

Placeholders in braces (``{n}``, ``{p}``…) are filled in by the JavaScript; each key's comment in the
JS header lists the ones it receives.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

QUIZ_STRINGS: dict[str, dict[str, str]] = {
    "submit": {
        "zh": "提交答案",
        "en": "Submit answer",
    },
    "next": {
        "zh": "下一题",
        "en": "Next question",
    },
    "finish": {
        "zh": "查看结果",
        "en": "See results",
    },
    "retry": {
        "zh": "再试一次",
        "en": "Try again",
    },
    "correct": {
        "zh": "回答正确",
        "en": "Correct",
    },
    "incorrect": {
        "zh": "回答错误",
        "en": "Incorrect",
    },
    "partly_correct": {
        "zh": "部分正确",
        "en": "Partly correct",
    },
    "points_earned": {
        "zh": "本题得分：{points}（满分1分）",
        "en": "Points for this question: {points} out of 1",
    },
    "score": {
        "zh": "得分",
        "en": "Score",
    },
    "score_announce": {
        "zh": "得分{pct}%，{verdict}。",
        "en": "Score {pct}%. {verdict}.",
    },
    "score_line": {
        "zh": "共{total}题，得{points}分",
        "en": "{points} out of {total} points",
    },
    "passed": {
        "zh": "通过",
        "en": "Passed",
    },
    "failed": {
        "zh": "未通过",
        "en": "Not passed",
    },
    "pass_mark": {
        "zh": "及格线{p}%",
        "en": "Pass mark {p}%",
    },
    "training_pass_mark": {
        "zh": "这是培训模块的结业测验：成绩达到{p}%即通过，计入学时。",
        "en": "This is the final quiz of a training module: score {p}% to pass and earn the credit hours.",
    },
    "best_so_far": {
        "zh": "历史最高分{best}%（已完成{attempts}次）",
        "en": "Best score so far: {best}% ({attempts} completed)",
    },
    "no_attempts": {
        "zh": "还没有完成过本测验",
        "en": "You have not completed this quiz yet",
    },
    "passed_on": {
        "zh": "首次通过：{date}",
        "en": "First passed on {date}",
    },
    "question_count": {
        "zh": "共{m}题",
        "en": "{m} questions",
    },
    "question_n_of_m": {
        "zh": "第{n}题，共{m}题",
        "en": "Question {n} of {m}",
    },
    "case": {
        "zh": "案例",
        "en": "Case",
    },
    "choose_one": {
        "zh": "请选择一个答案。",
        "en": "Choose one answer.",
    },
    "choose_all": {
        "zh": "请选出所有正确的答案（可多选）。",
        "en": "Choose every correct answer (more than one may be right).",
    },
    "partial_rule": {
        "zh": "计分规则：每选对一项得“1 ÷ 正确选项数”分，每选错一项扣同样的分，本题最低0分。",
        "en": "Scoring: each correct choice earns 1 ÷ (number of correct answers) of a point, each wrong choice takes the same away; the lowest score for the question is 0.",
    },
    "whole_rule": {
        "zh": "正确的都选上、错的一个不选，才算答对。",
        "en": "Pick all the right answers and none of the wrong ones to get it right.",
    },
    "true_false_hint": {
        "zh": "判断下面的说法是对还是错。",
        "en": "Is this statement true or false?",
    },
    "true": {
        "zh": "对",
        "en": "True",
    },
    "false": {
        "zh": "错",
        "en": "False",
    },
    "fill_hint": {
        "zh": "在输入框中填写答案，不区分全角半角和大小写。",
        "en": "Type your answer in the box; capitals and full-width characters do not matter.",
    },
    "answer_label": {
        "zh": "你的答案",
        "en": "Your answer",
    },
    "ordering_hint": {
        "zh": "请按正确顺序排列：拖动左侧的手柄，或使用“上移”“下移”按钮。",
        "en": "Put the items in the right order: drag the handle on the left, or use the Move up and Move down buttons.",
    },
    "move_up": {
        "zh": "上移",
        "en": "Move up",
    },
    "move_down": {
        "zh": "下移",
        "en": "Move down",
    },
    "drag_handle": {
        "zh": "拖动排序",
        "en": "Drag to reorder",
    },
    "moved_to": {
        "zh": "“{item}”已移到第{pos}位",
        "en": "“{item}” moved to position {pos}",
    },
    "need_answer": {
        "zh": "请先作答，再提交。",
        "en": "Please answer before submitting.",
    },
    "your_answer": {
        "zh": "你的答案",
        "en": "Your answer",
    },
    "your_choice": {
        "zh": "你的选择",
        "en": "Your choice",
    },
    "correct_answer": {
        "zh": "正确答案",
        "en": "Correct answer",
    },
    "correct_order": {
        "zh": "正确顺序",
        "en": "Correct order",
    },
    "no_answer": {
        "zh": "未作答",
        "en": "No answer",
    },
    "explanation": {
        "zh": "解析",
        "en": "Explanation",
    },
    "case_explanation": {
        "zh": "案例小结",
        "en": "About this case",
    },
    "review": {
        "zh": "复习",
        "en": "Review",
    },
    "answer_recorded": {
        "zh": "已记录答案。",
        "en": "Answer saved.",
    },
    "results": {
        "zh": "测验结果",
        "en": "Your results",
    },
    "missed": {
        "zh": "需要复习的题目",
        "en": "Questions to review",
    },
    "none_missed": {
        "zh": "全部答对，真棒！",
        "en": "You answered every question correctly. Well done!",
    },
    "storage_unavailable": {
        "zh": "这个浏览器无法保存成绩，关闭页面后记录会消失。",
        "en": "This browser cannot save your scores; they will be lost when you close the page.",
    },
    "load_error": {
        "zh": "测验数据无法读取，请告诉网站编辑。",
        "en": "The quiz data could not be read; please tell the site's editors.",
    },
    "colon": {
        "zh": "：",
        "en": ": ",
    },
}

TRAINING_STRINGS: dict[str, dict[str, str]] = {
    "progress_heading": {
        "zh": "学习进度",
        "en": "Your progress",
    },
    "complete": {
        "zh": "已完成本模块",
        "en": "Module complete",
    },
    "incomplete": {
        "zh": "尚未完成本模块",
        "en": "Module not complete yet",
    },
    "units_heading": {
        "zh": "学习单元",
        "en": "Units",
    },
    "units_read": {
        "zh": "已读{n}/{m}个单元",
        "en": "{n} of {m} units read",
    },
    "mark_read": {
        "zh": "已读",
        "en": "Read",
    },
    "unit_read": {
        "zh": "我已读完本课（计入培训进度）",
        "en": "I have read this lesson (counts towards my training)",
    },
    "quiz_heading": {
        "zh": "结业测验",
        "en": "Final quiz",
    },
    "take_quiz": {
        "zh": "参加结业测验",
        "en": "Take the final quiz",
    },
    "quiz_best": {
        "zh": "最高分{best}%",
        "en": "Best score {best}%",
    },
    "quiz_not_taken": {
        "zh": "还没有参加结业测验",
        "en": "You have not taken the final quiz yet",
    },
    "pass_mark": {
        "zh": "及格线{p}%",
        "en": "Pass mark {p}%",
    },
    "passed_on": {
        "zh": "通过日期：{date}",
        "en": "Passed on {date}",
    },
    "not_passed_yet": {
        "zh": "尚未通过",
        "en": "Not passed yet",
    },
    "credit_hours": {
        "zh": "{h}学时",
        "en": "{h} credit hours",
    },
    "credit_hours_label": {
        "zh": "学时",
        "en": "Credit hours",
    },
    "missing_heading": {
        "zh": "还差以下几项：",
        "en": "Still to do:",
    },
    "missing_units": {
        "zh": "还有{k}个单元未标记为已读：",
        "en": "Units not yet marked as read ({k}):",
    },
    "missing_quiz": {
        "zh": "结业测验成绩尚未达到{p}%。",
        "en": "You have not yet scored {p}% on the final quiz.",
    },
    "certificate_link": {
        "zh": "查看并打印结业证书",
        "en": "View and print your certificate",
    },
    "name_label": {
        "zh": "你的姓名",
        "en": "Your name",
    },
    "name_hint": {
        "zh": "姓名只保存在这个浏览器里，用于证书和导出的成绩文件。",
        "en": "Your name stays in this browser only; it is used for the certificate and the results file.",
    },
    "export_heading": {
        "zh": "导出我的成绩",
        "en": "Export my results",
    },
    "export_hint": {
        "zh": "下载成绩文件，交给培训负责人汇总。",
        "en": "Download your results and give the file to your trainer, who merges everyone's results.",
    },
    "export_json": {
        "zh": "下载 JSON 文件",
        "en": "Download JSON file",
    },
    "export_csv": {
        "zh": "下载 CSV 文件（可用 Excel 打开）",
        "en": "Download CSV file (opens in Excel)",
    },
    "export_need_name": {
        "zh": "请先填写姓名，再导出。",
        "en": "Please type your name before exporting.",
    },
    "export_done": {
        "zh": "已生成文件：{file}",
        "en": "File created: {file}",
    },
    "print": {
        "zh": "打印证书",
        "en": "Print certificate",
    },
    "cert_heading": {
        "zh": "结业证书",
        "en": "Certificate of Completion",
    },
    "cert_intro": {
        "zh": "兹证明",
        "en": "This certifies that",
    },
    "cert_completed": {
        "zh": "完成了培训模块",
        "en": "has completed the training module",
    },
    "cert_details": {
        "zh": "共{h}学时，结业测验成绩{score}%，于{date}通过。",
        "en": "{h} credit hours · final quiz score {score}% · passed on {date}",
    },
    "cert_name_missing": {
        "zh": "（请在上方填写姓名）",
        "en": "(type your name above)",
    },
    "cert_note": {
        "zh": "本证书由学员在网页上自行打印，以培训负责人汇总的成绩记录为准。",
        "en": "Printed by the trainee. The official record is the results list kept by the trainer.",
    },
    "cert_unavailable": {
        "zh": "暂时还不能打印证书",
        "en": "The certificate is not available yet",
    },
    "storage_unavailable": {
        "zh": "这个浏览器无法保存学习进度，关闭页面后记录会消失。",
        "en": "This browser cannot save your progress; it will be lost when you close the page.",
    },
    "load_error": {
        "zh": "培训数据无法读取，请告诉网站编辑。",
        "en": "The training data could not be read; please tell the site's editors.",
    },
    "colon": {
        "zh": "：",
        "en": ": ",
    },
}


def strings_for(lang: str, table: dict[str, dict[str, str]]) -> dict[str, str]:
    """Return ``{key: text}`` from ``table`` in ``lang``, falling back to Chinese.

    Languages without their own UI strings (for example an extra language such as Hlai, whose
    content is printed beside the Chinese) get the Chinese interface.
    """
    return {key: texts.get(lang) or texts["zh"] for key, texts in table.items()}

# The training-records feature's words (completion record, recorded name) live in their own table.
from .records_strings import TRAINING as _RECORDS_TRAINING  # noqa: E402

TRAINING_STRINGS.update({key: {lang: str(value) for lang, value in texts.items()} for key, texts in _RECORDS_TRAINING.items()})
