"""`python -m altlep.pb …` runs the `pb` command group on its own."""

from altlep.pb.cli import pb

if __name__ == "__main__":
    pb()
