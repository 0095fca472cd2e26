// theme/assets/javascripts/search-core.js: query terms, shards, scores, groups and highlighting.
// Run: node --test tests/js/*.test.js   (also run by tests/js/test_node.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const search = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "search-core.js"));

test("Chinese is cut into character pairs, other text into lower-case words", () => {
  assert.deepEqual(search.terms("依托咪酯 Methamphetamine，冰"), ["依托", "托咪", "咪酯", "methamphetamine", "冰"]);
  assert.deepEqual(search.terms("冰\u200b毒 ＨＩＶ"), ["冰毒", "hiv"]);
});

test("the last word and a lone character are prefixes; spaced letters are also tried squeezed", () => {
  const plan = search.plan("bing du");
  assert.deepEqual(plan.alternatives, [
    [{ term: "bing", prefix: false }, { term: "du", prefix: true }],
    [{ term: "bingdu", prefix: true }],
  ]);
  assert.deepEqual(search.plan("冰").alternatives, [[{ term: "冰", prefix: true }]]);
  assert.deepEqual(search.plan("冰毒").alternatives, [[{ term: "冰毒", prefix: false }]]);
  assert.deepEqual(search.plan("  ").alternatives, []);
});

test("a query needs only the shards of its terms", () => {
  assert.equal(search.shardOf("bingdu", 64), "b");
  assert.equal(search.shardOf("冰毒", 64), "u" + ("冰".codePointAt(0) % 64));
  assert.deepEqual(search.shardsFor(search.plan("bing du"), 64), ["b", "d"]);
});

const META = { sections: 6, pages: [0, 3], chunk: 4, han_shards: 64 };
const SHARDS = {
  b: { bingdu: [0, 9, 4, 1], bd: [0, 9], bdx: [5, 3] },
  d: { du: [1, 2], duping: [4, 2] },
};

test("every term must match; exact matches and frequent words score higher", () => {
  const scores = search.score(search.plan("bingdu"), SHARDS, META);
  assert.deepEqual(Object.keys(scores).sort(), ["0", "4"]);
  assert.ok(scores[0] > scores[4]);
  const initials = search.score(search.plan("bd"), SHARDS, META);
  assert.ok(initials[0] > initials[5], "an exact key beats a longer key it starts");
  assert.deepEqual(Object.keys(search.score(search.plan("bing du"), SHARDS, META)).sort(), ["0", "4"]);
  assert.deepEqual(search.score(search.plan("nothing"), SHARDS, META), {});
});

test("sections are grouped by page, best page first, with the page's own section", () => {
  assert.equal(search.pageOf(0, META.pages), 0);
  assert.equal(search.pageOf(2, META.pages), 0);
  assert.equal(search.pageOf(5, META.pages), 1);
  const groups = search.group({ 1: 2, 4: 5, 5: 1 }, META);
  assert.deepEqual(groups.map((g) => [g.page, g.first, g.sections.map((s) => s[0])]), [[1, 3, [4, 5]], [0, 0, [1]]]);
  assert.deepEqual(search.chunksFor([0, 3, 4, 9], 4), [0, 1, 2]);
});

test("results are escaped before the query is marked", () => {
  assert.equal(search.highlight("<b>冰毒</b> & 冰毒", ["冰毒"]),
    "&lt;b&gt;<mark data-md-highlight>冰毒</mark>&lt;/b&gt; &amp; <mark data-md-highlight>冰毒</mark>");
  assert.equal(search.highlight("a (b)", ["(b"]), "a <mark data-md-highlight>(b</mark>)");
  const long = "甲".repeat(100) + "冰毒" + "乙".repeat(300);
  const cut = search.snippet(long, ["冰毒"], 80);
  assert.ok(cut.startsWith("…") && cut.endsWith("…") && cut.includes("<mark data-md-highlight>冰毒</mark>"), cut);
});
