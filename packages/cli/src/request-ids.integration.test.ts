import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { leaks, runCli } from "./test-support/spawn-cli.js";

let env: NodeJS.ProcessEnv;
const dir = sandboxForCli(
  (_sandbox, cliEnv) => {
    env = cliEnv;
  },
  { tmpPrefix: "campaignkit-request-ids-" },
);

describe("request ids", () => {
  it("every journal line of a call carries its request id (started and outcome the same)", async () => {
    const lines = [
      { vendor: "convoso", id: "111", action: "pause" },
      { vendor: "altur", id: "999999", action: "pause" },
    ];
    writeFileSync(join(dir, "ids.jsonl"), lines.map((line) => JSON.stringify(line)).join("\n"));
    const result = await runCli(["apply", "ids.jsonl"], { env, cwd: dir });
    expect(result.code).toBe(1);
    const records = readFileSync(join(dir, "ids.jsonl.journal"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const of = (line: number) => records.filter((record) => record.line === line);
    const [started, applied] = of(1);
    expect(started).toMatchObject({ type: "started" });
    expect(applied).toMatchObject({ type: "outcome", outcome: "applied" });
    expect(started?.requestId).toMatch(/^ck-[0-9a-f-]{36}$/);
    expect(applied?.requestId).toBe(started?.requestId);
    const rejected = of(2).find((record) => record.type === "outcome");
    expect(rejected).toMatchObject({ outcome: "rejected", code: "NOT_FOUND" });
    expect(rejected?.requestId).toMatch(/^ck-/);
    expect(rejected?.requestId).not.toBe(started?.requestId);
  });

  it("a --json error carries the call's request id", async () => {
    const result = await runCli(["get", "--vendor", "altur", "999999", "--json"], { env });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toMatchObject({
      code: "NOT_FOUND",
      requestId: expect.stringMatching(/^ck-/),
      vendorRequestId: null,
    });
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
