"""Ballots under load, through the real server.

For each backend (SQLite file, PostgreSQL): migrate a fresh database, seed a round in its vote
phase with 100 projects and N voters, start gunicorn on a free loopback port, log every voter in
and cast one approval ballot each over HTTP from concurrent clients, then check that no ballot
was lost or duplicated; close the vote, count and publish, and time the results page; then time
the idea list of a round with 10,000 ideas. Prints one table per backend, targets beside figures.

    .venv/bin/python benchmarks/ballots.py [--ballots N | --quick] [--backends sqlite,postgresql]
        [--clients 32] [--workers 4] [--threads 4] [--requests 200]

A script, not a test: it asserts no timing. Loopback only; gunicorn is killed at the end even on
error. PostgreSQL runs through scripts/with-postgres (a throwaway server).
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ballots_common import PASSWORD, voter_choices, voter_email  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TARGET_RESULTS_P95_MS = 300
TARGET_IDEAS_P95_MS = 100


# ---------------------------------------------------------------- helpers


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def django_step(env: dict, *args: str) -> dict:
    """Run a ballots_db command in a subprocess; its last stdout line is JSON."""
    proc = subprocess.run(
        [PYTHON, "-m", "benchmarks.ballots_db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise RuntimeError(f"ballots_db {args[0]} failed ({proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


class Session:
    """One voter's cookies over one keep-alive connection (reopened when the server closes)."""

    def __init__(self, port: int):
        self.port = port
        self.conn = None
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        body = urllib.parse.urlencode(form, doseq=True) if form is not None else None
        headers = {"Host": f"{HOST}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server had closed: only safe to resend if the
                # request cannot have reached the app, so resend GETs only.
                self.conn.close()
                self.conn = None
                if attempt or method != "GET":
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, response.getheader("Location", ""), data

    def close(self):
        if self.conn is not None:
            self.conn.close()


# ---------------------------------------------------------------- load phases


def run_logins(port: int, n: int, clients: int) -> tuple[dict, dict[int, dict], float]:
    """Log voters 0..n-1 in; returns (errors, cookies per voter, seconds)."""
    cookies: dict[int, dict] = {}
    errors: dict[str, int] = {}
    lock = threading.Lock()

    def login(i: int):
        s = Session(port)
        try:
            status, _, page = s.request("GET", "/login/")
            token = CSRF_INPUT.search(page.decode()).group(1)
            status, location, _ = s.request(
                "POST",
                "/login/",
                {"username": voter_email(i), "password": PASSWORD, "csrfmiddlewaretoken": token},
            )
            if status != 302 or "sessionid" not in s.cookies:
                raise RuntimeError(f"login HTTP {status}")
            with lock:
                cookies[i] = dict(s.cookies)
        except Exception as error:  # noqa: BLE001 - counted and reported
            with lock:
                key = f"login: {type(error).__name__}: {str(error)[:80]}"
                errors[key] = errors.get(key, 0) + 1
        finally:
            s.close()

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(login, range(n)))
    return errors, cookies, time.perf_counter() - t0


def run_votes(port: int, slug: str, projects: dict, cookies: dict[int, dict], clients: int):
    """Each logged-in voter GETs the ballot (CSRF token) and POSTs one approval ballot."""
    post_ms: list[float] = []
    get_ms: list[float] = []
    succeeded: list[int] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    path = f"/commissioning/{slug}/vote/"
    local = threading.local()

    def vote(i: int):
        if not hasattr(local, "s"):
            local.s = Session(port)
        s = local.s
        s.cookies = dict(cookies[i])
        try:
            t0 = time.perf_counter()
            status, _, page = s.request("GET", path)
            t1 = time.perf_counter()
            if status != 200:
                raise RuntimeError(f"ballot GET HTTP {status}")
            token = CSRF_INPUT.search(page.decode()).group(1)
            form = {
                "csrfmiddlewaretoken": token,
                "projects": [projects[str(b)] for b in voter_choices(i)],
            }
            t2 = time.perf_counter()
            status, location, _ = s.request("POST", path, form)
            t3 = time.perf_counter()
            ok = status == 302 and location.rstrip("/").endswith("vote/receipt")
            with lock:
                get_ms.append((t1 - t0) * 1000)
                post_ms.append((t3 - t2) * 1000)
                if ok:
                    succeeded.append(i)
                else:
                    key = f"ballot POST HTTP {status}"
                    errors[key] = errors.get(key, 0) + 1
        except Exception as error:  # noqa: BLE001 - counted and reported
            with lock:
                key = f"vote: {type(error).__name__}: {str(error)[:80]}"
                errors[key] = errors.get(key, 0) + 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(vote, sorted(cookies)))
    wall = time.perf_counter() - t0
    return {
        "post_ms": post_ms,
        "get_ms": get_ms,
        "succeeded": succeeded,
        "errors": errors,
        "wall": wall,
    }


def measure_get(port: int, path: str, n: int, clients: int) -> dict:
    """n anonymous GETs of path from `clients` threads (after 5 warm-up requests)."""
    times: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    warm = Session(port)
    for _ in range(5):
        warm.request("GET", path)
    warm.close()
    local = threading.local()

    def one(_):
        if not hasattr(local, "s"):
            local.s = Session(port)
        t0 = time.perf_counter()
        status, _, _ = local.s.request("GET", path)
        elapsed = (time.perf_counter() - t0) * 1000
        with lock:
            times.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(n)))
    wall = time.perf_counter() - t0
    return {
        "p50": pct(times, 50),
        "p95": pct(times, 95),
        "max": max(times),
        "rps": n / wall,
        "statuses": statuses,
    }


# ---------------------------------------------------------------- one backend


def start_gunicorn(env: dict, port: int, args, log_path: Path) -> subprocess.Popen:
    log = open(log_path, "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "altlep.wsgi",
            "-b",
            f"{HOST}:{port}",
            "-w",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--timeout",
            "120",
            "--keep-alive",
            "5",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({proc.returncode}); see {log_path}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/login/")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within 60 s")


def stop_gunicorn(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def log_summary(log_path: Path) -> dict[str, int]:
    text = log_path.read_text(errors="replace")
    found = {}
    for label, pattern in [
        ("database is locked", r"database is locked"),
        ("deadlock", r"deadlock detected"),
        ("IntegrityError", r"IntegrityError"),
        ("worker timeout", r"WORKER TIMEOUT"),
        ("Internal Server Error", r"Internal Server Error"),
        ("Traceback", r"Traceback \(most recent call last\)"),
    ]:
        n = len(re.findall(pattern, text))
        if n:
            found[label] = n
    return found


def backend_versions(env: dict) -> str:
    code = (
        "import django, sqlite3\nfrom django.db import connection\n"
        "django.setup()\nc = connection.cursor()\n"
        "print(connection.vendor, connection.display_name, "
        "'.'.join(map(str, connection.get_database_version())), 'sqlite3 lib', "
        "sqlite3.sqlite_version)"
    )
    proc = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    return proc.stdout.strip() or proc.stderr.strip()[-200:]


def run_backend(backend: str, args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix=f"altlep-bench-{backend}-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.ballots_settings",
        "ALTLEP_DATA_DIR": str(workdir),
        "ALTLEP_ENV": "development",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
    }
    if backend == "sqlite":
        env.pop("DATABASE_URL", None)
    elif not env.get("DATABASE_URL"):
        raise RuntimeError("postgresql backend needs DATABASE_URL (run via scripts/with-postgres)")
    gunicorn = None
    log_path = workdir / "gunicorn.log"
    rows = []
    notes = []
    try:
        print(f"\n=== {backend}: {backend_versions(env)}", flush=True)
        t = time.perf_counter()
        subprocess.run(
            [PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=600,
        )
        seeded = django_step(env, "seed", str(args.ballots))
        print(
            f"[{backend}] migrated + seeded {args.ballots} voters, 100 projects, 10,000 ideas "
            f"in {time.perf_counter() - t:.1f} s",
            flush=True,
        )
        port = free_port()
        gunicorn = start_gunicorn(env, port, args, log_path)
        print(
            f"[{backend}] gunicorn -w {args.workers} --threads {args.threads} on {HOST}:{port}",
            flush=True,
        )

        errors, cookies, login_s = run_logins(port, args.ballots, args.clients)
        print(
            f"[{backend}] logged in {len(cookies)} voters in {login_s:.1f} s "
            f"({len(cookies) / login_s:.0f}/s); errors {errors or 'none'}",
            flush=True,
        )

        v = run_votes(port, seeded["slug"], seeded["projects"], cookies, args.clients)
        ok = len(v["succeeded"])
        print(
            f"[{backend}] cast {ok} ballots in {v['wall']:.1f} s; errors {v['errors'] or 'none'}",
            flush=True,
        )
        succeeded_file = workdir / "succeeded.json"
        succeeded_file.write_text(json.dumps(v["succeeded"]))
        check = django_step(env, "verify", str(succeeded_file))
        prof_vote = django_step(env, "profile", "vote")
        server_errors_vote = log_summary(log_path)

        cc = django_step(env, "close_count")
        print(
            f"[{backend}] counted {cc['ballots_counted']} ballots in "
            f"{cc['count_seconds']:.2f} s, published in {cc['publish_seconds']:.2f} s",
            flush=True,
        )
        res1 = measure_get(port, f"/commissioning/{seeded['slug']}/results/", args.requests, 1)
        res8 = measure_get(port, f"/commissioning/{seeded['slug']}/results/", args.requests, 8)
        ideas_path = f"/commissioning/{seeded['ideas_slug']}/ideas/"
        probe = Session(port)
        ideas_status = probe.request("GET", ideas_path)[0]
        probe.close()
        if ideas_status == 200:
            ide1 = measure_get(port, ideas_path, args.requests, 1)
            ide8 = measure_get(port, ideas_path, args.requests, 8)
            ides1 = measure_get(port, ideas_path + "?sort=support", args.requests, 1)
        else:
            ide1 = ide8 = ides1 = None
            notes.append(f"idea list answered HTTP {ideas_status}: not measured")
        prof_read = django_step(env, "profile", "read")
        server_errors = log_summary(log_path)

        # ------------------------------------------------ table
        n_req = args.requests
        lost_ok = (
            check["lost"] == 0
            and check["duplicated"] == 0
            and check["unexpected"] == 0
            and check["wrong_choices"] == 0
            and check["ballot_rows"] == ok
        )
        rows += [
            ("voters / ballots attempted", f"{args.ballots}", ""),
            (
                "logins (GET+POST /login/)",
                f"{len(cookies)} ok, {login_s:.1f} s, {len(cookies) / login_s:.0f}/s",
                "MD5 hasher",
            ),
            (
                "ballots cast (HTTP 302 to receipt)",
                f"{ok} ok, {sum(v['errors'].values())} failed",
                "all",
            ),
            (
                "ballots per second (GET ballot + POST)",
                f"{ok / v['wall']:.0f}/s ({v['wall']:.1f} s wall, {args.clients} clients)",
                "-",
            ),
            (
                "ballot POST latency p50 / p95 / max",
                f"{pct(v['post_ms'], 50):.0f} / {pct(v['post_ms'], 95):.0f} / "
                f"{max(v['post_ms'] or [0]):.0f} ms",
                "-",
            ),
            (
                "ballot GET latency p50 / p95",
                f"{pct(v['get_ms'], 50):.0f} / {pct(v['get_ms'], 95):.0f} ms",
                "-",
            ),
            (
                "Ballot rows vs successful POSTs",
                f"{check['ballot_rows']} vs {ok}: lost "
                f"{check['lost']}, duplicated {check['duplicated']}, unexpected "
                f"{check['unexpected']}, wrong choices {check['wrong_choices']} -> "
                f"{'OK' if lost_ok else 'MISMATCH'}",
                "equal, 0",
            ),
            (
                "count (round_count) / publish",
                f"{cc['count_seconds']:.2f} s / {cc['publish_seconds']:.2f} s",
                "-",
            ),
            (
                f"results page p50 / p95, 1 client x{n_req}",
                f"{res1['p50']:.0f} / {res1['p95']:.0f} ms {res1['statuses']}",
                f"p95 < {TARGET_RESULTS_P95_MS} ms "
                f"{'MET' if res1['p95'] < TARGET_RESULTS_P95_MS else 'MISSED'}",
            ),
            (
                f"results page p50 / p95, 8 clients x{n_req}",
                f"{res8['p50']:.0f} / {res8['p95']:.0f} ms, {res8['rps']:.0f} req/s",
                "(load)",
            ),
        ]
        if ide1:
            rows += [
                (
                    f"idea list (10k) p50 / p95, 1 client x{n_req}",
                    f"{ide1['p50']:.0f} / {ide1['p95']:.0f} ms {ide1['statuses']}",
                    f"p95 < {TARGET_IDEAS_P95_MS} ms "
                    f"{'MET' if ide1['p95'] < TARGET_IDEAS_P95_MS else 'MISSED'}",
                ),
                (
                    "idea list ?sort=support p50 / p95, 1 client",
                    f"{ides1['p50']:.0f} / {ides1['p95']:.0f} ms",
                    f"p95 < {TARGET_IDEAS_P95_MS} ms "
                    f"{'MET' if ides1['p95'] < TARGET_IDEAS_P95_MS else 'MISSED'}",
                ),
                (
                    f"idea list p50 / p95, 8 clients x{n_req}",
                    f"{ide8['p50']:.0f} / {ide8['p95']:.0f} ms, {ide8['rps']:.0f} req/s",
                    "(load)",
                ),
            ]
        else:
            rows.append(("idea list (10k)", "NOT MEASURED", f"p95 < {TARGET_IDEAS_P95_MS} ms"))
        for name, p in {**prof_vote, **prof_read}.items():
            rows.append(
                (
                    f"queries: {name}",
                    f"{p['queries']} queries, {p['sql_ms']} ms SQL, "
                    f"{p['ms']} ms total (HTTP {p['status']}, in-process)",
                    "",
                )
            )
        rows.append(("server log (vote phase)", str(server_errors_vote or "clean"), ""))
        rows.append(("server log (whole run)", str(server_errors or "clean"), ""))
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        print(f"\n--- {backend} ---")
        print(f"{'measure'.ljust(w0)} | {'measured'.ljust(w1)} | target")
        print(f"{'-' * w0}-+-{'-' * w1}-+-------")
        for r in rows:
            print(f"{r[0].ljust(w0)} | {r[1].ljust(w1)} | {r[2]}")
        for note in notes:
            print(f"note: {note}")
        print("slowest queries (in-process profile):")
        for name, p in {**prof_vote, **prof_read}.items():
            for q in p["slowest"]:
                print(f"  {name}: {q}")
        sys.stdout.flush()
    finally:
        stop_gunicorn(gunicorn)
        if args.keep:
            print(f"[{backend}] kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true", help="2,000 ballots")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the temp dir and server log")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.ballots = 2_000
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not args.inner:
        import django
        import gunicorn

        print(
            f"machine: nproc={os.cpu_count()} {platform.machine()} {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}, Django "
            f"{django.__version__}, gunicorn {gunicorn.__version__}"
        )
        print(
            f"load: {args.ballots} voters, {args.clients} client threads, gunicorn "
            f"-w {args.workers} --threads {args.threads}, {args.requests} GETs per page"
        )
    for backend in backends:
        if backend == "sqlite":
            run_backend("sqlite", args)
        elif backend == "postgresql":
            if os.environ.get("DATABASE_URL") or args.inner:
                run_backend("postgresql", args)
            else:
                argv = [a for a in sys.argv[1:]]
                cmd = [
                    str(ROOT / "scripts" / "with-postgres"),
                    PYTHON,
                    str(Path(__file__)),
                    *argv,
                    "--backends",
                    "postgresql",
                    "--inner",
                ]
                subprocess.run(cmd, cwd=ROOT, check=False, timeout=4 * 3600)
        else:
            raise SystemExit(f"unknown backend {backend}")


if __name__ == "__main__":
    main()
