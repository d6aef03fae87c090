import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ApplyReport } from "./commands/apply.js";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { captured, leaks, runCli, startCli } from "./test-support/spawn-cli.js";

describe("campaignkit apply reads the file as a stream", () => {
  let env: NodeJS.ProcessEnv;
  const dir = sandboxForCli(
    (_, startedEnv) => {
      env = startedEnv;
    },
    { sandbox: { vendors: ["altur", "voxo"] }, tmpPrefix: "campaignkit-apply-stream-" },
  );

  it("a stray quote and text after a closing quote are errors of their own line only", async () => {
    writeFileSync(
      join(dir, "quotes.csv"),
      [
        "vendor,id,name",
        "altur,1234,Before",
        'altur,1235,"Spring',
        'altur,1236,"a"b',
        "altur,1237,After",
        "",
      ].join("\n"),
    );
    const result = await runCli(["apply", "quotes.csv", "--dry-run", "--json"], { env, cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as ApplyReport;
    const byLine = new Map(report.lines.map((line) => [line.line, line]));
    expect(byLine.get(2)?.outcome).toBe("planned");
    expect(byLine.get(3)).toMatchObject({ outcome: "rejected", code: "VALIDATION" });
    expect(byLine.get(3)?.message).toMatch(/quoted cell is not closed on this line/);
    expect(byLine.get(4)).toMatchObject({ outcome: "rejected", code: "VALIDATION" });
    expect(byLine.get(4)?.message).toMatch(/goes on after its closing quote/);
    // The stray quote did not swallow the line after it.
    expect(byLine.get(5)).toMatchObject({ outcome: "planned", id: "1237", change: "set name" });
    expect(report.counts).toMatchObject({ lines: 4, planned: 2, rejected: 2 });
  });

  it("prints the first rejected lines of many, with the count of each code", async () => {
    const lines = Array.from({ length: 130 }, (_, i) =>
      JSON.stringify({
        vendor: "voxo",
        id: String(101 + (i % 3)),
        patch: { name: i % 2 ? "ab" : "Fine name" },
      }),
    );
    writeFileSync(join(dir, "many.jsonl"), `${lines.join("\n")}\n`);
    const result = await runCli(["apply", "many.jsonl", "--dry-run"], { env, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^rejected\s+65$/m);
    expect(result.stdout).toContain("Rejected lines (VALIDATION 65), the first 50 of 65");
    const rows = result.stdout
      .split("\n")
      .filter((line) => /^\d+\s+voxo\s+10\d\s+VALIDATION/.test(line));
    expect(rows.map((row) => Number(row.split(/\s+/)[0]))).toEqual(
      Array.from({ length: 50 }, (_, i) => 2 * (i + 1)),
    );
  });

  it("Ctrl-C stops the validation of a long file cleanly, with a report and exit 130", async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      JSON.stringify({ vendor: "altur", id: String(1234 + (i % 4)), patch: { name: `Name ${i}` } }),
    );
    writeFileSync(join(dir, "long.jsonl"), `${lines.join("\n")}\n`);
    const { child, done } = startCli(["apply", "long.jsonl", "--dry-run"], { env, cwd: dir });
    let seen = "";
    await new Promise<void>((resolve) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes("line 1 ")) resolve();
      });
    });
    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(
      /Interrupted at line \d+: the lines from there on were not checked/,
    );
    const planned = Number(/^planned\s+(\d+)$/m.exec(result.stdout)?.[1]);
    expect(planned).toBeGreaterThan(0);
    expect(planned).toBeLessThan(60_000);
  });
});

describe("credentials", () => {
  it("no output of this file contains an API key", () => {
    expect(captured.length).toBeGreaterThan(2);
    expect(leaks()).toEqual([]);
  });
});
