"""A saved article page to a ``RawDocument``: the article's paragraphs, metadata from meta tags.

Page chrome (scripts, styles, navigation, footers, asides, forms) is dropped before any text is
taken. The main text is the ``<article>`` element's paragraphs when the page has one, else every
``<p>`` of the page, else the whole body; paragraphs are separated by blank lines so that the
repair step sees real paragraph breaks.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from kibaru.model import RawDocument

_CHROME = "script, style, noscript, template, nav, footer, aside, form, iframe, svg, button"
_SPACES = re.compile(r"\s+")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def read_html(source: str, page: str) -> RawDocument:
    """The article in ``page``; empty text when the page holds none (the caller records that)."""
    # A <br> separates words; text(separator="") would glue them together.
    tree = LexborHTMLParser(_BREAK.sub(" ", page))
    site = _meta(tree, "og:site_name")
    title = _meta(tree, "og:title") or _page_title(tree, site) or _text_of(tree.css_first("h1"))
    author = _meta(tree, "author", "article:author", "dc.creator", "byl")
    if author and author.startswith(("http://", "https://")):
        # article:author is often a profile URL, which is no name.
        author = None
    published = _meta(tree, "article:published_time", "datepublished", "date", "pubdate",
                      "dc.date", "dc.date.issued", "og:published_time")
    if published is None:
        time = tree.css_first("time[datetime]")
        published = time.attributes.get("datetime") if time is not None else None
    canonical = tree.css_first('link[rel="canonical"]')
    url = _meta(tree, "og:url") or (canonical.attributes.get("href") if canonical is not None else None)
    html_node = tree.css_first("html")
    language = html_node.attributes.get("lang") if html_node is not None else None

    for node in tree.css(_CHROME):
        node.decompose()
    return RawDocument(
        source=source,
        text=_main_text(tree),
        title=title,
        published=published,
        url=url,
        outlet=site,
        author=author,
        language=language or None,
    )


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    """The first non-empty ``content`` of a meta tag named (name= or property=) any of ``names``."""
    wanted = {n.casefold(): k for k, n in enumerate(names)}
    best: tuple[int, str] | None = None
    for node in tree.css("meta[content]"):
        key = (node.attributes.get("property") or node.attributes.get("name") or
               node.attributes.get("itemprop") or "").casefold()
        content = _SPACES.sub(" ", node.attributes.get("content") or "").strip()
        if key in wanted and content and (best is None or wanted[key] < best[0]):
            best = (wanted[key], content)
    return best[1] if best else None


def _page_title(tree: LexborHTMLParser, site: str | None) -> str | None:
    title = _text_of(tree.css_first("title"))
    if title and site:
        # "Headline | Site" or "Headline - Site": the site name is the outlet, not the title.
        for sep in (" | ", " - ", " – ", " — "):
            head, found, tail = title.rpartition(sep)
            if found and tail.strip().casefold() == site.casefold():
                return head.strip() or title
    return title


def _text_of(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    text = _SPACES.sub(" ", node.text(separator=" ")).strip()
    return text or None


def _main_text(tree: LexborHTMLParser) -> str:
    article = tree.css_first("article")
    scope = article if article is not None else tree.body
    if scope is None:
        return ""
    paragraphs = [t for t in (_inline_text(p) for p in scope.css("p")) if t]
    if not paragraphs:
        paragraphs = [t for t in (_SPACES.sub(" ", line).strip()
                                  for line in scope.text(separator="\n").split("\n")) if t]
    return "\n\n".join(paragraphs)


def _inline_text(node: LexborNode) -> str:
    # Inline tags (<b>, <a>) sit inside words and sentences: no separator, only the page's spaces.
    return _SPACES.sub(" ", node.text(separator="")).strip()
