"""`python -m altlep.stv …` runs the `stv` command group on its own."""

from altlep.stv.cli import stv

if __name__ == "__main__":
    stv()
