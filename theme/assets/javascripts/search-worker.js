/*
 * Dandelion's search worker: answers MkDocs Material's search box (its worker messages: 0 setup, 1 ready,
 * 2 query, 3 result) from the sharded index in <lang>/search/ (generator/site/search_index.py).
 *
 * The build writes search-core.js followed by this file in place of Material's worker script, so the
 * search box, keyboard and result list stay Material's. Nothing is loaded before the first query; then
 * meta.js, the term shards the query needs, and the section chunks of the results shown. Runs as a real
 * Worker over http and inside file-worker.js's iframe from file:// (where importScripts returns a
 * promise instead of loading synchronously; both are handled).
 */
(function () {
  "use strict";
  var core = self.dlSearchCore;
  // This script is <lang>/assets/javascripts/workers/search.*.js; index files are absolute addresses, because
  // inside an iframe (file://) a relative one would be read against the page, not this script.
  var here = (self.document && self.document.currentScript && self.document.currentScript.src) || self.location.href;
  var BASE = new URL("../../../search/", here).href;
  var store = {
    meta: null,
    t: {},
    d: {},
    add: function (kind, name, data) {
      if (kind === "meta") {
        this.meta = data;
      } else {
        this[kind][name] = data;
      }
    },
  };
  self.__dlSearch = store;
  var latest = 0;

  function load(names) {
    var missing = names.filter(function (name) {
      var kind = name.charAt(0);
      var key = name.slice(2, -3);
      return name === "meta.js" ? store.meta === null : !(key in store[kind]);
    });
    if (!missing.length) {
      return Promise.resolve();
    }
    try {
      return Promise.resolve(self.importScripts.apply(self, missing.map(function (name) { return BASE + name; })));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function search(query) {
    var queryPlan = core.plan(query);
    if (!queryPlan.alternatives.length) {
      return Promise.resolve([]);
    }
    return load(["meta.js"]).then(function () {
      var meta = store.meta;
      var wanted = core.shardsFor(queryPlan, meta.han_shards).filter(function (name) {
        return meta.shards.indexOf(name) >= 0;
      });
      return load(wanted.map(function (name) { return "t-" + name + ".js"; })).then(function () {
        var groups = core.group(core.score(queryPlan, store.t, meta), meta);
        var sections = [];
        groups.forEach(function (entry) {
          sections.push(entry.first);
          entry.sections.forEach(function (pair) { sections.push(pair[0]); });
        });
        var chunks = core.chunksFor(sections, meta.chunk);
        return load(chunks.map(function (n) { return "d-" + n + ".js"; })).then(function () {
          return groups.map(function (entry) { return items(entry, queryPlan.needles, meta.chunk); });
        });
      });
    });
  }

  function section(number, chunk) {
    return store.d[Math.floor(number / chunk)][number % chunk];
  }

  function items(entry, needles, chunk) {
    var terms = {};
    needles.forEach(function (needle) { terms[needle] = true; });
    var list = entry.sections.slice();
    if (!list.some(function (pair) { return pair[0] === entry.first; })) {
      list.unshift([entry.first, 0]);
    } else {
      list.sort(function (a, b) { return (a[0] === entry.first ? -1 : 0) - (b[0] === entry.first ? -1 : 0); });
    }
    return list.map(function (pair) {
      var row = section(pair[0], chunk);
      return {
        location: row[0], title: core.highlight(row[1], needles), text: core.snippet(row[2], needles, 160),
        score: pair[1], terms: terms,
      };
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === 0) {
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      var ticket = ++latest;
      search(String(message.data || "")).then(function (found) {
        if (ticket === latest) {
          self.postMessage({ type: 3, data: { items: found } });
        }
      }, function (error) {
        if (ticket === latest) {
          self.postMessage({ type: 3, data: { items: [] } });
        }
        setTimeout(function () { throw error; });
      });
    }
  });
})();
