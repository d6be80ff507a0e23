"""What a wait shows: a live status line in a terminal or a notebook, plain lines, or nothing.

``progress=None`` draws where someone watches (standard output is a terminal, or the code runs
in a notebook) and is silent elsewhere; ``True`` draws there too and elsewhere writes one plain
line to standard error per change of status (CI logs); ``False`` is silent. A line shows the
resource, its status, its secondary status if it has one, and the time elapsed.

rich draws the terminal line and is imported only then; a notebook gets an IPython display
updated in place (IPython is there already). Log lines always go to standard output, above a
live line.
"""

from __future__ import annotations

import datetime
import os
import sys
import time
from typing import Any


def where() -> str | None:
    """``"notebook"``, ``"terminal"`` or None: where a live line can be seen."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None and (type(shell).__name__ == "ZMQInteractiveShell" or "google.colab" in str(type(shell))):
        return "notebook"
    stream = sys.stdout
    if stream is not None and stream.isatty() and os.environ.get("TERM") != "dumb":
        return "terminal"
    return None


def reporter(progress: bool | None, label: str) -> Reporter:
    """The reporter ``progress`` asks for, here."""
    if progress is False:
        return Reporter(label)
    place = where()
    if place == "terminal":
        return Terminal(label)
    if place == "notebook":
        return Notebook(label)
    return Lines(label) if progress else Reporter(label)


class Reporter:
    """Shows nothing but the log lines; the base of the others. A context manager."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.monotonic()
        self.status: str | None = None
        self.detail: str | None = None

    def line(self) -> str:
        """``TrainingJob 'my-job': InProgress (Training), 0:02:05``."""
        elapsed = datetime.timedelta(seconds=int(time.monotonic() - self.started))
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.label}: {self.status or 'waiting'}{detail}, {elapsed}"

    def update(self, status: str | None, detail: str | None) -> None:
        changed = (status, detail) != (self.status, self.detail)
        self.status, self.detail = status, detail
        if changed:
            self.changed()

    def changed(self) -> None:
        """The status or the secondary status changed."""

    def log(self, text: str) -> None:
        print(text, flush=True)

    def close(self) -> None:
        """The wait is over."""

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Lines(Reporter):
    """One plain line on standard error per change, for logs that no one watches live."""

    def changed(self) -> None:
        print(self.line(), file=sys.stderr, flush=True)


class Terminal(Reporter):
    """A live line that rich redraws, the time ticking between polls."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        from rich.live import Live
        from rich.spinner import Spinner

        self._spinner = Spinner("dots")
        self._done = False
        self._live = Live(self, refresh_per_second=4, transient=False, redirect_stdout=False)
        self._live.start()

    def __rich__(self) -> Any:
        if self._done:  # the last line stays, without the spinner
            return self.line()
        self._spinner.text = self.line()
        return self._spinner

    def log(self, text: str) -> None:
        self._live.console.print(text, markup=False, highlight=False, emoji=False, soft_wrap=True)

    def close(self) -> None:
        self._done = True
        self._live.stop()


class Notebook(Reporter):
    """A line in the cell's output, replaced at each poll."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        from IPython.display import display

        shown = {"text/plain": self.line()}
        self._handle = display(shown, raw=True, display_id=True)  # type: ignore[no-untyped-call]

    def update(self, status: str | None, detail: str | None) -> None:
        super().update(status, detail)
        self._handle.update({"text/plain": self.line()}, raw=True)

    def close(self) -> None:
        self._handle.update({"text/plain": self.line()}, raw=True)
