import { afterEach, describe, expect, it, vi } from "vitest";
import type { CampaignkitError } from "../errors.js";
import { createVendorClient, type VendorDescriptor } from "../http/create-vendor-client.js";
import { resetCredentialGuard } from "../http/credential-guard.js";
import { sendStep } from "./request-step.js";

const vendor: VendorDescriptor = {
  vendor: "acme",
  defaultBaseURL: "https://api.acme.test",
  credential: { in: "header", name: "X-Key" },
  userAgent: "campaignkit-acme/0.0.0",
};
const KEY = "ck-canary-step/0001+";
afterEach(() => {
  resetCredentialGuard("acme", KEY);
  vi.restoreAllMocks();
});

const step = {
  operationId: "listThings",
  method: "GET",
  path: "/things",
  idempotent: true,
  purpose: "list things",
} as const;
const noError = () => undefined;

/** sendStep through a real vendor client (guard, limiter, retries) whose fetch answers `respond()`. */
const send = (respond: () => Response) =>
  sendStep(
    createVendorClient(vendor, {
      apiKey: KEY,
      fetch: async () => respond(),
      maxRetries: 0,
    }) as never,
    "acme",
    step,
    noError,
  );

const json = (text: string) =>
  new Response(text, { headers: { "content-type": "application/json" } });

describe("sendStep reads a success answer", () => {
  it("parses a large listing once per call (the guard's parse is the provider's)", async () => {
    const things = Array.from({ length: 5000 }, (_, id) => ({ id, name: `thing ${id}` }));
    const text = JSON.stringify({ things });
    const parse = vi.spyOn(JSON, "parse");
    const body = await send(() => json(text));
    expect(body).toEqual({ things });
    const parsesOfTheListing = parse.mock.calls.filter(([input]) => input.length >= text.length);
    expect(parsesOfTheListing).toHaveLength(1);
  });

  it("gives undefined for an empty 200 answer", async () => {
    expect(await send(() => json(""))).toBeUndefined();
  });

  it("refuses a 200 answer whose JSON does not parse with INVALID_RESPONSE", async () => {
    const error = await send(() => json('{"things": [')).then(
      () => undefined,
      (rejected: unknown) => rejected as CampaignkitError,
    );
    expect(error).toMatchObject({ code: "INVALID_RESPONSE", vendor: "acme" });
  });

  it("still cuts a key echoed with JSON escapes out of the parsed body", async () => {
    const escaped = [...KEY].map(
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    const body = await send(() => json(`{"echo": "key=${escaped.join("")}", "n": 1}`));
    expect(body).toEqual({ echo: "key=REDACTED", n: 1 });
  });

  it("keeps a body with escapes but no secret as the vendor sent it", async () => {
    const body = await send(() => json('{"url": "https:\\/\\/acme.test\\/a", "quote": "\\"x\\""}'));
    expect(body).toEqual({ url: "https://acme.test/a", quote: '"x"' });
  });
});
