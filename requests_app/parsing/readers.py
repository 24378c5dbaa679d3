"""Which reader a file needs: magic bytes first, the file name's extension second.

Limits are enforced here, before any library sees the bytes; zip archives of
attachments are unpacked here too, after the zip-bomb checks.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from requests_app.parsing.csv_reader import decode_text, read_csv, sniff_delimiter
from requests_app.parsing.model import Extracted, Limits, ParseError, TextBlock
from requests_app.parsing.xlsx import check_zip, open_zip

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_KNOWN_BINARY = {  # magic bytes of things people attach that we cannot read
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image", b"Rar!": "RAR archive", b"7z\xbc\xaf": "7-Zip archive", b"\x1f\x8b": "gzip file",
    b"{\\rtf": "RTF document",
}
_HEADER = re.compile(r"^[!-9;-~]+:[ \t]")
_MAIL_HEADERS = {"from", "to", "subject", "date", "mime-version", "message-id", "received", "return-path", "cc"}
# One of these in a real message (RFC 5322 requires Date); an e-mail pasted from Outlook into a
# text file has "From:", "Sent:", "To:", "Subject:" and is a letter to read as text.
_MESSAGE_HEADERS = {"date", "mime-version", "message-id", "received", "return-path", "content-type"}
_HTML_START = ("<!doctype html", "<html", "<table", "<body", "<head", "<div", "<meta")
_JUNK_MEMBERS = ("__MACOSX/", ".DS_Store", "Thumbs.db")


def read(data: bytes, name: str, limits: Limits) -> Extracted:
    if not data:
        raise ParseError("empty file")
    if len(data) > limits.max_bytes:
        raise ParseError(f"file is {len(data):,} bytes, over the {limits.max_bytes:,}-byte limit")
    try:
        return _dispatch(data, name, limits)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("file nested too deeply to read") from None
    except Exception as exc:  # a library's own bug or a file no reader foresaw: one line, not a traceback
        raise ParseError(f"unreadable file ({type(exc).__name__}: {' '.join(str(exc).split())[:100]})") from exc


def _dispatch(data: bytes, name: str, limits: Limits) -> Extracted:
    if data[:1024].lstrip().startswith(b"%PDF") or (b"%PDF-" in data[:1024] and _ext(name) == "pdf"):
        from requests_app.parsing.pdf import read_pdf

        return read_pdf(data, name, limits)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _read_zip_based(data, name, limits)
    if data.startswith(_OLE2):
        return _read_ole2(data, name, limits)
    return _read_text_based(data, name, limits)


def _read_zip_based(data: bytes, name: str, limits: Limits) -> Extracted:
    zf = open_zip(data, limits)
    names = set(zf.namelist())
    if "xl/workbook.xml" in names:
        from requests_app.parsing.xlsx import read_xlsx

        return read_xlsx(data, name, limits)
    if "word/document.xml" in names:
        from requests_app.parsing.docx import read_docx

        return read_docx(data, name, limits)
    if "mimetype" in names and "content.xml" in names:
        if zf.read("mimetype").strip() == _ODS_MIME:
            from requests_app.parsing.xlsx import read_ods

            return read_ods(data, name, limits)
        raise ParseError("unsupported file type (OpenDocument file that is not a spreadsheet)")
    if "xl/workbook.bin" in names or "ppt/presentation.xml" in names:
        raise ParseError("unsupported file type (Excel binary workbook or PowerPoint file)")
    return _unzip(zf, limits)


def _unzip(zf: zipfile.ZipFile, limits: Limits) -> Extracted:
    """A zip of attachments: its members, for the caller to parse in turn."""
    check_zip(zf, limits, max_members=limits.max_attachments)
    members = []
    for info in zf.infolist():
        path = info.filename.replace("\\", "/")
        if info.is_dir() or any(junk in path for junk in _JUNK_MEMBERS):
            continue
        if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or ".." in PurePosixPath(path).parts:
            raise ParseError(f"zip member with an unsafe path: {info.filename}")
        if info.flag_bits & 0x1:
            raise ParseError("encrypted zip archive")
        try:
            members.append((path, zf.read(info)))
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
            raise ParseError(f"corrupt zip archive: {exc}") from None
    return Extracted(attachments=tuple(members))


def _read_ole2(data: bytes, name: str, limits: Limits) -> Extracted:
    # Password-protected XLSX/DOCX files are OLE2 containers holding an EncryptedPackage stream.
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise ParseError("encrypted Office document")
    if "Workbook".encode("utf-16-le") not in data and "Book".encode("utf-16-le") not in data:
        raise ParseError("unsupported file type (OLE2 document that is not an Excel workbook, e.g. a .doc or .msg)")
    from requests_app.parsing.xlsx import read_xls

    return read_xls(data, name, limits)


def _read_text_based(data: bytes, name: str, limits: Limits) -> Extracted:
    for magic, what in _KNOWN_BINARY.items():
        if data.startswith(magic):
            raise ParseError(f"unsupported file type ({what})")
    if _looks_binary(data):
        raise ParseError("unsupported file type (binary data)")
    text = decode_text(data)
    ext = _ext(name)
    if ext == "eml" or _is_email(text):
        from requests_app.parsing.eml import read_eml

        return read_eml(data, name, limits)
    if ext in ("html", "htm") or _is_html(text):
        from requests_app.parsing.html import read_html

        return read_html(text, name, limits)
    if ext in ("csv", "tsv") or sniff_delimiter(text, strict=True):
        return read_csv(data, name, limits)
    # A plain-text file is a reply letter: its text is the reply body.
    return Extracted(blocks=(TextBlock(text, "body"),))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or control > len(sample) * 0.05


def _is_email(text: str) -> bool:
    """A header block (up to the first blank line) of real headers, two of them mail headers and
    one only a message has."""
    names = set()
    for line in text.lstrip("\ufeff").split("\n")[:200]:
        line = line.rstrip("\r")
        if not line:
            break
        if line[0] in " \t" and names:
            continue
        if not _HEADER.match(line):
            return False
        names.add(line.split(":", 1)[0].lower())
    return len(names & _MAIL_HEADERS) >= 2 and not names.isdisjoint(_MESSAGE_HEADERS)


def _is_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:4096].lower()
    return head.startswith("<") and any(marker in head for marker in _HTML_START)


def _ext(name: str) -> str:
    return PurePosixPath(name.lower()).suffix.lstrip(".")
