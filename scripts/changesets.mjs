// What the pending changesets in .changeset/ cover, and which published packages a range of
// commits changed. Shared by check-changesets.mjs and generate.mjs.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");

/** Published packages by folder: `{ dir: "altur", name: "@campaignkit/altur" }`. */
export function publishedPackages() {
  return readdirSync(join(root, "packages"))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
    }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name }));
}

/** Package names named in the front matter of the pending changesets. */
export function packagesWithChangesets() {
  const dir = join(root, ".changeset");
  const names = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? "";
    for (const match of front.matchAll(/^\s*["']?(@[^"':]+)["']?\s*:/gm)) names.add(match[1]);
  }
  return names;
}

export function git(...args) {
  return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
}
