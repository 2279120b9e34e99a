"""``factx report``: one self-contained HTML page to review an archive's figures, sources and disagreements.

The page holds its data as one JSON block (articles, records, claims) and builds everything from it in the
browser: articles are rendered only when opened, the records table shows a page of rows at a time, so a
page for 10,000 articles stays usable. Article text only ever reaches the page as data: the JSON block
escapes every '<', '>' and '&', and the script puts text into the page with ``textContent``, never as
markup, so an article holding ``<script>`` shows those characters and runs nothing. CSS and script are
inline; nothing is fetched from the network.

No library renders figures with their sources this way (displaCy shows entities only), so the page is
written here.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re

import orjson

from . import __version__
from .views import MOD_WORDS

# The colours of `factx show` (views.KIND_STYLES), as CSS.
KIND_COLOURS = {"count": "#0891b2", "money": "#16a34a", "percent": "#c026d3", "measure": "#ca8a04",
                "duration": "#2563eb", "age": "#dc2626", "other": "#6b7280"}


def _json_for_script(data) -> str:
    """JSON that cannot close or open markup inside a <script> element."""
    raw = orjson.dumps(data).decode("utf-8")
    return (raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def build(articles: list[dict], records: list[dict], claims: list[dict], title: str = "factx report") -> str:
    """The HTML page. ``articles``: {id, text, date, title}; ``records`` as factx extract writes them; ``claims`` as
    factx conflicts gives them."""
    data = {"articles": articles, "records": records, "claims": claims, "kinds": KIND_COLOURS,
            "mods": MOD_WORDS, "version": __version__}
    kind_css = "\n".join(f".k-{kind}{{--kind:{colour}}}" for kind, colour in KIND_COLOURS.items())
    return (_PAGE.replace("/*SCRIPT_HASH*/", _SCRIPT_HASH).replace("/*KINDS*/", kind_css)
            .replace("<!--TITLE-->", html.escape(title))
            .replace("/*DATA*/", _json_for_script(data)))


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '/*SCRIPT_HASH*/'; img-src data:">
<title><!--TITLE--></title>
<style>
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f9fafb;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{padding:10px 16px;background:#111827;color:#f9fafb;display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:17px;margin:0}
header .stats{color:#d1d5db}
nav.tabs{display:flex;gap:4px;padding:8px 16px 0;border-bottom:1px solid var(--line);background:#fff}
nav.tabs button{border:1px solid var(--line);border-bottom:none;background:var(--bg);padding:6px 12px;cursor:pointer;border-radius:6px 6px 0 0;font:inherit}
nav.tabs button[aria-selected=true]{background:#fff;font-weight:600}
main{padding:12px 16px}
.hidden{display:none!important}
#records .filters{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin-bottom:8px}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.filters input,.filters select{font:inherit;padding:4px 6px;border:1px solid #d1d5db;border-radius:4px;min-width:8em}
#count{margin:6px 0;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{position:sticky;top:0;background:#f3f4f6;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
tbody tr{cursor:pointer}tbody tr:hover{background:#eff6ff}
td.fig{font-weight:600;color:var(--kind)}
.chip{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;color:#fff;background:var(--kind)}
#more{margin:8px 0}
.layout{display:grid;grid-template-columns:minmax(180px,260px) 1fr minmax(240px,340px);gap:12px}
#doclist{max-height:80vh;overflow:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
#docfilter{width:100%;padding:6px;border:none;border-bottom:1px solid var(--line);font:inherit}
#doclist ul{list-style:none;margin:0;padding:0}
#doclist li{padding:4px 8px;cursor:pointer;border-bottom:1px solid #f3f4f6;overflow-wrap:anywhere}
#doclist li[aria-current=true]{background:#dbeafe}
#article{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:80vh;overflow:auto}
#article h2{margin:0 0 8px;font-size:16px;white-space:normal}
mark.fig{background:color-mix(in srgb,var(--kind) 18%,white);border-bottom:2px solid var(--kind);color:inherit;cursor:pointer;border-radius:2px}
mark.fig:focus,mark.fig.selected{outline:2px solid var(--kind);outline-offset:1px}
mark.fig sup{color:var(--muted);font-size:10px;margin-left:1px}
mark.who{background:#fde68a}mark.cue{background:#fef3c7;text-decoration:underline}
mark.when{background:#bfdbfe}mark.where{background:#bbf7d0}mark.subject{background:#e9d5ff}
#detail{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px;max-height:80vh;overflow:auto;position:sticky;top:8px}
#detail dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
#detail dt{color:var(--muted)}#detail dd{margin:0;overflow-wrap:anywhere}
.legend span{margin-right:8px}
.claim{background:#fff;border:1px solid var(--line);border-radius:6px;margin-bottom:10px;padding:8px 12px}
.claim h3{margin:0 0 4px;font-size:15px}
.bad{color:#b91c1c;font-weight:700}.good{color:#15803d;font-weight:700}
.claim table td{font-size:13px}
a.jump{color:var(--accent);cursor:pointer;text-decoration:underline}
/*KINDS*/
</style>
</head>
<body>
<header><h1><!--TITLE--></h1><span class="stats" id="stats"></span></header>
<nav class="tabs" role="tablist">
<button role="tab" id="tab-records" aria-selected="true" data-panel="records">Records</button>
<button role="tab" id="tab-articles" aria-selected="false" data-panel="articles">Articles</button>
<button role="tab" id="tab-claims" aria-selected="false" data-panel="claims">Disagreements</button>
</nav>
<main>
<section id="records" role="tabpanel">
<div class="filters">
<label>search<input id="f-text" type="search" placeholder="figure, what, subject, sentence"></label>
<label>kind<select id="f-kind"><option value="">every kind</option></select></label>
<label>source<input id="f-who" type="search" placeholder="who"></label>
<label>place<input id="f-where" type="search" placeholder="where"></label>
<label>from<input id="f-from" type="date"></label>
<label>to<input id="f-to" type="date"></label>
</div>
<div id="count" aria-live="polite"></div> <a id="csv" class="jump" download="factx-records.csv" role="button" tabindex="0">download these records as CSV</a>
<table id="table"><thead><tr></tr></thead><tbody></tbody></table>
<button id="more" class="hidden">show more</button>
</section>
<section id="articles" role="tabpanel" class="hidden">
<div class="layout">
<div id="doclist"><input id="docfilter" type="search" placeholder="find an article"><ul></ul></div>
<div><div class="legend" id="legend"></div><article id="article"><p>Pick an article, or click a record.</p></article></div>
<aside id="detail"><p>Hover or focus a figure to see its record.</p></aside>
</div>
</section>
<section id="claims" role="tabpanel" class="hidden"></section>
</main>
<script type="application/json" id="factx-data">/*DATA*/</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("factx-data").textContent);
const R = DATA.records, A = DATA.articles, PAGE = 500;
const byDoc = new Map(); A.forEach((a, i) => byDoc.set(a.id, i));
const recsOf = new Map(); R.forEach((r, i) => { r._i = i; (recsOf.get(r.doc) || recsOf.set(r.doc, []).get(r.doc)).push(i); });
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  if (props) for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v; else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}
const num = x => (x == null ? "" : Number(x).toLocaleString("en-US", {maximumFractionDigits: 6}));
// a figure's value for people, as factx show writes it: 'more than 1,000', '1,000\u20133,000', 'about 300'
const val = f => (f.mod ? DATA.mods[f.mod] + " " : "") + (f.low === f.high || f.value != null ? num(f.value ?? f.low) : `${num(f.low)}\\u2013${num(f.high)}`);
const allowed = b => (b[0] == null && b[1] == null ? "any" : b[1] == null ? `${num(b[0])} or more` : b[0] == null ? `up to ${num(b[1])}` : `${num(b[0])}\\u2013${num(b[1])}`);
const count = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;
const nameOf = a => a.title ? `${a.title} (${a.id})` : a.id;
const whenOf = r => r.when ? (r.when.value ? `${r.when.text} (${r.when.value})` : r.when.text) : "";
const dateOf = r => (r.when && /^\\d{4}-\\d{2}(-\\d{2})?/.test(r.when.value || "") ? r.when.value.slice(0, 10) : (r.doc_date || ""));
document.getElementById("stats").textContent =
  `${count(A.length, "article")} \\u00b7 ${count(R.length, "record")} \\u00b7 ${count(DATA.claims.filter(c => !c.agree).length, "disagreement")} \\u00b7 factx ${DATA.version}`;

// tabs
const tabs = [...document.querySelectorAll("nav.tabs button")];
function show(panel) {
  tabs.forEach(t => { const on = t.dataset.panel === panel; t.setAttribute("aria-selected", on); document.getElementById(t.dataset.panel).classList.toggle("hidden", !on); });
}
tabs.forEach(t => t.addEventListener("click", () => show(t.dataset.panel)));

// records table
// [name, sort key, cell text]: the value column sorts by number and reads as the figure says it
const COLS = [["doc", r => r.doc], ["figure", r => r.figure.text], ["value", r => r.figure.low, r => val(r.figure)],
  ["unit", r => r.figure.unit || ""], ["kind", r => r.figure.kind], ["what", r => r.what || ""],
  ["subject", r => r.subject ? r.subject.text : ""], ["who", r => r.who ? r.who.name : ""],
  ["when", r => r.when ? (r.when.value || r.when.text) : ""], ["where", r => r.where ? r.where.text : ""],
  ["claim", r => r.claim || ""]];
const head = document.querySelector("#table thead tr"), body = document.querySelector("#table tbody");
let sortCol = -1, sortDir = 1, shown = PAGE, rows = R;
COLS.forEach(([name], c) => head.append(el("th", {text: name, scope: "col", tabindex: "0", onclick: () => sortBy(c),
  onkeydown: e => { if (e.key === "Enter") sortBy(c); }})));
const kindSel = document.getElementById("f-kind");
Object.keys(DATA.kinds).forEach(k => kindSel.append(el("option", {value: k, text: k})));
const F = id => document.getElementById(id);
function sortBy(c) {
  sortDir = sortCol === c ? -sortDir : 1; sortCol = c;
  [...head.children].forEach((th, i) => th.setAttribute("aria-sort", i === c ? (sortDir > 0 ? "ascending" : "descending") : "none"));
  refresh();
}
function refresh() {
  const text = F("f-text").value.toLowerCase(), kind = kindSel.value, who = F("f-who").value.toLowerCase(),
    where = F("f-where").value.toLowerCase(), from = F("f-from").value, to = F("f-to").value;
  rows = R.filter(r => (!kind || r.figure.kind === kind)
    && (!who || (r.who && (r.who.name + " " + r.who.text).toLowerCase().includes(who)))
    && (!where || (r.where && r.where.text.toLowerCase().includes(where)))
    && (!from || (dateOf(r) && dateOf(r) >= from)) && (!to || (dateOf(r) && dateOf(r).slice(0, to.length) <= to))
    && (!text || (r.figure.text + " " + (r.what || "") + " " + (r.subject ? r.subject.text : "") + " " + r.sentence + " " + r.doc).toLowerCase().includes(text)));
  if (sortCol >= 0) {
    const key = COLS[sortCol][1];
    rows = rows.slice().sort((a, b) => { const x = key(a), y = key(b);
      return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y))) * sortDir; });
  }
  shown = PAGE; draw();
}
function draw() {
  body.replaceChildren(...rows.slice(0, shown).map(r => {
    const tr = el("tr", {class: "k-" + r.figure.kind, tabindex: "0", "data-record": r._i, title: r.sentence,
      onclick: () => openRecord(r._i), onkeydown: e => { if (e.key === "Enter") openRecord(r._i); }});
    COLS.forEach(([name, key, shown], c) => tr.append(el("td", {class: name === "figure" ? "fig" : "", text: String((shown || key)(r))})));
    return tr;
  }));
  F("count").textContent = `${rows.length} of ${count(R.length, "record")}` + (rows.length > shown ? `, first ${shown} shown` : "");
  F("csv").href = "data:text/csv;charset=utf-8," + encodeURIComponent(csvOf(rows));
  F("more").classList.toggle("hidden", rows.length <= shown);
}
F("more").addEventListener("click", () => { shown += PAGE; draw(); });
// the filtered rows (every one, not only those shown), as the table's columns plus the sentence
function csvOf(rs) {
  const cell = v => { const t = String(v ?? ""); return /[",\\n\\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t; };
  const cols = [...COLS.map(([name, key, shown]) => [name, shown || key]), ["low", r => r.figure.low], ["high", r => r.figure.high],
    ["mod", r => r.figure.mod || ""], ["sentence", r => r.sentence]];
  return [cols.map(c => c[0]).join(","), ...rs.map(r => cols.map(([, f]) => cell(f(r))).join(","))].join("\\n") + "\\n";
}
let timer = null;
["f-text", "f-who", "f-where"].forEach(id => F(id).addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 120); }));
["f-kind", "f-from", "f-to"].forEach(id => F(id).addEventListener("change", refresh));

// articles
const list = document.querySelector("#doclist ul");
let current = -1;
function drawList() {
  const q = F("docfilter").value.toLowerCase();
  list.replaceChildren(...A.map((a, i) => [a, i]).filter(([a]) => !q || nameOf(a).toLowerCase().includes(q)).slice(0, 2000)
    .map(([a, i]) => el("li", {text: `${nameOf(a)} (${(recsOf.get(a.id) || []).length})`, tabindex: "0", "aria-current": i === current,
      onclick: () => openArticle(i), onkeydown: e => { if (e.key === "Enter") openArticle(i); }})));
}
F("docfilter").addEventListener("input", drawList);
F("legend").append(...Object.keys(DATA.kinds).map(k => el("span", {class: "k-" + k}, el("span", {class: "chip", text: k}))));

function pieces(text, marks) {
  // marks: [{start, end, cls, attrs}] possibly nested (a figure holds no other mark; context marks may hold a figure)
  const cuts = new Set([0, text.length]);
  marks.forEach(m => { cuts.add(m.start); cuts.add(m.end); });
  const points = [...cuts].sort((a, b) => a - b), out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(text.slice(a, b));
    marks.filter(m => m.start <= a && b <= m.end).sort((x, y) => (y.end - y.start) - (x.end - x.start)).reverse()
      .forEach(m => { const w = el("mark", Object.assign({class: m.cls}, m.attrs || {})); w.append(node); node = w; });
    out.push(node);
  }
  return out;
}
function openArticle(i, recordIndex) {
  current = i; show("articles"); drawList();
  const a = A[i], ids = recsOf.get(a.id) || [], box = F("article");
  const sel = recordIndex != null ? R[recordIndex] : null;
  const marks = ids.map((ri, n) => ({start: R[ri].figure.start, end: R[ri].figure.end, cls: "fig k-" + R[ri].figure.kind + (ri === recordIndex ? " selected" : ""),
    attrs: {tabindex: "0", "data-record": ri, id: "fig-" + ri, "aria-label": `figure ${n + 1}: ${R[ri].figure.text}`}}));
  if (sel) for (const [key, cls] of [["who", "who"], ["when", "when"], ["where", "where"], ["subject", "subject"]])
    if (sel[key]) marks.push({start: sel[key].start, end: sel[key].end, cls});
  if (sel && sel.cue && sel.who) marks.push(...cueMark(a.text, sel));
  const numbered = pieces(a.text, marks);
  box.replaceChildren(el("h2", {text: nameOf(a) + (a.date ? " \\u00b7 " + a.date : "")}), ...numbered);
  box.querySelectorAll("mark.fig").forEach(m => {
    const ri = +m.dataset.record, n = ids.indexOf(ri) + 1;
    m.append(el("sup", {text: String(n)}));
    m.addEventListener("mouseenter", () => detail(ri)); m.addEventListener("focus", () => detail(ri));
    m.addEventListener("click", () => openArticle(i, ri));
  });
  if (sel) { detail(recordIndex); const m = document.getElementById("fig-" + recordIndex); m.scrollIntoView({block: "center"}); m.focus({preventScroll: true}); }
}
function cueMark(text, r) {
  // the cue's words nearest the source (records name the cue, not where it is)
  const lo = Math.max(0, Math.min(r.who.start, r.figure.start) - 120), hi = Math.max(r.who.end, r.figure.end) + 120;
  let best = -1;
  for (let at = text.indexOf(r.cue, lo); at >= 0 && at < hi; at = text.indexOf(r.cue, at + 1))
    if (best < 0 || Math.abs(at - r.who.end) < Math.abs(best - r.who.end)) best = at;
  return best < 0 ? [] : [{start: best, end: best + r.cue.length, cls: "cue"}];
}
function how(r, key) {
  const o = r.provenance && r.provenance[key];
  if (!o || !o.rule) return "";
  return o.carried_from ? `${o.rule}, carried from: \u201c${o.carried_from.text}\u201d` : o.rule;
}
function detail(ri) {
  const r = ri == null ? null : R[ri], box = F("detail");
  if (!r) return;
  const f = r.figure, rows = [["figure", f.text], ["value", val(f)], ["bounds", `${f.low} \\u2013 ${f.high}`], ["qualifier", f.mod || ""],
    ["unit", f.unit || ""], ["kind", f.kind], ["what", r.what || ""], ["subject", r.subject ? r.subject.text : ""],
    ["part of", r.part_of ? r.part_of.text : ""], ["who", r.who ? `${r.who.name} (from \\u201c${r.who.text}\\u201d)` : ""],
    ["cue", r.cue || ""], ["when", whenOf(r)], ["where", r.where ? r.where.text + (r.where.country ? ` (${r.where.country})` : "") : ""],
    ["claim", r.claim || ""], ["sentence", r.sentence], ...["who", "when", "where"].map(k => [k + " found by", how(r, k)])];
  box.replaceChildren(el("h3", {class: "k-" + f.kind}, el("span", {class: "chip", text: f.kind}), " ", f.text),
    el("dl", null, ...rows.flatMap(([k, v]) => [el("dt", {text: k}), el("dd", {text: String(v)})])));
}
function openRecord(ri) { openArticle(byDoc.get(R[ri].doc), ri); }

// disagreements
const claimsBox = F("claims");
const bad = DATA.claims.filter(c => !c.agree), good = DATA.claims.filter(c => c.agree);
claimsBox.append(el("p", {text: `${count(bad.length, "claim")} whose sources disagree, ${good.length} where they agree. A figure allows a range (\\u201caround 300\\u201d allows 240\\u2013360); figures agree when their ranges overlap.`}));
const recordAt = new Map(R.map((r, i) => [r.doc + "@" + r.figure.start, i]));
for (const c of bad.concat(good)) {
  const t = el("table", null, el("thead", null, el("tr", null, ...["article", "who", "figure", "value", "allows", "sentence"].map(h => el("th", {text: h})))));
  const tb = el("tbody");
  for (const f of c.figures) {
    const ri = recordAt.get(f.doc + "@" + f.start);
    tb.append(el("tr", {onclick: () => ri != null && openRecord(ri)},
      el("td", null, el("a", {class: "jump", text: f.doc, tabindex: "0"})), el("td", {text: f.who || "(unattributed)"}),
      el("td", {text: f.figure}), el("td", {text: val({value: null, low: f.low, high: f.high, mod: f.mod})}),
      el("td", {text: f.allows ? allowed(f.allows) : ""}),
      el("td", {text: f.sentence})));
  }
  t.append(tb);
  claimsBox.append(el("div", {class: "claim"}, el("h3", null, el("span", {class: c.agree ? "good" : "bad", text: c.agree ? "agree" : "DISAGREE"}),
    ` ${c.what}` + (c.subject ? ` of ${c.subject}` : "") + ` (${c.unit || "no unit"})` + (c.where ? ` \\u00b7 ${c.where}` : "") + (c.when ? ` \\u00b7 ${c.when}` : "")), t));
}
refresh(); drawList();
document.body.dataset.readyMs = String(Math.round(performance.now()));  // for bench/report_page.py
document.body.dataset.ready = "true";
</script>
</body>
</html>
"""


# The page's one script is the same for every report: the browser runs it only if its hash matches, so
# no other script can run in the page, whatever an article holds.
_SCRIPT = re.search(r"<script>(.*?)</script>", _PAGE, re.S).group(1)
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
