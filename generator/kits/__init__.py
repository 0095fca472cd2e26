"""Printable outreach kits and posters: ``dandelion kits`` and the kits step of ``dandelion build``.

From the same content as the site, for every language of the site:

* per lesson and per setting it suits (``kits/<lang>/lessons/<lesson>/<setting>/``): the lecturer's plan
  (lecturer edition only: it holds the speaker notes), a one-page outline for the lecturer's pocket (timed
  parts, key points, slogans; notes in brief in the lecturer edition), the audience handout (1–2 pages), the quiz
  worksheet and its answer key (when the lesson has a quiz), a sign-in sheet and a feedback form;
* per event (``kits/<lang>/events/<event>/``): an A3 poster as a 300 dpi PNG and as a print PDF with
  3 mm bleed and crop marks, a 1080×1080 share image for WeChat groups, a certificate of participation,
  and a sign-in sheet and feedback form filled in with the event's date, time and venue. Cancelled events
  get none;
* a whole-kit zip of each of those sets (:mod:`.zips`), for one download.

Village settings (id ``village`` or with a ``village`` part) get the village edition: large type, pictures
first, pinyin over key points and slogans, extra-language text (e.g. Hlai) beside the Chinese.

Which files there are, and where they go, is decided by the plan (``generator.plan``: ``plan.kits``);
this package renders them. Every run writes ``kits/manifest.json`` (see :mod:`.manifest`). Rendered files
are cached by a hash of their inputs (see :mod:`.cache`). Entry points: :func:`render_kits` (the kits step
of ``build``) and :func:`generator.kits.cli_support.kits_only` (``dandelion kits``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model
from ..i18n import catalogue, is_chinese, time_range
from ..media import prepare_media
from ..plan import WHOLE_KIT, KitFile, Plan
from ..writer import OutputWriter
from . import manifest as mf
from .cache import MAX_AGE_DAYS, KitCache, code_fingerprint, file_digest, make_key
from .documents import HANDOUT_LEVELS, HANDOUT_MAX_PAGES, OUTLINE_LEVELS, SIGN_IN_ROWS, Documents, is_village, page_url
from .fonts import HARFBUZZ_WARNING, KitFonts, find_fonts, harfbuzz_subset_missing, subset_fonts
from .manifest import read_manifest
from .subset import prune as prune_fonts
from .subset import shared_folder as shared_font_folder
from .zips import whole_kit_zip

__all__ = ["KitsResult", "read_manifest", "render_kits"]

Log = Callable[[str], None]
OWNER = "kits"
CACHE_DIR = ".dandelion-cache/kits"
#: The kits' pre-subset fonts (:mod:`.subset`).
FONT_CACHE_DIR = ".dandelion-cache/fonts"


@dataclass
class _Job:
    """One kit file of the plan and how to render it.

    ``task`` is called only when needed and returns a picklable task (see :mod:`.tasks`); its content is
    also what the cache key hashes, together with ``assets`` (image files the document shows).
    """

    file: KitFile
    task: Callable[[], tuple[Any, ...]]
    assets: list[Path] = field(default_factory=list)


@dataclass
class KitsResult:
    """What a kits run did: the manifest entries it wrote, counts and warnings."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    #: wall seconds of the rendering itself (the part that runs in worker processes)
    rendering_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def render_kits(
    project: model.Project, plan: Plan, writer: OutputWriter, *, log: Log = lambda _m: None, use_cache: bool = True,
    workers: int | None = None, tick: Callable[[int], None] = lambda _n: None,
) -> KitsResult:
    """Render the kit files ``plan.kits`` lists into ``writer`` and write ``kits/manifest.json``.

    ``workers``: processes for rendering what is not cached (default: the CPU count, at most 4; 1 renders
    in this process). ``tick(n)``: ``n`` more files are ready (for a progress display).
    """
    started = time.perf_counter()
    result = KitsResult()
    run = _Run(project, log, result, use_cache, plan.edition, tick)
    jobs = [run.job(kit) for kit in plan.kits if kit.kind != WHOLE_KIT]
    written: dict[str, bytes] = {}
    entries: dict[str, dict[str, Any]] = {}
    if jobs:
        run.prepare()
        outputs = run.produce_all(jobs, workers)
        for job, (data, meta) in zip(jobs, outputs, strict=True):
            writer.write_bytes(job.file.path, data, OWNER)
            written[job.file.path] = data
            entries[job.file.path] = {"path": job.file.path, **job.file.manifest_fields(), **meta, "bytes": len(data)}
    for kit in plan.kits:
        if kit.kind == WHOLE_KIT:  # after the files it holds
            data, contents = whole_kit_zip(kit, written)
            writer.write_bytes(kit.path, data, OWNER)
            entries[kit.path] = {"path": kit.path, **kit.manifest_fields(), "contents": contents, "bytes": len(data)}
    result.entries = [entries[kit.path] for kit in plan.kits]  # in the plan's order
    writer.write_text(mf.MANIFEST_PATH, mf.manifest_json(result.entries, plan.edition), OWNER)
    if run.cache is not None:
        run.cache.prune()
    for fonts in (run.project.root / FONT_CACHE_DIR, shared_font_folder()):
        prune_fonts(fonts, MAX_AGE_DAYS)
    result.seconds = time.perf_counter() - started
    log(f"Kits: {len(result.entries)} files ({result.cached} from the cache, {result.rendered} rendered) "
        f"in {result.seconds:.1f} s")
    return result


def _worker_count(wanted: int | None, tasks: int) -> int:
    """How many processes render: forked workers on Linux, when no other thread runs, else this process.

    Fork, not spawn: spawn re-imports the caller's ``__main__``, which breaks scripts without a
    ``if __name__ == "__main__"`` guard. Fork is safe here because no thread is running (checked) and the
    parent has not started WeasyPrint for this run; elsewhere (macOS, Windows) kits render in one process.
    """
    import multiprocessing
    import threading

    if wanted is None:
        wanted = min(4, os.cpu_count() or 1)
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1
    return max(1, min(wanted, tasks // 3))


def _kit_images(project: model.Project) -> list[str]:
    """The images kits show: the lessons' section pictures."""
    return sorted({s.image.src for lesson in project.lessons.values() for s in lesson.sections if s.image})


class _Run:
    def __init__(self, project: model.Project, log: Log, result: KitsResult, use_cache: bool, edition: str,
                 tick: Callable[[int], None]) -> None:
        self.project = project
        self.edition = edition
        self.tick = tick
        self.cfg = project.config
        self.log = log
        self.result = result
        self.cache = KitCache(project.root / CACHE_DIR) if use_cache else None
        # Kits show the cleaned print copies of the content's images (no metadata, upright, print-sized),
        # at the same relative paths as in content/.
        media = prepare_media(project.root, project.content_dir, _kit_images(project), "print").resolve()
        self.base_url = media.as_uri() + "/"
        self.roots = (str(media), str(Path(__file__).parent))
        self._fonts: KitFonts | None = None
        self._docs: Documents | None = None
        self._pinyin: Any = None

    def prepare(self) -> None:
        if harfbuzz_subset_missing():
            self.warn(HARFBUZZ_WARNING)
        if self.cfg.address_note:
            self.warn(self.cfg.address_note)
        _ = self.fonts  # fail early, with the font error, before anything is rendered

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)
        self.log(message)

    # Fonts, pinyin and the documents are set up only when there is something to render.
    @property
    def fonts(self) -> KitFonts:
        if self._fonts is None:
            # Made here, in the main process, before any worker starts: once per build, not per worker.
            self._fonts = subset_fonts(find_fonts(self.cfg, self.project.root), self.project.root / FONT_CACHE_DIR, self.warn)
            self.roots = (*self.roots, *(str(path) for path in self._fonts.files()))
        return self._fonts

    @property
    def pinyin(self) -> Any:
        if self._pinyin is None:
            from ..zh import Pinyin

            self._pinyin = Pinyin(self.cfg.pinyin_overrides)
        return self._pinyin

    @property
    def docs(self) -> Documents:
        if self._docs is None:
            self._docs = Documents(self.project, self.fonts, self.pinyin, edition=self.edition)
        return self._docs

    # -- rendering -----------------------------------------------------------------------------------
    def produce_all(self, jobs: list[_Job], workers: int | None) -> list[tuple[bytes, dict[str, Any]]]:
        """Cached files are read; the rest are rendered, in worker processes when there are several."""
        from .tasks import run_task

        outputs: list[tuple[bytes, dict[str, Any]] | None] = [None] * len(jobs)
        todo: list[tuple[int, str, tuple[Any, ...]]] = []
        fingerprint = make_key(code_fingerprint(), self.fonts.fingerprint())
        for i, job in enumerate(jobs):
            task = job.task()
            key = make_key(fingerprint, job.file.kind, self._portable(repr(task)).encode(),
                           *(file_digest(a) for a in job.assets))
            if self.cache is not None and (hit := self.cache.get(key)) is not None:
                outputs[i] = hit
                self.result.cached += 1
                self.tick(1)
            else:
                todo.append((i, key, task))
        workers = _worker_count(workers, len(todo))
        rendering_started = time.perf_counter()
        if todo:
            self.log(f"Rendering {len(todo)} kit files{f' in {workers} processes' if workers > 1 else ''} …")
        if workers > 1:
            import concurrent.futures as cf
            import multiprocessing

            ctx = multiprocessing.get_context("fork")
            from .tasks import die_with_parent

            with cf.ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=die_with_parent,
                                        initargs=(os.getpid(),)) as pool:
                futures = [pool.submit(run_task, task, self.roots) for _i, _key, task in todo]
                done = [self._ticked(f.result()) for f in futures]
        else:
            done = [self._ticked(run_task(task, self.roots)) for _i, _key, task in todo]
        self.result.rendering_seconds = time.perf_counter() - rendering_started
        for (i, key, _task), (data, meta, warning) in zip(todo, done, strict=True):
            if warning:
                self.warn(f"Warning: {jobs[i].file.path} {warning}")
            if self.cache is not None:
                self.cache.put(key, data, meta)
            outputs[i] = (data, meta)
            self.result.rendered += 1
        return [o for o in outputs if o is not None]

    def _portable(self, text: str) -> str:
        """``text`` without the project's location (content images and subset fonts): a moved or cloned
        project keeps its cache (the fonts' bytes are in the key through ``KitFonts.fingerprint``)."""
        fonts = self.project.root / FONT_CACHE_DIR
        return text.replace(self.base_url, "content://").replace(fonts.as_uri(), "fonts://").replace(str(fonts), "fonts://")

    def _ticked(self, output: Any) -> Any:
        self.tick(1)
        return output

    # -- how to render each kind of file -------------------------------------------------------------
    def job(self, kit: KitFile) -> _Job:
        """The rendering of one kit file of the plan (the document is built only when the task is asked for)."""
        if kit.lesson is not None:
            return self._lesson_job(kit, self.project.lessons[kit.lesson])
        return self._event_job(kit, self.project.events[kit.event or ""])

    def _lesson_job(self, kit: KitFile, lesson: model.Lesson) -> _Job:
        setting, lang, url = kit.setting, kit.language, self.base_url
        images = [self.project.content_dir / s.image.src for s in lesson.sections if s.image]
        quiz = self.project.quizzes.get(lesson.quiz or "")
        tasks: dict[str, Callable[[], tuple[Any, ...]]] = {
            "plan": lambda: ("pdf", self.docs.plan(lesson, setting, lang), url),
            "outline": lambda: ("fit", tuple(self.docs.outline_card(lesson, setting, lang, brevity=level) for level in OUTLINE_LEVELS),
                                url, 1),
            "handout": lambda: ("fit", tuple(self.docs.handout(lesson, setting, lang, compact=level) for level in HANDOUT_LEVELS),
                                url, HANDOUT_MAX_PAGES),
            "worksheet": lambda: ("pdf", self.docs.worksheet(lesson, quiz, setting, lang, answers=False), url),
            "answer-key": lambda: ("pdf", self.docs.worksheet(lesson, quiz, setting, lang, answers=True), url),
            "sign-in": lambda: ("fit", tuple(self.docs.sign_in(lang, setting, lesson=lesson, rows=n)
                                             for n in SIGN_IN_ROWS[is_village(setting)]), url, 1),
            "feedback": lambda: ("pdf", self.docs.feedback(lang, setting, lesson=lesson), url),
        }
        return _Job(kit, tasks[kit.kind], images if kit.kind in ("plan", "handout") else [])

    def _event_job(self, kit: KitFile, event: model.Event) -> _Job:
        setting, lang, url = kit.setting, kit.language, self.base_url
        tasks: dict[str, Callable[[], tuple[Any, ...]]] = {
            "poster-png": lambda: ("poster-png", self._poster_spec(event, lang), self.fonts, url),
            "poster-pdf": lambda: ("poster-pdf", self._poster_spec(event, lang), self.fonts, url),
            "share-image": lambda: ("share-image", self._poster_spec(event, lang), self.fonts, url),
            "certificate": lambda: ("pdf", self.docs.certificate(event, lang), url),
            "sign-in": lambda: ("fit", tuple(self.docs.sign_in(lang, setting, event=event, rows=n)
                                             for n in SIGN_IN_ROWS[is_village(setting)]), url, 1),
            "feedback": lambda: ("pdf", self.docs.feedback(lang, setting, event=event), url),
        }
        return _Job(kit, tasks[kit.kind])

    def _poster_spec(self, event: model.Event, lang: str) -> Any:
        from .poster import PosterSpec

        cfg, default = self.cfg, self.cfg.default_language

        def localise(text: model.Text | None) -> str:
            return model.text_in(text, lang, default)

        lessons = [self.project.lessons[i] for i in event.lessons if i in self.project.lessons]
        slogan_text = event.slogan or next((les.slogans[0] for les in lessons if les.slogans), None)
        village = is_village(event.setting)
        extra: list[tuple[str, str]] = []
        if village and slogan_text is not None:
            extra = [(d.name.get(lang, default), slogan_text.values[code]) for code, d in cfg.extra_languages.items()
                     if slogan_text.has(code)]
        slogan = localise(slogan_text)
        return PosterSpec(
            lang=lang, title=localise(event.title), brand=localise(cfg.site_name),
            date=catalogue(lang).format_date(event.date, weekday=True), time=time_range(event.start, event.end),
            venue=localise(event.venue), organiser=localise(cfg.organisation), occasion=localise(event.occasion),
            partners=[localise(x) for x in event.partners],
            lecturers=[localise(self.project.lecturers[i].name) for i in event.lecturers if i in self.project.lecturers],
            lessons=[localise(les.title) for les in lessons], slogan=slogan,
            slogan_pinyin=self.pinyin.syllables(slogan, sandhi=True) if village and is_chinese(lang) and slogan else [],
            slogan_extra=extra, qr_url=page_url(cfg, lang, "events", event.id), village=village,
        )
