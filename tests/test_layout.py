"""The layout's import rules (docs/architecture.md), checked on the source files.

One package per feature under components/, three layers inside it: frames (pure pandas),
figures (plotly, no streamlit), view.py (the only streamlit). What features share lives in
components/app/ or components/data/; a feature never imports another one; a page imports
only components/app/ and its own feature. Each rule is read from the imports of every
module (those inside functions too), so it keeps holding as the code grows. And no module
passes ~500 lines (issue 17).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"
FEATURES = (
    "timeline",
    "stances",
    "map",
    "disagreements",
    "source",
    "sources",
    "overview",
    "tables",
    "review",
)
# Libraries under components/ that know nothing of the app: the data layer, and the draft
# extractor (its command line and the Review page both use it).
LIBRARIES = ("data", "extract")
# Page file -> its feature (the Data page's feature is the tables).
PAGE_FEATURES = {
    "overview": "overview",
    "timeline": "timeline",
    "stances": "stances",
    "map": "map",
    "disagreements": "disagreements",
    "source": "source",
    "data": "tables",
    "sources": "sources",
    "review": "review",
}
# The pure modules of app/: what several features compute alike (the filter rule, the
# contradiction pairs, the places with their counts). No streamlit in them, like data/.
PURE_APP_MODULES = (
    "components.app.filters",
    "components.app.contradictions",
    "components.app.places",
    "components.app.reports",
)
# The one app module allowed to import features: the server's warm-up builds each
# feature's folder-wide views (see docs/architecture.md for why it names them).
APP_MODULES_IMPORTING_FEATURES = {"components.app.warm_up"}
# (page, module) pairs allowed beyond the rule, each with its reason.
PAGE_EXCEPTIONS = {
    # The Overview links to every page of the router's list.
    ("overview", "dashboard"),
}
# A feature's modules of the figures layer: they may import plotly, never streamlit.
FIGURE_MODULE_PREFIXES = ("figure", "model")
# A module longer than this is two ideas (issue 17): split it by what each part computes.
MAX_MODULE_LINES = 500


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def is_in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def feature_of(module: str) -> str | None:
    return next((f for f in FEATURES if is_in(module, f"components.{f}")), None)


SOURCES = {module_name(path): path for path in sorted(COMPONENTS.rglob("*.py"))}
IMPORTS = {module: imported_modules(path) for module, path in SOURCES.items()}
FEATURE_MODULES = sorted(module for module in SOURCES if feature_of(module))
PAGES = sorted((ROOT / "pages").glob("*.py"))


def test_every_feature_is_a_package_with_a_view():
    for feature in FEATURES:
        assert f"components.{feature}.view" in SOURCES, feature
    assert sorted(p.stem for p in PAGES) == sorted(PAGE_FEATURES)


@pytest.mark.parametrize("module", FEATURE_MODULES)
def test_only_a_features_view_imports_streamlit(module):
    if module.endswith(".view"):
        return
    assert not any(is_in(name, "streamlit") for name in IMPORTS[module]), module


@pytest.mark.parametrize("module", FEATURE_MODULES)
def test_frames_import_neither_streamlit_nor_plotly(module):
    """Every module of a feature but its view, figures and model is pure pandas."""
    last = module.rsplit(".", 1)[-1]
    if last == "view" or last.startswith(FIGURE_MODULE_PREFIXES):
        return
    assert not any(is_in(name, "plotly") for name in IMPORTS[module]), module


@pytest.mark.parametrize("module", FEATURE_MODULES)
def test_a_feature_imports_no_other_feature(module):
    own = feature_of(module)
    others = {feature_of(name) for name in IMPORTS[module]} - {None, own}
    assert not others, f"{module} imports the {sorted(others)} feature(s)"


def test_app_imports_no_feature_but_the_warm_up():
    for module, names in IMPORTS.items():
        if is_in(module, "components.app") and module not in APP_MODULES_IMPORTING_FEATURES:
            features = sorted({feature_of(name) for name in names} - {None})
            assert not features, f"{module} imports {features}"


def test_libraries_and_pure_app_modules_import_no_streamlit_or_feature():
    for module, names in IMPORTS.items():
        library = any(is_in(module, f"components.{name}") for name in LIBRARIES)
        if library or module in PURE_APP_MODULES:
            for name in names:
                assert not is_in(name, "streamlit"), (module, name)
                assert feature_of(name) is None, (module, name)
                if library:
                    assert not is_in(name, "components.app"), (module, name)
                else:
                    assert not is_in(name, "plotly"), (module, name)


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.stem)
def test_a_page_imports_only_app_and_its_own_feature(page):
    feature = PAGE_FEATURES[page.stem]
    for name in imported_modules(page):
        if not (is_in(name, "components") or name == "dashboard"):
            continue  # streamlit, the standard library
        allowed = (
            is_in(name, "components.app")
            or is_in(name, f"components.{feature}")
            or (page.stem, name) in PAGE_EXCEPTIONS
        )
        assert allowed, f"pages/{page.name} imports {name}"


def test_no_module_is_left_at_the_top_of_components():
    top = {m for m in SOURCES if m.count(".") == 1 and m != "components.__init__"}
    packages = {f"components.{name}" for name in (*FEATURES, *LIBRARIES, "app")}
    assert top - packages == set()


@pytest.mark.parametrize(
    "path",
    [*SOURCES.values(), *PAGES],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_no_module_is_over_the_length_limit(path):
    """No source module of components/ or pages/ passes MAX_MODULE_LINES lines."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)}: {lines} lines"
