import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_API_KEYS, startSandbox } from "./index.js";
import { raw } from "./test-support/wire.js";
import { VELIP_LOCKOUT_RULES } from "./velip-lockout.js";

/** The sandbox's clock: the tests move it on instead of waiting. */
let now = 0;
const sandbox = await startSandbox({ vendors: ["velip"], clock: () => now });
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  now = 1_000_000;
});

const MINUTE = 60_000;
const list = (headers?: Record<string, string>, noAuth = false) =>
  raw(sandbox, "velip", "POST", "/GetCampaignsList.php", {
    json: {},
    noAuth,
    ...(headers ? { headers } : {}),
  });
/** A token that names no token of the account: "SID not found". */
const unknownToken = (i = 0) => ({ authorization: `Bearer ck-canary-unknown-${i}` });
/** A token that names the account's user (its first 10 characters) with a wrong rest. */
const wrongForUser = { authorization: `Bearer ${SANDBOX_API_KEYS.velip.slice(0, 10)}-wrong-rest` };
/** No lock, no ban, no failure: `sandbox.lockout("velip")` of a fresh sandbox. */
const CLEAR = { banned: false, ipLocked: false, lockedUsers: 0, failedAuthentications: 0 };
const codeOf = (answer: { body: unknown }) =>
  (answer.body as { return?: { status_code?: string } }).return?.status_code;

describe("Velip's lockout rules in the sandbox", () => {
  it("reports no lockout for the vendors that document none", () => {
    expect(sandbox.lockout("velip")).toEqual(CLEAR);
    expect(sandbox.lockout("altur")).toBeUndefined();
  });

  it("answers 102 to a token it does not know, and 100 to no token", async () => {
    expect(codeOf(await list(unknownToken()))).toBe("102");
    expect(codeOf(await list(undefined, true))).toBe("100");
    expect((await list()).status).toBe(200);
  });

  it("bans the IP permanently after 15 SID-not-found in 10 minutes (anti-probe, 199)", async () => {
    const { failures } = VELIP_LOCKOUT_RULES.antiProbe;
    for (let i = 0; i < failures; i++) {
      const answer = await list(unknownToken(i));
      expect([answer.status, codeOf(answer)]).toEqual([401, "102"]);
      now += 30_000;
    }
    const banned = await list();
    expect([banned.status, codeOf(banned)]).toEqual([401, "199"]);
    expect(sandbox.lockout("velip")).toMatchObject({ banned: true, failedAuthentications: 15 });
    now += 24 * 60 * MINUTE; // a day later: still banned, only the admin team lifts it
    expect(codeOf(await list())).toBe("199");
    sandbox.reset();
    expect((await list()).status).toBe(200);
    expect(sandbox.lockout("velip")).toEqual(CLEAR);
  });

  it("does not ban for SID-not-found spread wider than 10 minutes", async () => {
    for (let i = 0; i < 14; i++) await list(unknownToken(i));
    now += 10 * MINUTE;
    for (let i = 0; i < 5; i++) expect(codeOf(await list(unknownToken(i)))).toBe("102");
    expect((await list()).status).toBe(200);
    expect(sandbox.lockout("velip")).toEqual({ ...CLEAR, failedAuthentications: 19 });
  });

  it("locks access after 20 failed authentications in 10 minutes (131), then lets it go", async () => {
    for (let i = 0; i < VELIP_LOCKOUT_RULES.ipTrials.failures; i++) {
      expect(codeOf(await list(undefined, true))).toBe("100");
    }
    const locked = await list();
    expect([locked.status, codeOf(locked)]).toEqual([401, "131"]);
    expect(sandbox.lockout("velip")).toEqual({
      ...CLEAR,
      ipLocked: true,
      failedAuthentications: 20,
    });
    now += 10 * MINUTE;
    expect(sandbox.lockout("velip")?.ipLocked).toBe(false);
    expect((await list()).status).toBe(200);
  });

  it("locks a user after 5 failed attempts in 10 minutes (132), the right token too", async () => {
    for (let i = 0; i < VELIP_LOCKOUT_RULES.userTrials.failures; i++) {
      expect(codeOf(await list(wrongForUser))).toBe("100");
    }
    const locked = await list();
    expect([locked.status, codeOf(locked)]).toEqual([401, "132"]);
    expect(sandbox.lockout("velip")).toEqual({
      ...CLEAR,
      lockedUsers: 1,
      failedAuthentications: 5,
    });
    // Another user's attempts are not locked by it: an unknown token still gets 102.
    expect(codeOf(await list(unknownToken()))).toBe("102");
    now += 10 * MINUTE;
    expect((await list()).status).toBe(200);
  });

  it("bans the IP permanently after 100 failed authentications in an hour (199)", async () => {
    // 19 every 10 minutes: never 20 in 10 minutes, but 100 within the hour.
    let sent = 0;
    while (sent < VELIP_LOCKOUT_RULES.perHour.failures) {
      for (let i = 0; i < 19 && sent < 100; i++, sent++) {
        expect(codeOf(await list(undefined, true))).toBe("100");
      }
      now += 10 * MINUTE + 1;
    }
    expect(codeOf(await list())).toBe("199");
    now += 2 * 60 * MINUTE;
    expect(codeOf(await list())).toBe("199");
    expect(sandbox.lockout("velip")?.banned).toBe(true);
  });
});
