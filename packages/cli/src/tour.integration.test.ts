import { describe, expect, it } from "vitest";
import { VENDOR_IDS } from "./generated/vendor-registry.js";
import { captured, cleanEnv, leaks, runCli } from "./test-support/spawn-cli.js";

describe("campaignkit tour", () => {
  it("runs the guided tour against the embedded sandbox and exits 0 on its own", async () => {
    const result = await runCli(["tour"], { env: cleanEnv() });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    for (const section of [
      "== 1. The campaigns on each vendor ==",
      "== 2. Pause and resume one campaign per vendor ==",
      "== 3. Calling hours 09:00-17:00, Europe/Lisbon, where the vendor can ==",
      "== 4. A bulk file across vendors ==",
      "== 5. Before and after ==",
      "== 6. Watching: what changed that nobody typed here ==",
    ]) {
      expect(out).toContain(section);
    }
    for (const vendor of VENDOR_IDS) {
      expect(out).toContain(`$ campaignkit list --vendor ${vendor}\n`);
      expect(out).toMatch(new RegExp(`^\\$ campaignkit pause --vendor ${vendor} \\d+$`, "m"));
      expect(out).toMatch(new RegExp(`^${vendor} campaign \\d+ is paused$`, "m"));
      expect(out).toMatch(new RegExp(`^${vendor} campaign \\d+ is active$`, "m"));
    }
    // The refusals, with the clear CampaignkitError message, before any request.
    expect(out).toContain(
      "error: convoso cannot set schedule.timezone: Convoso documents no endpoint to rename/schedule/pace/redial a campaign (code UNSUPPORTED, field schedule.timezone)",
    );
    expect(out).toContain("error: velip cannot set schedule.timezone");
    // Hours set where the vendor can.
    expect(out).toMatch(/^Updated voxo campaign \d+:$/m);
    expect(out).toMatch(/^schedule\.timezone\s+Europe\/Lisbon$/m);
    expect(out).toMatch(/^schedule\.callingHours\s+09:00-17:00 daily$/m);
    // The bulk file: a report with applied, unchanged and rejected lines.
    expect(out).toMatch(/^applied\s+\d+$/m);
    expect(out).toMatch(/^unchanged\s+[1-9]\d*$/m);
    expect(out).toMatch(/^LINE\s+VENDOR\s+ID\s+CODE\s+FIELD\s+MESSAGE$/m);
    // Before/after, and the sandbox closed.
    expect(out).toMatch(/^VENDOR\s+ID\s+NAME\s+STATUS\s+TIMEZONE\s+CALLING HOURS/m);
    expect(out).toMatch(/America\/New_York -> Europe\/Lisbon/);
    // The watcher: the vendor's own pause with its reason, and another process's rename.
    expect(out).toMatch(
      /^ {2}watch: \S+ {2}asisso \d+ {2}status active → paused \(circuit_breaker_tripped: /m,
    );
    expect(out).toMatch(
      /^ {2}watch: \S+ {2}asisso \d+ {2}updated: name "[^"]+" → "Renamed elsewhere"$/m,
    );
    expect(out).toContain("Sandbox closed; nothing left running.\nTour complete.\n");
    expect(out).toContain("campaignkit board --sandbox --open");
  });

  it("no output of the tour contains an API key", () => {
    expect(captured.length).toBe(2);
    expect(leaks()).toEqual([]);
  });
});
