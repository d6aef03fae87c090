// Checks every published package as a user receives it: `pnpm pack` each one, then
//   1. the tarball holds no workspace path and no `workspace:` range, and no tests;
//   2. publint --strict and @arethetypeswrong/cli on the tarball are clean;
//   3. a scratch project outside the workspace installs the tarballs (external dependencies
//      from the registry), imports every package in plain Node ESM and with require(), and
//      type-checks a consumer under moduleResolution "bundler" and "node16";
//   4. that consumer runs a provider round trip against the sandbox in every supported runtime
//      (packages/runtimes/src/check-runtimes.mjs: Node 22 and the running Node, Bun, Deno, workerd).
// Run after `pnpm build`. Prints one line per check and exits 1 when any fails; with
// `--report FILE` it also writes every check as JSON (`pnpm test` counts each runtime from it).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRuntimes } from "../packages/runtimes/src/check-runtimes.mjs";
import { workspaceVendors } from "./workspace-vendors.mjs";

const root = join(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const results = [];
const check = (name, passed, detail = "", runtime = undefined) => {
  results.push({ name, passed, runtime });
  console.log(`${passed ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};
const run = (command, args, options = {}) => {
  try {
    return {
      ok: true,
      output: execFileSync(command, args, {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        ...options,
      }),
    };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ""}${error.stderr ?? ""}` };
  }
};

const packages = readdirSync(join(root, "packages"))
  .map((dir) => ({
    dir: join(root, "packages", dir),
    manifest: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")),
  }))
  .filter(({ manifest }) => !manifest.private);

const work = mkdtempSync(join(tmpdir(), "campaignkit-consumer-"));
const tarballs = new Map();
for (const { dir, manifest } of packages) {
  const packed = run("pnpm", ["pack", "--pack-destination", work, "--json"], { cwd: dir });
  const file = readdirSync(work).find(
    (f) => f.startsWith(manifest.name.replace("@", "").replace("/", "-")) && f.endsWith(".tgz"),
  );
  if (!packed.ok || !file) {
    check(`${manifest.name}: pnpm pack`, false, packed.output.slice(0, 300));
    continue;
  }
  const tarball = join(work, file);
  tarballs.set(manifest.name, tarball);

  const listing = run("tar", ["-tzf", tarball]).output.split("\n").filter(Boolean);
  const packedManifest = run("tar", ["-xzOf", tarball, "package/package.json"]).output;
  const contents = run("tar", ["-xzOf", tarball]).output;
  const leaks = [
    packedManifest.includes("workspace:") && "a workspace: range in package.json",
    contents.includes(root) && `the workspace path ${root}`,
    listing.some((f) => /\.test(-d)?\.|test-support|node_modules/.test(f)) && "test files",
  ].filter(Boolean);
  check(
    `${manifest.name}: tarball (${listing.length} files) holds no workspace path, workspace: range or tests`,
    leaks.length === 0,
    leaks.join(", "),
  );

  const publint = run(bin("publint"), ["run", dir, "--strict", "--pack", "pnpm"]);
  check(
    `${manifest.name}: publint --strict`,
    publint.ok,
    publint.ok ? "" : publint.output.slice(0, 600),
  );
  // ESM only by design: require() of these packages works through Node's require(esm) (Node ≥ 22.12,
  // the packages' engines), which attw's node16-CJS check does not model.
  const attw = run(bin("attw"), [tarball, "--profile", "esm-only", "--format", "table-flipped"]);
  check(
    `${manifest.name}: @arethetypeswrong/cli --profile esm-only`,
    attw.ok,
    attw.ok ? "" : attw.output.slice(0, 600),
  );
}

// A consumer project outside the workspace: the tarballs, and external dependencies from the registry.
const consumer = join(work, "consumer");
mkdirSync(consumer);
const fileSpec = (name) => `file:${tarballs.get(name)}`;
writeFileSync(
  join(consumer, "package.json"),
  JSON.stringify(
    {
      name: "campaignkit-consumer",
      private: true,
      type: "module",
      dependencies: Object.fromEntries([...tarballs.keys()].map((name) => [name, fileSpec(name)])),
      devDependencies: { typescript: "5.9.3", "@types/node": "24.19.2" },
      overrides: Object.fromEntries([...tarballs.keys()].map((name) => [name, fileSpec(name)])),
    },
    null,
    2,
  ),
);
// Bounded: a registry that cannot be reached fails in minutes with a line saying what to check.
const INSTALL_TIMEOUT_MS = 300_000;
const install = run(
  "npm",
  [
    "install",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    "--fetch-timeout=60000",
    "--fetch-retries=2",
  ],
  { cwd: consumer, timeout: INSTALL_TIMEOUT_MS },
);
check(
  "consumer: npm install of the tarballs outside the workspace",
  install.ok,
  install.ok
    ? ""
    : `no install from the registry within ${INSTALL_TIMEOUT_MS / 1000}s: check npm's registry, proxy and CA settings (npm config get registry / https-proxy / cafile)\n${install.output.slice(0, 600)}`,
);

if (install.ok) {
  const factories = {
    "@campaignkit/core": "parseCampaignPatch",
    ...Object.fromEntries(workspaceVendors().map((v) => [v.packageName, v.factory])),
    "@campaignkit/sandbox": "startSandbox",
    "@campaignkit/cli": "runCli",
    "@campaignkit/watch": "watchCampaigns",
  };
  // Subpath entries, checked like the packages: the plumbing vendor packages are built with.
  if (tarballs.has("@campaignkit/core")) factories["@campaignkit/core/internal"] = "sendStep";
  const names = Object.keys(factories).filter((name) =>
    tarballs.has(name.replace(/\/internal$/, "")),
  );
  const esm = names
    .map(
      (n) =>
        `if (typeof (await import(${JSON.stringify(n)})).${factories[n]} !== "function") throw new Error(${JSON.stringify(n)});`,
    )
    .join("\n");
  writeFileSync(join(consumer, "esm.mjs"), `${esm}\nconsole.log("esm ok");\n`);
  const esmRun = run(process.execPath, ["esm.mjs"], { cwd: consumer });
  check(
    "consumer: import() of every package in plain Node ESM",
    esmRun.ok && esmRun.output.includes("esm ok"),
    esmRun.ok ? "" : esmRun.output.slice(0, 400),
  );

  const cjs = names
    .map(
      (n) =>
        `if (typeof require(${JSON.stringify(n)}).${factories[n]} !== "function") throw new Error(${JSON.stringify(n)});`,
    )
    .join("\n");
  writeFileSync(join(consumer, "require.cjs"), `${cjs}\nconsole.log("require ok");\n`);
  const cjsRun = run(process.execPath, ["require.cjs"], { cwd: consumer });
  check(
    "consumer: require() of every package (Node's require(esm))",
    cjsRun.ok && cjsRun.output.includes("require ok"),
    cjsRun.ok ? "" : cjsRun.output.slice(0, 400),
  );

  writeFileSync(
    join(consumer, "consumer.ts"),
    `import { createAltur, type AlturProvider } from "@campaignkit/altur";
import { createConvoso } from "@campaignkit/convoso";
import { type CampaignPatch, CampaignkitError, type CampaignProvider } from "@campaignkit/core";
import { startSandbox } from "@campaignkit/sandbox";

const patch: CampaignPatch = { status: "paused", schedule: { timezone: "Europe/Lisbon", callingHours: { daily: { start: "09:00", end: "17:00" } } } };
const altur: AlturProvider = createAltur({ apiKey: "k" });
const providers: CampaignProvider[] = [altur, createConvoso({ apiKey: "k" })];
export async function demo(): Promise<string[]> {
  const sandbox = await startSandbox({ vendors: ["altur"] });
  await sandbox.close();
  const { data } = await altur.client.GET("/campaigns/{id}", { params: { path: { id: 1 } } });
  const plans = await Promise.all(providers.map((p) => p.planUpdate("1", patch).catch((e: unknown) => (e instanceof CampaignkitError ? [] : []))));
  return [String(data?.campaign?.name), String(plans.length)];
}
// @ts-expect-error: a patch with an unknown status does not type-check
export const wrong: CampaignPatch = { status: "finished" };
`,
  );
  for (const [resolution, module] of [
    ["bundler", "esnext"],
    ["node16", "node16"],
  ]) {
    const tsconfig = join(consumer, `tsconfig.${resolution}.json`);
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module,
          moduleResolution: resolution,
          target: "es2022",
          lib: ["es2023", "dom"],
          types: ["node"],
          skipLibCheck: false,
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = run(join(consumer, "node_modules", ".bin", "tsc"), ["-p", tsconfig], {
      cwd: consumer,
    });
    check(
      `consumer: type-check under moduleResolution ${resolution}`,
      tsc.ok,
      tsc.ok ? "" : tsc.output.slice(0, 600),
    );
  }

  for (const { id, name, passed, detail } of await checkRuntimes(consumer)) {
    check(name, passed, detail, id);
  }
}

rmSync(work, { recursive: true, force: true });
const reportAt = process.argv.indexOf("--report");
if (reportAt !== -1) writeFileSync(process.argv[reportAt + 1], JSON.stringify(results, null, 2));
const failed = results.filter((r) => !r.passed).length;
console.log(`package checks: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
