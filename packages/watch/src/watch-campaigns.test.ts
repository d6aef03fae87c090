import { createAltur } from "@campaignkit/altur";
import { createAsisso } from "@campaignkit/asisso";
import { CampaignkitError } from "@campaignkit/core";
import { startSandbox } from "@campaignkit/sandbox";
import { createVelip } from "@campaignkit/velip";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { WatchEvent } from "./events.js";
import { memoryWatchStore } from "./store.js";
import { fakeCampaign, fakeProvider, unsupported } from "./test-support/fake-provider.js";
import { manualClock } from "./test-support/manual-clock.js";
import { driver } from "./test-support/pull.js";
import { watchCampaigns } from "./watch-campaigns.js";

const INTERVAL = 30_000;
const sandbox = await startSandbox({ vendors: ["altur", "asisso", "velip"] });
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const providers = () => ({
  altur: createAltur({ ...sandbox.vendors.altur, maxRetries: 0 }),
  asisso: createAsisso({ ...sandbox.vendors.asisso, maxRetries: 0 }),
});

function watching(
  options: Partial<Parameters<typeof watchCampaigns>[0]> &
    Pick<Parameters<typeof watchCampaigns>[0], "providers">,
) {
  const clock = manualClock();
  const store = options.store ?? memoryWatchStore();
  const watch = watchCampaigns({ interval: INTERVAL, store, clock, ...options });
  return { clock, store, run: driver(watch, clock, INTERVAL) };
}

const types = (events: WatchEvent[]) => events.map((event) => event.type);

describe("watchCampaigns through the sandbox", () => {
  it("records a baseline silently, then reports a pause and an edit made by someone else", async () => {
    const { altur, asisso } = providers();
    const { run } = watching({ providers: [altur, asisso] });
    expect(await run.drain()).toEqual([]);

    await altur.pauseCampaign("1234");
    await asisso.updateCampaign("123", { name: "Lead reactivation, wave 2" });
    const events = await run.round();
    expect(types(events)).toEqual(["campaign.status_changed", "campaign.updated"]);
    const [paused, renamed] = events;
    expect(paused).toMatchObject({
      vendor: "altur",
      campaignId: "1234",
      from: "active",
      to: "paused",
      campaign: { id: "1234", status: "paused" },
    });
    expect(renamed).toMatchObject({
      vendor: "asisso",
      campaignId: "123",
      changes: [{ field: "name", before: "Lead reactivation", after: "Lead reactivation, wave 2" }],
    });
    expect(Date.parse(paused?.at ?? "")).toBe(Date.parse("2026-12-02T12:00:30Z"));
    expect(await run.round()).toEqual([]);
  });

  it("reports a vendor's own status change with its reason: Asisso's circuit breaker, Velip's failed load", async () => {
    const { asisso } = providers();
    const velip = createVelip({ ...sandbox.vendors.velip, maxRetries: 0 });
    const { run } = watching({ providers: [asisso, velip] });
    await run.drain();
    sandbox.act("asisso", "124", "autoPause");
    sandbox.act("velip", "987654", "loadFailure");
    const events = await run.round();
    expect(events).toMatchObject([
      {
        type: "campaign.status_changed",
        vendor: "asisso",
        campaignId: "124",
        from: "active",
        to: "paused",
        reason: { code: "circuit_breaker_tripped" },
      },
      {
        type: "campaign.status_changed",
        vendor: "velip",
        campaignId: "987654",
        from: "active",
        to: "failed",
        reason: { code: "load_failed", message: "Falha na geração" },
      },
    ]);
    expect(events).toHaveLength(2);
  });

  it("with backfill, reports every existing campaign once as created", async () => {
    const { altur } = providers();
    const { run } = watching({ providers: [altur], backfill: true });
    const events = await run.drain();
    const listed = sandbox.campaigns("altur").map((c) => String((c as { id: number }).id));
    expect(events.map((event) => event.type === "campaign.created" && event.backfill)).toEqual(
      listed.map(() => true),
    );
    expect(events.map((event) => "campaignId" in event && event.campaignId).sort()).toEqual(
      listed.sort(),
    );
    expect(await run.round()).toEqual([]);
  });

  it("reports a vendor failing mid-watch, keeps watching the others, and reports its recovery", async () => {
    const { altur, asisso } = providers();
    const { run } = watching({ providers: [altur, asisso] });
    await run.drain();

    sandbox.injectFaults("asisso", { kind: "status", status: 503, times: 2 });
    await altur.pauseCampaign("1234");
    const failed = await run.round();
    expect(types(failed)).toEqual(["campaign.status_changed", "watch.vendor_failed"]);
    expect(failed[1]).toMatchObject({
      vendor: "asisso",
      partial: false,
      error: { code: "VENDOR" },
    });

    await altur.resumeCampaign("1234");
    expect(types(await run.round())).toEqual(["campaign.status_changed"]); // asisso still failing: no repeat
    const recovered = await run.round();
    expect(recovered).toMatchObject([
      { type: "watch.vendor_recovered", vendor: "asisso", failedSince: failed[1]?.at },
    ]);
  });

  it("polls each vendor once per round, however many rounds run", async () => {
    const { altur } = providers();
    const { run } = watching({ providers: [altur], interval: 1000 });
    await run.drain();
    for (let round = 0; round < 4; round += 1) {
      await run.round();
    }
    expect(sandbox.requests("altur").map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(5).fill("GET /api/v1.0/campaigns"),
    );
  });
});

describe("watchCampaigns on listings the test writes", () => {
  it("reports campaigns created after the baseline and campaigns gone from the list", async () => {
    const vendor = fakeProvider("velip", [fakeCampaign("velip", "1"), fakeCampaign("velip", "2")]);
    const { run } = watching({ providers: [vendor] });
    await run.drain();
    vendor.campaigns = [fakeCampaign("velip", "2"), fakeCampaign("velip", "3")];
    const events = await run.round();
    expect(events.map((e) => [e.type, "campaignId" in e && e.campaignId])).toEqual([
      ["campaign.created", "3"],
      ["campaign.removed", "1"],
    ]);
    expect(events[0]).toMatchObject({ backfill: false, campaign: { id: "3" } });
    expect(events[1]).toMatchObject({ campaign: { id: "1", name: "Campaign 1" } });
  });

  it("gives a campaign that comes back new ids, and the same change the same id on another store", async () => {
    const first = fakeProvider("velip", [fakeCampaign("velip", "1")]);
    const second = fakeProvider("velip", [fakeCampaign("velip", "1")]);
    const a = watching({ providers: [first] });
    const b = watching({ providers: [second] });
    await a.run.drain();
    await b.run.drain();
    first.campaigns = [];
    second.campaigns = [];
    const [removedA] = await a.run.round();
    const [removedB] = await b.run.round();
    expect(removedA?.id).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(removedB?.id).toBe(removedA?.id);

    first.campaigns = [fakeCampaign("velip", "1")];
    const [back] = await a.run.round();
    first.campaigns = [];
    const [removedAgain] = await a.run.round();
    expect(back?.type).toBe("campaign.created");
    expect(removedAgain?.type).toBe("campaign.removed");
    expect(new Set([removedA?.id, back?.id, removedAgain?.id]).size).toBe(3);
  });

  it("reports a listing cut short, watches what it got, and reports no removal from it", async () => {
    const vendor = fakeProvider("altur", [fakeCampaign("altur", "1"), fakeCampaign("altur", "2")]);
    const { run } = watching({ providers: [vendor] });
    await run.drain();
    vendor.campaigns = [fakeCampaign("altur", "1", "paused")];
    vendor.failWith = unsupported("altur");
    const events = await run.round();
    expect(types(events)).toEqual(["watch.vendor_failed", "campaign.status_changed"]);
    expect(events[0]).toMatchObject({ partial: true, error: { code: "UNSUPPORTED" } });
    expect(await run.round()).toEqual([]);

    delete vendor.failWith;
    expect(types(await run.round())).toEqual(["watch.vendor_recovered", "campaign.removed"]);
  });

  it("hands over again, after a restart, an event its consumer never finished", async () => {
    const vendor = fakeProvider("voxo", [fakeCampaign("voxo", "1")]);
    const store = memoryWatchStore();
    const first = watching({ providers: [vendor], store });
    await first.run.drain();
    vendor.campaigns = [fakeCampaign("voxo", "1", "paused"), fakeCampaign("voxo", "2")];
    first.clock.advance(INTERVAL);
    const inHand = await first.run.take(); // the process dies here: it is never acknowledged
    expect(inHand?.type).toBe("campaign.status_changed");

    const second = watching({ providers: [vendor], store });
    const replayed = await second.run.drain();
    expect(replayed.map((e) => e.id)).toContain(inHand?.id);
    expect(replayed).toHaveLength(2);
    expect(await second.run.round()).toEqual([]);
  });

  it("stops asking a vendor that refused the credential itself", async () => {
    const vendor = fakeProvider("velip", []);
    vendor.failWith = new CampaignkitError({
      code: "AUTH",
      vendor: "velip",
      message: "velip: token refused",
      details: { credentialRefused: true },
    });
    const { run } = watching({ providers: [vendor] });
    expect(types(await run.drain())).toEqual(["watch.vendor_failed"]);
    await run.round();
    await run.round();
    expect(vendor.lists).toBe(1);
  });

  it("ends when the signal aborts", async () => {
    const controller = new AbortController();
    const vendor = fakeProvider("voxo", [fakeCampaign("voxo", "1")]);
    const clock = manualClock();
    const watch = watchCampaigns({
      providers: [vendor],
      interval: INTERVAL,
      store: memoryWatchStore(),
      clock,
      signal: controller.signal,
    });
    const iterator = watch[Symbol.asyncIterator]();
    const next = iterator.next();
    await clock.sleeping();
    controller.abort();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it.each([
    [{ interval: 999 }, "interval"],
    [{ interval: 1.5e3 + 0.5 }, "interval"],
    [{ providers: [] }, "providers"],
    [{ providers: [fakeProvider("velip"), fakeProvider("velip")] }, "providers"],
  ])("refuses %o before any request", (bad, field) => {
    const vendor = fakeProvider("velip");
    expect(() =>
      watchCampaigns({
        providers: [vendor],
        interval: INTERVAL,
        store: memoryWatchStore(),
        ...bad,
      }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION", field }));
    expect(vendor.lists).toBe(0);
  });
});
