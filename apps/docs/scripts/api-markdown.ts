// Post-processing of the markdown typedoc-plugin-markdown writes for one package: links that land
// on VitePress's own heading ids, overloads that say their shared text once, and the Chinese
// edition of a page (headings and labels in Chinese; the symbols' own TSDoc stays as written).

/** VitePress's heading ids (its default slugify), so links land on the name's heading. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036F]/g, "")
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();
}

export interface Heading {
  level: number;
  /** The heading as a reader sees it: no backslash escapes, no backticks. */
  text: string;
  /** Its id on the built page, `-1`, `-2`... appended to repeats as VitePress does. */
  id: string;
}

/** Every heading of a page with the id VitePress will give it (code blocks skipped). */
export function headings(md: string): Heading[] {
  const out: Heading[] = [];
  const seen = new Map<string, number>();
  let fence = false;
  for (const line of md.split("\n")) {
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = /^(#{1,6})\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    const text = m[2]
      .replace(/\\(.)/g, "$1")
      .replace(/`/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const base = slugify(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.push({ level: m[1].length, text, id: n === 0 ? base : `${base}-${n}` });
  }
  return out;
}

/** `statistics()?` → `statistics`: the symbol a heading names. */
function symbolOf(text: string): string {
  return text.replace(/\(\)\??$/, "").replace(/\?$/, "");
}

/**
 * The id of `name`'s own heading on a page: an exact (case-sensitive) symbol heading first, so
 * `taskGroup` finds the function `taskGroup()` and not the class `TaskGroup` above it.
 */
export function anchorFor(all: Heading[], name: string, value = true): string | undefined {
  const exact = all.filter((h) => symbolOf(h.text) === name);
  const fn = exact.find((h) => /\(\)\??$/.test(h.text));
  if (value && fn) return fn.id;
  if (exact.length > 0) return exact[0].id;
  return all.find((h) => symbolOf(h.text).toLowerCase() === name.toLowerCase())?.id;
}

/** Comparable form of an id: typedoc's and VitePress's differ in `_`, `-N` suffixes and case. */
const loose = (id: string) =>
  id
    .replace(/-\d+$/, "")
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase();

/**
 * Points every in-page `](#id)` link at a heading that exists. typedoc numbers repeated names its
 * own way (`#barrierstatistics-1`) and keeps `_` (`#all_completed`); VitePress does neither. A
 * link to a symbol the page does not document (a private helper) becomes plain text.
 */
export function fixAnchors(md: string): string {
  const all = headings(md);
  const ids = new Set(all.map((h) => h.id));
  for (const m of md.matchAll(/<a id="([^"]+)"/g)) ids.add(m[1]);
  // Symbol headings only (h3: the page's own exports), so `#future` finds the class, not a method.
  const symbols = all.filter((h) => h.level === 3);
  return md.replace(/\[([^\]]*)\]\(#([^)\s]+)\)/g, (whole, label: string, id: string) => {
    if (ids.has(id)) return whole;
    const want = loose(id);
    const hit = symbols.find((h) => loose(h.id) === want) ?? all.find((h) => loose(h.id) === want);
    return hit ? `[${label}](#${hit.id})` : label;
  });
}

/**
 * An overloaded function repeats its whole comment under every signature. Keep it under the first
 * one; later signatures keep their own signature, type parameters, parameters and returns, and
 * any section that differs.
 */
export function dedupeOverloads(md: string): string {
  const lines = md.split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const m = /^(#{3,5}) Call Signature$/.exec(lines[i]);
    if (!m) {
      out.push(lines[i++]);
      continue;
    }
    // A run of sibling call signatures, up to the next heading at a higher level.
    const level = m[1].length;
    const blocks: string[][] = [];
    while (i < lines.length) {
      const h = /^(#{1,6}) /.exec(lines[i]);
      if (h && h[1].length < level) break;
      if (lines[i] === "***" && h === null && blocks.length > 0) {
        // typedoc separates members with ***: a separator ends the run.
        const next = lines.slice(i + 1).find((l) => l.trim() !== "");
        if (!next || !new RegExp(`^#{${level}} Call Signature$`).test(next)) break;
      }
      if (h && h[1].length === level) blocks.push([]);
      blocks[blocks.length - 1].push(lines[i++]);
    }
    const sub = "#".repeat(level + 1);
    const split = (block: string[]) => {
      const parts: { head: string; body: string }[] = [{ head: "", body: "" }];
      for (const line of block.slice(1)) {
        if (line.startsWith(`${sub} `)) parts.push({ head: line, body: "" });
        else parts[parts.length - 1].body += `${line}\n`;
      }
      return parts;
    };
    const first = split(blocks[0]);
    const known = new Set(first.map((p) => `${p.head}\n${p.body.trim()}`));
    const firstIntro = first[0].body;
    const introText = (body: string) => body.replace(/^\s*```[\s\S]*?```\s*/, "").trim();
    out.push(...blocks[0]);
    for (const block of blocks.slice(1)) {
      out.push(block[0]);
      for (const part of split(block)) {
        const keep = /(Type Parameters|Parameters|Returns)$/.test(part.head);
        if (part.head === "") {
          // The signature stays; the description goes when it is the first one's.
          const sig = /^\s*```[\s\S]*?```/.exec(part.body)?.[0] ?? "";
          const rest = introText(part.body);
          out.push(sig.trimEnd(), "");
          if (rest !== introText(firstIntro)) out.push(rest, "");
          continue;
        }
        if (!keep && known.has(`${part.head}\n${part.body.trim()}`)) continue;
        out.push(part.head, ...part.body.replace(/\n$/, "").split("\n"));
      }
    }
  }
  return out.join("\n");
}

/** Structural headings typedoc-plugin-markdown writes, in Chinese. Symbols keep their names. */
const zhHeadings: Record<string, string> = {
  Classes: "类",
  Functions: "函数",
  Interfaces: "接口",
  "Type Aliases": "类型别名",
  Variables: "变量",
  Enumerations: "枚举",
  Namespaces: "命名空间",
  "Call Signature": "调用签名",
  "Get Signature": "读取签名",
  "Set Signature": "写入签名",
  "Type Parameters": "类型参数",
  Parameters: "参数",
  Returns: "返回值",
  Throws: "抛出",
  Example: "示例",
  Examples: "示例",
  Properties: "属性",
  Methods: "方法",
  Accessors: "访问器",
  Constructors: "构造函数",
  Constructor: "构造函数",
  Extends: "继承自",
  "Extended by": "被以下类型继承",
  Implements: "实现",
  "Implemented by": "被以下类型实现",
  "Implementation of": "实现自",
  "Inherited from": "继承自",
  Overrides: "覆盖",
  Indexable: "索引签名",
  Remarks: "说明",
  See: "参见",
  Deprecated: "已弃用",
  "Default Value": "默认值",
  "Type Declaration": "类型声明",
};

const zhColumns: Record<string, string> = {
  Parameter: "参数",
  "Type Parameter": "类型参数",
  Type: "类型",
  Description: "说明",
  "Default value": "默认值",
  "Default type": "默认类型",
  Property: "属性",
  Modifier: "修饰符",
  Overrides: "覆盖",
  "Inherited from": "继承自",
  Export: "导出名",
  Kind: "种类",
  Package: "包",
  "What it holds": "内容",
  Value: "值",
  Member: "成员",
};

/**
 * The Chinese edition of a generated page: section headings, table headers and the `asyncio`
 * box label in Chinese; symbol names, signatures and the TSDoc prose unchanged.
 */
export function toChinese(md: string): string {
  const lines = md.split("\n");
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const h = /^(#{2,6}) (.+)$/.exec(line);
    if (h && zhHeadings[h[2]] !== undefined && (h[1].length === 2 || h[1].length >= 4)) {
      lines[i] = `${h[1]} ${zhHeadings[h[2]]}`;
      continue;
    }
    // A table header row is the line right above a |---|---| row.
    if (line.startsWith("|") && /^\|\s*:?-{3,}/.test(lines[i + 1] ?? "")) {
      lines[i] = line.replace(/\|([^|]+)/g, (cell, text: string) => {
        const zh = zhColumns[text.trim()];
        return zh ? `| ${zh} ` : cell;
      });
    }
  }
  return lines.join("\n").replace(/^::: info asyncio$/gm, "::: info 对应的 asyncio");
}
