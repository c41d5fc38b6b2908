// Screenshots of the built site in Debian's Chromium (run `pnpm build` first):
//   tsx scripts/screenshots.ts [path ...]      default: the gather tutorial in English and Chinese
// Each PNG lands in screenshots/, named after its path.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumArgs, chromiumPath, serveStatic } from "../test/serve";

const app = dirname(dirname(fileURLToPath(import.meta.url)));
const paths = process.argv.slice(2);
const targets =
  paths.length > 0 ? paths : ["/guide/running-coroutines", "/zh/guide/running-coroutines"];
const fullPage = process.env.FULL_PAGE === "1";

const site = await serveStatic(join(app, ".vitepress/dist"));
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  mkdirSync(join(app, "screenshots"), { recursive: true });
  for (const path of targets) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(site.url + path, { waitUntil: "networkidle" });
    // By default the gather example (the 4 s timeline) is in view.
    const anchor =
      process.env.ANCHOR ??
      (paths.length === 0 ? '.corio-example[data-example="crawl-gather"]' : "");
    if (anchor) await page.locator(anchor).first().scrollIntoViewIfNeeded();
    const file = join(
      app,
      "screenshots",
      `${path.replace(/^\//, "").replace(/\//g, "-") || "home"}.png`,
    );
    await page.screenshot({ path: file, fullPage });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
