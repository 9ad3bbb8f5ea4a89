import subprocess
import sys


def test_the_sizing_arithmetic_runs_without_django():
    code = (
        "import sys, altlep.evidence.sizing; assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
