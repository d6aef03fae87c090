// `pnpm test`: every check of the repository, then one closing line `N passed, N failed`.
// Checks (lint, spec lint, generated files fresh, build + typecheck, packed packages, each runtime
// the packed packages run in) count one each; every vitest test counts one, read from the JSON
// report each package's `test` script writes.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUNTIMES } from "../packages/runtimes/src/check-runtimes.mjs";

const root = join(import.meta.dirname, "..");
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  NPM_CONFIG_UPDATE_NOTIFIER: "false",
  PNPM_CONFIG_UPDATE_NOTIFIER: "false",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
};
const checks = [];

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { cwd: root, env, stdio: "inherit" }).status === 0;
}

function check(name, passed) {
  checks.push({ name, passed });
  console.log(`check ${passed ? "passed" : "FAILED"}: ${name}`);
}

function workspaceDirs() {
  const packages = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name));
  return [...packages, join(root, "conformance")];
}

/** A fingerprint of every generated file, to tell whether regenerating changed anything. */
function generatedFingerprint() {
  const hash = createHash("sha256");
  for (const dir of workspaceDirs()) {
    const generated = join(dir, "src", "generated");
    if (!existsSync(generated)) continue;
    for (const file of readdirSync(generated).sort()) {
      hash.update(file).update(readFileSync(join(generated, file)));
    }
  }
  return hash.digest("hex");
}

check("biome lint and format", run("pnpm", ["exec", "biome", "check", "."]));
check("redocly lint of specs/", run("pnpm", ["run", "lint:specs"]));

const before = generatedFingerprint();
const generated = run("pnpm", ["exec", "turbo", "run", "generate", "--force"]);
const fresh = generated && generatedFingerprint() === before;
if (generated && !fresh)
  console.log("generated files were stale: `pnpm generate` rewrote them; commit the result");
check("generated clients match specs/ (pnpm generate changes nothing)", fresh);

check("build and typecheck", run("pnpm", ["exec", "turbo", "run", "build", "typecheck"]));
check(
  "bundle-size budgets (each vendor package.json campaignkit.vendor.sizeBudget)",
  run("pnpm", ["--filter", "@campaignkit/bench", "run", "size"]),
);
check(
  "API reference: every public export documented, no broken link (pnpm docs)",
  run("pnpm", ["run", "docs"]),
);
check("every changed package has a changeset", run("node", ["scripts/check-changesets.mjs"]));
const packagesReport = join(tmpdir(), `campaignkit-packages-${process.pid}.json`);
run("node", ["scripts/check-packages.mjs", "--report", packagesReport]);
const packageResults = existsSync(packagesReport)
  ? JSON.parse(readFileSync(packagesReport, "utf8"))
  : [];
rmSync(packagesReport, { force: true });
check(
  "packed packages: publint, attw, consumer install and type-check (scripts/check-packages.mjs)",
  packageResults.length > 0 && packageResults.every((r) => r.runtime || r.passed),
);
for (const runtime of RUNTIMES) {
  const result = packageResults.find((r) => r.runtime === runtime.id);
  check(
    result?.name ??
      `packed packages in ${runtime.label()}: did not run (see the package checks above)`,
    result?.passed === true,
  );
}

/** Runs a command, echoing its output as it comes, and returns its exit status and output. */
function runTee(command, args) {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["inherit", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on("close", (status) => resolve({ passed: status === 0, output }));
  });
}

const reports = workspaceDirs().map((dir) => join(dir, ".test-report.json"));
for (const report of reports) rmSync(report, { force: true });
const { passed: testsRan, output: testOutput } = await runTee("pnpm", [
  "exec",
  "turbo",
  "run",
  "test",
  "--continue",
]);

// Every test credential starts with this prefix; none may ever be printed.
const CANARY = "ck-canary-";
const leaks = testOutput.split("\n").filter((line) => line.includes(CANARY));
for (const line of leaks)
  console.log(`credential canary found in test output: ${line.slice(0, 200)}`);
check(
  `no credential canary in the test output (${testOutput.split("\n").length} lines scanned)`,
  leaks.length === 0,
);

let passed = checks.filter((c) => c.passed).length;
let failed = checks.length - passed;
let skipped = 0;
for (const report of reports.filter((file) => existsSync(file))) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  if (result.numFailedTests === 0 && !result.success) failed += 1; // a file failed to load
}
if (!testsRan && failed === 0) failed += 1; // a test task died without a report

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 ? 0 : 1);
