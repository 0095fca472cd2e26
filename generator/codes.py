"""The stable codes of ``dandelion check``'s diagnostics (``--format json`` and docs/check-codes.md).

Tools around Dandelion (CI, an editor's problem matcher, a spreadsheet of open problems) filter and
count problems by code, so a code never changes meaning and is never reused: a new kind of problem
gets a new code, a withdrawn one stays listed as withdrawn. Each call site that reports a problem
names its code (``diagnostics.error(where, message, code="DL301")``); messages may be reworded freely.

Ranges: DL0xx project files, DL1xx YAML, DL2xx fields and item rules, DL3xx references, DL4xx media,
DL5xx markup, DL6xx privacy, DL7xx editing notes, DL8xx languages, DL9xx style.
"""

from __future__ import annotations

#: code → (name, what it reports). Append only; see the module docstring.
CODES: dict[str, tuple[str, str]] = {
    "DL000": ("unclassified", "a problem whose call site names no code (spreadsheet and quiz imports)"),
    "DL001": ("file-ignored", "a file in a content folder that does not end in .yml"),
    "DL002": ("outside-project", "a content file that links to a place outside the project folder"),
    "DL003": ("duplicate-id", "two items of one kind with the same id"),
    "DL004": ("no-id", "no id could be made from the file name"),
    "DL005": ("file-shape", "a file or entry that is not the map or list its kind needs"),
    "DL101": ("yaml-syntax", "YAML syntax error (including a full-width colon or a tab used for indentation)"),
    "DL102": ("yaml-encoding", "the file is not UTF-8 or holds a control character"),
    "DL103": ("unreadable-file", "the file cannot be read"),
    "DL104": ("yaml-unsupported", "YAML tags, merge keys (<<) or keys that are lists or maps"),
    "DL105": ("duplicate-key", "the same key twice in one map"),
    "DL106": ("yaml-limits", "a text, an alias expansion or a nesting depth over the limits"),
    "DL201": ("missing-field", "a required field is missing"),
    "DL202": ("unknown-key", "a key the format does not know (often a typo)"),
    "DL203": ("bad-choice", "a value that must be one of a fixed list (type, status …)"),
    "DL204": ("bad-form", "a value not in the expected form (id, address, pattern)"),
    "DL205": ("bad-value", "a value of the wrong kind, size or range, or an invalid date"),
    "DL206": ("item-rule", "a rule of one item alone (a quiz question's options, an example entry …)"),
    "DL207": ("config-rule", "a rule of site_config.yml that needs several fields (pinyin_overrides)"),
    "DL301": ("unknown-reference", "an id that names nothing (audience, region, lesson, quiz …)"),
    "DL302": ("listed-twice", "the same id listed twice in one field"),
    "DL303": ("bad-link", "an internal link to a missing section, or a #section on a link that takes none"),
    "DL304": ("unknown-article", "a law article that is not in content/laws.yml"),
    "DL305": ("unknown-section", "a quiz question's section that its lesson does not have"),
    "DL306": ("training-cycle", "training modules that come after each other in a circle"),
    "DL307": ("undeclared-topic", "a topic used while site_config.yml declares no topics"),
    "DL401": ("image-remote", "an image address on another host"),
    "DL402": ("image-outside", "an image path that leaves content/"),
    "DL403": ("image-missing", "an image file that does not exist"),
    "DL404": ("image-format", "an image that is not a web format"),
    "DL405": ("alt-missing", "an image or photo without alt text"),
    "DL406": ("photo-consent", "a photo not marked consent: true"),
    "DL407": ("image-unsafe", "a corrupt image, or an SVG with scripts, handlers or outside references"),
    "DL408": ("file-name", "a media file name with characters outside the safe set"),
    "DL501": ("unsafe-markup", "raw HTML, attribute lists, script links or Markdown images in a text"),
    "DL601": ("personal-data", "a phone, ID-card or bank card number or an e-mail address in a text"),
    "DL602": ("personal-data-phone", "a help centre's phone that is not listed in public_numbers"),
    "DL603": ("personal-data-file-name", "personal data in a media file name"),
    "DL604": ("name-near-drug-use", "what looks like a person's full name next to 吸毒/戒毒 in a photo's alt text or file name"),
    "DL701": ("editing-note", "an editing note (待核实, TODO, unverified …) in published text"),
    "DL801": ("unknown-language", "a text in a language the site does not have"),
    "DL802": ("supplier-missing", "an extra language's text without supplied_by"),
    "DL803": ("language-missing", "a text missing one of the site's languages"),
    "DL804": ("supplier-unknown", "supplied_by for a language that is not an extra language"),
    "DL901": ("list-indent", "a sub-list indented too little to nest"),
    "DL902": ("chinese-style", "Chinese punctuation and spacing"),
    "DL903": ("plain-language", "long sentences or hard words in a text for children"),
}
