// Fails when a published package's source changed without a pending changeset for it.
// The range: from $CHANGESET_BASE (CI sets it to a pull request's base), else from the last
// "Version Packages" commit (a release), else from the first commit.
import { git, packagesWithChangesets, publishedPackages } from "./changesets.mjs";

const base =
  process.env.CHANGESET_BASE ||
  git("log", "--format=%H", "-1", "--grep=^Version Packages") ||
  git("rev-list", "--max-parents=0", "HEAD").split("\n").pop();
const changed = new Set([
  ...git("diff", "--name-only", base, "HEAD").split("\n"),
  ...git("diff", "--name-only", "HEAD").split("\n"),
  ...git("ls-files", "--others", "--exclude-standard").split("\n"),
]);
const covered = packagesWithChangesets();
const missing = publishedPackages().filter(
  ({ dir, name }) =>
    !covered.has(name) &&
    [...changed].some(
      (file) => file.startsWith(`packages/${dir}/src/`) || file === `packages/${dir}/package.json`,
    ),
);
for (const { name } of missing)
  console.log(
    `${name} changed since ${base.slice(0, 10)} without a changeset: run \`pnpm changeset\``,
  );
if (missing.length === 0)
  console.log(`every changed package has a changeset (since ${base.slice(0, 10)})`);
process.exit(missing.length === 0 ? 0 : 1);
