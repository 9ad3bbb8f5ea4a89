import subprocess
import sys


def test_the_check_engine_and_its_ocds_reader_run_without_django():
    code = (
        "import sys; import altlep.procurement.check.engine, altlep.procurement.check.ocds, "
        "altlep.procurement.cli; assert 'django' not in sys.modules, 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
