// theme/assets/javascripts/scorm.js: the SCORM 1.2 adapter's decisions, with a fake LMS API and frames.
// Run: node --test tests/js/*.test.js   (also run by tests/js/test_node.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const scorm = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "scorm.js"));

/** An LMS API that records every call and keeps cmi values (SCORM 1.2 names, strings). */
function fakeAPI(values = {}) {
  const cmi = { "cmi.core.lesson_status": "not attempted", "cmi.suspend_data": "", "cmi.core.student_name": "", ...values };
  const calls = [];
  return {
    cmi,
    calls,
    LMSInitialize: (arg) => { calls.push(["LMSInitialize", arg]); return "true"; },
    LMSGetValue: (name) => { calls.push(["LMSGetValue", name]); return cmi[name] ?? ""; },
    LMSSetValue: (name, value) => { calls.push(["LMSSetValue", name, value]); cmi[name] = value; return "true"; },
    LMSCommit: (arg) => { calls.push(["LMSCommit", arg]); return "true"; },
    LMSFinish: (arg) => { calls.push(["LMSFinish", arg]); return "true"; },
  };
}

test("the API is found in the window, its parents, or the opener's frames", () => {
  const api = fakeAPI();
  const top = { API: api };
  top.parent = top;
  const middle = { parent: top };
  const sco = { parent: middle };
  assert.equal(scorm.findAPI(sco), api);
  const lonely = { parent: null };
  assert.equal(scorm.findAPI(lonely), null);
  const opener = { parent: null };
  const openerTop = { API: api };
  openerTop.parent = openerTop;
  opener.parent = openerTop;
  assert.equal(scorm.findAPI({ parent: null, opener }), api, "a pop-up window launched by the LMS");
  const foreign = { get parent() { throw new Error("SecurityError"); } };
  assert.equal(scorm.findAPI(foreign), null, "a frame of another origin ends the search");
  assert.equal(scorm.findAPI({ API: { LMSInitialize: 1 }, parent: null }), null, "not an API");
});

test("suspend data round-trips the stored records and refuses what SCORM 1.2 cannot hold", () => {
  const store = { "dandelion:v1:quiz:q": "{\"best\":80}", "dandelion:v1:training:m": "{\"read\":[\"a\"]}" };
  assert.deepEqual(scorm.decodeSuspend(scorm.encodeSuspend(store)), store);
  assert.deepEqual(scorm.decodeSuspend("not json"), {});
  assert.deepEqual(scorm.decodeSuspend("[1,2]"), {});
  assert.deepEqual(scorm.decodeSuspend("{\"a\": 3, \"b\": \"x\"}"), { b: "x" });
  assert.equal(scorm.encodeSuspend({ k: "x".repeat(5000) }), null);
});

test("the LMS's name is written as people write it", () => {
  assert.equal(scorm.displayName("Li, Mei"), "Mei Li");
  assert.equal(scorm.displayName("王, 伟"), "王伟");
  assert.equal(scorm.displayName(" 欧阳娜娜 "), "欧阳娜娜");
  assert.equal(scorm.displayName("Li,"), "Li");
  assert.equal(scorm.displayName(undefined), "");
});

test("status, score and exit values", () => {
  assert.equal(scorm.launchStatus("not attempted"), "incomplete");
  assert.equal(scorm.launchStatus(""), "incomplete");
  assert.equal(scorm.launchStatus("passed"), null);
  assert.deepEqual(scorm.unitReport(true), [["cmi.core.lesson_status", "completed"]]);
  assert.deepEqual(scorm.quizReport(85, 80), [["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"],
    ["cmi.core.score.raw", "85"], ["cmi.core.lesson_status", "passed"]]);
  assert.equal(scorm.quizReport(79, 80)[3][1], "failed");
  assert.deepEqual(scorm.quizReport(null, 80), []);
  assert.equal(scorm.timespan(3723000), "0001:02:03");
  assert.equal(scorm.exitValue("incomplete"), "suspend");
  assert.equal(scorm.exitValue("passed"), "");
});

test("a unit SCO: initialise, incomplete, completed once read, commit and finish once", () => {
  const api = fakeAPI({ "cmi.core.student_name": "Li, Mei" });
  let now = 0;
  const info = { role: "unit", unit: "a", training: "m", prefix: "dandelion:v1:" };
  const session = scorm.createSession(api, info, () => now);
  assert.equal(session.start(), true);
  assert.equal(api.cmi["cmi.core.lesson_status"], "incomplete");
  assert.equal(session.name(), "Mei Li");
  session.backend.setItem("dandelion:v1:training:m", JSON.stringify({ read: ["a"], name: "Mei Li" }));
  assert.equal(api.cmi["cmi.core.lesson_status"], "completed");
  assert.deepEqual(JSON.parse(api.cmi["cmi.suspend_data"]), { "dandelion:v1:training:m": "{\"read\":[\"a\"],\"name\":\"Mei Li\"}" });
  now = 65000;
  session.finish();
  session.finish();
  const names = api.calls.map((c) => c[0]);
  assert.equal(names[0], "LMSInitialize");
  assert.equal(names.filter((n) => n === "LMSFinish").length, 1);
  assert.equal(names[names.length - 1], "LMSFinish");
  assert.equal(names[names.length - 2], "LMSCommit");
  assert.equal(api.cmi["cmi.core.exit"], "");
  assert.equal(api.cmi["cmi.core.session_time"], "0000:01:05");
});

test("a quiz SCO reports the best score and pass against the pass mark, and resumes from suspend data", () => {
  const stored = { "dandelion:v1:quiz:q": JSON.stringify({ attempts: 1, best: 40 }) };
  const api = fakeAPI({ "cmi.core.lesson_status": "failed", "cmi.suspend_data": JSON.stringify(stored) });
  const session = scorm.createSession(api, { role: "quiz", quiz: "q", training: "m", pass_mark: 80, prefix: "dandelion:v1:" });
  session.start();
  assert.equal(api.cmi["cmi.core.lesson_status"], "failed", "a later launch keeps the LMS's status");
  assert.equal(session.backend.getItem("dandelion:v1:quiz:q"), stored["dandelion:v1:quiz:q"]);
  session.backend.setItem("dandelion:v1:quiz:q", JSON.stringify({ attempts: 2, best: 90 }));
  session.quizFinished();
  assert.deepEqual([api.cmi["cmi.core.score.raw"], api.cmi["cmi.core.score.min"], api.cmi["cmi.core.score.max"],
    api.cmi["cmi.core.lesson_status"]], ["90", "0", "100", "passed"]);
});

test("without an LMS (initialise fails) nothing is sent", () => {
  const api = fakeAPI();
  api.LMSInitialize = () => "false";
  const session = scorm.createSession(api, { role: "unit" });
  assert.equal(session.start(), false);
  session.backend.setItem("k", "v");
  session.finish();
  assert.deepEqual(api.calls, []);
});
