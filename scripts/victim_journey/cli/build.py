"""Build the site safely: check content first, build into a fresh folder, check the built
site, then swap it into place, so a failed build or check never touches site/.

Each language is its own MkDocs build: mkdocs.yml for English at the top of the site, and
mkdocs.<code>.yml for each translation, under /<code>/. They run side by side (the
machines this runs on have at least 2 cores), each into its own folder, and are put
together only when all have succeeded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from victim_journey import clock
from victim_journey.cli.support import Commands, print_problems, problem_summary
from victim_journey.content.journey import DOCS_DIR
from victim_journey.content.languages import LANGUAGES, SOURCE_LANGUAGE
from victim_journey.content_handoff import CheckForBuild, check_for_build, write_handoff
from victim_journey.problems import has_errors
from victim_journey.publish.host_headers import write_host_files

MAIN_CONFIG = "mkdocs.yml"


class BuildFailed(Exception):
    pass


def edition_configs(root: Path) -> dict[str, Path]:
    """{language prefix: MkDocs config} for every language that has a config file."""
    configs = {SOURCE_LANGUAGE.prefix: root / MAIN_CONFIG}
    for language in LANGUAGES.values():
        config = root / f"mkdocs.{language.code}.yml"
        if language is not SOURCE_LANGUAGE and config.is_file():
            configs[language.prefix] = config
    return configs


def mkdocs_command(config_file: Path, site_dir: Path, *, strict: bool = True) -> list[str]:
    # Never add -q: with --strict it hides broken links and exits 0 (mkdocs#4126).
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []),
            "--clean", "--config-file", str(config_file), "--site-dir", str(site_dir)]


def _environment(env: dict[str, str] | None) -> dict[str, str]:
    return {**(os.environ if env is None else env), "NO_MKDOCS_2_WARNING": "1"}


def run_mkdocs_build(config_file: Path, site_dir: Path, *, env: dict[str, str] | None = None
                     ) -> subprocess.CompletedProcess[str]:
    """One language's MkDocs build."""
    return subprocess.run(mkdocs_command(config_file, site_dir), capture_output=True,
                          text=True, env=_environment(env), check=False)


@dataclass(frozen=True)
class EditionBuild:
    """One language's MkDocs build, as part of the whole site."""

    config: Path
    prefix: str     # where its pages go in the site: "" or "cy/"
    folder: Path    # where MkDocs writes them

    def command(self) -> list[str]:
        return mkdocs_command(self.config, self.folder)

    def put_in_place(self, site_dir: Path) -> None:
        if self.prefix:
            os.replace(self.folder, site_dir / self.prefix.rstrip("/"))

    def clean_up(self) -> None:
        if self.prefix and self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)


def edition_builds(root: Path, site_dir: Path) -> list[EditionBuild]:
    """Every language's build of the site in site_dir. The source language builds
    straight into site_dir (its --clean empties it), so the others build beside it and
    are moved in once every build has succeeded."""
    return [EditionBuild(config, prefix, site_dir if not prefix else
                         site_dir.parent / f"{site_dir.name}-{prefix.rstrip('/')}")
            for prefix, config in edition_configs(root).items()]


def build_all(root: Path, site_dir: Path, *, env: dict[str, str] | None = None,
              checked: CheckForBuild | None = None) -> str:
    """Build every language into site_dir (which must not exist yet), side by side.
    `checked` is the content as this command checked it: the builds use it rather than
    check it again (content_handoff.py). Returns MkDocs' logs; raises BuildFailed with
    them if any build fails."""
    with tempfile.TemporaryDirectory(prefix="victim-journey-build-") as work:
        environment = _environment(env)
        if checked is not None:
            environment |= write_handoff(checked, Path(work))
        builds = edition_builds(root, site_dir)
        # Each build logs into a file, not a pipe: a big site logs more than a pipe
        # holds, and a build would then wait on its pipe until the build read first had
        # finished, so that the languages were built one after the other.
        log_files = [Path(work) / f"{build.config.name}.log" for build in builds]
        running = []
        for build, log_file in zip(builds, log_files, strict=True):
            with log_file.open("wb") as log:
                running.append(subprocess.Popen(build.command(), stdout=log,
                                                stderr=subprocess.STDOUT, env=environment))
        statuses = [process.wait() for process in running]
        failed = any(status != 0 for status in statuses)
        logs = [f"--- {build.config.name}\n"
                + log_file.read_text(encoding="utf-8", errors="replace")
                for build, log_file in zip(builds, log_files, strict=True)]
    try:
        if failed:
            raise BuildFailed("\n".join(logs))
        for build in builds:
            build.put_in_place(site_dir)
        # Headers for hosts that can send them, from the pages of every language.
        write_host_files(site_dir)
    finally:
        for build in builds:
            build.clean_up()
    return "\n".join(logs)


class ChecksFailed(BuildFailed):
    """The site built, but a check of the built site (accessibility) failed."""

    def __init__(self, status: int) -> None:
        super().__init__(f"the checks of the built site failed (status {status})")
        self.status = status


def build_into(root: Path, site_dir: Path, *,
               check: Callable[[Path], int] | None = None,
               env: dict[str, str] | None = None,
               checked: CheckForBuild | None = None) -> str:
    """Build every language into a temporary folder beside site_dir, run `check` on it
    (0 is a pass), and only then swap it in: a failed build or a failed check leaves
    the previous site/ as it was. Returns MkDocs' logs. `env` is the builds'
    environment (default: this process's); `checked`, the content as checked for them."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        logs = build_all(root, staging / "site", env=env, checked=checked)
        if check is not None:
            status = check(staging / "site")
            if status != 0:
                raise ChecksFailed(status)
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
            os.replace(site_dir, old / "site")
        os.replace(staging / "site", site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return logs
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    if args.publish:
        from victim_journey.publish.address import SITE_URL_VARIABLE, publish_address_problem

        refused = publish_address_problem(os.environ.get(SITE_URL_VARIABLE))
        if refused is None and args.no_a11y:
            refused = "a build for publishing runs the accessibility check: drop --no-a11y"
        if refused is not None:
            print(f"error: {refused}; nothing was built", file=sys.stderr)
            return 2
    checked = check_for_build(root / args.content, root=root, docs_dir=root / DOCS_DIR,
                              today=args.today)
    problems = checked.checked.problems
    print_problems(problems, "text")
    if checked.stops_the_build:
        # A site is built strictly: any warning but a review date or a translation gap
        # stops it, as it would stop each language's MkDocs build.
        print(f"build stopped before writing anything: {problem_summary(problems)}"
              + ("" if has_errors(problems) else
                 " (a build stops on warnings too, except review dates and translation gaps)"),
              file=sys.stderr)
        return 1
    site_dir = Path(args.site_dir) if Path(args.site_dir).is_absolute() else root / args.site_dir
    check = None
    if not args.no_a11y:
        from victim_journey.site_check.run import run_accessibility_check

        # The new site is checked where it was built, before it replaces site/.
        def check(built: Path) -> int:
            return run_accessibility_check(built, root / "reports")

    try:
        # The MkDocs builds check review dates against the same day as this command.
        build_into(root, site_dir, check=check, env=clock.environment_for_child(args.today),
                   checked=checked)
    except ChecksFailed as exc:
        print("accessibility check failed; the previous site/ is unchanged", file=sys.stderr)
        return exc.status
    except BuildFailed as exc:
        print(str(exc).rstrip(), file=sys.stderr)
        print("build failed; the previous site/ is unchanged", file=sys.stderr)
        return 1
    print(f"built {site_dir}", file=sys.stderr)
    if args.no_a11y:
        print("accessibility check SKIPPED (--no-a11y): do not publish this build",
              file=sys.stderr)
    return 0


def add_command(commands: Commands) -> None:
    build = commands.add_parser("build", help="check, build site/ and run the "
                                              "accessibility check")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--today", type=clock.parse_day)
    build.add_argument("--no-a11y", action="store_true",
                       help="skip the accessibility check (quick local preview only)")
    build.add_argument("--publish", action="store_true",
                       help="a build to publish: refuse to run without the site's real "
                            "address in SITE_URL")
    build.set_defaults(func=run)
