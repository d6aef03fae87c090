import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createAltur } from "@campaignkit/altur";
import { createAsisso } from "@campaignkit/asisso";
import { createVelip } from "@campaignkit/velip";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { possibleActions, startLiveActions } from "./live-actions.js";
import { SANDBOX_VENDORS } from "./sandbox-types.js";
import { startSandbox } from "./start-sandbox.js";
import { VENDOR_ACTIONS } from "./vendor-actions.js";

const sandbox = await startSandbox();
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe("sandbox.act: vendors acting on their own", () => {
  it("asisso autoPause: the circuit breaker pauses a running campaign and logs it", async () => {
    const wire = sandbox.act("asisso", "124", "autoPause") as {
      state: string;
      logs: { event: string }[];
    };
    expect(wire.state).toBe("paused");
    expect(wire.logs.at(-1)).toMatchObject({ event: "circuit_breaker_tripped", level: "warning" });
    const campaign = await createAsisso(sandbox.vendors.asisso).getCampaign("124");
    expect(campaign).toMatchObject({
      status: "paused",
      statusReason: { code: "circuit_breaker_tripped", at: expect.stringMatching(/Z$/) },
    });
    expect(() => sandbox.act("asisso", "123", "autoPause")).toThrow(
      /not in a state where autoPause happens/,
    );
  });

  it("velip loadFailure: the campaign is stopped for good with Falha na geração", async () => {
    sandbox.act("velip", "987654", "loadFailure");
    const velip = createVelip(sandbox.vendors.velip);
    expect(await velip.getCampaign("987654")).toMatchObject({
      status: "failed",
      statusReason: { code: "load_failed", message: "Falha na geração" },
    });
    sandbox.act("velip", "987655", "loadDone");
    expect(await velip.getCampaign("987655")).toMatchObject({ status: "active" });
    expect((await velip.getCampaign("987655")).statusReason).toBeUndefined();
  });

  it("altur finish and cooldown follow the documented statuses", async () => {
    const altur = createAltur(sandbox.vendors.altur);
    sandbox.act("altur", "1234", "cooldown");
    expect(
      (sandbox.campaigns("altur") as { id: number; status: string }[]).find((c) => c.id === 1234)
        ?.status,
    ).toBe("cooldown");
    sandbox.act("altur", "1234", "cycleStart");
    sandbox.act("altur", "1234", "finish");
    expect((await altur.getCampaign("1234")).status).toBe("finished");
    expect(() => sandbox.act("altur", "1234", "finish")).toThrow(RangeError);
    expect(() => sandbox.act("altur", "1236", "cooldown")).toThrow(RangeError); // pending, no cycles
  });

  it("refuses an action a vendor does not document, or a campaign it does not have", () => {
    expect(() => sandbox.act("voxo", "101", "finish")).toThrow(/its docs describe none/);
    expect(() => sandbox.act("asisso", "124", "explode")).toThrow(/has autoPause, finish/);
    expect(() => sandbox.act("asisso", "999", "autoPause")).toThrow(/no campaign 999/);
    expect(() => sandbox.act("nope" as never, "1", "finish")).toThrow(TypeError);
  });

  it("documents every action in the README, with its source", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    for (const vendor of SANDBOX_VENDORS)
      for (const action of Object.keys(VENDOR_ACTIONS[vendor]))
        expect(readme, `${vendor} ${action}`).toMatch(
          new RegExp(`\\| ${vendor} \\| \`${action}\` \\|`, "i"),
        );
  });
});

describe("startLiveActions", () => {
  it("plays one possible action per tick, and stops", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const played: string[] = [];
      const before = possibleActions(sandbox).length;
      const stop = startLiveActions(sandbox, {
        every: 1000,
        random: () => 0.5,
        onAction: (a) => played.push(`${a.vendor} ${a.id} ${a.action}`),
      });
      vi.advanceTimersByTime(3000);
      stop();
      vi.advanceTimersByTime(3000);
      expect(played).toHaveLength(3);
      expect(before).toBeGreaterThan(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
