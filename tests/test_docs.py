"""Documentation that fails when it falls behind the code."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from jsonschema import Draft202012Validator

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_documented_in_the_readme_and_has_help() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        assert f"explainer {name}" in readme, f"`explainer {name}` is not in README.md"
        assert command.help and len(command.help) > 40, name
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "--seeds" in result.output


def test_every_field_of_the_data_schema_is_documented_for_editors() -> None:
    schema = json.loads((ROOT / "generator/schema/data.schema.json").read_text())
    doc = (ROOT / "docs/editors/data-model.md").read_text()
    for name, definition in schema["$defs"].items():
        for field in definition.get("properties", {}):
            assert f"`{field}`" in doc, (
                f"{name}.{field} is not documented in docs/editors/data-model.md"
            )


def test_every_export_key_is_documented_and_the_schema_is_valid() -> None:
    schema = json.loads((ROOT / "generator/schema/export.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    doc = (ROOT / "docs/editors/export.md").read_text()
    for key in schema["properties"]:
        assert f"`{key}" in doc, f"export key {key} is not documented"


def test_metadata_schema_matches_the_loader() -> None:
    from generator.sources import META_KEYS

    schema = json.loads((ROOT / "generator/schema/source.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    assert sorted(schema["properties"]) == sorted(META_KEYS)
    for meta in (ROOT / "seeds").glob("*.yaml"):
        assert meta.read_text().startswith(
            "# yaml-language-server: $schema=../generator/schema/source.schema.json"
        )
