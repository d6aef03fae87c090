// `pnpm generate`: regenerates every vendor client from specs/ (turbo), and adds a changeset for
// each package whose generated client changed and that has no pending changeset yet, so a spec
// change reaches a release of that package.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packagesWithChangesets, publishedPackages, root } from "./changesets.mjs";

function fingerprint(dir) {
  const generated = join(root, "packages", dir, "src", "generated");
  if (!existsSync(generated)) return undefined;
  const hash = createHash("sha256");
  // The spec's output only: version.ts follows package.json, which a release bumps.
  for (const file of readdirSync(generated)
    .filter((f) => f !== "version.ts")
    .sort()) {
    hash.update(file).update(readFileSync(join(generated, file)));
  }
  return hash.digest("hex");
}

const packages = publishedPackages().filter(({ dir }) => fingerprint(dir) !== undefined);
const before = new Map(packages.map(({ dir }) => [dir, fingerprint(dir)]));
execFileSync("pnpm", ["exec", "turbo", "run", "generate", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});

const covered = packagesWithChangesets();
for (const { dir, name } of packages) {
  if (fingerprint(dir) === before.get(dir)) continue;
  if (covered.has(name)) {
    console.log(`${name}: client regenerated; its pending changeset covers it`);
    continue;
  }
  const file = join(root, ".changeset", `regenerated-${dir}-${Date.now().toString(36)}.md`);
  writeFileSync(
    file,
    `---\n"${name}": patch\n---\n\nRegenerated the typed client from \`specs/${dir}.openapi.yaml\`.\n`,
  );
  console.log(
    `${name}: client regenerated; added ${file.slice(root.length + 1)} (edit it to say what changed)`,
  );
}
