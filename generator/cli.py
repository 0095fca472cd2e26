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
def check(project: Path, strict: bool) -> None:
    """Validate all content and print every problem as path:line:col."""
    from .loader import load_project

    result = load_project(project)
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


@main.group()
def results() -> None:
    """Training results that learners export from their browsers."""


@results.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The roster to write: .csv, or .xlsx for Excel.")
@click.option("--lang", default=None, help="Language of the roster's column headings (default: the site's default language).")
@click.option("--force", is_flag=True, help="Replace an existing --out file.")
@project_option
def results_merge(files: tuple[Path, ...], out: Path, lang: str | None, force: bool, project: Path) -> None:
    """Merge learners' exported result files (JSON or CSV) into one roster for the trainer."""
    from .results import ResultsError, merge_results, possible_duplicates, write_roster_csv, write_roster_xlsx

    if lang is None:
        lang = "zh"
        if (project / "site_config.yml").is_file():
            from .loader import load_config_only

            lang = load_config_only(project).default_language
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"--out must end in .csv or .xlsx, not {out.name}")
    _refuse_overwrite(out, project, force)
    if out.resolve() in {path.resolve() for path in files}:
        raise UsageError(f"--out {out} is one of the files to merge")
    try:
        rows = merge_results(files)
    except ResultsError as exc:
        raise DandelionError(str(exc)) from None
    writer = write_roster_xlsx if out.suffix.lower() == ".xlsx" else write_roster_csv
    for training, names in possible_duplicates(rows):
        click.secho(f"warning: {training}: {' / '.join(names)} differ only in spacing or case; they are kept as "
                    "different learners — if they are one person, correct the name in one file and merge again",
                    fg="yellow", err=True)
    writer(rows, out, lang=lang)
    click.echo(f"Wrote {len(rows)} learner record{'s' if len(rows) != 1 else ''} to {out}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
