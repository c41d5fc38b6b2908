// Unit tests of the site's small pure helpers: the API markdown post-processing, the timeline's
// axis, the Chinese stand-ins and llms.txt. (The browser tests are in e2e.test.ts.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../.vitepress/llms";
import { formatSeconds, tickStep } from "../.vitepress/theme/timeline";
import {
  anchorFor,
  dedupeOverloads,
  fixAnchors,
  headings,
  toChinese,
} from "../scripts/api-markdown";
import { writeZhFallbacks } from "../scripts/zh-pages";

describe("timeline axis", () => {
  it("labels 250 ms steps with two decimals, never rounded to 0.3 / 0.8", () => {
    const step = tickStep(2000);
    expect(step).toBe(250);
    expect([0, 1, 2, 3, 5].map((i) => formatSeconds(i * step, step))).toEqual([
      "0.00",
      "0.25",
      "0.50",
      "0.75",
      "1.25",
    ]);
  });

  it("uses as many decimals as the step needs", () => {
    expect(formatSeconds(1500, 500)).toBe("1.5");
    expect(formatSeconds(4000, 1000)).toBe("4");
    expect(formatSeconds(30, 10)).toBe("0.03");
  });

  it("makes fewer ticks when told to (a narrow picture)", () => {
    expect(tickStep(4000)).toBe(500);
    expect(tickStep(4000, 3)).toBe(2000);
    expect(tickStep(2_700_000)).toBe(600_000);
  });
});

describe("API markdown", () => {
  const page = [
    "## Classes",
    "",
    "### TaskGroup",
    "",
    "See [statistics](#taskgroupstatistics-1) and [ALL_COMPLETED](#all_completed).",
    "Also [a private helper](#_helper).",
    "",
    "### TaskGroupStatistics",
    "",
    "### ALL\\_COMPLETED",
    "",
    "## Functions",
    "",
    "### taskGroup()",
  ].join("\n");

  it("gives headings VitePress's ids, numbering repeats", () => {
    expect(headings(page).map((h) => h.id)).toEqual([
      "classes",
      "taskgroup",
      "taskgroupstatistics",
      "all-completed",
      "functions",
      "taskgroup-1",
    ]);
  });

  it("finds a name's own heading: the function taskGroup, the class TaskGroup", () => {
    const all = headings(page);
    expect(anchorFor(all, "taskGroup")).toBe("taskgroup-1");
    expect(anchorFor(all, "TaskGroup", false)).toBe("taskgroup");
  });

  it("points typedoc's anchors at headings that exist and unlinks the rest", () => {
    const fixed = fixAnchors(page);
    expect(fixed).toContain("[statistics](#taskgroupstatistics)");
    expect(fixed).toContain("[ALL_COMPLETED](#all-completed)");
    expect(fixed).toContain("Also a private helper.");
  });

  it("keeps an overload's shared text under the first signature only", () => {
    const shared =
      "Runs them all.\n\n##### Throws\n\nTypeError if bad.\n\n##### Example\n\n```ts\nf()\n```\n";
    const md = [
      "### f()",
      "",
      "#### Call Signature",
      "",
      "```ts\nfunction f(a): void;\n```",
      "",
      shared,
      "##### Parameters",
      "",
      "| a |",
      "",
      "#### Call Signature",
      "",
      "```ts\nfunction f(a, b): void;\n```",
      "",
      shared,
      "##### Parameters",
      "",
      "| a | b |",
      "",
      "### g()",
    ].join("\n");
    const out = dedupeOverloads(md);
    expect(out.match(/Runs them all\./g)).toHaveLength(1);
    expect(out.match(/TypeError if bad\./g)).toHaveLength(1);
    expect(out).toContain("function f(a, b): void;");
    expect(out).toContain("| a | b |");
    expect(out).toContain("### g()");
  });

  it("translates headings and table headers, not symbols, signatures or prose", () => {
    const md = [
      "## Functions",
      "### Returns",
      "#### Returns",
      "| Parameter | Type |",
      "| ------ | ------ |",
      "| `a` | `Type` |",
      "Returns the Parameter.",
      "::: info asyncio",
      "```ts",
      "## Functions",
      "```",
    ].join("\n");
    expect(toChinese(md).split("\n")).toEqual([
      "## 函数",
      "### Returns",
      "#### 返回值",
      "| 参数 | 类型 |",
      "| ------ | ------ |",
      "| `a` | `Type` |",
      "Returns the Parameter.",
      "::: info 对应的 asyncio",
      "```ts",
      "## Functions",
      "```",
    ]);
  });
});

describe("llms.txt", () => {
  it("is plain text: no frontmatter, HTML anchors, containers or escapes", () => {
    const md =
      '---\ntitle: "x"\n---\n\n# x\n\n| <a id="a"></a> `a` |\n\n::: info asyncio\n\n`asyncio.x`\n:::\n\nALL\\_COMPLETED, [`Y`](./corio-y#y)\n';
    expect(plainText(md)).toBe(
      "\n# x\n\n| `a` |\n\nasyncio:\n\n`asyncio.x`\n\nALL_COMPLETED, [`Y`]\n",
    );
  });
});

describe("Chinese stand-ins", () => {
  it("stand in for an untranslated page, with its links pointing at the English pages", () => {
    const docs = mkdtempSync(join(tmpdir(), "corio-docs-"));
    try {
      mkdirSync(join(docs, "guide"));
      mkdirSync(join(docs, "zh/guide"), { recursive: true });
      writeFileSync(
        join(docs, "guide/a.md"),
        "---\noutline: deep\n---\n# A\n\nSee [b](./b.md#x).\n",
      );
      writeFileSync(join(docs, "guide/b.md"), "# B\n");
      writeFileSync(join(docs, "zh/guide/b.md"), "# 乙\n");
      const written = writeZhFallbacks(docs);
      expect(written).toEqual([{ source: "api/zh-pending/guide/a.md", target: "zh/guide/a.md" }]);
      const text = readFileSync(join(docs, written[0].source), "utf8");
      expect(text).toMatch(/^---\noutline: deep\n---\n/);
      expect(text).toContain("本页的中文版正在翻译中");
      expect(text).toContain("See [b](/guide/b#x).");
    } finally {
      rmSync(docs, { recursive: true, force: true });
    }
  });
});
