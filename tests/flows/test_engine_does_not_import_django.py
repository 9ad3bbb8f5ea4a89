import subprocess
import sys


def test_the_flows_engine_runs_without_django():
    code = (
        "import sys; import altlep.flows.cli, altlep.flows.analysis, altlep.flows.evaluate; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
