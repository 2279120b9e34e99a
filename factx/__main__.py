"""``python -m factx`` runs the command line."""
from .cli import run

run()
