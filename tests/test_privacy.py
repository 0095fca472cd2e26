"""generator.privacy: personal data is found however it is written, public numbers are not."""

from __future__ import annotations

import pytest

from generator.privacy import find_personal_data

# 11010519491231002X: the standard's published sample ID number; 4111 1111 1111 1111: a test card number.


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("他的电话是13812345678，请联系", "mobile", "13812345678"),
    ("电话 138 1234 5678", "mobile", "138 1234 5678"),
    ("电话138-1234-5678。", "mobile", "138-1234-5678"),
    ("电话138.1234.5678。", "mobile", "138.1234.5678"),
    ("call +86 138 1234 5678 now", "mobile", "+86 138 1234 5678"),
    ("call 86-13812345678 now", "mobile", "86-13812345678"),
    ("call 0086 13812345678", "mobile", "0086 13812345678"),
    ("电话１３８１２３４５６７８", "mobile", "１３８１２３４５６７８"),
    ("身份证11010519491231002X", "id-card", "11010519491231002X"),
    ("身份证 110105 19491231 002x", "id-card", "110105 19491231 002x"),
    ("旧身份证110105491231002", "id-card", "110105491231002"),
    ("卡号4111 1111 1111 1111", "bank-card", "4111 1111 1111 1111"),
    ("卡号6222-0212-3456-7894", "bank-card", "6222-0212-3456-7894"),
    ("写信到 wang.wei@example.com 吧", "e-mail", "wang.wei@example.com"),
    ("家里电话0898-66123456", "landline", "0898-66123456"),
    ("家里电话(0898) 6612 3456", "landline", "(0898) 6612 3456"),
])
def test_personal_data_is_found_in_every_usual_spelling(text: str, kind: str, found: str) -> None:
    findings = find_personal_data(text)
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]
    assert text[findings[0].start:findings[0].end] == found


@pytest.mark.parametrize("text", [
    "有困难拨打110，受伤拨打120，心理援助热线12356。",
    "《刑法》第三百四十七条：走私、贩卖、运输、制造毒品，无论数量多少……",
    "2026年6月26日是国际禁毒日，全国已有1,234,567名……",
    "一共 20 课时，每课 45 分钟；第 3 单元。",
    "卡号4111 1111 1111 1112 不通过校验",  # fails the Luhn check: not a card
    "订单号20260626123456",  # 14 digits: nothing
])
def test_ordinary_numbers_are_not_personal_data(text: str) -> None:
    assert find_personal_data(text) == []


def test_public_numbers_listed_in_the_config_are_allowed_in_any_spelling() -> None:
    text = "戒毒咨询：0898-66123456；中心邮箱 help@centre.example.cn；王老师 13812345678"
    found = find_personal_data(text, public_numbers=["0898 6612 3456", "help@centre.example.cn"])
    assert [(f.kind, f.text) for f in found] == [("mobile", "13812345678")]
