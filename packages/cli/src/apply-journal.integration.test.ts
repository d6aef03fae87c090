import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "./commands/apply.js";
import {
  captured,
  cleanEnv,
  leaks,
  runCli,
  sandboxEnv,
  startCli,
} from "./test-support/spawn-cli.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-apply-journal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FAIL_WRITES = join(
  dirname(fileURLToPath(import.meta.url)),
  "test-support",
  "fail-journal-writes.mjs",
);

interface Record_ {
  type: string;
  line?: number;
  id?: string;
  outcome?: string;
}

/** Every record of a journal; fails the test if any line is not a whole JSON record. */
function journalRecords(path: string): Record_[] {
  const text = readFileSync(path, "utf8");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record_);
}

/** `count` VOXO lines, one campaign each, renaming it. */
function voxoLines(sandbox: Sandbox, count: number, tag: string): { text: string; ids: string[] } {
  const ids = (sandbox.campaigns("voxo") as Array<{ id: number | string }>)
    .map((c) => String(c.id))
    .slice(0, count);
  expect(ids.length).toBe(count);
  const text = ids
    .map((id) => JSON.stringify({ vendor: "voxo", id, patch: { name: `${tag} ${id}` } }))
    .join("\n");
  return { text: `${text}\n`, ids };
}

/** The VOXO campaign ids a write request was sent for (answered or not), from the sandbox log. */
function writtenIds(sandbox: Sandbox): string[] {
  return sandbox
    .requests("voxo")
    .filter((r) => r.method === "PATCH")
    .map((r) => r.path.split("/").at(-1) as string);
}

function expectEveryLineOnce(report: ApplyReport, lines: number) {
  expect(report.lines.map((line) => line.line).sort((a, b) => a - b)).toEqual(
    Array.from({ length: lines }, (_, i) => i + 1),
  );
  expect(report.counts.pending).toBe(0);
}

describe("campaignkit apply: two processes, a kill, a cut journal line", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ vendors: ["voxo"], extraCampaigns: 60 });
    env = cleanEnv(sandboxEnv(sandbox));
  });
  afterAll(() => sandbox?.close());

  it("refuses a second run at once naming the first one's pid, takes the lock over after a kill, and repairs the cut line", async () => {
    const { text, ids } = voxoLines(sandbox, 40, "Locked");
    writeFileSync(join(dir, "locked.jsonl"), text);
    const journal = join(dir, "locked.jsonl.journal");
    // Real time on purpose: the first process must still be running (mid-request) when the second starts.
    sandbox.injectFaults("voxo", { kind: "latency", ms: 150, times: 1000 });
    const first = startCli(["apply", "locked.jsonl", "--concurrency", "2"], { env, cwd: dir });
    const started = () =>
      existsSync(journal) && readFileSync(journal, "utf8").includes('"type":"started"');
    while (!started() && first.child.exitCode === null) await delay(20);
    expect(first.child.exitCode, "the first run ended too soon").toBeNull();

    const second = await runCli(["apply", "locked.jsonl", "--resume"], { env, cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`in use by another campaignkit apply (pid ${first.child.pid})`);
    expect(first.child.exitCode).toBeNull(); // the refusal did not wait for the first run

    first.child.kill("SIGKILL");
    expect((await first.done).signal).toBe("SIGKILL");
    expect(existsSync(`${journal}.lock`)).toBe(true); // left behind by the killed process
    // The kill cut the last record short.
    appendFileSync(journal, '{"type":"outcome","line":3');
    sandbox.reset();
    sandbox.injectFaults("voxo", { kind: "latency", ms: 0, times: 1 });

    const resumed = await runCli(["apply", "locked.jsonl", "--resume", "--json"], {
      env,
      cwd: dir,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout) as ApplyReport;
    expectEveryLineOnce(report, ids.length);
    // Every record is whole: the cut one was dropped before the resume appended.
    const records = journalRecords(journal);
    const outcomes = records.filter((r) => r.type === "outcome").map((r) => r.line);
    expect(outcomes.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: ids.length }, (_, i) => i + 1),
    );
    expect(existsSync(`${journal}.lock`)).toBe(false);

    // And a further resume reads the journal and has nothing left to do.
    const again = await runCli(["apply", "locked.jsonl", "--resume", "--json"], { env, cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const final = JSON.parse(again.stdout) as ApplyReport;
    expect(final.lines.every((line) => line.fromJournal)).toBe(true);
  });
});

/**
 * What a run that meets a full disk must leave: a report on stdout, the error on stderr,
 * exit 1, and no write request without its `started` record in the journal on disk.
 */
async function expectStoppedByJournal(
  sandbox: Sandbox,
  result: { code: number | null; stdout: string; stderr: string },
  journal: string,
) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(/the journal .* could not be written \(ENOSPC\)/);
  expect(result.stdout).toMatch(/^OUTCOME\s+LINES$/m);
  expect(result.stdout).toMatch(/^not done\s+\d+$/m);
  const records = existsSync(journal) ? journalRecords(journal) : [];
  const startedIds = new Set(records.filter((r) => r.type === "started").map((r) => r.id));
  const written = writtenIds(sandbox);
  expect(written.length).toBeGreaterThan(0);
  for (const id of written) expect(startedIds.has(id), `write of ${id} without started`).toBe(true);
}

async function expectResumeFinishes(
  sandbox: Sandbox,
  env: NodeJS.ProcessEnv,
  args: string[],
  lines: number,
) {
  const resumed = await runCli([...args, "--resume", "--json"], { env, cwd: dir });
  expect(resumed.code, resumed.stderr).toBe(0);
  expectEveryLineOnce(JSON.parse(resumed.stdout) as ApplyReport, lines);
  const written = writtenIds(sandbox);
  expect(new Set(written).size).toBe(written.length); // no campaign written twice
}

describe("campaignkit apply: a journal write fails", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ vendors: ["voxo"], extraCampaigns: 160 });
    env = cleanEnv(sandboxEnv(sandbox));
  });
  afterAll(() => sandbox?.close());

  it("on a full disk (a small tmpfs) stops before any further request, reports, and resumes once there is room", async () => {
    const mountPoint = join(dir, "tmpfs");
    mkdirSync(mountPoint);
    // Root in the test's environment (CI and the dev container): a real full file system.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=24k", "tmpfs", mountPoint]);
    try {
      sandbox.reset();
      const { text, ids } = voxoLines(sandbox, 150, "Full");
      writeFileSync(join(dir, "full.jsonl"), text);
      const journal = join(mountPoint, "full.journal");
      const args = ["apply", "full.jsonl", "--journal", journal, "--no-read"];
      const result = await runCli(args, { env, cwd: dir });
      await expectStoppedByJournal(sandbox, result, journal);
      expect(writtenIds(sandbox).length).toBeLessThan(ids.length);

      execFileSync("mount", ["-o", "remount,size=1m", mountPoint]);
      await expectResumeFinishes(sandbox, env, args, ids.length);
    } finally {
      execFileSync("umount", [mountPoint]);
    }
  });

  it("on an injected write failure (ENOSPC) does the same, on any machine", async () => {
    sandbox.reset();
    const { text, ids } = voxoLines(sandbox, 60, "Injected");
    writeFileSync(join(dir, "injected.jsonl"), text);
    const journal = join(dir, "injected.jsonl.journal");
    const args = ["apply", "injected.jsonl", "--no-read"];
    const result = await runCli(args, {
      env: { ...env, CK_JOURNAL_WRITES_OK: "12" },
      cwd: dir,
      nodeArgs: ["--import", FAIL_WRITES],
    });
    await expectStoppedByJournal(sandbox, result, journal);
    expect(writtenIds(sandbox).length).toBeLessThan(ids.length);
    await expectResumeFinishes(sandbox, env, args, ids.length);
  });
});

describe("campaignkit apply: a hostile server echoes the key", () => {
  const key = "ck-canary-k/ey+with=sl/ash";
  let server: Server;
  beforeAll(async () => {
    // Answers every request 409 with the key it was sent, in the encodings a server may use.
    server = createServer((request, response) => {
      const sent = String(request.headers.authorization ?? "").replace(/^Bearer /, "");
      const escaped = [...sent].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      const body = `{"message":"key ${sent.replaceAll("/", "\\/")} or ${escaped.join("")} or ${encodeURIComponent(sent)} or ${Buffer.from(sent).toString("base64")} is not allowed here"}`;
      response.writeHead(409, { "content-type": "application/json" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("the journal holds it in no encoding", async () => {
    const { port } = server.address() as AddressInfo;
    writeFileSync(
      join(dir, "echo.jsonl"),
      `${JSON.stringify({ vendor: "voxo", id: "101", patch: { name: "Echo" } })}\n`,
    );
    const env = cleanEnv({
      CAMPAIGNKIT_VOXO_BASE_URL: `http://127.0.0.1:${port}`,
      CAMPAIGNKIT_VOXO_API_KEY: key,
      CAMPAIGNKIT_VOXO_TENANT_ID: "42",
    });
    const result = await runCli(["apply", "echo.jsonl", "--json"], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as ApplyReport;
    expect(report.lines[0]).toMatchObject({ outcome: "rejected", code: "CONFLICT" });
    const journal = readFileSync(join(dir, "echo.jsonl.journal"), "utf8");
    expect(journal).toContain('"outcome":"rejected"');
    const forms = [
      key,
      encodeURIComponent(key),
      key.replaceAll("/", "\\/"),
      JSON.stringify(key).slice(1, -1),
      Buffer.from(key).toString("base64"),
      "ck-canary",
    ];
    for (const form of forms) {
      expect(journal, form).not.toContain(form);
      expect(result.stdout, form).not.toContain(form);
    }
  });
});

describe("credentials", () => {
  it("no output of this file contains an API key", () => {
    expect(captured.length).toBeGreaterThan(5);
    expect(leaks()).toEqual([]);
  });
});
