"""The README stays exact: its first commands and its page table match the code."""

import re
from pathlib import Path

import dashboard
from components.data import CACHE_DIR_ENV, DATA_DIR_ENV

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def test_readme_stays_short():
    # A newcomer's page: what it is, the two commands, the pages, how to add an article, the docs.
    assert len(README.splitlines()) <= 150


def test_every_local_link_and_image_exists():
    targets = re.findall(r"\]\(([^)#\s]+)\)", README)
    local = [target for target in targets if "://" not in target]
    assert "docs/screenshot-overview.png" in local
    missing = [target for target in local if not (ROOT / target).is_file()]
    assert not missing


def test_every_page_is_described_in_full_in_the_pages_doc():
    pages_doc = (ROOT / "docs" / "pages.md").read_text(encoding="utf-8")
    for index, spec in enumerate(dashboard.PAGES):
        address = "/" if index == 0 else f"/{spec.url_path}"
        assert f"| {spec.title} | `{address}` |" in pages_doc, spec.title


def test_commands_in_the_readme_name_real_modules():
    # Every `.venv/bin/python -m X` the README gives can be found as a module.
    import importlib.util

    modules = set(re.findall(r"\.venv/bin/python -m ([\w.]+)", README))
    assert {"components.extract", "components.data"} <= modules
    assert all(importlib.util.find_spec(module) is not None for module in modules)


def test_the_corpus_figures_are_counted_from_the_article_files():
    """The opening's article and outlet counts and dates, the corpus table's articles and
    outlets per side and its rows: as the article.yaml files have them (a stale README
    said 174 articles for a corpus of 219)."""
    import pandas as pd

    from tests.corpus_files import article_count, article_files, publication_days

    outlets = {record.outlet for record in article_files()}
    first, last = (pd.Timestamp(day) for day in publication_days())
    # Round 15: the corpus runs into January 2022, so the first day names its year when
    # the two years differ ("12 May 2021 – 12 January 2022"; one year: "12 May – 29 December
    # 2021"). "12 May – 12 January 2022" would read as May 2022.
    first_year = f" {first:%Y}" if first.year != last.year else ""
    dates = f"{first.day} {first:%B}{first_year} – {last.day} {last:%B %Y}"
    prose = " ".join(README.split())
    assert f"{article_count()} real news articles and official texts ({dates}) from " in prose
    assert f"from {len(outlets)} outlets and issuers" in prose
    labels = {
        "armenia": "Armenian",
        "russia": "Russian",
        "azerbaijan": "Azerbaijani",
        "west": "Western",
        "international": "International",
        "other": "Other",
    }
    rows = re.findall(r"^\| (\w+) \| (\d+) \| (\d+): ", README, flags=re.MULTILINE)
    by_side = {}
    for side, label in labels.items():
        side_outlets = {record.outlet for record in article_files() if record.side == side}
        by_side[label] = (str(article_count(side)), str(len(side_outlets)))
    assert {label: (articles, count) for label, articles, count in rows} == by_side
    table_rows = sum(int(count) for _, count in by_side.values())
    assert f"{table_rows} rows, {len(outlets)} outlets." in prose
