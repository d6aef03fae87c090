import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { leaks, runCli } from "./test-support/spawn-cli.js";

let env: NodeJS.ProcessEnv;
const dir = sandboxForCli(
  (_sandbox, cliEnv) => {
    env = cliEnv;
  },
  { tmpPrefix: "campaignkit-stdin-test-" },
);

const JSONL = `${JSON.stringify({ vendor: "convoso", id: "111", action: "pause" })}\n`;
const CSV = "vendor,id,action\nconvoso,111,resume\n";

describe("apply - (standard input)", () => {
  it("reads JSONL from stdin, sniffed from its first character", async () => {
    const result = await runCli(["apply", "-", "--json"], { env, cwd: dir, input: `\n${JSONL}` });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { file: string; lines: Array<{ outcome: string }> };
    expect(report.file).toBe("-");
    expect(report.lines.map((line) => line.outcome)).toEqual(["applied"]);
    const journals = readdirSync(dir).filter((name) => name.endsWith(".journal"));
    expect(journals).toHaveLength(1);
    expect(journals[0]).toMatch(/^campaignkit-stdin-[0-9a-f]{12}\.journal$/);
  });

  it("reads CSV from stdin, sniffed from its header", async () => {
    const result = await runCli(["apply", "-", "--json", "--journal", "csv.journal"], {
      env,
      cwd: dir,
      input: CSV,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { lines: Array<{ outcome: string; id: string }> };
    expect(report.lines.map((line) => [line.id, line.outcome])).toEqual([["111", "applied"]]);
    expect(existsSync(join(dir, "csv.journal"))).toBe(true);
  });

  it("--format overrides the sniffing (CSV read as JSONL is rejected line by line)", async () => {
    const result = await runCli(["apply", "-", "--dry-run", "--format", "jsonl", "--json"], {
      env,
      cwd: dir,
      input: CSV,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      lines: Array<{ outcome: string; message: string }>;
    };
    expect(report.lines.map((line) => line.outcome)).toEqual(["rejected", "rejected"]);
    expect(report.lines[0]?.message).toBe("not valid JSON");
  });

  it("refuses an unknown --format (exit 2)", async () => {
    const result = await runCli(["apply", "-", "--format", "xml"], { env, cwd: dir, input: JSONL });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format must be jsonl or csv, got "xml"');
  });

  it("--resume with the same input finds the stdin journal and sends nothing again", async () => {
    const input = `${JSON.stringify({ vendor: "altur", id: "1234", action: "pause" })}\n`;
    const first = await runCli(["apply", "-", "--json"], { env, cwd: dir, input });
    expect(first.code).toBe(0);
    const again = await runCli(["apply", "-", "--json"], { env, cwd: dir, input });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the journal campaignkit-stdin-[0-9a-f]{12}\.journal exists/);
    const resumed = await runCli(["apply", "-", "--resume", "--json"], { env, cwd: dir, input });
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout) as { lines: Array<{ fromJournal?: boolean }> };
    expect(report.lines[0]?.fromJournal).toBe(true);
  });

  it("prints no credential", () => {
    expect(leaks()).toEqual([]);
  });
});
