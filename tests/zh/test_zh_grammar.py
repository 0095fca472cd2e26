"""Grammar rules (generator.zh.grammar): sentences that are in no phrase list and no evaluation file."""

from __future__ import annotations

import pytest

from generator.zh import Pinyin, load_domain_phrases

# (text, expected line). None of these sentences is in tests/zh/data; the words the rules act on are not
# domain phrases (checked below), so only the rules can read them right.
RULES = [
    # 得 de after a verb or adjective before its complement; děi "must"; dé "get" stays
    ("他们跳得真高", "tā men tiào de zhēn gāo"),
    ("小狗急得团团转", "xiǎo gǒu jí de tuán tuán zhuàn"),
    ("歌唱得十分动听", "gē chàng de shí fēn dòng tīng"),
    ("明天你得早点起床", "míng tiān nǐ děi zǎo diǎn qǐ chuáng"),
    ("这事还得问问村长", "zhè shì hái děi wèn wèn cūn zhǎng"),
    ("哥哥得了奖", "gē ge dé le jiǎng"),
    # 地 de after an adverbial, dì as land
    ("小鸟欢快地唱歌", "xiǎo niǎo huān kuài de chàng gē"),
    ("他难过地低下了头", "tā nán guò de dī xià le tóu"),
    ("村民在这块地上种菜", "cūn mín zài zhè kuài dì shàng zhòng cài"),
    # reduplicated verbs, split verb–object forms
    ("你来数一数有几只羊", "nǐ lái shǔ yī shǔ yǒu jǐ zhī yáng"),
    ("护士给他量一量血压", "hù shi gěi tā liáng yī liáng xuè yā"),
    ("她数了数口袋里的钱", "tā shǔ le shǔ kǒu dài lǐ de qián"),
    ("奶奶上过骗子的当", "nǎi nai shàng guò piàn zi de dàng"),
    ("他借的钱早就还了", "tā jiè de qián zǎo jiù huán le"),
    ("别把游戏当饭吃", "bié bǎ yóu xì dàng fàn chī"),
    # measure words
    ("村里办了一场晚会", "cūn lǐ bàn le yī chǎng wǎn huì"),
    ("去年下了一场大雪", "qù nián xià le yī cháng dà xuě"),
    ("两个人吵了一场", "liǎng gè rén chǎo le yī cháng"),
    ("墙上有几处裂缝", "qiáng shàng yǒu jǐ chù liè fèng"),
    # 着 zháo, 觉 jiào, 教 jiāo, 长 zhǎng, 背 bēi, 冲 chòng, 扎 zā, 闷 mēn, 种 zhòng
    ("他猜着了谜底", "tā cāi zháo le mí dǐ"),
    ("午饭后睡了一觉", "wǔ fàn hòu shuì le yī jiào"),
    ("阿姨教小朋友折纸", "ā yí jiāo xiǎo péng you zhé zhǐ"),
    ("院子里长满了野草", "yuàn zi lǐ zhǎng mǎn le yě cǎo"),
    ("弟弟的指甲长长了", "dì di de zhǐ jia zhǎng cháng le"),
    ("他背着行李上了车", "tā bēi zhe xíng li shàng le chē"),
    ("你别冲孩子发脾气", "nǐ bié chòng hái zi fā pí qi"),
    ("她说话太冲", "tā shuō huà tài chòng"),
    ("把麻袋口扎住", "bǎ má dài kǒu zā zhù"),
    ("他整天闷在屋里", "tā zhěng tiān mēn zài wū lǐ"),
    ("我们明年还种甘蔗", "wǒ men míng nián hái zhòng gān zhè"),
    ("他们种了好几棵芒果树", "tā men zhòng le hǎo jǐ kē máng guǒ shù"),
    ("他为人老实", "tā wéi rén lǎo shi"),
]

# Where the rules must leave the ordinary reading alone.
UNCHANGED = [
    ("这种药不能乱吃", "zhè zhǒng yào bù néng luàn chī"),
    ("他还在学校", "tā hái zài xué xiào"),
    ("当地的学校", "dāng dì de xué xiào"),
    ("一场足球赛", "yī chǎng zú qiú sài"),
    ("他冲过来了", "tā chōng guò lái le"),
    ("医生给他扎针", "yī shēng gěi tā zhā zhēn"),
    ("心里烦闷", "xīn lǐ fán mèn"),
    ("教育孩子", "jiào yù hái zi"),
    ("他背课文", "tā bèi kè wén"),
    ("目的地到了", "mù dì dì dào le"),
    ("他得了病", "tā dé le bìng"),
    ("城市广场", "chéng shì guǎng chǎng"),
    ("下地干活", "xià dì gàn huó"),
    ("为人民服务", "wèi rén mín fú wù"),
]


@pytest.mark.parametrize(("text", "expected"), RULES + UNCHANGED)
def test_rules_read_context(reader: Pinyin, text: str, expected: str) -> None:
    assert reader.line(text) == expected


def test_rule_words_are_not_domain_phrases() -> None:
    """The rules, not phrases.txt, read these: none of the words they act on is listed."""
    listed = {p.word for p in load_domain_phrases()}
    for word in [
        "得",
        "地",
        "数一数",
        "当",
        "还",
        "场",
        "一场",
        "着",
        "教",
        "长",
        "背",
        "冲",
        "扎",
        "闷",
        "种",
        "几处",
    ]:
        assert word not in listed, word


def test_rules_never_change_overrides_or_domain_phrases() -> None:
    # 禁种 is a domain phrase (jìn zhòng); an override is the editor's choice, whatever the rules say.
    assert Pinyin().line("禁种罂粟") == "jìn zhòng yīng sù"
    assert Pinyin({"种地": "zhǒng dì"}).line("他会种地") == "tā huì zhǒng dì"
