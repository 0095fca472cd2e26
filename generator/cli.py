"""The ``dandelion`` command. Only this module knows about click; nothing imports it.

Exit codes: 0 success, 1 content errors (or a failed build), 2 usage errors, 3 an internal error
(a bug: run again with ``--debug`` for the traceback and report it).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ContentError, DandelionError, Diagnostics, UsageError

project_option = click.option(
    "--project",
    "project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="the current folder",
    help="The project folder: the one holding site_config.yml, content/ and quizzes/.",
)


class _Group(click.Group):
    """Turns Dandelion's errors into clean messages and exit codes."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            _print_diagnostics(exc.diagnostics)
            click.secho(f"Error: {exc}", fg="red", err=True)
            if ctx.obj and ctx.obj.get("debug"):
                raise
            ctx.exit(exc.exit_code)
        except DandelionError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.secho(f"Error: {exc}", fg="red", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except OSError as exc:  # the machine's problem (unreadable folder, full disk), not a bug: say which file
            if ctx.obj and ctx.obj.get("debug"):
                raise
            where = f" {exc.filename}" if exc.filename else ""
            click.secho(f"Error: cannot use{where}: {exc.strerror or exc}", fg="red", err=True)
            ctx.exit(1)
        except Exception as exc:  # a bug, not the user's fault
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.secho(f"Internal error: {type(exc).__name__}: {exc}", fg="red", err=True)
            click.echo("This is a bug in Dandelion. Run the command again with --debug and report the traceback.", err=True)
            ctx.exit(3)
        return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks (for developers).")
@click.version_option(__version__, prog_name="dandelion")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Dandelion (蒲公英): build the lecture group's bilingual site, print kits and training quizzes."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _refuse_overwrite(out: Path, project: Path, force: bool) -> None:
    """A report or export never replaces project content, and replaces another file only with ``--force``."""
    target = out.resolve()
    root = project.resolve()
    protected = [root / "site_config.yml", root / "content", root / "quizzes", root / "generator", root / "theme"]
    if any(target == place or target.is_relative_to(place) for place in protected):
        raise UsageError(f"--out {out} is part of the project's content: choose a file outside content/, quizzes/ "
                         "and site_config.yml")
    if target.is_dir():
        raise UsageError(f"--out {out} is a folder: give a file name")
    if target.exists() and not force:
        raise UsageError(f"{out} exists already: choose another --out or add --force to replace it")


def _print_diagnostics(diags: Diagnostics) -> None:
    for d in diags.sorted():
        click.secho(str(d), fg="red" if d.is_error else "yellow", err=True)


def _summary(diags: Diagnostics) -> str:
    e, w = len(diags.errors), len(diags.warnings)
    return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}"


@main.command()
@project_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: path:line:col lines on stderr; json: a JSON list of {path, line, column, severity, code, "
                   "message} on stdout (codes: docs/check-codes.md).")
def check(project: Path, strict: bool, fmt: str) -> None:
    """Validate all content and print every problem as path:line:col."""
    import json

    from .loader import load_project

    result = load_project(project)
    if fmt == "json":
        click.echo(json.dumps([d.as_dict() for d in result.diagnostics.sorted()], ensure_ascii=False, indent=2))
    else:
        _print_diagnostics(result.diagnostics)
    failed = bool(result.diagnostics.errors) or (strict and bool(result.diagnostics.warnings))
    click.secho(_summary(result.diagnostics), fg="red" if failed else "green", err=True)
    if failed:
        raise SystemExit(1)


@main.command()
@project_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: site/ in the project).")
@click.option("--edition", type=click.Choice(["public", "lecturer"]), default="public", show_default=True,
              help="public: no speaker notes; lecturer: notes, timings and kit links.")
@click.option("--kits/--no-kits", default=True, show_default=True,
              help="Also render the printable kits (--no-kits keeps the kits already built for this edition).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in Asia/Shanghai).")
@click.option("--quiet", "-q", is_flag=True,
              help="No progress and no messages, only problems and the result (progress shows only on a terminal).")
def build(project: Path, out: Path | None, edition: str, kits: bool, today: dt.datetime | None, quiet: bool) -> None:
    """Check the content, then build the bilingual static site (and the kits)."""
    from .incremental import up_to_date

    target, _stamp, previous = up_to_date(project, out=out, edition=edition, with_kits=kits,
                                          today=today.date() if today else None)
    if previous is not None:  # answered before the generator is even imported
        click.secho(f"Nothing changed since the last build: {target} is up to date ({previous.get('pages', 0)} pages)",
                    fg="green", err=True)
        return
    from .build import build as run_build
    from .progress import Progress, TerminalProgress

    progress = TerminalProgress() if not quiet and sys.stderr.isatty() else Progress()
    log = (lambda _msg: None) if quiet else (progress.log if isinstance(progress, TerminalProgress)
                                              else lambda msg: click.echo(msg, err=True))
    try:
        report = run_build(project, out=out, edition=edition, with_kits=kits, today=today.date() if today else None,
                           log=log, progress=progress)
    finally:
        progress.finish()
    _print_diagnostics(report.diagnostics)
    for warning in report.engine_warnings:
        click.secho(f"warning: site engine: {warning}", fg="yellow", err=True)
    for reminder in report.reminders:
        click.secho(f"reminder: {reminder}", fg="yellow", err=True)
    click.secho(f"Built {report.pages} pages in {report.out} ({_summary(report.diagnostics)})", fg="green", err=True)


@main.command()
@project_option
@click.option("--edition", type=click.Choice(["public", "lecturer"]), default="public", show_default=True,
              help="The edition to preview.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@click.option("--kits/--no-kits", default=False, show_default=True, help="Also render the printable kits.")
def serve(project: Path, edition: str, port: int, kits: bool) -> None:
    """Build, serve the site on 127.0.0.1, rebuild after every edit and reload the open page (Ctrl+C stops)."""
    import time

    from .build import build as run_build
    from .serve import Server

    try:
        server = Server(project, build=run_build, edition=edition, port=port, with_kits=kits,
                        log=lambda msg: click.echo(msg, err=True), build_log=lambda msg: click.echo(msg, err=True))
    except OSError as exc:
        raise UsageError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc} (try another --port)") from None
    server.start()
    click.secho(f"Serving {edition} edition on {server.url} (watching content, quizzes, theme and "
                "site_config.yml; Ctrl+C stops)", fg="green", err=True)
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        click.echo("Stopped.", err=True)


@main.command()
@project_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The site folder whose kits/ to replace (default: the edition's site folder).")
@click.option("--edition", type=click.Choice(["public", "lecturer"]), default="public", show_default=True,
              help="public: no lecturer's plans; lecturer: with plans and speaker notes.")
def kits(project: Path, out: Path | None, edition: str) -> None:
    """Check the content, then render the printable kits and posters only."""
    from .kits.cli_support import kits_only

    result = kits_only(project, out=out, edition=edition, log=lambda msg: click.echo(msg, err=True))
    _print_diagnostics(result.diagnostics)
    click.secho(f"Wrote {len(result.entries)} kit files into {result.out}/kits "
                f"({result.rendered} rendered, {result.cached} from the cache)", fg="green", err=True)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new, valid, buildable project folder in DIRECTORY."""
    from .scaffold import init_project

    created = init_project(directory)
    click.echo(f"Created a Dandelion project in {directory} ({len(created)} files).")
    click.echo(f"Next: dandelion check --project {directory} && dandelion build --project {directory}")


@main.command()
@project_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the schema files (default: schema/ in the project).")
def schema(project: Path, out: Path | None) -> None:
    """Write JSON Schema files for every content kind (for VS Code's YAML extension)."""
    from .schema import write_schemas

    target = out or (project / "schema")
    written = write_schemas(target)
    for path in written:
        click.echo(path)


@main.command()
@click.argument("text", nargs=-1, required=True)
@click.option(
    "--sandhi",
    is_flag=True,
    help="Mark the tone changes of 一 and 不 as school books do (一个 yí gè, 不要 bú yào); default: citation tones.",
)
@project_option
def pinyin(text: tuple[str, ...], sandhi: bool, project: Path) -> None:
    """Print the tone-marked pinyin of TEXT: one syllable per Han character, separated by spaces."""
    from .zh import Pinyin

    overrides: dict[str, str] = {}
    if (project / "site_config.yml").is_file():
        from .loader import load_config_only

        overrides = load_config_only(project).pinyin_overrides
    try:
        engine = Pinyin(overrides)
    except ValueError as exc:
        raise UsageError(f"pinyin_overrides in site_config.yml: {exc}") from None
    click.echo(engine.line(" ".join(text), sandhi=sandhi))


@main.group()
def quiz() -> None:
    """Exchange quizzes with Moodle (GIFT, Moodle XML) and Excel question banks."""


@quiz.command("export")
@click.argument("quiz_id")
@project_option
@click.option("--format", "fmt", type=click.Choice(["gift", "moodle-xml"]), required=True, help="Moodle GIFT or Moodle XML.")
@click.option("--lang", default=None, help="Language to export (default: the site's default language).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default: standard output).")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
def quiz_export(quiz_id: str, project: Path, fmt: str, lang: str | None, out: Path | None, force: bool) -> None:
    """Export quiz QUIZ_ID for import into Moodle."""
    from .interop import export_gift, export_moodle_xml
    from .loader import load_project
    from .validate import did_you_mean

    result = load_project(project)
    if result.diagnostics.errors or result.project is None:
        raise ContentError(result.diagnostics)
    proj = result.project
    if quiz_id not in proj.quizzes:
        raise UsageError(f"no quiz '{quiz_id}' in {project / 'quizzes'}{did_you_mean(quiz_id, proj.quizzes.keys())}")
    if lang is not None and lang not in proj.languages:
        raise UsageError(f"--lang {lang}: the site's languages are {', '.join(proj.languages)}")
    if out is not None:
        _refuse_overwrite(out, project, force)
    exporter = export_gift if fmt == "gift" else export_moodle_xml
    exported = exporter(proj.quizzes[quiz_id], lang=lang, default_lang=proj.config.default_language)
    for warning in exported.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    if out is None:
        click.echo(exported.text, nl=False)
    else:
        out.write_text(exported.text, encoding="utf-8")
        click.echo(f"Wrote {out}", err=True)


@quiz.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@project_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Quiz file to write (default: quizzes/<id>.yml in the project).")
@click.option("--force", is_flag=True, help="Replace an existing quiz file.")
def quiz_import(file: Path, project: Path, out: Path | None, force: bool) -> None:
    """Turn a GIFT file or an Excel question bank (.xlsx) into a quiz YAML file."""
    from .interop import import_file

    default_lang, languages = "zh", ["zh", "en"]
    if (project / "site_config.yml").is_file():
        from .loader import load_config_only

        config = load_config_only(project)
        default_lang, languages = config.default_language, config.languages
    imported = import_file(file, default_lang=default_lang, languages=languages)
    for warning in imported.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    target = out or (project / "quizzes" / f"{imported.quiz_id}.yml")
    if target.exists() and not force:
        raise UsageError(f"{target} exists already: choose another --out or add --force")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.yaml_text, encoding="utf-8")
    click.echo(f"Wrote {imported.question_count} questions to {target}; run `dandelion check` next.", err=True)


def _load_for_output(project: Path):  # type: ignore[no-untyped-def]
    """The checked project for a command that writes a table or report (content errors stop it)."""
    from .loader import load_checked

    loaded = load_checked(project)
    _print_diagnostics(loaded.diagnostics)
    return loaded.project


def _remind_overdue(project_model, year: int | None = None) -> None:  # type: ignore[no-untyped-def]
    """List events whose date has passed but that are still planned (a reminder, not a check warning)."""
    from .clock import build_date
    from .outreach.stats import overdue

    for event in overdue(project_model, build_date()):
        if year is None or event.date.year == year:
            click.secho(f"reminder: {event.date} {event.id}: the date has passed but the status is still 'planned'"
                        " (set it to done with a report, or cancelled)", fg="yellow", err=True)


@main.command()
@project_option
@click.option("--year", type=int, default=None, help="The year to count (default: this year, see build --today).")
@click.option("--by", "by", type=click.Choice(["region", "setting", "audience", "month", "lesson"]), required=True,
              help="What one row is.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default=None,
              help="Table format (default: from the --out file's ending, else csv).")
@click.option("--lang", default=None, help="Language of the labels (default: the site's default language).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The file to write (default: print CSV or JSON to the screen).")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
def stats(project: Path, year: int | None, by: str, fmt: str | None, lang: str | None, out: Path | None,
          force: bool) -> None:
    """Count the year's talks (events that took place) and people reached, per region, setting, audience,
    month or lesson. Columns: <by>,talks,people,label; every region declared in site_config.yml has a row."""
    from .clock import build_date
    from .outreach.stats import table_bytes, tally

    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out else ""
        fmt = suffix if suffix in ("csv", "xlsx", "json") else "csv"
    if fmt == "xlsx" and out is None:
        raise UsageError("an Excel table needs a file: add --out stats.xlsx")
    if out is not None:
        _refuse_overwrite(out, project, force)
    model = _load_for_output(project)
    lang = lang or model.config.default_language
    if lang not in model.config.languages:
        raise UsageError(f"--lang {lang}: the site's languages are {', '.join(model.config.languages)}")
    year = year or build_date().year
    data = table_bytes(tally(model, year, by, lang), by=by, year=year, fmt=fmt, lang=lang)
    _remind_overdue(model, year)
    if out is None:
        click.echo(data.decode("utf-8").lstrip("\ufeff"), nl=False)
    else:
        out.write_bytes(data)
        click.echo(f"Wrote the {year} figures by {by} to {out}", err=True)


@main.command()
@project_option
@click.option("--year", type=int, required=True, help="The year the report covers.")
@click.option("--lang", default=None, help="Language of the report (default: the site's default language).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The PDF to write.")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
def report(project: Path, year: int, lang: str | None, out: Path, force: bool) -> None:
    """Write the year's outreach report for the provincial office as an A4 PDF: totals, charts and
    tables, events by region with partners, photos published with consent."""
    from .outreach.report import render_report

    _refuse_overwrite(out, project, force)
    model = _load_for_output(project)
    lang = lang or model.config.default_language
    if lang not in model.config.languages:
        raise UsageError(f"--lang {lang}: the site's languages are {', '.join(model.config.languages)}")
    _remind_overdue(model, year)
    result = render_report(model, year, lang)
    out.write_bytes(result.data)
    click.echo(f"Wrote the {year} report to {out} ({result.pages} pages)", err=True)


@main.group()
def new() -> None:
    """Start a new event or lesson file: asks for what is missing, checks it as `dandelion check` does."""


def _ask(value: str | None, question: str, *, required: bool = True, choices: list[str] | None = None,
         interactive: bool = True) -> str | None:
    """The flag's value, else the editor's answer (an empty answer leaves an optional field out).

    Not ``interactive`` (the required fields came as flags): optional fields not given are left out."""
    if value is not None:
        return value
    if not required and not interactive:
        return None
    if choices:
        question += f" ({', '.join(choices)})"
    answer = click.prompt(question, default=None if required else "", show_default=False)
    return answer.strip() or None


def _ids(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").replace("，", ",").split(",") if part.strip()]


def _report_written(written, what: str) -> None:  # type: ignore[no-untyped-def]
    _print_diagnostics(written.diagnostics)
    if written.path is None:
        raise DandelionError(f"the new {what} was not written: correct the answers above and run the command again")
    click.echo(f"Wrote {written.path}; check it with `dandelion check`, then build.")


@new.command("event")
@project_option
@click.option("--title-zh", default=None, help="Title in Chinese.")
@click.option("--title-en", default=None, help="Title in English.")
@click.option("--date", "date_text", default=None, help="YYYY-MM-DD.")
@click.option("--start", default=None, help="HH:MM (leave out for an all-day event).")
@click.option("--end", default=None, help="HH:MM.")
@click.option("--region", default=None, help="A region id from site_config.yml.")
@click.option("--setting", default=None, help="A setting id from site_config.yml.")
@click.option("--venue-zh", default=None, help="Venue in Chinese (an example venue is marked 示例).")
@click.option("--venue-en", default=None, help="Venue in English.")
@click.option("--audiences", default=None, help="Audience ids, separated by commas.")
@click.option("--lessons", default=None, help="Lesson ids, separated by commas.")
@click.option("--lecturers", default=None, help="Lecturer ids, separated by commas.")
@click.option("--partner", "partners", multiple=True, help="A partner as '中文名|English name' (repeat for more).")
@click.option("--expected", type=int, default=None, help="Expected attendance.")
@click.option("--status", type=click.Choice(["planned", "done", "cancelled"]), default="planned", show_default=True)
@click.option("--slug", default=None, help="The file name's part after the date (default: from the title).")
def new_event(project: Path, title_zh: str | None, title_en: str | None, date_text: str | None, start: str | None,
              end: str | None, region: str | None, setting: str | None, venue_zh: str | None, venue_en: str | None,
              audiences: str | None, lessons: str | None, lecturers: str | None, partners: tuple[str, ...],
              expected: int | None, status: str, slug: str | None) -> None:
    """Write content/events/YYYY-MM-DD-<slug>.yml from the flags, asking for what is missing."""
    from .loader import load_config_only
    from .outreach import new as make

    config = load_config_only(project)
    asking = all(value is None for value in (title_zh, date_text, region, setting, venue_zh))
    title_zh = _ask(title_zh, "标题（中文） / title in Chinese")
    title_en = _ask(title_en, "title in English", required=False, interactive=asking)
    date_text = _ask(date_text, "date YYYY-MM-DD")
    try:
        date = dt.date.fromisoformat(date_text or "")
    except ValueError:
        raise UsageError(f"--date {date_text}: write a real date as YYYY-MM-DD, like 2026-06-26") from None
    if start is None and end is None and asking:
        start = _ask(None, "start HH:MM (empty: all day)", required=False)
        end = _ask(None, "end HH:MM", required=False) if start else None
    region = _ask(region, "region", choices=list(config.regions))
    setting = _ask(setting, "setting", choices=list(config.settings))
    venue_zh = _ask(venue_zh, "地点（中文） / venue in Chinese")
    venue_en = _ask(venue_en, "venue in English", required=False, interactive=asking)
    audiences = _ask(audiences, "audiences, separated by commas", required=False, choices=list(config.audiences),
                     interactive=asking)
    lessons = _ask(lessons, "lessons given, separated by commas", required=False, interactive=asking)
    lecturers = _ask(lecturers, "lecturers, separated by commas", required=False, interactive=asking)
    partner_texts = []
    for partner in partners:
        zh, _, en = partner.partition("|")
        partner_texts.append(make.text(zh, en) or {})
    document = make.event_document(
        title=make.text(title_zh, title_en) or {}, date=date, start=start, end=end, region=region or "",
        setting=setting or "", venue=make.text(venue_zh, venue_en) or {}, audiences=_ids(audiences),
        lessons=_ids(lessons), lecturers=_ids(lecturers), partners=[p for p in partner_texts if p], status=status,
        expected_attendance=expected, description=None)
    name = make.event_file_name(date, slug or make.make_slug(title_en, title_zh))
    _report_written(make.write_checked(project, f"content/events/{name}", document), "event")


@new.command("lesson")
@project_option
@click.option("--title-zh", default=None, help="Title in Chinese.")
@click.option("--title-en", default=None, help="Title in English.")
@click.option("--audiences", default=None, help="Audience ids, separated by commas.")
@click.option("--settings", "settings_text", default=None, help="Setting ids, separated by commas.")
@click.option("--duration", type=int, default=None, help="Length in minutes.")
@click.option("--section-zh", default=None, help="The first section's title in Chinese.")
@click.option("--section-en", default=None, help="The first section's title in English.")
@click.option("--body-zh", default=None, help="The first section's text in Chinese (Markdown).")
@click.option("--body-en", default=None, help="The first section's text in English (Markdown).")
@click.option("--slug", default=None, help="The file name (default: from the title).")
def new_lesson(project: Path, title_zh: str | None, title_en: str | None, audiences: str | None,
               settings_text: str | None, duration: int | None, section_zh: str | None, section_en: str | None,
               body_zh: str | None, body_en: str | None, slug: str | None) -> None:
    """Write content/lessons/<slug>.yml from the flags, asking for what is missing."""
    from .loader import load_config_only
    from .outreach import new as make

    config = load_config_only(project)
    asking = all(value is None for value in (title_zh, audiences, settings_text, section_zh, body_zh))
    title_zh = _ask(title_zh, "标题（中文） / title in Chinese")
    title_en = _ask(title_en, "title in English", required=False, interactive=asking)
    audiences = _ask(audiences, "audiences, separated by commas", choices=list(config.audiences))
    settings_text = _ask(settings_text, "settings, separated by commas", choices=list(config.settings))
    if duration is None:
        duration = click.prompt("length in minutes", type=int)
    section_zh = _ask(section_zh, "第一节标题 / first section title in Chinese")
    section_en = _ask(section_en, "first section title in English", required=False, interactive=asking)
    body_zh = _ask(body_zh, "第一节内容 / first section text in Chinese")
    body_en = _ask(body_en, "first section text in English", required=False, interactive=asking)
    document = make.lesson_document(
        title=make.text(title_zh, title_en) or {}, summary=None, audiences=_ids(audiences), settings=_ids(settings_text),
        duration_minutes=duration, section_title=make.text(section_zh, section_en) or {},
        section_body=make.text(body_zh, body_en) or {})
    name = f"{slug or make.make_slug(title_en, title_zh)}.yml"
    _report_written(make.write_checked(project, f"content/lessons/{name}", document), "lesson")


@main.group()
def results() -> None:
    """Training results that learners export from their browsers."""


@results.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The roster to write: .csv, or .xlsx for Excel.")
@click.option("--lang", default=None, help="Language of the roster's columns, dates and flags (default: the site's default language).")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
@project_option
def results_merge(files: tuple[Path, ...], out: Path, lang: str | None, force: bool, project: Path) -> None:
    """Merge learners' exported result files (JSON or CSV) into one roster, re-scoring every answer
    against the project's quizzes and flagging records that do not match."""
    from .loader import load_checked
    from .results import merge, possible_duplicates, write_roster_csv, write_roster_xlsx

    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"--out must end in .csv or .xlsx, not {out.name}")
    _refuse_overwrite(out, project, force)
    if out.resolve() in {path.resolve() for path in files}:
        raise UsageError(f"--out {out} is one of the files to merge")
    proj = load_checked(project).project
    lang = _language(proj, lang)
    merged = merge(files, proj)
    for problem in merged.skipped:
        click.secho(f"warning: skipped {problem}", fg="yellow", err=True)
    for kept, dropped in merged.folded:
        click.secho(f"note: {kept.row.training}: {dropped.row.name} in {Path(dropped.row.source).name} folded into the "
                    f"record from {Path(kept.row.source).name} (same learner, best record kept)", err=True)
    for training, names in possible_duplicates(c.row for c in merged.records):
        click.secho(f"warning: {training}: {' / '.join(names)} differ only in spacing or case; they are kept as "
                    "different learners — if they are one person, correct the name in one file and merge again",
                    fg="yellow", err=True)
    for record in merged.records:
        if record.flagged:
            click.secho(f"flagged: {record.row.name} ({record.row.training}, {Path(record.row.source).name}): "
                        f"{record.flag_text('en')}", fg="yellow", err=True)
    writer = write_roster_xlsx if out.suffix.lower() == ".xlsx" else write_roster_csv
    writer(merged.records, out, lang=lang)
    count = len(merged.records)
    counts = merged.flag_counts()
    detail = f" ({', '.join(f'{code} {n}' for code, n in sorted(counts.items()))})" if counts else ""
    click.echo(f"Wrote {count} learner record{'s' if count != 1 else ''} to {out}: {merged.flagged} flagged{detail}, "
               f"{len(merged.skipped)} file{'s' if len(merged.skipped) != 1 else ''} skipped, "
               f"{len(merged.folded)} duplicate{'s' if len(merged.folded) != 1 else ''} folded")


def _language(project: object, lang: str | None) -> str:
    """``--lang`` checked against the project's languages, else its default language."""
    languages = project.languages  # type: ignore[attr-defined]
    if lang is None:
        return languages[0]
    if lang not in languages:
        raise UsageError(f"--lang {lang}: the site's languages are {', '.join(languages)}")
    return lang


@main.command()
@click.argument("roster", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--module", "module_id", required=True, help="The training module whose certificates to issue.")
@click.option("--lang", default=None, help="Language of the certificates and register (default: the site's default language).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the PDFs and the register of numbers issued (register.csv, register.xlsx).")
@click.option("--include-flagged", is_flag=True, help="Also issue to learners whose records the merge flagged.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The issue date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in Asia/Shanghai).")
@project_option
def certificates(roster: Path, module_id: str, lang: str | None, out: Path, include_flagged: bool,
                 today: dt.datetime | None, project: Path) -> None:
    """Issue numbered A4 certificates to the learners of ROSTER (from `results merge`) who earned the
    module's hours, and keep the register of numbers issued in --out."""
    from .certificates import issue_certificates
    from .clock import build_date
    from .loader import load_checked

    proj = load_checked(project).project
    lang = _language(proj, lang)
    target = out.resolve()
    if any(target == place or target.is_relative_to(place)
           for place in (project.resolve() / "content", project.resolve() / "quizzes")):
        raise UsageError(f"--out {out} is part of the project's content: choose a folder outside it")
    report = issue_certificates(proj, roster, module_id, out, lang=lang, today=today.date() if today else build_date(),
                                include_flagged=include_flagged, log=lambda msg: click.echo(msg, err=True))
    for reason in report.skipped:
        click.secho(f"not issued: {reason}", fg="yellow", err=True)
    for issue in report.kept:
        click.echo(f"already issued: {issue.number} {issue.name} (kept; numbers are never issued twice)", err=True)
    click.echo(f"Issued {len(report.issued)} certificate{'s' if len(report.issued) != 1 else ''} into {out} "
               f"({len(report.kept)} already in the register, {len(report.skipped)} not eligible); "
               f"register: {out / 'register.csv'}")


@main.group()
def training() -> None:
    """Training modules for a learning management system (LMS)."""


@training.command("export")
@click.argument("module_id")
@click.option("--format", "fmt", type=click.Choice(["scorm12"]), required=True, help="scorm12: a SCORM 1.2 package (Moodle).")
@click.option("--lang", default=None, help="Language of the package (default: the site's default language).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .zip file to write.")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The date pages are rendered for, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in Asia/Shanghai).")
@project_option
def training_export(module_id: str, fmt: str, lang: str | None, out: Path, force: bool, today: dt.datetime | None,
                    project: Path) -> None:
    """Export training module MODULE_ID as a package to import into an LMS (see docs/scorm.md)."""
    from .clock import build_date
    from .loader import load_checked
    from .scorm import build_package, write_zip
    from .validate import did_you_mean

    proj = load_checked(project).project
    if module_id not in proj.training:
        raise UsageError(f"no training module '{module_id}' in the project{did_you_mean(module_id, proj.training.keys())}")
    lang = _language(proj, lang)
    if out.suffix.lower() != ".zip":
        raise UsageError(f"--out must end in .zip, not {out.name}")
    _refuse_overwrite(out, project, force)
    package = build_package(proj, module_id, lang, today=today.date() if today else build_date())
    out.write_bytes(write_zip(package))
    click.echo(f"Wrote {out} ({fmt}, {len(package.files)} files); import it into the LMS as a SCORM package", err=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
