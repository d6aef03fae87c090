import { createServer, type Server, type Socket } from "node:net";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, leaks, runCli, sandboxEnv } from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
/** A server that takes connections and never answers: only a deadline ends a call to it. */
let silent: Server;
const sockets: Socket[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  env = cleanEnv(sandboxEnv(sandbox));
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await sandbox?.close();
});

const ANSWER_LINE =
  /^campaignkit altur ← 200 GET http:\/\/127\.0\.0\.1:\d+\/\S+ in \d+ ms \(request ck-[0-9a-f-]{36}\)$/;

describe("--verbose, --quiet, --timeout", () => {
  it("--verbose prints one line per request and answer on stderr; stdout keeps the results", async () => {
    const result = await runCli(["list", "--vendor", "altur", "--verbose", "--json"], { env });
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(ANSWER_LINE);
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
  });

  it("CAMPAIGNKIT_LOG=debug adds each request, its credential header redacted", async () => {
    const result = await runCli(["get", "--vendor", "altur", "1234"], {
      env: { ...env, CAMPAIGNKIT_LOG: "debug" },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^campaignkit altur → GET http:\/\/127\.0\.0\.1:\d+\/\S+ \(request ck-/m,
    );
    expect(result.stderr).toMatch(new RegExp(ANSWER_LINE.source.slice(1, -1), "m"));
    expect(result.stderr).toMatch(/^ {2}authorization: REDACTED$/m);
    expect(result.stdout).not.toContain("campaignkit altur");
  });

  it("without --verbose nothing is logged", async () => {
    const result = await runCli(["get", "--vendor", "altur", "1234"], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("--quiet prints only results", async () => {
    const loud = await runCli(["list", "--vendor", "altur"], { env });
    const quiet = await runCli(["list", "--vendor", "altur", "--quiet"], { env });
    expect(loud.stdout).toMatch(/campaigns? on altur\n$/);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toMatch(/campaigns? on altur/);
    expect(quiet.stdout).toBe(loud.stdout.replace(/\d+ campaigns? on altur\n$/, ""));
    const both = await runCli(["list", "--vendor", "altur", "-q", "--verbose"], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--verbose and --quiet cannot go together");
  });

  it("--timeout sets each call's deadline (a server that never answers: TIMEOUT, exit 1)", async () => {
    const { port } = silent.address() as { port: number };
    // A real socket that never answers: the deadline is the CLI's own, in its own process.
    const result = await runCli(["get", "--vendor", "altur", "1234", "--timeout", "300ms"], {
      env: { ...env, CAMPAIGNKIT_ALTUR_BASE_URL: `http://127.0.0.1:${port}/api/v1.0` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no answer within 300 ms \(code TIMEOUT/);
  });

  it("--timeout must be a duration", async () => {
    for (const value of ["soon", "0", "-1s"]) {
      const result = await runCli(["get", "--vendor", "altur", "1234", `--timeout=${value}`], {
        env,
      });
      expect(result.code, value).toBe(2);
      expect(result.stderr, value).toContain("--timeout must be a duration");
    }
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
