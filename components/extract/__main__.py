"""Command line of the draft extractor (issue 20; the interface is fixed):

    python -m components.extract ARTICLE.txt --published YYYY-MM-DD [--format json]
                                 [--out DIR] [--data DIR] [--issuer NAME] [--title TEXT]

Without --format json it prints a short readable summary. --out writes an article folder
(never over an existing one). --data names the registry (default: the bundled data/).
--issuer names the article's outlet or issuing body ("Ministry of Defence of Armenia"):
when the registry knows it as a body, the release's own sentences are its statements.
--title gives the headline as published: a release's headline ("Statement of the Ministry
of Foreign Affairs of Armenia") names its issuer when --issuer does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from components.data import resolve_data_dir

from .draft import Draft, extract
from .folder import FolderExistsError, write_article_folder
from .model import ModelError
from .registry import load_registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.extract", description=__doc__)
    parser.add_argument("article", type=Path, help="the article text (UTF-8)")
    parser.add_argument("--published", required=True, type=_iso_date, help="YYYY-MM-DD")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--out", type=Path, help="write a new article folder here")
    parser.add_argument("--data", help="data folder whose registry to resolve against")
    parser.add_argument("--issuer", help="the article's outlet or issuing body, if known")
    parser.add_argument("--title", help="the article's headline as published, if known")
    args = parser.parse_args(argv)
    try:
        text = args.article.read_text(encoding="utf-8")
        registry = load_registry(resolve_data_dir(args.data))
        draft = extract(text, args.published, registry, issuer=args.issuer, title=args.title)
        if args.out:
            write_article_folder(draft, args.out)
    except (OSError, UnicodeDecodeError, ValueError, ModelError, FolderExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(draft.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(_summary(draft))
    if args.out:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from error


def _summary(draft: Draft) -> str:
    lines = [
        f"{len(draft.statements)} statements, {len(draft.actors)} actors, "
        f"{len(draft.locations)} places"
    ]
    for s in draft.statements:
        who = s.speaker_actor_id or f"NEW {s.speaker_name!r}"
        lines.append(f"- [{who}] {s.statement_type}, {s.date_expression}: {s.quote[:100]}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
