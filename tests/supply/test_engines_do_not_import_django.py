import subprocess
import sys


def test_matching_covering_and_alternatives_run_without_django():
    code = (
        "import sys; import altlep.supply.cpv, altlep.supply.matching, altlep.supply.covering, "
        "altlep.supply.alternatives, altlep.supply.charts; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
