import subprocess
import sys


def test_the_funding_and_wage_rules_run_without_django():
    code = (
        "import sys; import altlep.skills.funding, altlep.skills.wages, altlep.skills.cli; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
