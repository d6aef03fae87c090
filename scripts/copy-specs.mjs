// Copies the repository's specs/ into the current package's specs/ folder, so that a published
// package (the sandbox) carries the specs it serves. The copy is a build output, not committed.
// Each file is written whole and renamed into place, so concurrent runs (build and test) are safe.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

const from = join(import.meta.dirname, "..", "specs");
const to = join(process.cwd(), "specs");
mkdirSync(to, { recursive: true });
const wanted = readdirSync(from).filter((name) => name.endsWith(".openapi.yaml"));
for (const file of wanted) {
  const temporary = join(to, `.${file}.${process.pid}.tmp`);
  copyFileSync(join(from, file), temporary);
  renameSync(temporary, join(to, file));
}
for (const stale of readdirSync(to).filter(
  (name) => name.endsWith(".openapi.yaml") && !wanted.includes(name),
)) {
  rmSync(join(to, stale), { force: true });
}
