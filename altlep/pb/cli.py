"""`altlep pb …`: count, check and compare pabulib elections from the command line.

The group is registered in the top-level `altlep` command; `python -m altlep.pb` runs it alone.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from altlep.pb.check import check_file, errors
from altlep.pb.completions import COMPLETIONS
from altlep.pb.count import RULES, count
from altlep.pb.model import PabulibError
from altlep.pb.official import check_official, family, run_variant
from altlep.pb.profile import build_profile
from altlep.pb.reader import read_election
from altlep.pb.ties import DEFAULT_TIES, TIE_RULES, tie_rank

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

PROGRESS_FROM = 5  # show a progress bar when given at least this many files


def _console(**options) -> Console:
    # rich is imported where something is printed with it: --json output needs none of it
    from rich.console import Console

    return Console(**{"highlight": False, "soft_wrap": True, **options})


def _table(title: str) -> Table:
    from rich.table import Table

    return Table(title=title)


def _progress(items: list, label: str) -> Iterable:
    """Yield items, with a progress bar on stderr when there are many."""
    if len(items) < PROGRESS_FROM:
        yield from items
        return
    from rich.progress import Progress  # not needed by a count, which it would slow down

    with Progress(console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=len(items))
        for item in items:
            yield item
            progress.advance(task)


def _read(path: str, lenient: bool = False):
    try:
        election = read_election(path, lenient=lenient)
    except PabulibError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in election.problems:
        if problem.kind in {"count_mismatch", "cut_line"}:  # what --lenient let through
            click.echo(f"Warning: {path}: line {problem.line}: {problem.message}", err=True)
    return election


LENIENT = click.option(
    "--lenient",
    is_flag=True,
    help="Count a file whose VOTES fall short of META's num_votes or whose last line is cut, "
    "saying what was missing.",
)


@click.group(name="pb")
def pb() -> None:
    """Participatory budgeting: count, check and compare pabulib (.pb) elections."""


@pb.command(name="count")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--rule", type=click.Choice(RULES), default="mes", show_default=True)
@click.option(
    "--completion",
    type=click.Choice(COMPLETIONS),
    default="add1",
    show_default=True,
    help="MES only: add1 = pabutools, add1u = equalshares.net, add1-full = no exhaustiveness stop.",
)
@click.option("--ties", type=click.Choice(TIE_RULES), default=DEFAULT_TIES, show_default=True)
@click.option("--seed", type=int, default=None, help="Seed of the lot for --ties lowest-cost.")
@click.option(
    "--no-skip", is_flag=True, help="Greedy: stop at the first project that does not fit."
)
@click.option("--then-greedy", is_flag=True, help="MES: complete the outcome greedily.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@LENIENT
def count_command(
    file: str,
    rule: str,
    completion: str,
    ties: str,
    seed: int | None,
    no_skip: bool,
    then_greedy: bool,
    as_json: bool,
    lenient: bool,
) -> None:
    """Count FILE and list the winners in selection order, with why each project won or lost."""
    election = _read(file, lenient)
    result = count(
        election, rule, completion, ties, seed, skip=not no_skip, greedy_after=then_greedy
    )
    if as_json:
        click.echo(result.to_json())
        return
    console = _console()
    currency = election.meta.get("currency", "")
    title = (
        f"{Path(file).name}: {result.rule}"
        + (f" + {result.completion}" if result.rule == "mes" else "")
        + f", ties {result.ties}"
    )
    table = _table(title)
    for column in ("#", "project", "cost", "votes", "why"):
        table.add_column(column)
    ordered = sorted(result.projects, key=lambda p: (p.position is None, p.position or 0))
    for item in ordered:
        table.add_row(
            str(item.position or ""),
            item.project_id,
            f"{item.cost:,.0f}",
            f"{item.votes:,}",
            item.sentence(currency),
        )
    console.print(table)
    console.print(
        f"{len(result.winners)} winners, total cost {result.total_cost:,.2f} of "
        f"{result.budget:,.2f} {currency}".rstrip()
    )
    if result.official_winners is not None:
        verdict = "reproduced" if result.reproduces_official else "NOT reproduced"
        console.print(f"Official winners recorded in the file: {verdict}.")


@pb.command(name="check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
def check_command(files: tuple[str, ...], strict: bool, as_json: bool) -> None:
    """Validate FILES and list every problem with its line; exit 1 if any file has errors."""
    report: dict[str, list] = {}
    failed = 0
    for path in _progress(list(files), "checking"):
        problems = check_file(path)
        report[path] = problems
        if errors(problems) or (strict and problems):
            failed += 1
    if as_json:
        click.echo(json.dumps({p: [x.to_dict() for x in v] for p, v in report.items()}))
    else:
        for path, problems in report.items():
            for problem in problems:
                click.echo(
                    f"{path}:{problem.line}: {problem.severity}: {problem.kind}: {problem.message}"
                )
        click.echo(f"{len(files)} file(s) checked, {failed} with problems.", err=True)
    if failed:
        sys.exit(1)


COMPARE = (
    "greedy",
    "greedy-no-skip",
    "mes",
    "mes+add1",
    "mes+add1+greedy",
    "mes+add1u",
    "mes+add1-full",
    "phragmen",
)


@pb.command(name="compare")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@LENIENT
def compare_command(file: str, as_json: bool, lenient: bool) -> None:
    """Count FILE with every rule side by side: who wins where, and the official result."""
    election = _read(file, lenient)
    profile = build_profile(election)
    rank = tie_rank(profile)
    names = [n for n in COMPARE if n != "phragmen" or profile.vote_type in ("approval", "choose-1")]
    outcomes = {name: run_variant(profile, name, rank) for name in names}
    official = election.official_winners
    everywhere = set.intersection(*(set(w) for w in outcomes.values())) if outcomes else set()
    anywhere = set().union(*(set(w) for w in outcomes.values())) if outcomes else set()
    differs = sorted(anywhere - everywhere, key=profile.ids.index)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "source": file,
                    "file_rule": election.rule,
                    "official_winners": official,
                    "outcomes": outcomes,
                    "selected_by_all": sorted(everywhere, key=profile.ids.index),
                    "differs": {pid: [n for n in names if pid in outcomes[n]] for pid in differs},
                    "reproduces_official": (
                        None
                        if official is None
                        else {n: sorted(w) == sorted(official) for n, w in outcomes.items()}
                    ),
                },
                ensure_ascii=False,
            )
        )
        return
    # Wide enough that every rule's column keeps its full name.
    console = _console(soft_wrap=False, width=max(100, 16 * (len(names) + 2)))
    table = _table(f"{Path(file).name} (file rule: {election.rule or 'unknown'})")
    table.add_column("project")
    for name in names:
        table.add_column(name)
    if official is not None:
        table.add_column("official")
    for pid in differs:
        row = [pid] + ["✓" if pid in outcomes[n] else "" for n in names]
        if official is not None:
            row.append("✓" if pid in official else "")
        table.add_row(*row)
    console.print(table)
    console.print(
        f"{len(everywhere)} projects win under every rule; the {len(differs)} above differ."
    )
    for name in names:
        cost = sum(profile.cost[profile.ids.index(p)] for p in outcomes[name]) / profile.scale
        line = f"{name}: {len(outcomes[name])} winners, cost {cost:,.0f}"
        if official is not None:
            same = sorted(outcomes[name]) == sorted(official)
            line += ", reproduces the official winners" if same else ""
        console.print(line)


@pb.command(name="official")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print every file's result as JSON.")
def official_command(directory: str, as_json: bool) -> None:
    """Recount every file in DIRECTORY whose rule is greedy or Equal Shares and that lists its
    winners; report how many official results our engine reproduces."""
    paths = sorted(Path(directory).glob("*.pb"))
    results = []
    for path in _progress(paths, "recounting"):
        try:
            election = read_election(path, strict=False)
        except PabulibError:
            continue
        if errors(election.problems) or family(election.rule) is None:
            continue
        outcome = check_official(election)
        if outcome is not None:
            results.append((election.vote_type, outcome))
    reproduced = sum(1 for _, r in results if r.reproduced)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "files": len(results),
                    "reproduced": reproduced,
                    "results": [r.to_dict() for _, r in results],
                }
            )
        )
        return
    console = _console()
    table = _table("Official results reproduced")
    for column in ("file rule", "vote type", "files", "reproduced"):
        table.add_column(column)
    groups: dict[tuple[str, str], list] = {}
    for vote_type, r in results:
        groups.setdefault((r.rule.strip(), vote_type), []).append(r)
    for (rule, vote_type), rs in sorted(groups.items()):
        table.add_row(rule, vote_type, str(len(rs)), str(sum(r.reproduced for r in rs)))
    console.print(table)
    for _, r in results:
        if family(r.rule) == "equalshares":
            how = ", ".join(r.matched) or "not reproduced"
            console.print(f"{Path(r.source).name}: {how}")
    console.print(f"Reproduced {reproduced} of {len(results)} official results.")
