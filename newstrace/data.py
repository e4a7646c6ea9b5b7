"""Find the case data and read article files safely."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newstrace.errors import AnnotationError, ArticleError, DataNotFoundError

if TYPE_CHECKING:  # pandas is imported where a table is made, so finding data stays light
    import pandas as pd

MAX_ARTICLE_BYTES = 5_000_000
"""Largest article file read (5 MB, about 800,000 words): larger files are refused, not truncated."""

DATA_ENV = "NEWSTRACE_DATA"
CASE_ENV = "NEWSTRACE_CASE"
CATALOGUE = "catalogue.csv"
MAIN_CASE = "main"
"""The case in data/ itself (the 2015 report); every other case is a folder data/cases/<name>/."""
CASES_FOLDER = "cases"

_chosen_case: str | None = None  # set by use_case(); wins over $NEWSTRACE_CASE


def _looks_like_data_dir(folder: Path) -> bool:
    """Return True if folder holds a catalogue and an articles folder."""
    return (folder / CATALOGUE).is_file() and (folder / "articles").is_dir()


def data_root() -> Path:
    """Return the data folder: $NEWSTRACE_DATA, a data/ above the working directory, or the repo's."""
    override = os.environ.get(DATA_ENV)
    if override:
        folder = Path(override).expanduser()
        if not _looks_like_data_dir(folder):
            raise DataNotFoundError(
                f"{DATA_ENV}={override} is not a newstrace data folder: "
                f"expected {CATALOGUE} and articles/ inside it"
            )
        return folder.resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if _looks_like_data_dir(folder / "data"):
            return folder / "data"
    packaged = Path(__file__).resolve().parent.parent / "data"
    if _looks_like_data_dir(packaged):
        return packaged
    raise DataNotFoundError(
        f"no newstrace data/ folder found above {here}: run from inside the course folder "
        f"or set {DATA_ENV} to the data folder"
    )


def _case_names(root: Path) -> list[str]:
    """Return the names of the cases under the data folder root, the main case first."""
    folder = root / CASES_FOLDER
    others = sorted(p.name for p in folder.iterdir() if _looks_like_data_dir(p)) if folder.is_dir() else []
    return [MAIN_CASE, *others]


def cases() -> list[str]:
    """Return the names of the cases in the data folder, the main case first."""
    return _case_names(data_root())


def current_case() -> str:
    """Return the active case: the one chosen by use_case(), else $NEWSTRACE_CASE, else 'main'."""
    return _chosen_case or os.environ.get(CASE_ENV, "").strip() or MAIN_CASE


def use_case(name: str | None) -> str:
    """Switch every loader, widget and gate in this process to case `name` (None: back to the default)."""
    global _chosen_case
    if name is not None:
        _case_folder(data_root(), name)  # refuse an unknown case now, not at the next load
    _chosen_case = name
    return current_case()


def _case_folder(root: Path, name: str) -> Path:
    """Return the folder of case `name` under the data folder root, or raise naming the cases there."""
    if name == MAIN_CASE or (root.name == name and root.parent.name == CASES_FOLDER):
        return root  # the main case, or $NEWSTRACE_DATA already points at this case's folder
    folder = root / CASES_FOLDER / name
    if not _looks_like_data_dir(folder):
        raise DataNotFoundError(
            f"no case {name!r} in {root / CASES_FOLDER} (set by {CASE_ENV} or use_case): "
            f"choose one of {', '.join(_case_names(root))}"
        )
    return folder


def data_dir() -> Path:
    """Return the active case's folder: data/ for the main case, data/cases/<name>/ for another."""
    return _case_folder(data_root(), current_case())


def _is_binary(raw: bytes) -> bool:
    """Return True if the bytes look like a binary file rather than text."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\v")
    return control > len(sample) * 0.05


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks and the codec that reads them, UTF-32 first (its LE mark starts like UTF-16's)."""


def _encoding_from_bom(raw: bytes) -> str:
    """Return the codec named by the byte-order mark that starts raw, else utf-8."""
    return next((codec for bom, codec in BYTE_ORDER_MARKS if raw.startswith(bom)), "utf-8")


def _looks_like_utf16_without_bom(raw: bytes) -> bool:
    """Return True if every other byte is zero, as in UTF-16 text of Latin letters saved without a mark."""
    sample = raw[:4096]
    return len(sample) >= 8 and any(
        sample[parity::2].count(0) >= 0.9 * len(sample[parity::2]) for parity in (0, 1))


HTML_START_RE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                           re.IGNORECASE | re.DOTALL)
"""A document that opens as an HTML page: a doctype or an <html> tag, after any comments."""
HTML_TAG_RE = re.compile(r"</?(?:html|head|body|div|span|p|a|script|style|meta|link|br|img|article|section|nav)\b[^>]*>",
                         re.IGNORECASE)
"""Tags of HTML page markup, counted to recognise a page saved without a doctype."""
MIN_HTML_TAGS = 3
"""A text with this many HTML tags is markup, not an article that mentions a tag."""
SAVE_AS_TEXT_HINT = (
    "or save the story as plain text: open the page in a browser, select the article's text, "
    "paste it into a text editor and save it as a UTF-8 .txt file"
)


@dataclass(frozen=True)
class LoadedArticle:
    """An article file's text and how it was read: from HTML (story extracted) or as plain text."""

    text: str
    from_html: bool = False


def looks_like_html(text: str) -> bool:
    """Return True if text is an HTML page (doctype or <html> first, or several HTML tags)."""
    return bool(HTML_START_RE.match(text)) or len(HTML_TAG_RE.findall(text, 0, 200_000)) >= MIN_HTML_TAGS


def html_to_text(html: str, name: str = "<html>") -> str:
    """Return the story of an HTML page as plain text, one paragraph a line, extracted by trafilatura."""
    try:
        import trafilatura  # lazy: an optional extra, needed only for HTML pages
    except ImportError:
        raise ArticleError(
            f"{name} is an HTML page: install the HTML extra to extract its story "
            f"(pip install 'newstrace[html]'), {SAVE_AS_TEXT_HINT}"
        ) from None
    story = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not story or not story.strip():
        raise ArticleError(f"{name} is an HTML page with no article text that could be found: "
                           f"{SAVE_AS_TEXT_HINT.removeprefix('or ')}")
    return story.strip() + "\n"


def decode_article(raw: bytes, name: str = "<bytes>") -> str:
    """Return the text of an article given as bytes (the story's text for an HTML page), or raise ArticleError."""
    return _decode(raw, name).text


def _decode(raw: bytes, name: str) -> LoadedArticle:
    """Return the article in raw bytes and whether it came from HTML, or raise ArticleError saying why not."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{name} is {len(raw):,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit: "
            "split it into one file per article"
        )
    encoding = _encoding_from_bom(raw)
    if encoding == "utf-8" and _looks_like_utf16_without_bom(raw):
        raise ArticleError(f"{name} looks like UTF-16 text without a byte-order mark: "
                           "re-save it as UTF-8 plain text")
    if encoding in ("utf-8", "utf-8-sig") and _is_binary(raw):
        raise ArticleError(f"{name} looks like a binary file: expected plain article text (.txt)")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        label = encoding.removesuffix("-sig").upper()
        raise ArticleError(
            f"{name} is not {label} text (bad byte at position {err.start}): "
            "re-save it as UTF-8 plain text"
        ) from None
    text = text.removeprefix("\ufeff")
    if encoding.startswith("utf-") and not encoding.startswith("utf-8") and _is_binary(text.encode()):
        raise ArticleError(f"{name} looks like a binary file: expected plain article text (.txt)")
    if not text.strip():
        raise ArticleError(f"{name} is empty: expected the article text")
    if looks_like_html(text):
        return LoadedArticle(html_to_text(text, name), from_html=True)
    return LoadedArticle(text)


def read_article(path: str | os.PathLike) -> str:
    """Return the full text of an article file (an HTML page's story), or raise ArticleError naming the problem."""
    return load_article(path).text


def load_article(path: str | os.PathLike) -> LoadedArticle:
    """Return an article file's text and whether it was extracted from HTML, or raise ArticleError."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"{path} does not exist: check the file name and folder")
    if not path.is_file():
        raise ArticleError(f"{path} is not a file: expected a plain-text article (.txt)")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{path} is {size:,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte limit: "
                "split it into one file per article"
            )
        raw = path.read_bytes()
    except OSError as err:
        reason = (err.strerror or type(err).__name__).lower()
        raise ArticleError(f"{path} cannot be read ({reason}): check that you may read it") from None
    return _decode(raw, str(path))


def read_folder(folder: str | os.PathLike, pattern: str = "*.txt") -> dict[str, str]:
    """Return {file stem: text} for every article file in a folder, raising on the first bad one."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ArticleError(f"{folder} is not a folder: expected a folder of .txt articles")
    files = sorted(folder.glob(pattern))
    if not files:
        raise ArticleError(f"{folder} has no {pattern} files: put one article per .txt file there")
    return {path.stem: read_article(path) for path in files}


def as_texts(texts: Mapping[str, str] | pd.Series) -> dict[str, str]:
    """Return texts as {id: text}, or raise TypeError/ValueError naming the faulty input."""
    import pandas as pd  # lazy: pandas only where a table is made, so finding data stays light

    if isinstance(texts, pd.Series):
        if not texts.index.is_unique:
            duplicated = texts.index[texts.index.duplicated()].unique().tolist()[:3]
            raise ValueError(f"text ids must be unique; repeated: {duplicated}")
        texts = texts.to_dict()
    if not isinstance(texts, Mapping):
        raise TypeError(
            f"texts must be a mapping or pandas Series of id -> text, got {type(texts).__name__}"
        )
    for key, text in texts.items():
        if not isinstance(text, str):
            raise TypeError(f"text {key!r} is {type(text).__name__}, expected str: pass article text")
    named = {str(key): text for key, text in texts.items()}
    if len(named) < len(texts):
        raise ValueError("text ids must stay unique as strings (e.g. not both 1 and '1')")
    return named


def count_words(text: str) -> int:
    """Return the number of whitespace-separated words in text."""
    return len(text.split())


def count_paragraphs(text: str) -> int:
    """Return the number of non-blank lines in text (one paragraph per line)."""
    return sum(1 for line in text.splitlines() if line.strip())


def catalogue() -> pd.DataFrame:
    """Return the case catalogue (data/catalogue.csv) as a DataFrame."""
    import pandas as pd  # lazy: see above

    return pd.read_csv(data_dir() / CATALOGUE, dtype=str, keep_default_na=False)


def articles() -> pd.DataFrame:
    """Return the case: one row per text with catalogue fields, text, words and paragraphs."""
    table = catalogue()
    folder = data_dir() / "articles"
    table["text"] = [read_article(folder / name) for name in table["file"]]
    table["words"] = table["text"].map(count_words)
    table["paragraphs"] = table["text"].map(count_paragraphs)
    for column in ("catalogue_words", "catalogue_paragraphs"):
        table[column] = table[column].astype(int)
    return table.set_index("id", drop=False).rename_axis(None)


def annotation_path(file_name: str) -> Path:
    """Return the path of a gold annotation file in data/annotations/."""
    return data_dir() / "annotations" / file_name


def read_annotation(file_name: str, reader: str) -> pd.DataFrame:
    """Return a gold annotation CSV as strings ('' for empty cells), or raise AnnotationError naming the fix.

    The one reader of data/annotations/: the widgets' answer keys and the evaluation gates use it alike.
    """
    import pandas as pd  # lazy: see above

    path = annotation_path(file_name)
    if not path.is_file():
        raise AnnotationError(
            f"{path} not found: {reader} reads its answer key from it; "
            "restore it from the course repository or set NEWSTRACE_DATA to a complete data folder"
        )
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def article(article_id: str) -> str:
    """Return the text of one case article by its catalogue id."""
    table = articles()
    if article_id not in table.index:
        raise KeyError(f"no article {article_id!r}: choose one of {', '.join(table.index)}")
    return table.loc[article_id, "text"]
