// Reads a PDF with pdf.js (as ATS parsers built on it do: text items, no ActualText) and checks
// what such a parser needs, against the Markdown source (issue #18).
//
// Usage: node tests/pdfjs/read.mjs SOURCE.md FILE.pdf KEEP_KEYWORDS [--dump]
//   KEEP_KEYWORDS: "whole" when the layout keeps keywords whole (a split keyword fails), else
//   "split" (splits are only counted).
// Exits 1 and prints every failure when: footer text ("Page 1 of 2") is read; a section title
// is not a line of its own in capitals; the name shares a line, or a contact field is split
// across items; an entry's title, organisation, place or dates are not separate items, or not
// in reading order; a keyword is split at a line end (KEEP_KEYWORDS=whole).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const [sourcePath, pdfPath, keep, dump] = process.argv.slice(2);
const source = readFileSync(sourcePath, "utf8");
const data = new Uint8Array(readFileSync(pdfPath));
const doc = await getDocument({ data, verbosity: 0 }).promise;

// Every text item in reading (content) order, with its page; and lines (items up to an EOL).
const items = [];
const lines = [];
for (let p = 1; p <= doc.numPages; p++) {
  const content = await (await doc.getPage(p)).getTextContent();
  let line = null;
  for (const it of content.items) {
    if (it.hasEOL || line === null) {
      line = { page: p, items: [] };
      lines.push(line);
    }
    if (it.str === "") continue;
    const item = { page: p, str: it.str, index: items.length };
    items.push(item);
    line.items.push(item);
  }
}
const norm = (s) => s.replace(/\s+/g, " ").trim();
const lineText = (l) => norm(l.items.map((i) => i.str).join(""));
if (dump) for (const l of lines) console.log(l.page, JSON.stringify(l.items.map((i) => i.str)));

const failures = [];
const fail = (m) => failures.push(m);

// The source: front matter, header, sections, entries, keywords.
let body = source;
const front = {};
if (body.startsWith("+++")) {
  const end = body.indexOf("\n+++", 3);
  for (const m of body.slice(3, end).matchAll(/^(\w+)\s*=\s*"([^"]*)"/gm)) front[m[1]] = m[2];
  const kw = body.slice(3, end).match(/^keywords\s*=\s*\[([^\]]*)\]/m);
  front.keywords = kw ? [...kw[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]) : [];
  body = body.slice(end + 4);
}
body = body.replace(/<!--[\s\S]*?-->/g, "");
const plain = (s) => norm(s.replace(/\*\*|__|\*|`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"));

// 1. No footer text.
for (const it of items) if (/Page \d+ of \d+/.test(it.str)) fail(`footer text read on page ${it.page}: ${JSON.stringify(it.str)}`);

// 2. The name on a line of its own; every contact field whole in one item.
const name = front.name ?? (body.match(/^# (.+)$/m) || [])[1];
if (name && !lines.some((l) => lineText(l) === plain(name))) fail(`the name "${name}" is not a line of its own`);
const contacts = [front.email, front.phone, front.location].filter(Boolean);
const headerBlock = body.match(/^# .+\n\n((?:[^#\n].*\n?)+)/m);
if (headerBlock) {
  for (const l of headerBlock[1].split("\n")) {
    if (/@|\(\d{3}\)|\+\d/.test(l)) contacts.push(...l.split(/\s[|·]\s/).map(plain));
  }
}
for (const c of contacts) {
  if (!items.some((it) => it.str.includes(c))) fail(`contact field "${c}" is not whole in one text item`);
}

// 3. Section titles in capitals, each a line of its own.
const titles = [...body.matchAll(/^## (.+)$/gm)].map((m) => plain(m[1]));
for (const t of titles) {
  if (!lines.some((l) => lineText(l) === t.toUpperCase())) fail(`section title "${t}" is not a line in capitals`);
}

// 4. Entries: title, organisation, place and dates as separate items, title first.
const entries = [];
const chunks = body.split(/^### /m).slice(1);
for (const chunk of chunks) {
  const [head, ...rest] = chunk.split("\n");
  const entry = {};
  const dateLike = (s) => /\b(19|20)\d{2}\b|present/i.test(s);
  if (head.includes(" | ")) {
    const parts = head.split(" | ").map(plain);
    entry.title = parts.shift();
    entry.dates = parts.find(dateLike);
    const others = parts.filter((p) => p !== entry.dates);
    entry.org = others[0];
    entry.place = others[1];
  } else {
    entry.title = plain(head);
    const paras = [];
    for (const l of rest) {
      if (/^\s*([-*+] |\d+\. |#|\*\*[^*]+:\*\*)/.test(l)) break;
      if (l.trim()) paras.push(plain(l));
    }
    entry.dates = paras.find(dateLike);
    const others = paras.filter((p) => p !== entry.dates);
    if (others.length >= 2) [entry.place, entry.org] = others;
    else entry.org = others[0];
  }
  entries.push(entry);
}
// An item sequence (consecutive items, spaces between them ignored) equal to `text`, at or after `from`.
const find = (text, from) => {
  for (let i = from; i < items.length; i++) {
    let acc = "";
    for (let j = i; j < items.length && acc.length < text.length + 2; j++) {
      acc = norm(acc + items[j].str);
      if (acc === text) return i;
      if (!text.startsWith(acc)) break;
    }
  }
  return -1;
};
let cursor = 0;
for (const e of entries) {
  const t = find(e.title, cursor);
  if (t < 0) { fail(`entry title "${e.title}" is not an item of its own`); continue; }
  const next = entries[entries.indexOf(e) + 1];
  const limit = next ? find(next.title, t + 1) : items.length;
  for (const part of ["org", "place", "dates"]) {
    if (!e[part]) continue;
    const at = find(e[part], t + 1);
    if (at < 0 || (limit >= 0 && at > limit)) fail(`"${e.title}": ${part} "${e[part]}" is not a separate item after the title`);
  }
  cursor = t + 1;
}

// 5. Words split at a line end: a line ending in "x-" followed by a line starting with a word.
const keywords = new Set((front.keywords || []).map((k) => k.toLowerCase()));
for (const m of body.matchAll(/\*\*([^*]+)\*\*/g)) for (const w of m[1].split(/\s+/)) keywords.add(w.replace(/[^\p{L}\p{N}-]/gu, "").toLowerCase());
const sourceWords = new Set(body.split(/[\s*_()[\],.;:!?"']+/).map((w) => w.toLowerCase()));
let splits = 0;
for (let i = 0; i + 1 < lines.length; i++) {
  const last = lines[i].items.at(-1);
  const first = lines[i + 1].items[0];
  if (!last || !first || lines[i].page !== lines[i + 1].page) continue;
  const head = (last.str.match(/(\S+)-$/) || [])[1];
  const tail = (first.str.match(/^(\p{Ll}\S*)/u) || [])[1];
  if (!head || !tail) continue;
  const joined = (head + tail).replace(/[^\p{L}\p{N}-]/gu, "").toLowerCase();
  const compound = (head + "-" + tail).replace(/[^\p{L}\p{N}-]/gu, "").toLowerCase();
  const word = sourceWords.has(compound) ? compound : joined;
  splits++;
  if (keep === "whole" && (keywords.has(word) || keywords.has(joined))) fail(`keyword split at a line end: "${head}-" / "${tail}"`);
}

const name_ = pdfPath.split("/").pop();
if (failures.length) {
  console.log(`FAIL ${name_}:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`ok   ${name_}: ${items.length} items, ${entries.length} entries, ${titles.length} section titles, ${splits} hyphenated line ends`);
