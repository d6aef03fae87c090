// `pnpm new-vendor acmedial` in a copy of the workspace: the vendor it scaffolds generates,
// builds and passes its own suites, the sandbox's and conformance, and nothing outside the
// scaffolded files had to change. The copy reuses the pnpm store (`pnpm install --offline`, no
// network) and this workspace's build output (dist/), so only what the new vendor touches is
// built again: the new package, the sandbox (its simulator) and the CLI (its registry).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
const NAME = "acmedial";
const copy = mkdtempSync(join(tmpdir(), "campaignkit-new-vendor-"));
// CAMPAIGNKIT_KEEP_SCAFFOLD=1 keeps the copy, to look into a failure.
afterAll(async () => {
  if (process.env.CAMPAIGNKIT_KEEP_SCAFFOLD) console.log(`the copy is kept at ${copy}`);
  else await rm(copy, { recursive: true, force: true });
}, 120_000);

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  CI: "1",
  PNPM_CONFIG_UPDATE_NOTIFIER: "false",
  NPM_CONFIG_UPDATE_NOTIFIER: "false",
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  // The property suites run fewer cases in the copy: the point is that they run for the new vendor.
  CAMPAIGNKIT_FUZZ_RUNS: "50",
};

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  success: boolean;
  testResults: { assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs a command in the copy; fails the test with its output when it fails. */
function run(command: string, args: string[], cwd = copy): string {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}:\n${output.slice(-4000)}`,
    );
  }
  return output;
}

const git = (...args: string[]) => run("git", args);

/** README's capability matrix, the block `pnpm readme:capabilities` rewrites, cut out. */
function withoutMatrix(readme: string): string {
  return readme.replace(/<!-- capability-matrix:start[\s\S]*<!-- capability-matrix:end -->/, "");
}

/** Which changed files are allowed, and why (anything else fails the test). */
function allowed(status: string, path: string): string | undefined {
  const isNew = status === "??" || status === "A";
  if (isNew && path === `specs/${NAME}.openapi.yaml`) return "the spec skeleton";
  if (isNew && path.startsWith(`packages/${NAME}/`)) return "the package";
  if (isNew && path === `packages/sandbox/src/simulate-${NAME}.ts`) return "the simulator";
  if (isNew && path === `packages/sandbox/src/simulate-${NAME}.test.ts`) return "its test";
  if (isNew && path === `.changeset/new-vendor-${NAME}.md`) return "the changeset";
  if (/(^|\/)src\/generated\//.test(path)) return "a generated registry";
  if (path === "pnpm-lock.yaml") return "the lockfile";
  return undefined;
}

describe("pnpm new-vendor", () => {
  it(`scaffolds ${NAME}: it generates, builds and passes its suites, the sandbox's and conformance, with nothing else edited`, {
    timeout: 480_000,
  }, () => {
    // The workspace as committed (and any new file not ignored), with its build output.
    const files = spawnSync(
      "git",
      ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    )
      .stdout.split("\0")
      .filter((file) => file !== "" && existsSync(join(repoRoot, file)));
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(copy, file));
    }
    for (const dir of [".", ...files.map((file) => dirname(file))]) {
      const dist = join(repoRoot, dir, "dist");
      if (dir.startsWith("packages/") && existsSync(dist) && !existsSync(join(copy, dir, "dist")))
        cpSync(dist, join(copy, dir, "dist"), { recursive: true });
    }
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-qm", "copy");
    run("pnpm", ["install", "--offline", "--frozen-lockfile"]);

    run("pnpm", ["new-vendor", NAME]);
    // The same check `pnpm test` makes: regenerating changes nothing more.
    run("pnpm", ["run", "generate"]);
    // Only what the new vendor touches: its package, the sandbox (its simulator), the CLI (its registry).
    run("pnpm", [
      "--filter",
      `@campaignkit/${NAME}`,
      "--filter",
      "@campaignkit/sandbox",
      "--filter",
      "@campaignkit/cli",
      "run",
      "build",
    ]);
    for (const pkg of [`@campaignkit/${NAME}`, "@campaignkit/sandbox", "@campaignkit/conformance"])
      run("pnpm", ["--filter", pkg, "run", "typecheck"]);
    run("pnpm", [
      "exec",
      "redocly",
      "lint",
      "--config",
      "redocly.yaml",
      `specs/${NAME}.openapi.yaml`,
    ]);
    run("pnpm", ["exec", "biome", "check", `packages/${NAME}`, "packages/sandbox/src", "specs"]);
    // README's capability matrix is generated from the providers: refresh it as CONTRIBUTING says.
    run("pnpm", ["--filter", "@campaignkit/conformance", "run", "readme:capabilities"]);

    /** Runs vitest in a package of the copy; its JSON report, once every test ran and passed. */
    const vitest = (dir: string, ...args: string[]): VitestReport => {
      const report = join(copy, dir, ".scaffold-report.json");
      run(
        "pnpm",
        [
          "exec",
          "vitest",
          "run",
          "--reporter=dot",
          "--reporter=json",
          `--outputFile.json=${report}`,
          ...args,
        ],
        join(copy, dir),
      );
      const result = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
      rmSync(report);
      expect(result.success, dir).toBe(true);
      expect(result.numFailedTests, dir).toBe(0);
      expect(result.numPassedTests, dir).toBeGreaterThan(0);
      return result;
    };
    const names = (report: VitestReport) =>
      report.testResults.flatMap((file) => file.assertionResults.map((test) => test.fullName));
    vitest(`packages/${NAME}`);
    run("node", ["../../scripts/copy-specs.mjs"], join(copy, "packages", "sandbox"));
    expect(
      names(vitest("packages/sandbox")).filter((name) => name.includes(NAME)).length,
    ).toBeGreaterThan(2);
    // docs/reliability.md states the figures of the hostile suite over the vendors of the day;
    // a new vendor adds runs, so that one check waits for the docs to be refreshed.
    const conformance = vitest(
      "conformance",
      "--testNamePattern",
      "^(?!.*docs/reliability\\.md gives the figures)",
    );
    // The new vendor ran through the provider suite, the responses, the hostile vendors and the round trips.
    expect(names(conformance).filter((name) => name.includes(NAME)).length).toBeGreaterThan(20);

    // Nothing outside the scaffolded files had to change.
    const changed = git("status", "--porcelain", "--untracked-files=all")
      .split("\n")
      .filter(Boolean)
      .map((line) => ({ status: line.slice(0, 2).trim(), path: line.slice(3) }));
    const outside = changed.filter(({ status, path }) => {
      if (allowed(status, path)) return false;
      if (path === "README.md") {
        const before = git("show", "HEAD:README.md");
        return withoutMatrix(before) !== withoutMatrix(readFileSync(join(copy, path), "utf8"));
      }
      if (status === "M" && path.endsWith("package.json")) {
        // One line: the new vendor among the dependencies of a package that has every vendor.
        const diff = git("diff", "--unified=0", "--", path)
          .split("\n")
          .filter((line) => /^[+-][^+-]/.test(line));
        return !(diff.length === 1 && diff[0]?.startsWith(`+    "@campaignkit/${NAME}": `));
      }
      return true;
    });
    expect(outside).toEqual([]);
    expect(changed.map((c) => c.path)).toEqual(
      expect.arrayContaining([
        `specs/${NAME}.openapi.yaml`,
        `packages/${NAME}/src/${NAME}-provider.ts`,
        `packages/sandbox/src/simulate-${NAME}.ts`,
        "packages/sandbox/src/generated/simulators.ts",
        "packages/cli/src/generated/vendor-registry.ts",
      ]),
    );
  });
});
