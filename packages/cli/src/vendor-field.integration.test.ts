import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Sandbox } from "@campaignkit/sandbox";
import { beforeEach, describe, expect, it } from "vitest";
import { sandboxForCli } from "./test-support/sandbox-for-cli.js";
import { runCli } from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
const dir = sandboxForCli(
  (started, cliEnv) => {
    sandbox = started;
    env = cliEnv;
  },
  { sandbox: { vendors: ["voxo", "altur"] }, tmpPrefix: "campaignkit-vendor-field-" },
);
beforeEach(() => sandbox.reset());

/** How many PATCHes VOXO received. */
const voxoPatches = () => sandbox.requests("voxo").filter((request) => request.method === "PATCH");
/** The VOXO campaign as the simulator holds it. */
const voxoCampaign = (id: number) =>
  (sandbox.campaigns("voxo") as { id: number }[]).find((campaign) => campaign.id === id) as
    | Record<string, unknown>
    | undefined;

describe("a vendor's own documented fields from the CLI (--set <vendor>.<field>, CSV columns)", () => {
  it("update sends them in the same request, typed by the spec, and says what the vendor reports", async () => {
    const result = await runCli(
      [
        "update",
        "--vendor",
        "voxo",
        "123",
        "--set",
        "name=Wave 2",
        "--set",
        "voxo.callerId=5551234567",
        "--set",
        "voxo.callFrequency=30",
      ],
      { env },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(voxoPatches()).toHaveLength(1);
    expect(voxoCampaign(123)).toMatchObject({
      name: "Wave 2",
      callerId: "5551234567",
      callFrequency: 30,
    });
    expect(result.stdout).toMatch(/^ {2}voxo\.callerId: /m);
    expect(result.stdout).toMatch(/^ {2}voxo\.callFrequency: /m);
  });

  it("plan shows them; a value against the spec's rule or another vendor's field is refused, naming it, before any request", async () => {
    const plan = await runCli(
      ["plan", "--vendor", "voxo", "123", "--json", "--set", "voxo.callerId=5551234567"],
      { env },
    );
    expect(plan.code).toBe(0);
    expect(JSON.parse(JSON.parse(plan.stdout)[0].body)).toEqual({ callerId: "5551234567" });

    const bad = await runCli(["update", "--vendor", "voxo", "123", "--set", "voxo.callerId=123"], {
      env,
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("vendor.voxo.callerId");
    expect(bad.stderr).toContain("must match");

    const other = await runCli(
      ["update", "--vendor", "altur", "1234", "--set", "voxo.callerId=5551234567"],
      { env },
    );
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain(
      "invalid voxo.callerId: is a voxo field; this campaign is on altur",
    );
    expect(voxoPatches()).toHaveLength(0);
    expect(sandbox.requests("altur")).toEqual([]);
  });

  it("apply takes a CSV column of that name, for the lines of that vendor", async () => {
    const file = join(dir, "changes.csv");
    writeFileSync(file, "vendor,id,name,voxo.callFrequency\nvoxo,123,,45\naltur,1234,Renamed,\n");
    const result = await runCli(["apply", file, "--journal", join(dir, "journal.jsonl")], { env });
    expect(result.code).toBe(0);
    expect(voxoPatches()).toHaveLength(1);
    expect(voxoCampaign(123)).toMatchObject({ callFrequency: 45 });
  });

  it("capabilities lists them, with whether the vendor reports them back", async () => {
    const result = await runCli(["capabilities", "--vendor", "voxo"], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("voxo: its own documented fields");
    expect(result.stdout).toMatch(/^voxo\.callFrequency\s/m);
  });
});
