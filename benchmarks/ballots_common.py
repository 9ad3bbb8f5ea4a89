"""What both halves of the ballots benchmark agree on, without importing Django."""

import random

PASSWORD = "bench-password-1"
N_PROJECTS = 100


def voter_email(i: int) -> str:
    return f"voter{i:06d}@bench.invalid"


def voter_choices(i: int, n_projects: int = N_PROJECTS) -> list[int]:
    """The ballot ids (1..100) voter i ticks: deterministic, 1 to 10 projects."""
    rng = random.Random(i)
    return sorted(rng.sample(range(1, n_projects + 1), rng.randint(1, 10)))
