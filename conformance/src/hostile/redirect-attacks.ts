import { CampaignkitError } from "@campaignkit/core";
import { expect } from "vitest";
import type { HostileAttack } from "./attack.ts";
import { freshContext, hostileProvider, keyOf, rejectionOf } from "./context.ts";
import { assertNoLeak, sinksOf } from "./leaks.ts";

const REDIRECTS = [301, 302, 303, 307, 308] as const;

function expectRefused(error: unknown, status: number, origin: string) {
  expect(error).toBeInstanceOf(CampaignkitError);
  expect(error).toMatchObject({
    code: "VENDOR",
    httpStatus: status,
    retryable: false,
    details: { redirect: { status, origin }, credentialSent: false },
  });
  const { message } = error as CampaignkitError;
  expect(message).toContain(String(status));
  expect(message).toContain(origin);
  // Only the origin: the target's path and query may carry anything.
  expect(message).not.toContain("/steal");
}

/** The vendor answers every request with `status` and a Location on another origin. */
function redirectAttack(status: number, operation: "read" | "write"): HostileAttack {
  return {
    class: "redirect",
    name: `a ${status} to another origin on a ${operation}${operation === "write" ? " (a body credential too)" : ""}`,
    async run(vendor) {
      const ready = await freshContext();
      const key = keyOf(vendor.id);
      ready.vendorServer.handle((_, response) => {
        response
          .writeHead(status, {
            location: `${ready.elsewhere.origin}/steal?token=${encodeURIComponent(key)}`,
          })
          .end();
      });
      const provider = hostileProvider(ready, vendor, { maxRetries: 2 });
      const id = vendor.provider.sampleId;
      const error = await rejectionOf(
        operation === "read" ? provider.getCampaign(id) : provider.pauseCampaign(id),
      );
      expectRefused(error, status, ready.elsewhere.origin);
      assertNoLeak(sinksOf(error), key);
      expect(ready.elsewhere.received).toHaveLength(0);
      // Refused, not retried: the answer was a redirect, not a failure.
      expect(ready.vendorServer.received).toHaveLength(1);
    },
  };
}

export const REDIRECT_ATTACKS: readonly HostileAttack[] = [
  ...REDIRECTS.map((status) => redirectAttack(status, "read")),
  ...[307, 308].map((status) => redirectAttack(status, "write")),
  {
    class: "redirect",
    name: "a redirect to the same origin is not followed either",
    async run(vendor) {
      const ready = await freshContext();
      ready.vendorServer.handle((_, response) => {
        response.writeHead(302, { location: "/login?next=%2F" }).end();
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId),
      );
      expect(error).toMatchObject({
        code: "VENDOR",
        httpStatus: 302,
        details: { redirect: { origin: ready.vendorServer.origin, sameOrigin: true } },
      });
      expect(ready.vendorServer.received).toHaveLength(1);
    },
  },
  {
    class: "redirect",
    name: "a caller's fetch that follows a 307 anyway is caught, and says the credential went",
    async run(vendor) {
      const ready = await freshContext();
      ready.vendorServer.handle((request, response) => {
        response.writeHead(307, { location: `${ready.elsewhere.origin}${request.url}` }).end();
      });
      const following = (request: Request, init?: { signal?: AbortSignal }) =>
        fetch(new Request(request, { redirect: "follow" }), init);
      const error = await rejectionOf(
        hostileProvider(ready, vendor, { fetch: following }).getCampaign(vendor.provider.sampleId),
      );
      // What can still be promised: the answer is refused, and the error tells the truth.
      expect(ready.elsewhere.received.length).toBeGreaterThan(0);
      expect(error).toMatchObject({
        code: "VENDOR",
        details: { redirect: { origin: ready.elsewhere.origin }, credentialSent: true },
      });
      expect((error as Error).message).toContain("treat the credential as exposed");
      assertNoLeak(sinksOf(error), keyOf(vendor.id));
    },
  },
];
