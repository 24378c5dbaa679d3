import json
import sys

from django.core.management.base import BaseCommand

from requests_app.parsing import Limits, ParseError, parse_path
from requests_app.parsing.render import table_text


class Command(BaseCommand):
    help = "Parse FOI reply files (text, PDF, XLSX/XLS/ODS, CSV, DOCX, HTML, .eml) into tables and facts."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", help="print the JSON of shared/spec/parsed-reply.md")
        parser.add_argument("--max-bytes", type=int, default=Limits.max_bytes, help="refuse files larger than this")

    def handle(self, *args, paths, **options):
        limits = Limits(max_bytes=options["max_bytes"])
        documents, failed = [], False
        for path in paths:
            try:
                parsed = parse_path(path, limits)
            except ParseError as exc:
                failed = True
                self.stderr.write(f"{path}: {exc}")
                continue
            except Exception as exc:  # a parser bug must not show the user a traceback
                failed = True
                self.stderr.write(f"{path}: could not be parsed ({type(exc).__name__}: {exc})")
                continue
            documents.append(parsed.as_json())
            if not options["json"]:
                self._print_readable(parsed.as_json())
        if options["json"]:
            out = documents[0] if len(paths) == 1 and documents else documents
            if len(paths) > 1 or documents:
                self.stdout.write(json.dumps(out, indent=2, ensure_ascii=False))
        if failed:
            sys.exit(2)

    def _print_readable(self, doc: dict) -> None:
        w = self.stdout.write
        w(f"== {doc['source']}")
        w(f"reference: {doc['reference'] or '—'}   letter: {doc['letter_date'] or '—'}   "
          f"received: {doc['request_received_date'] or '—'}")
        w(f"exemptions: {', '.join(doc['exemptions']) or 'none'}"
          + ("   (neither confirm nor deny)" if doc["neither_confirm_nor_deny"] else ""))
        for warning in doc["warnings"]:
            w(f"warning: {warning}")
        for n, table in enumerate(doc["tables"], 1):
            w("")
            w(table_text(table, n))
        if not doc["tables"]:
            w("no tables found")
        w("")
