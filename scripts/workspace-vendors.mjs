// The workspace's vendors, found the way unjs/unstorage finds its drivers: every workspace
// package whose package.json has a `campaignkit.vendor` field is one. The generated registries
// (`pnpm generate`, write-vendor-registry.mjs) and the scripts that need the list read it here,
// so no file keeps a list of vendors by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");

/** `[{ id, displayName, settings, sizeBudget, packageName, dir, factory, definition }]`, sorted by id. */
export function workspaceVendors() {
  const vendors = [];
  for (const dir of readdirSync(join(root, "packages"))) {
    const file = join(root, "packages", dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    const vendor = manifest.campaignkit?.vendor;
    if (!vendor) continue;
    const pascal = vendor.id.replace(/(^|-)(\w)/g, (_, _dash, c) => c.toUpperCase());
    vendors.push({
      id: vendor.id,
      displayName: vendor.displayName,
      settings: vendor.settings ?? {},
      /** Minified + gzipped bytes of `create<Vendor>` with core that `pnpm size` allows. */
      sizeBudget: vendor.sizeBudget,
      packageName: manifest.name,
      dir: join("packages", dir),
      /** The exports every vendor package has by convention. */
      factory: `create${pascal}`,
      definition: `${pascal[0].toLowerCase()}${pascal.slice(1)}Vendor`,
    });
  }
  return vendors.sort((a, b) => a.id.localeCompare(b.id));
}
