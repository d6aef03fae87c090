// Copies the repository's specs/ into the current package's specs/ folder, so that a published
// package (the sandbox) carries the specs it serves. The copy is a build output, not committed.
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const from = join(import.meta.dirname, "..", "specs");
const to = join(process.cwd(), "specs");
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
for (const file of readdirSync(from).filter((name) => name.endsWith(".openapi.yaml"))) {
  cpSync(join(from, file), join(to, file));
}
