import subprocess
import sys


def test_the_network_scorecard_and_impact_arithmetic_run_without_django():
    code = (
        "import sys; import altlep.evidence.network.engine, altlep.evidence.network.files, "
        "altlep.evidence.network.draw, altlep.evidence.network.resolve, "
        "altlep.evidence.resilience.arithmetic, "
        "altlep.evidence.impact.aggregate; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
