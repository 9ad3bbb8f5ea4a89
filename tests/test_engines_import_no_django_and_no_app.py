"""The engines (pb, flows, stv, geo) are pure: importing every one of their modules, in a fresh
interpreter, loads neither Django nor any app of the project (DESIGN's one-way arrows)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("altlep.pb", "altlep.flows", "altlep.stv", "altlep.geo")
# Plain helper modules written for engines and apps alike (no Django, no app); the probe's
# check that Django never loads covers them too.
SHARED_HELPERS = ("altlep.safe_csv",)

PROBE = """
import importlib, json, pkgutil, sys
engine = importlib.import_module(sys.argv[1])
names = [engine.__name__] + [
    m.name for m in pkgutil.walk_packages(engine.__path__, engine.__name__ + ".")
    if not m.name.endswith(".__main__")  # running it would run the command
]
for name in names:
    importlib.import_module(name)
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""


def _engine_of(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) >= 2 and parts[0] == "altlep" else None


@pytest.mark.parametrize("engine", ENGINES)
def test_an_engine_imports_neither_django_nor_any_app(engine):
    import json

    done = subprocess.run(
        [sys.executable, "-c", PROBE, engine],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(found["imported"]) > 1
    django = [m for m in found["modules"] if m == "django" or m.startswith("django.")]
    assert not django, f"{engine} loads Django: {django[:5]}"
    apps = sorted({_engine_of(m) for m in found["modules"]} - {None, *ENGINES, *SHARED_HELPERS})
    assert not apps, f"{engine} loads modules that are not engines: {apps}"
