"""Running the `explainer` command in-process, as a user would, for every CLI test."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def run_cli(project: Path | None, command: str, *extra: str) -> tuple[int, str]:
    """Exit code and output of `explainer COMMAND`, on `project`'s seeds and data if given.

    Every user mistake must end in a clear message: an exception other than the exit, or a
    traceback in the output, fails the calling test.
    """
    folders = (
        ["--seeds", str(project / "seeds"), "--data", str(project / "data")] if project else []
    )
    result = CliRunner().invoke(main, [command, *folders, *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output
