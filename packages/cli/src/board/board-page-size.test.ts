import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

// The page as built by scripts/build-board-page.mjs (the package's test script builds it first).
const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "board-page");
/** The budget: the whole page under 60 kB gzipped. */
const BUDGET = 60_000;

describe("the board's page", () => {
  it("is under 60 kB gzipped, all files together, and loads nothing from elsewhere", () => {
    const files = readdirSync(PAGE_DIR).sort();
    expect(files).toEqual(["app.js", "index.html", "style.css"]);
    let total = 0;
    for (const file of files) {
      const content = readFileSync(join(PAGE_DIR, file));
      total += gzipSync(content, { level: 9 }).length;
      // No CDN: every URL the page loads is its own (relative to the board's origin).
      expect(content.toString("utf8")).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    }
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(BUDGET);
  });
});
