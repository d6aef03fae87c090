import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SANDBOX_API_KEYS, type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyReport } from "./commands/apply.js";
import { captured, cleanEnv, leaks, runCli, sandboxEnv } from "./test-support/spawn-cli.js";

const dir = mkdtempSync(join(tmpdir(), "campaignkit-apply-credential-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VELIP_LINES = 300;
/** Generated Velip campaigns: 987656 on (none has 7 calls a minute yet). */
const VELIP_IDS = Array.from({ length: VELIP_LINES }, (_, i) => String(987_656 + i));
/** Altur campaigns that take a new name (1235 is finished: Altur refuses any change to it). */
const ALTUR_IDS = ["1234", "1236", "1237", "1238"];
/**
 * A wrong Velip token: the account user's token prefix (its first 10 characters) with a wrong
 * rest, the harshest case (Velip locks that user after 5 such attempts, `132`), holding `/`, `+`
 * and `=` so every encoding of it differs from the raw text.
 */
const WRONG_TOKEN = `${SANDBOX_API_KEYS.velip.slice(0, 10)}-ck-canary/wr+ng=tsid`;

/** Every form the wrong token could take in an output: none may appear. */
const FORMS = [
  WRONG_TOKEN,
  encodeURIComponent(WRONG_TOKEN),
  WRONG_TOKEN.replaceAll("/", "\\/"),
  JSON.stringify(WRONG_TOKEN).slice(1, -1),
  Buffer.from(WRONG_TOKEN).toString("base64"),
  Buffer.from(WRONG_TOKEN).toString("base64url"),
  "ck-canary/wr+ng",
  "wr+ng=tsid",
];

/** The Velip writes the sandbox answered with success. */
const velipWrites = (sandbox: Sandbox) =>
  sandbox.requests("velip").filter((r) => r.operationId === "changeCampaign" && r.status === 200);

/**
 * 300 Velip lines (7 calls a minute) with Altur lines among them: the second line, one in the
 * middle and two at the end.
 */
function changesFile(): { text: string; velipLines: number[]; alturLines: number[] } {
  const rows: Array<{ vendor: string; id: string; patch: object }> = VELIP_IDS.map((id) => ({
    vendor: "velip",
    id,
    patch: { pacing: { callsPerMinute: 7 } },
  }));
  const altur = ALTUR_IDS.map((id) => ({ vendor: "altur", id, patch: { name: `Guarded ${id}` } }));
  rows.splice(1, 0, altur[0] as (typeof rows)[number]);
  rows.splice(150, 0, altur[1] as (typeof rows)[number]);
  rows.push(altur[2] as (typeof rows)[number], altur[3] as (typeof rows)[number]);
  const linesOf = (vendor: string) =>
    rows.flatMap((row, index) => (row.vendor === vendor ? [index + 1] : []));
  return {
    text: `${rows.map((row) => JSON.stringify(row)).join("\n")}\n`,
    velipLines: linesOf("velip"),
    alturLines: linesOf("altur"),
  };
}

describe("campaignkit apply with a Velip token Velip refuses", () => {
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ vendors: ["velip", "altur"], extraCampaigns: VELIP_LINES });
    env = cleanEnv(sandboxEnv(sandbox));
  });
  afterAll(() => sandbox?.close());

  it("sends Velip one request, locks nothing, applies the other vendor, and --resume with the right token finishes", async () => {
    const { text, velipLines, alturLines } = changesFile();
    writeFileSync(join(dir, "velip.jsonl"), text);
    const journal = join(dir, "velip.jsonl.journal");
    expect(sandbox.lockout("velip")).toMatchObject({ banned: false, failedAuthentications: 0 });

    const refused = await runCli(["apply", "velip.jsonl", "--json"], {
      env: { ...env, CAMPAIGNKIT_VELIP_API_KEY: WRONG_TOKEN },
      cwd: dir,
    });
    expect(refused.code, refused.stderr).toBe(1);

    // Velip saw the token once: no lock of the user (132) or the IP (131), no ban (199).
    expect(sandbox.requests("velip")).toHaveLength(1);
    expect(sandbox.requests("velip")[0]?.status).toBe(401);
    expect(sandbox.lockout("velip")).toEqual({
      banned: false,
      ipLocked: false,
      lockedUsers: 0,
      failedAuthentications: 1,
    });

    const report = JSON.parse(refused.stdout) as ApplyReport;
    const byLine = new Map(report.lines.map((line) => [line.line, line]));
    expect(report.lines).toHaveLength(VELIP_LINES + ALTUR_IDS.length);
    // Altur's lines went on, with Altur's right key.
    for (const line of alturLines)
      expect(byLine.get(line)?.outcome, `line ${line}`).toBe("applied");
    for (const id of ALTUR_IDS) {
      const campaign = sandbox
        .campaigns("altur")
        .find((c) => String((c as { id: number }).id) === id);
      expect((campaign as { name?: string }).name).toBe(`Guarded ${id}`);
    }
    // Every Velip line is not done (no final outcome), with the reason.
    for (const line of velipLines) {
      const outcome = byLine.get(line);
      expect(outcome, `line ${line}`).toMatchObject({ outcome: "pending", code: "AUTH" });
      expect(outcome?.message).toMatch(
        /^not done: velip refused the credential \(.+\); no further line of velip is sent\. Correct the key, then run again with --resume$/,
      );
    }
    expect(report.counts).toMatchObject({
      lines: VELIP_LINES + ALTUR_IDS.length,
      applied: ALTUR_IDS.length,
      rejected: 0,
      pending: VELIP_LINES,
    });
    expect(velipWrites(sandbox)).toEqual([]);

    // No Velip line has an outcome in the journal: a resume runs them all.
    const records = readFileSync(journal, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { type: string; vendor?: string });
    expect(records.filter((r) => r.type === "outcome" && r.vendor === "velip")).toEqual([]);

    // The wrong token is in no output and not in the journal, in any encoding.
    const journalText = readFileSync(journal, "utf8");
    for (const form of FORMS) {
      expect(refused.stdout, form).not.toContain(form);
      expect(refused.stderr, form).not.toContain(form);
      expect(journalText, form).not.toContain(form);
    }

    // --resume with the right token applies every Velip line, and only those.
    const resumed = await runCli(["apply", "velip.jsonl", "--resume", "--json"], {
      env,
      cwd: dir,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = JSON.parse(resumed.stdout) as ApplyReport;
    const afterByLine = new Map(after.lines.map((line) => [line.line, line]));
    for (const line of velipLines) {
      expect(afterByLine.get(line), `line ${line}`).toMatchObject({ outcome: "applied" });
    }
    for (const line of alturLines) {
      expect(afterByLine.get(line), `line ${line}`).toMatchObject({
        outcome: "applied",
        fromJournal: true,
      });
    }
    expect(after.counts).toMatchObject({ applied: VELIP_LINES + ALTUR_IDS.length, pending: 0 });
    expect(velipWrites(sandbox)).toHaveLength(VELIP_LINES);
    const lig = new Map(
      sandbox.campaigns("velip").map((c) => {
        const campaign = c as { cp_id: number; cp_lig_min: unknown };
        return [String(campaign.cp_id), campaign.cp_lig_min];
      }),
    );
    for (const id of VELIP_IDS) expect(lig.get(id), id).toBe(7);
    expect(sandbox.lockout("velip")).toMatchObject({ banned: false, failedAuthentications: 1 });
    const finalJournal = readFileSync(journal, "utf8");
    for (const form of FORMS) {
      expect(resumed.stdout + resumed.stderr + finalJournal, form).not.toContain(form);
    }
  });
});

describe("credentials", () => {
  it("no output of this file contains an API key", () => {
    expect(captured.length).toBe(4);
    expect(leaks()).toEqual([]);
  });
});
