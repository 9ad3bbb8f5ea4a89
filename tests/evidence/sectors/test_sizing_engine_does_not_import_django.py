import subprocess
import sys


def test_the_sizing_arithmetic_runs_without_django():
    code = (
        "import sys, altlep.evidence.sizing; assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_survey_disclosure_and_plan_sections_run_without_django():
    code = (
        "import sys, altlep.governance.disclosure, altlep.governance.plan_text; "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
