"""What people read: an article with its figures highlighted, and claims whose sources disagree.

Rendering only; the records come from the same extraction as ``factx extract``.
Rich drops colour by itself when the output is not a terminal or NO_COLOR is set.
"""
from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

KIND_STYLES = {"count": "bold cyan", "money": "bold green", "percent": "bold magenta", "measure": "bold yellow",
               "duration": "bold blue", "age": "bold red", "other": "bold white"}  # factx report uses the same


MOD_WORDS = {"approx": "about", "less_than": "less than", "more_than": "more than", "at_most": "at most",
              "at_least": "at least"}


_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def number(value: int | float | None) -> str:
    """12500000 -> '12.5 million', 4300 -> '4,300', 0.6667 -> '0.6667': separators and scale words, never
    '1e+07'."""
    if value is None:
        return ""
    for size, word in _SCALES:
        if abs(value) >= size and round(value / size, 3) == value / size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_value(figure: dict) -> str:
    """A figure's value for people, the same in every view: 'more than 1,000', '10,000,000–15,000,000',
    'about 300'."""
    if figure["value"] is not None or figure["low"] == figure["high"]:
        value = number(figure["value"] if figure["value"] is not None else figure["low"])
    else:
        value = f"{number(figure['low'])}\u2013{number(figure['high'])}"
    return f"{MOD_WORDS.get(figure['mod'], figure['mod'])} {value}" if figure["mod"] else value



def format_allowed(bounds: list) -> str:
    """The range a figure allows in a claim: '240–360', '1,000 or more', 'any'."""
    low, high = bounds
    if low is None and high is None:
        return "any"
    if high is None:
        return f"{number(low)} or more"
    if low is None:
        return f"up to {number(high)}"
    return f"{number(low)}\u2013{number(high)}"


_RATIOS = {"#": 0, "doc": 2, "figure": 2, "value": 2, "unit": 1, "who": 2, "when": 2, "where": 1, "claim": 0}


def records_table(records: list[dict], *, numbered: bool = False, title: str | None = None) -> Table:
    """The records for people (``factx extract``'s table, ``factx show``'s with numbers and claims): one line a
    record at any width. Numbers and names are cut with an ellipsis, never wrapped inside a word or a number;
    one document's name goes in the title, not in a column."""
    docs = list(dict.fromkeys(r["doc"] for r in records))
    single = len(docs) <= 1
    table = Table(header_style="bold", title=title or (docs[0] if len(docs) == 1 else None), title_justify="left",
                  pad_edge=False)
    columns = (["#"] if numbered else []) + ([] if single else ["doc"]) + \
        ["figure", "value", "unit", "who", "when", "where"] + (["claim"] if numbered else [])
    for column in columns:
        table.add_column(column, overflow="ellipsis", no_wrap=True, ratio=_RATIOS[column] or None,
                         min_width={"figure": 4, "value": 5}.get(column, 2 if column in ("#", "claim") else 3))
    for n, r in enumerate(records, 1):
        fig, when = r["figure"], r["when"]
        cells = ([str(n)] if numbered else []) + ([] if single else [_short_doc(r["doc"])])
        cells += [Text(fig["text"], style=KIND_STYLES.get(fig["kind"], "")) if numbered else fig["text"],
                  format_value(fig), fig["unit"] or "", (r["who"] or {}).get("name", ""),
                  f"{when['text']} ({when['value']})" if when and when["value"] else (when or {}).get("text", ""),
                  (r["where"] or {}).get("text", "")] + ([r.get("claim") or ""] if numbered else [])
        table.add_row(*cells)
    return table


def fit(table: Table, width: int) -> Table:
    """Shrink ``table`` to ``width`` columns when it is wider (Rich's measure() clamps to its console's width)."""
    natural = Console(file=io.StringIO(), width=100_000).measure(table).maximum
    table.expand = natural > width
    return table


def _short_doc(doc: str) -> str:
    """A document's name as short as it stays readable: a path's file name ('a/b/wikinews-8983.txt' -> the name)."""
    return doc.rsplit("/", 1)[-1]


def article_view(doc_id: str, text: str, records: list[dict]) -> Group:
    """The article with each figure highlighted and numbered, then a table of its records."""
    body = Text()
    cursor = 0
    for n, record in enumerate(records, 1):
        fig = record["figure"]
        body.append(text[cursor:fig["start"]])
        body.append(text[fig["start"]:fig["end"]], style=KIND_STYLES.get(fig["kind"], "bold"))
        body.append(f"[{n}]", style="dim")
        cursor = fig["end"]
    body.append(text[cursor:])
    table = records_table(records, numbered=True, title=f"{len(records)} figure{'' if len(records) == 1 else 's'}")
    legend = Text("  ".join(f"{kind}" for kind in KIND_STYLES), style="dim")
    for kind, style in KIND_STYLES.items():
        legend.highlight_words([kind], style=style)
    return Group(Panel(body, title=doc_id, title_align="left"), legend, table, provenance_view(records))


def _fitted(renderable, console: Console):
    """Tables of a view shrunk to the console's width (cut with ellipses, never wrapped inside a word)."""
    for part in getattr(renderable, "renderables", [renderable]):
        if isinstance(part, Table):
            fit(part, console.width)
    return renderable


def found_by(record: dict, key: str) -> str:
    """'reporting verb', 'poll passage, carried from: "A Gallup survey ..."': how a field was found."""
    origin = (record.get("provenance") or {}).get(key) or {}
    if not origin.get("rule"):
        return ""
    carried = origin.get("carried_from")
    return f"{origin['rule']}, carried from: \u201c{_shorten(carried['text'])}\u201d" if carried else origin["rule"]


def _shorten(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "\u2026"


def provenance_view(records: list[dict]) -> Table:
    """How each figure's who, when and where were found, so a fact-checker sees which fields to double-check."""
    table = Table(title="how each field was found", title_justify="left", header_style="bold", pad_edge=False)
    for column in ("#", "who", "when", "where"):
        table.add_column(column, overflow="ellipsis", no_wrap=True, ratio=None if column == "#" else 2)
    for n, r in enumerate(records, 1):
        found = [found_by(r, key) for key in ("who", "when", "where")]
        if any(found):
            table.add_row(str(n), *found)
    return table


def conflicts_view(claims: list[dict]) -> Group:
    """One table per claim: who reported which figure, and whether they agree."""
    parts = []
    for claim in claims:
        verdict = Text("agree", style="green") if claim["agree"] else Text("DISAGREE", style="bold red")
        title = Text.assemble((f"{claim['what']}", "bold"), f" of {claim['subject']}" if claim.get("subject") else "",
                              f" ({claim['unit'] or 'no unit'})",
                              f" where: {claim['where'] or '-'}", f"  when: {claim['when'] or '-'}  ", verdict)
        table = Table(title=title, title_justify="left", header_style="bold")
        for column in ("doc", "who", "figure", "range", "allows"):
            table.add_column(column, overflow="fold")
        for f in claim["figures"]:
            table.add_row(f["doc"], f["who"] or "(unattributed)", f["figure"],
                          format_value({"value": None, "low": f["low"], "high": f["high"], "mod": f["mod"]}),
                          format_allowed(f["allows"]))
        parts.append(table)
    if not parts:
        parts.append(Text("no claim with two or more sources or values"))
    return Group(*parts)


def plain() -> dict:
    """Console settings for NO_COLOR (no-color.org): no escape code at all, not even bold."""
    import os

    return {"color_system": None} if os.environ.get("NO_COLOR") else {}


def render(renderable, out, console: Console | None = None) -> None:
    console = console or Console(file=out, highlight=False, soft_wrap=False, **plain())
    console.print(_fitted(renderable, console))
