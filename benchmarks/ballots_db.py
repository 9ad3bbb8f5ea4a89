"""Database-side steps of benchmarks/ballots.py, run in a subprocess with
DJANGO_SETTINGS_MODULE=benchmarks.ballots_settings:

    python -m benchmarks.ballots_db seed N          -> JSON {slug, ideas_slug, projects}
    python -m benchmarks.ballots_db verify FILE     -> JSON with the lost/duplicated check
    python -m benchmarks.ballots_db close_count     -> JSON {count_seconds, publish_seconds}
    python -m benchmarks.ballots_db profile         -> JSON query counts/times per view

The last line of stdout is the JSON answer.
"""

import json
import os
import random
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.ballots_settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from altlep.commissioning.models import (  # noqa: E402
    PHASE_ORDER,
    Ballot,
    BallotChoice,
    Idea,
    Phase,
    Project,
    Round,
)
from altlep.commissioning.services.results import results_publish, round_count  # noqa: E402
from altlep.commissioning.services.rounds import PhasePlan, round_create  # noqa: E402
from altlep.members.models import User  # noqa: E402
from benchmarks.ballots_common import N_PROJECTS, PASSWORD, voter_choices, voter_email  # noqa: E402

ROUND_TITLE = "Benchmark vote"
IDEAS_TITLE = "Benchmark ideas"
N_IDEAS = 10_000
DAY = timedelta(days=1)


def _plans(current: str) -> list[PhasePlan]:
    now = timezone.now()
    index = PHASE_ORDER.index(current)
    plans = []
    for position, kind in enumerate(PHASE_ORDER):
        starts = now + (position - index) * 7 * DAY - 3 * DAY
        plans.append(PhasePlan(kind, starts, starts + 7 * DAY))
    return plans


def _officer() -> User:
    return User.objects.get(email="officer@bench.invalid")


def seed(n: int) -> dict:
    hashed = make_password(PASSWORD)
    officer = User.objects.create(
        email="officer@bench.invalid",
        display_name="Bench Officer",
        password=hashed,
        email_confirmed=True,
        is_officer=True,
    )
    User.objects.bulk_create(
        (
            User(
                email=voter_email(i),
                display_name=f"Voter {i}",
                password=hashed,
                email_confirmed=True,
            )
            for i in range(n + 1)  # voter n is spare, used only by `profile` (rolled back)
        ),
        batch_size=2000,
    )
    round_ = round_create(
        actor=officer,
        phases=_plans("vote"),
        title=ROUND_TITLE,
        budget_pence=N_PROJECTS * 50_000_00 // 4,
        ballot_type="approval",
        seed=42,
    )
    rng = random.Random(7)
    Project.objects.bulk_create(
        Project(
            round=round_,
            ballot_id=str(i),
            title=f"Project {i}",
            description="A benchmark project. " * 5,
            category=rng.choice(["Environment", "Youth", "Transport", "Culture"]),
            cost_pence=rng.randint(5_000, 100_000) * 100,
        )
        for i in range(1, N_PROJECTS + 1)
    )
    ideas_round = round_create(
        actor=officer,
        phases=_plans("collect"),
        title=IDEAS_TITLE,
        budget_pence=1_000_000_00,
        ballot_type="approval",
        seed=43,
    )
    authors = list(User.objects.order_by("pk").values_list("pk", flat=True)[:2000])
    Idea.objects.bulk_create(
        (
            Idea(
                round=ideas_round,
                author_id=authors[i % len(authors)],
                title=f"Idea number {i}: make the area better",
                description="Something the area needs. " * 10,
                category=rng.choice(["Environment", "Youth", "Transport", "Culture"]),
                support_count=rng.randint(0, 200),
                rough_cost_pence=rng.randint(1_000, 100_000) * 100,
            )
            for i in range(N_IDEAS)
        ),
        batch_size=2000,
    )
    projects = dict(Project.objects.filter(round=round_).values_list("ballot_id", "pk"))
    return {"slug": round_.slug, "ideas_slug": ideas_round.slug, "projects": projects}


def verify(path: str) -> dict:
    """Compare the ballots in the database with the POSTs the clients saw succeed."""
    with open(path) as f:
        succeeded = set(json.load(f))  # voter indices whose POST got the receipt redirect
    round_ = Round.objects.get(title=ROUND_TITLE)
    ballots = list(Ballot.objects.filter(round=round_).values_list("pk", "voter__email"))
    voters = [email for _, email in ballots]
    by_email = {voter_email(i): i for i in succeeded}
    choices: dict[str, list[int]] = {}
    for email, bid in BallotChoice.objects.filter(ballot__round=round_).values_list(
        "ballot__voter__email", "project__ballot_id"
    ):
        choices.setdefault(email, []).append(int(bid))
    wrong = sum(
        1
        for email, i in by_email.items()
        if email in choices and sorted(choices[email]) != voter_choices(i)
    )
    return {
        "ballot_rows": len(ballots),
        "distinct_voters": len(set(voters)),
        "succeeded_posts": len(succeeded),
        "lost": len(set(by_email) - set(voters)),
        "unexpected": len(set(voters) - set(by_email)),
        "duplicated": len(voters) - len(set(voters)),
        "wrong_choices": wrong,
        "choice_rows": sum(len(v) for v in choices.values()),
    }


def close_count() -> dict:
    round_ = Round.objects.get(title=ROUND_TITLE)
    with transaction.atomic():
        Phase.objects.filter(round=round_).delete()
        Phase.objects.bulk_create(
            Phase(round=round_, kind=p.kind, starts_at=p.starts_at, ends_at=p.ends_at)
            for p in _plans("results")
        )
    officer = _officer()
    t0 = time.perf_counter()
    result = round_count(actor=officer, round_=Round.objects.get(pk=round_.pk))
    t1 = time.perf_counter()
    results_publish(actor=_officer(), round_=Round.objects.get(pk=round_.pk))
    t2 = time.perf_counter()
    return {
        "count_seconds": t1 - t0,
        "publish_seconds": t2 - t1,
        "ballots_counted": result.ballot_count,
        "winners": len(result.winners),
    }


class _Rollback(Exception):
    pass


def _profile_request(client: Client, method: str, path: str, data=None, rollback=False) -> dict:
    out = {}
    try:
        with transaction.atomic():
            with CaptureQueriesContext(connection) as ctx:
                t0 = time.perf_counter()
                response = getattr(client, method)(path, data or {})
                out["ms"] = round((time.perf_counter() - t0) * 1000, 1)
            out["status"] = response.status_code
            out["queries"] = len(ctx.captured_queries)
            sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
            out["sql_ms"] = round(sql_ms, 1)
            slowest = sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))[:3]
            out["slowest"] = [
                f"{float(q['time']) * 1000:.1f} ms: {q['sql'][:160]}" for q in slowest
            ]
            if rollback:
                raise _Rollback
    except _Rollback:
        pass
    return out


def profile(which: str) -> dict:
    """Query counts and times per view, in-process with Django's test client."""
    out = {}
    if which == "vote":
        round_ = Round.objects.get(title=ROUND_TITLE)
        spare = User.objects.order_by("-pk").exclude(email="officer@bench.invalid").first()
        client = Client()
        client.force_login(spare)
        path = f"/commissioning/{round_.slug}/vote/"
        projects = dict(Project.objects.filter(round=round_).values_list("ballot_id", "pk"))
        for _ in range(2):  # the second run is the warm one
            out["ballot GET"] = _profile_request(client, "get", path)
            out["ballot POST"] = _profile_request(
                client, "post", path, {"projects": [projects["1"], projects["2"]]}, rollback=True
            )
    else:
        round_ = Round.objects.get(title=ROUND_TITLE)
        ideas = Round.objects.get(title=IDEAS_TITLE)
        client = Client()
        for _ in range(2):
            out["results GET"] = _profile_request(
                client, "get", f"/commissioning/{round_.slug}/results/"
            )
            out["ideas GET"] = _profile_request(
                client, "get", f"/commissioning/{ideas.slug}/ideas/"
            )
            out["ideas GET sort=support"] = _profile_request(
                client, "get", f"/commissioning/{ideas.slug}/ideas/?sort=support"
            )
    return out


def main(argv: list[str]) -> None:
    command = argv[0]
    if command == "seed":
        answer = seed(int(argv[1]))
    elif command == "verify":
        answer = verify(argv[1])
    elif command == "close_count":
        answer = close_count()
    elif command == "profile":
        answer = profile(argv[1])
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(answer))


if __name__ == "__main__":
    main(sys.argv[1:])
