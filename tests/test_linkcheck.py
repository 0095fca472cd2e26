"""generator.linkcheck: every internal link and anchor of a built site resolves."""

from __future__ import annotations

from pathlib import Path

from generator.linkcheck import check_links


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return tmp_path


def test_dead_pages_files_and_anchors_are_found(tmp_path: Path) -> None:
    out = site(tmp_path, {
        "zh/index.html": '<a href="lessons/a.html#intro">ok</a><a href="lessons/a.html#gone">x</a>'
                         '<a href="lessons/b.html">x</a><img src="../media/p.png"><a href="#top-of-page">x</a>'
                         '<a id="top-of-page"></a><a href="lessons/">dir</a><a href="/zh/index.html">abs</a>'
                         '<a href="../../outside.html">out</a><a href="https://example.org/x">ext</a>'
                         '<a href="mailto:a@b.c">m</a><a href="lessons/index.html#audience=primary">filter</a>'
                         '<a href="lessons/a.html#%E5%BC%80%E5%9C%BA">encoded</a>',
        "zh/lessons/a.html": '<h2 id="intro">Intro</h2><h2 id="开场">开场</h2>',
        "zh/lessons/index.html": "<p>catalogue</p>",
        "zh/404.html": '<link href="/site/zh/assets/x.css">',
    })
    (out / "media").mkdir()
    (out / "media" / "p.png").write_bytes(b"png")
    found = sorted(str(b) for b in check_links(out))
    assert found == [
        "zh/index.html: ../../outside.html (leaves the site folder)",
        "zh/index.html: /zh/index.html (an absolute path breaks when the site is opened from a folder or USB stick)",
        "zh/index.html: lessons/a.html#gone (no #gone on zh/lessons/a.html)",
        "zh/index.html: lessons/b.html (no such file)",
    ]


def test_a_built_site_has_no_broken_link(mini_site: Path, mini_site_lecturer: Path) -> None:
    assert check_links(mini_site) == []
    assert check_links(mini_site_lecturer) == []


def test_links_inside_scripts_comments_and_styles_are_not_links(tmp_path: Path) -> None:
    """The scan reads start tags, not the text of scripts, styles, text areas or comments; attribute values
    are read in every quoting style and with their character references."""
    out = site(tmp_path, {
        "index.html": '<script src="gone.js"></script>'
                      '<script>var s = "<a href=\'nowhere.html\'>";</script>'
                      '<style>a[href="missing.html"] { color: red }</style>'
                      '<!-- <a href="commented.html">old</a> -->'
                      '<textarea><a href="typed.html"></a></textarea>'
                      "<a href='single.html'>s</a><a href=bare.html>b</a>"
                      '<a href="page.html?x=1&amp;y=2#part&amp;more">entity</a>'
                      '<A HREF="upper.html">u</A><a name="old-anchor"></a><a href="#old-anchor">n</a>',
        "page.html": '<p id="part&more">x</p>',
    })
    broken = {link.url: link.reason for link in check_links(out)}
    assert broken == {"gone.js": "no such file", "single.html": "no such file", "bare.html": "no such file",
                      "upper.html": "no such file"}
