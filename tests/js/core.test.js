// theme/assets/javascripts/core.js: storage keys and storage, strings, dates, records and the results file.
// Run: node --test tests/js/*.test.js   (also run by tests/js/test_node.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const core = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "core.js"));

/** A Storage look-alike; `failSet` makes setItem throw (a full or revoked store) after the probe. */
function fakeStorage({ failSet = false } = {}) {
  const items = new Map();
  let probed = false;
  return {
    items,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => {
      if (failSet && probed) throw new Error("QuotaExceededError");
      items.set(key, String(value));
    },
    removeItem: (key) => { items.delete(key); probed = true; },
  };
}

test("every storage key starts with the one prefix", () => {
  assert.equal(core.keys.prefix, "dandelion:v1:");
  assert.equal(core.keys.lang, "dandelion:v1:lang");
  assert.equal(core.keys.pinyin, "dandelion:v1:pinyin");
  assert.equal(core.keys.quiz("new-drugs"), "dandelion:v1:quiz:new-drugs");
  assert.equal(core.keys.training("rehab"), "dandelion:v1:training:rehab");
  assert.ok(core.keys.isOurs(core.keys.quiz("x")));
  assert.ok(!core.keys.isOurs("other:v1:quiz:x"));
  assert.ok(!core.keys.isOurs(null));
});

test("storage keeps JSON and text in the backend and leaves no probe behind", () => {
  const backend = fakeStorage();
  const storage = core.createStorage(() => backend);
  assert.equal(storage.ok, true);
  storage.set("k", { a: [1, "二"] });
  assert.deepEqual(storage.get("k"), { a: [1, "二"] });
  assert.equal(backend.getItem("k"), '{"a":[1,"二"]}');
  storage.setText("t", "on");
  assert.equal(storage.getText("t"), "on");
  assert.deepEqual([...backend.items.keys()].sort(), ["k", "t"]);
  assert.equal(storage.get("missing"), null);
  backend.setItem("bad", "{not json");
  assert.equal(storage.get("bad"), null);
});

test("storage falls back to memory when the browser refuses localStorage", () => {
  const storage = core.createStorage(() => { throw new Error("SecurityError"); });
  assert.equal(storage.ok, false);
  assert.equal(storage.get("k"), null);
  storage.set("k", { best: 80 });
  assert.deepEqual(storage.get("k"), { best: 80 });
  // the shared instance in Node has no window.localStorage either
  assert.equal(core.storage.ok, false);
});

test("storage keeps a value for the page when a write fails", () => {
  const backend = fakeStorage({ failSet: true });
  const storage = core.createStorage(() => backend);
  assert.equal(storage.ok, true);
  storage.set("k", [1]);
  assert.equal(backend.getItem("k"), null);
  assert.deepEqual(storage.get("k"), [1], "kept for the page");
});

test("format fills {name} placeholders and leaves unknown ones", () => {
  assert.equal(core.format("第{n}题，共{m}题", { n: 2, m: 7 }), "第2题，共7题");
  assert.equal(core.format("{a} {a} {b}", { a: "x" }), "x x {b}");
  assert.equal(core.format("no placeholders"), "no placeholders");
  assert.equal(core.format("{n}", { n: 0 }), "0");
});

test("translator: the page's table only; a missing key shows as the key, with one console warning", () => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (message) => warnings.push(message);
  try {
    const en = core.translator("en", { submit: "Send", next: 5, finish: null });
    assert.equal(en("submit"), "Send");
    assert.equal(en("nothing_here"), "nothing_here", "no English copy in the script: the key itself");
    assert.equal(en("nothing_here"), "nothing_here");
    assert.equal(en("next"), "next", "a value that is neither text nor a plural object is missing");
    assert.equal(core.translator("zh", null)("submit"), "submit");
    assert.equal(warnings.filter((w) => w.includes('"nothing_here"')).length, 1, "warned once per key");
    assert.ok(warnings.some((w) => w.includes('"next"')) && warnings.some((w) => w.includes('"submit"')));
  } finally {
    console.warn = warn;
  }
});

test("elementStrings reads a widget's data-strings attribute, {} when absent or broken", () => {
  const element = (value) => ({ getAttribute: (name) => (name === "data-strings" ? value : null) });
  assert.deepEqual(core.elementStrings(element('{"load_error": "读不出"}')), { load_error: "读不出" });
  assert.deepEqual(core.elementStrings(element(null)), {});
  assert.deepEqual(core.elementStrings(element("{not json")), {});
  assert.deepEqual(core.elementStrings(element("null")), {});
  assert.equal(core.translator("zh", core.elementStrings(element('{"load_error": "读不出"}')))("load_error"), "读不出");
});

test("translator: a plural object is chosen with Intl.PluralRules by count or the first number", () => {
  const table = {
    question_count: { one: "{m} question", other: "{m} questions" },
    units_read: { one: "{n} of {m} unit read", other: "{n} of {m} units read" },
    attempts: { one: "{best}% after {count} attempt", other: "{best}% after {count} attempts" },
    only_other: { other: "{k} left" },
  };
  const en = core.translator("en", table);
  assert.equal(en("question_count", { m: 1 }), "1 question");
  assert.equal(en("question_count", { m: 12 }), "12 questions");
  assert.equal(en("question_count", { m: 0 }), "0 questions");
  assert.equal(en("units_read", { n: 1, m: 3 }), "1 of 3 unit read", "the first numeric placeholder decides");
  assert.equal(en("attempts", { best: 1, count: 4 }), "1% after 4 attempts", "count wins over the first number");
  assert.equal(en("only_other", { k: 1 }), "1 left");
  assert.equal(en("question_count", { m: "many" }), "many questions", "no number: the other form");
  const zh = core.translator("zh", { question_count: { other: "共{m}题" } });
  assert.equal(zh("question_count", { m: 1 }), "共1题");
});

/** The formatter core.js replaced (quiz.js until 2026-12), kept here to prove the output is the same. */
function oldShowDate(iso, lang) {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return iso || "";
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (String(lang || "").indexOf("zh") === 0) return y + "年" + mo + "月" + d + "日";
  return d + " " + months[mo - 1] + " " + y;
}

test("formatDate writes every day of a leap year and the next exactly as before, in zh and en", () => {
  let checked = 0;
  for (let day = new Date(Date.UTC(2028, 0, 1)); day < new Date(Date.UTC(2030, 0, 1)); day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    for (const lang of ["zh", "en", "zh-CN", "en-US"]) {
      assert.equal(core.formatDate(iso, lang), oldShowDate(iso, lang), `${iso} ${lang}`);
      checked += 1;
    }
  }
  assert.equal(checked, (366 + 365) * 4);
  assert.equal(core.formatDate("2026-11-29", "zh"), "2026年11月29日");
  assert.equal(core.formatDate("2026-06-01", "en"), "1 June 2026");
});

test("formatDate leaves anything that is not an ISO date alone", () => {
  assert.equal(core.formatDate(null, "zh"), "");
  assert.equal(core.formatDate("", "en"), "");
  assert.equal(core.formatDate("2026/6/26", "zh"), "2026/6/26");
  assert.equal(core.formatDate("2026-06-26T10:00", "en"), "2026-06-26T10:00");
});

test("todayISO and nowISO give local time with its offset", () => {
  const saved = process.env.TZ;
  try {
    process.env.TZ = "Asia/Shanghai";
    const when = new Date(Date.UTC(2026, 5, 25, 16, 5, 9)); // 00:05:09 on the 26th in Haikou
    assert.equal(core.todayISO(when), "2026-06-26");
    assert.equal(core.nowISO(when), "2026-06-26T00:05:09+08:00");
    process.env.TZ = "America/St_Johns";
    assert.equal(core.nowISO(new Date(Date.UTC(2026, 0, 2, 3, 4, 5))), "2026-01-01T23:34:05-03:30");
  } finally {
    if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
  }
  assert.match(core.nowISO(), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
});

test("a stored quiz record is made valid whatever the browser holds", () => {
  const empty = { attempts: 0, best: null, last: null, passed_at: null, best_answers: null, best_lang: null,
    best_version: null, name: "" };
  assert.deepEqual(core.records.quiz(null), empty);
  assert.deepEqual(core.records.quiz("text"), empty);
  assert.deepEqual(core.records.quiz({ attempts: "3", best: "lots", last: Infinity, passed_at: 5 }), empty);
  assert.deepEqual(core.records.quiz({ attempts: 2.7, best: 80, last: 40, passed_at: "2026-06-26" }),
    { ...empty, attempts: 2, best: 80, last: 40, passed_at: "2026-06-26" });
  assert.deepEqual(core.records.quiz({ best_answers: [{ id: "q1", given: 2 }, { id: "q2" }] }).best_answers,
    [{ id: "q1", given: 2 }, { id: "q2", given: null }]);
  assert.equal(core.records.quiz({ best_answers: [{ given: 2 }] }).best_answers, null, "an answer without id");
  assert.equal(core.records.quiz({ attempts: -4 }).attempts, 0);
  assert.equal(core.records.quiz({ passed_at: "26/6/2026" }).passed_at, null);
});

test("an attempt counts, keeps the best score and dates only the first pass", () => {
  const first = [{ id: "q1", given: 0 }];
  const best = [{ id: "q1", given: 1 }];
  const later = [{ id: "q1", given: 2 }];
  let rec = core.records.withAttempt(null, 40, false, "2026-06-01", { answers: first, lang: "zh", version: "v1", name: " 王小明 " });
  assert.deepEqual(rec, { attempts: 1, best: 40, last: 40, passed_at: null, best_answers: first, best_lang: "zh",
    best_version: "v1", name: "王小明" });
  rec = core.records.withAttempt(rec, 90, true, "2026-06-02", { answers: best, lang: "en", version: "v2", name: "王晓明" });
  assert.deepEqual(rec, { attempts: 2, best: 90, last: 90, passed_at: "2026-06-02", best_answers: best, best_lang: "en",
    best_version: "v2", name: "王晓明" });
  // a lower score keeps the best attempt's answers; the name is the last attempt's
  rec = core.records.withAttempt(rec, 70, true, "2026-06-03", { answers: later, lang: "zh", version: "v3", name: "Wang" });
  assert.deepEqual(rec, { attempts: 3, best: 90, last: 70, passed_at: "2026-06-02", best_answers: best, best_lang: "en",
    best_version: "v2", name: "Wang" });
  rec = core.records.withAttempt(rec, 95, true, "2026-06-04");
  assert.equal(rec.best_answers, null, "an attempt without answers stored (old page) cannot be re-scored");
  assert.equal(rec.name, "Wang", "an attempt that records no name keeps the last one");
});

test("a training record keeps only unit ids and a name; units are marked read once", () => {
  assert.deepEqual(core.records.training(null), { read: [], name: "" });
  assert.deepEqual(core.records.training({ read: ["a", 3, null, "b"], name: 7 }), { read: ["a", "b"], name: "" });
  let rec = core.records.withUnitRead({ read: ["a"], name: "王小明" }, "b", true);
  assert.deepEqual(rec, { read: ["a", "b"], name: "王小明" });
  assert.deepEqual(core.records.withUnitRead(rec, "b", true), rec);
  rec = core.records.withUnitRead(rec, "a", false);
  assert.deepEqual(rec, { read: ["b"], name: "王小明" });
  assert.deepEqual(core.records.withUnitRead(rec, "zzz", false), rec);
});

const MODULE = {
  id: "community-rehab-basics",
  title: "社区戒毒康复基础",
  credit_hours: 4,
  quiz: { id: "module-quiz" },
  units: [{ id: "lesson-a" }, { id: "lesson-b" }],
};
const PROGRESS = { name: "  王小明 ", readCount: 2, total: 2, best: 92, passedAt: "2026-06-26", passed: true,
  complete: true, readIds: ["lesson-a", "lesson-b"] };
const QUIZ_RECORD = { attempts: 2, best: 92, last: 50, passed_at: "2026-06-26", best_answers: [{ id: "q1", given: [0, 2] }],
  best_lang: "zh", best_version: "abc", name: "王小明" };

test("the results record has the fields generator/results.py reads, in order", () => {
  const rec = core.records.results({ ...MODULE, version: "mod1" }, PROGRESS, "2026-06-26T10:00:00+08:00", QUIZ_RECORD);
  assert.deepEqual(Object.keys(rec), core.records.EXPORT_FIELDS);
  assert.deepEqual(rec, {
    format: "dandelion-results", version: 2, name: "王小明", training: "community-rehab-basics",
    title: "社区戒毒康复基础", credit_hours: 4, units_read: 2, units_total: 2, quiz: "module-quiz",
    best_score: 92, passed_at: "2026-06-26", exported_at: "2026-06-26T10:00:00+08:00",
    lang: "zh", module_version: "mod1", quiz_version: "abc", attempts: 2, passed: true, complete: true,
    units: ["lesson-a", "lesson-b"], answers: [{ id: "q1", given: [0, 2] }],
  });
  const renamed = core.records.results(MODULE, { ...PROGRESS, name: "typed later" }, "t", QUIZ_RECORD);
  assert.equal(renamed.name, "王小明", "the name recorded with the last attempt, not one typed since");
  const bare = core.records.results({ id: "m" }, { name: "", readCount: 0, total: 0, best: null, passedAt: null }, "t");
  assert.equal(bare.title, "");
  assert.equal(bare.credit_hours, 0);
  assert.equal(bare.quiz, null);
});

test("the results CSV opens in Excel as UTF-8 and runs no formula", () => {
  const rec = core.records.results(MODULE, { ...PROGRESS, name: "=HYPERLINK(\"x\")" }, "2026-06-26T10:00:00+08:00",
    { ...QUIZ_RECORD, name: "" });
  const csv = core.records.resultsCSV(rec);
  assert.ok(csv.startsWith("\ufeffformat,version,name,"));
  const lines = csv.slice(1).split("\r\n");
  assert.equal(lines.length, 3);
  assert.equal(lines[2], "");
  assert.equal(lines[0], core.records.EXPORT_FIELDS.join(","));
  assert.equal(lines[1], "dandelion-results,2,\"'=HYPERLINK(\"\"x\"\")\",community-rehab-basics,社区戒毒康复基础,4,2,2," +
    "module-quiz,92,2026-06-26,2026-06-26T10:00:00+08:00,zh,,abc,2,true,true,\"[\"\"lesson-a\"\",\"\"lesson-b\"\"]\"," +
    "\"[{\"\"id\"\":\"\"q1\"\",\"\"given\"\":[0,2]}]\"");
  assert.equal(core.records.csvCell(null), "");
  assert.equal(core.records.csvCell(-3), "-3", "numbers are not formulas");
  assert.equal(core.records.csvCell("-3"), "'-3");
  assert.equal(core.records.csvCell("a,b"), "\"a,b\"");
  assert.equal(core.records.csvCell("line\nbreak"), "\"line\nbreak\"");
});

test("the results file name carries the module and a file-safe name", () => {
  const rec = core.records.results(MODULE, { ...PROGRESS, name: "王 小/明:*?" }, "t");
  assert.equal(core.records.resultsFileName(rec, "json"), "dandelion-community-rehab-basics-王_小_明_.json");
  const anonymous = core.records.results(MODULE, { ...PROGRESS, name: "" }, "t");
  assert.equal(core.records.resultsFileName(anonymous, "csv"), "dandelion-community-rehab-basics.csv");
  const long = core.records.results(MODULE, { ...PROGRESS, name: "x".repeat(80) }, "t");
  assert.equal(core.records.resultsFileName(long, "csv"), `dandelion-community-rehab-basics-${"x".repeat(40)}.csv`);
});
