"""generator.scorm and `dandelion training export`: the SCORM 1.2 package's files and manifest.

The package running under a real SCORM runtime is tests/browser/test_scorm_lms.py.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from tests.test_results_checks import MINI

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}


def export(run_cli, out: Path, *extra: str) -> zipfile.ZipFile:
    result = run_cli("training", "export", "basics-module", "--format", "scorm12", "--out", out, "--project", MINI,
                     "--today", "2026-07-01", *extra)
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(out)


def test_manifest_lists_the_units_the_test_and_every_file(tmp_path, run_cli):
    archive = export(run_cli, tmp_path / "m.zip")
    names = archive.namelist()
    assert names[0] == "imsmanifest.xml"
    root = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    assert root.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
    assert root.find("cp:metadata/cp:schema", NS).text == "ADL SCORM"
    (organisation,) = root.findall("cp:organizations/cp:organization", NS)
    assert root.find("cp:organizations", NS).get("default") == organisation.get("identifier")
    assert organisation.find("cp:title", NS).text == "社工入门培训"
    items = organisation.findall("cp:item", NS)
    assert [i.find("cp:title", NS).text for i in items] == ["认识新型毒品", "远离毒品从小做起", "基础知识测验"]
    assert items[2].find("adlcp:masteryscore", NS).text == "80"
    resources = {r.get("identifier"): r for r in root.findall("cp:resources/cp:resource", NS)}
    hrefs = [resources[i.get("identifierref")].get("href") for i in items]
    assert hrefs == ["lessons/new-drugs.html", "lessons/first-steps.html", "quizzes/basics.html"]
    assert all(resources[i.get("identifierref")].get(f"{{{NS['adlcp']}}}scormtype") == "sco" for i in items)
    listed = {f.get("href") for r in resources.values() for f in r.findall("cp:file", NS)}
    assert listed == set(names), "every file in the zip is listed, and only those"
    for path in names:
        assert not path.startswith("/") and ".." not in path


def test_pages_load_only_what_the_package_holds(tmp_path, run_cli):
    archive = export(run_cli, tmp_path / "m.zip")
    names = set(archive.namelist())
    for name in names:
        text = archive.read(name).decode("utf-8", "replace")
        if name.endswith(".html"):
            for ref in re.findall(r'(?<![\w-])(?:src|href)="([^"]*)"', text):
                assert not re.match(r"^[a-z]+:|^//", ref), f"{name}: {ref}"
                target = (Path(name).parent / ref.split("#")[0]).as_posix()
                if ref.split("#")[0]:
                    from posixpath import normpath

                    assert normpath(target) in names, f"{name}: {ref}"
            assert "<a " not in text or all(h.startswith("#") for h in re.findall(r'<a [^>]*href="([^"]*)"', text))
            assert "scorm.js" in text.split("core.js")[0], "scorm.js loads before core.js"
        if name.endswith(".css"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), name
        if name.endswith(".js"):
            assert "fetch(" not in text and "XMLHttpRequest" not in text and "sendBeacon" not in text, name


def test_same_content_same_package_and_english_titles(tmp_path, run_cli):
    first = (tmp_path / "a.zip")
    export(run_cli, first)
    second = tmp_path / "b.zip"
    export(run_cli, second)
    assert first.read_bytes() == second.read_bytes()
    english = export(run_cli, tmp_path / "en.zip", "--lang", "en")
    root = ElementTree.fromstring(english.read("imsmanifest.xml"))
    assert root.find("cp:organizations/cp:organization/cp:title", NS).text == "Social-worker basics"
    assert '<html lang="en">' in english.read("quizzes/basics.html").decode()


def test_export_refuses_mistakes(tmp_path, run_cli):
    result = run_cli("training", "export", "basics-modul", "--format", "scorm12", "--out", tmp_path / "m.zip",
                     "--project", MINI)
    assert result.exit_code == 2 and "no training module 'basics-modul'" in result.stderr
    result = run_cli("training", "export", "basics-module", "--format", "scorm12", "--out", tmp_path / "m.tar",
                     "--project", MINI)
    assert result.exit_code == 2 and "must end in .zip" in result.stderr
    (tmp_path / "m.zip").write_text("keep me", encoding="utf-8")
    result = run_cli("training", "export", "basics-module", "--format", "scorm12", "--out", tmp_path / "m.zip",
                     "--project", MINI)
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert (tmp_path / "m.zip").read_text(encoding="utf-8") == "keep me"
    result = run_cli("training", "export", "basics-module", "--format", "scorm2004", "--out", tmp_path / "n.zip",
                     "--project", MINI)
    assert result.exit_code == 2
