"""The README stays exact: its first commands and its page table match the code."""

import re
from pathlib import Path

import dashboard
from components.data import CACHE_DIR_ENV, DATA_DIR_ENV

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_first_two_commands_are_make_run_then_make_test():
    commands = re.findall(r"```sh\n(.*?)\n```", README, flags=re.DOTALL)
    assert commands[:2] == ["make run", "make test"]


def test_every_page_is_in_the_page_table():
    for index, spec in enumerate(dashboard.PAGES):
        address = "/" if index == 0 else f"/{spec.url_path}"
        assert f"| {spec.title} | `{address}` |" in README, spec.title


def test_data_folder_variable_is_documented():
    assert f"{DATA_DIR_ENV}=/path/to/folder make run" in README


def test_cache_folder_variable_is_documented():
    assert f"{CACHE_DIR_ENV}=/path/to/cache make run" in README
