"""One line per thing the simulators do, so a newcomer can follow along."""

from rich.console import Console

_console = Console(highlight=False)
COLOURS = {"channels": "cyan", "warehouse": "magenta", "carrier": "yellow", "demo": "green"}


def say(actor: str, text: str) -> None:
    _console.print(f"[{COLOURS.get(actor, 'white')}]{actor:>9}[/] {text}")
