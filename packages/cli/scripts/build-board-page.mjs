// Builds the board's page once (`campaignkit board` serves these files): board-page/app.ts
// bundled and minified by esbuild, style.css minified, index.html copied, into dist/board-page/.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const root = join(import.meta.dirname, "..");
const source = join(root, "board-page");
const out = join(root, "dist", "board-page");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(source, "app.ts"), join(source, "style.css")],
  outdir: out,
  bundle: true,
  minify: true,
  format: "esm",
  target: ["chrome120", "firefox120", "safari17"],
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync(join(source, "index.html"), join(out, "index.html"));
