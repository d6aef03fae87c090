// `pnpm size`: bundles each vendor package's provider with @campaignkit/core for a browser
// target (esbuild, tree-shaken, minified), gzips it, and checks it against its budget (the
// vendor's package.json `campaignkit.vendor.sizeBudget`, through the generated registry).
// Exits 1 when a package is over its budget. Writes report/bundle-size.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { VENDOR_REGISTRY } from "./generated/vendor-registry.ts";

const here = dirname(fileURLToPath(import.meta.url));
const budgets: Record<string, number> = Object.fromEntries(
  VENDOR_REGISTRY.map((vendor) => [vendor.packageName, vendor.sizeBudget]),
);
const FACTORIES: Record<string, string> = Object.fromEntries(
  VENDOR_REGISTRY.map((vendor) => [vendor.packageName, vendor.factory]),
);

export interface BundleSize {
  package: string;
  minifiedBytes: number;
  gzippedBytes: number;
  budgetBytes: number;
  withinBudget: boolean;
}

async function bundle(contents: string): Promise<{ minifiedBytes: number; gzippedBytes: number }> {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: code.byteLength, gzippedBytes: gzipSync(code, { level: 9 }).byteLength };
}

/** What the parts cost on their own: zod classic vs zod/mini for the same schema, and openapi-fetch. */
export async function measureBaselines(): Promise<
  { name: string; minifiedBytes: number; gzippedBytes: number }[]
> {
  const schema =
    "{ id: z.string(), status: z.enum(['active', 'paused']), count: z.optional(z.number()) }";
  return [
    {
      name: "baseline: zod (classic), one object schema",
      ...(await bundle(
        `import { z } from "zod"; export const s = z.object(${schema}); export const parse = (v) => s.safeParse(v);`,
      )),
    },
    {
      name: "baseline: zod/mini, the same schema",
      ...(await bundle(
        `import * as z from "zod/mini"; export const s = z.object(${schema}); export const parse = (v) => s.safeParse(v);`,
      )),
    },
    {
      name: "baseline: openapi-fetch createClient",
      ...(await bundle(`export { default } from "openapi-fetch";`)),
    },
  ];
}

export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const [name, factory] of Object.entries(FACTORIES)) {
    const result = await build({
      stdin: { contents: `export { ${factory} } from "${name}";`, resolveDir: here, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "error",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    const gzippedBytes = gzipSync(code, { level: 9 }).byteLength;
    const budgetBytes = budgets[name] ?? 0;
    sizes.push({
      package: name,
      minifiedBytes: code.byteLength,
      gzippedBytes,
      budgetBytes,
      withinBudget: gzippedBytes <= budgetBytes,
    });
  }
  return sizes;
}

if (import.meta.main) {
  const sizes = await measureBundles();
  for (const s of sizes) {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(
      `${s.package.padEnd(22)} ${kb(s.minifiedBytes).padStart(9)} min  ${kb(s.gzippedBytes).padStart(8)} gz  budget ${kb(s.budgetBytes)}  ${s.withinBudget ? "ok" : "OVER"}`,
    );
  }
  mkdirSync(join(here, "..", "report"), { recursive: true });
  writeFileSync(
    join(here, "..", "report", "bundle-size.json"),
    `${JSON.stringify(sizes, null, 2)}\n`,
  );
  process.exit(sizes.every((s) => s.withinBudget) ? 0 : 1);
}
