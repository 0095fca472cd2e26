/*
 * Dandelion's site search, pure part: how a query is cut into terms, which index shards it needs, how
 * sections are scored and grouped by page, and how a result is highlighted. No I/O here: the worker
 * (search-worker.js) loads the files, Node's unit tests (tests/js/search.test.js) call these functions.
 *
 * The index (generator/site/search_index.py) stores Chinese as pairs of characters and other text as
 * lower-case words; the cutting rules below are the same as that module's `terms` (a test compares them).
 */
(function (root) {
  "use strict";

  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var TOKEN = new RegExp("[" + HAN + "]+|[0-9a-z\u00c0-\u024f]+", "g");
  var HAN_RUN = new RegExp("^[" + HAN + "]+$");
  var INVISIBLE = /[\u200b\u200c\u200d\u00ad\ufeff]/g;
  var MAX_GROUPS = 20;
  var MAX_SECTIONS = 8;

  function normalise(text) {
    return String(text).normalize("NFKC").replace(INVISIBLE, "").toLowerCase();
  }

  function tokens(text) {
    return normalise(text).match(TOKEN) || [];
  }

  function pairs(run) {
    if (run.length === 1) {
      return [run];
    }
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) {
      out.push(run.slice(i, i + 2));
    }
    return out;
  }

  /** The terms of a text, as the index stores them (search_index.terms). */
  function terms(text) {
    var out = [];
    tokens(text).forEach(function (token) {
      out = out.concat(HAN_RUN.test(token) ? pairs(token) : [token]);
    });
    return out;
  }

  function shardOf(term, hanShards) {
    var first = term.charAt(0);
    if (/^[0-9a-z]$/.test(first)) {
      return first;
    }
    return "u" + (first.codePointAt(0) % hanShards);
  }

  /**
   * What to look up for a query: a list of alternatives, each a list of {term, prefix}. Every term of an
   * alternative must occur in a section. A lone Chinese character and the last word are prefixes (the
   * reader is still typing); spaced letters are also tried squeezed ("bing du" → "bingdu").
   */
  function plan(query) {
    var words = tokens(query);
    if (!words.length) {
      return { alternatives: [], needles: [] };
    }
    var alternative = [];
    words.forEach(function (word, index) {
      if (HAN_RUN.test(word)) {
        pairs(word).forEach(function (pair) {
          alternative.push({ term: pair, prefix: pair.length === 1 });
        });
      } else {
        alternative.push({ term: word, prefix: index === words.length - 1 });
      }
    });
    var alternatives = [alternative];
    if (words.length > 1 && words.every(function (w) { return /^[a-z]+$/.test(w); })) {
      alternatives.push([{ term: words.join(""), prefix: true }]);
    }
    return { alternatives: alternatives, needles: words };
  }

  /** The shard names a plan needs. */
  function shardsFor(queryPlan, hanShards) {
    var seen = {};
    queryPlan.alternatives.forEach(function (alternative) {
      alternative.forEach(function (part) {
        seen[shardOf(part.term, hanShards)] = true;
      });
    });
    return Object.keys(seen).sort();
  }

  /** section → weight for one query term; a prefix match counts half an exact one. */
  function postingsFor(part, shard) {
    var found = {};
    function addAll(list, factor) {
      for (var i = 0; i + 1 < list.length; i += 2) {
        var weight = list[i + 1] * factor;
        if (!(found[list[i]] >= weight)) {
          found[list[i]] = weight;
        }
      }
    }
    if (!shard) {
      return found;
    }
    if (Object.prototype.hasOwnProperty.call(shard, part.term)) {
      addAll(shard[part.term], 1);
    }
    if (part.prefix) {
      Object.keys(shard).forEach(function (term) {
        if (term !== part.term && term.lastIndexOf(part.term, 0) === 0) {
          addAll(shard[term], 0.5);
        }
      });
    }
    return found;
  }

  /**
   * Scores of the sections matching every term of some alternative: {section: score}. A term's weight
   * (its count, title words count five times) is multiplied by its rarity, log(1 + sections / matches).
   */
  function score(queryPlan, shards, meta) {
    var scores = {};
    queryPlan.alternatives.forEach(function (alternative) {
      var partial = null;
      alternative.forEach(function (part) {
        var found = postingsFor(part, shards[shardOf(part.term, meta.han_shards)]);
        var matches = Object.keys(found);
        var rarity = Math.log(1 + meta.sections / Math.max(1, matches.length));
        var next = {};
        matches.forEach(function (section) {
          if (partial === null || section in partial) {
            next[section] = (partial === null ? 0 : partial[section]) + found[section] * rarity;
          }
        });
        partial = next;
      });
      Object.keys(partial || {}).forEach(function (section) {
        if (!(scores[section] >= partial[section])) {
          scores[section] = partial[section];
        }
      });
    });
    return scores;
  }

  /** The page (index into meta.pages) a section belongs to. */
  function pageOf(section, pageStarts) {
    var low = 0;
    var high = pageStarts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (pageStarts[middle] <= section) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /**
   * Results grouped by page, best page first: [{page, first, sections: [[section, score] …]}]. `first`
   * is the page's own section (Material's result list needs it in every group, score 0 when only a
   * later section matched).
   */
  function group(scores, meta) {
    var pages = {};
    Object.keys(scores).forEach(function (key) {
      var section = Number(key);
      var page = pageOf(section, meta.pages);
      var entry = pages[page] || (pages[page] = { page: page, first: meta.pages[page], best: 0, sections: [] });
      entry.sections.push([section, scores[key]]);
      entry.best = Math.max(entry.best, scores[key]);
    });
    return Object.keys(pages).map(function (key) { return pages[key]; })
      .sort(function (a, b) { return b.best - a.best || a.page - b.page; })
      .slice(0, MAX_GROUPS)
      .map(function (entry) {
        entry.sections.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        entry.sections = entry.sections.slice(0, MAX_SECTIONS);
        return entry;
      });
  }

  /** The d-<chunk>.js files holding the given sections. */
  function chunksFor(sections, chunk) {
    var seen = {};
    sections.forEach(function (section) { seen[Math.floor(section / chunk)] = true; });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function needlePattern(needles) {
    var usable = needles.filter(function (n) { return n.length > 0; })
      .sort(function (a, b) { return b.length - a.length; });
    return usable.length ? new RegExp("(" + usable.map(escapeRegExp).join("|") + ")", "gi") : null;
  }

  /** HTML of `text` with the needles marked (text is escaped first). */
  function highlight(text, needles) {
    var pattern = needlePattern(needles);
    var safe = escapeHtml(text);
    return pattern ? safe.replace(pattern, "<mark data-md-highlight>$1</mark>") : safe;
  }

  /** A window of `text` around the first needle (about `length` characters), marked. */
  function snippet(text, needles, length) {
    var size = length || 160;
    var pattern = needlePattern(needles);
    var start = 0;
    if (pattern) {
      var match = pattern.exec(text);
      if (match) {
        start = Math.max(0, match.index - Math.floor(size / 4));
      }
    }
    var piece = text.slice(start, start + size);
    return (start > 0 ? "…" : "") + highlight(piece, needles) + (start + size < text.length ? "…" : "");
  }

  var api = {
    normalise: normalise, terms: terms, shardOf: shardOf, plan: plan, shardsFor: shardsFor, score: score,
    pageOf: pageOf, group: group, chunksFor: chunksFor, highlight: highlight, snippet: snippet,
  };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.dlSearchCore = api;
  }
})(typeof self !== "undefined" ? self : this);
