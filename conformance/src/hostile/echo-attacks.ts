import { spawn } from "node:child_process";
import { join } from "node:path";
import { inspect } from "node:util";
import { expect } from "vitest";
import type { HostileAttack } from "./attack.ts";
import { baseURLVia, freshContext, hostileProvider, keyOf, rejectionOf } from "./context.ts";
import { forward } from "./hostile-server.ts";
import { assertNoLeak, encodingsOf, sinksOf } from "./leaks.ts";

/** How a vendor may write the key it echoes, as raw JSON text inside a string. */
const ECHOES: Record<string, (key: string) => string> = {
  raw: (key) => key,
  "JSON \\u escapes": (key) => encodingsOf(key)["JSON \\u escapes"] as string,
  "PHP's \\/": (key) => key.replaceAll("/", "\\/"),
  "PHP's \\/ in JSON embedded in a string": (key) => key.replaceAll("/", "\\\\\\/"),
  "URL-encoded": (key) => encodeURIComponent(key),
  "URL-encoded, lower case": (key) => encodingsOf(key)["lower-case percent"] as string,
  "form-encoded": (key) => encodingsOf(key)["form encoding"] as string,
};

/** The fields vendors put their error text in, each echoing the key. */
function errorBody(echo: string): string {
  const text = `"bad credential ${echo}"`;
  return `{"return":{"status_code":"999","status":${text}},"message":${text},"error":${text},"detail":${text},"status":${text},"msg":${text},"description":${text},"text":${text},"errors":[{"message":${text},"field":${text}}]}`;
}

const isCodeLike = (value: string) => /^[A-Z0-9_ -]*$/.test(value) || /^\d/.test(value);

/** A copy of a JSON answer with ` @@ECHO@@` after every string that reads as text. */
function tagStrings(value: unknown): unknown {
  if (typeof value === "string") return isCodeLike(value) ? value : `${value} @@ECHO@@`;
  if (Array.isArray(value)) return value.map(tagStrings);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tagStrings(v)]));
  }
  return value;
}

const redactedIn = (sinks: Record<string, string>) =>
  Object.values(sinks).some((text) => text.includes("REDACTED"));

function errorEchoAttack(encoding: string, encode: (key: string) => string): HostileAttack {
  return {
    class: "echo",
    name: `a key echoed in an error answer, ${encoding}, is in no sink of the error`,
    async run(vendor) {
      const ready = await freshContext();
      const key = keyOf(vendor.id);
      ready.vendorServer.handle((_, response) => {
        response.writeHead(500, { "content-type": "application/json" }).end(errorBody(encode(key)));
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId),
      );
      const sinks = sinksOf(error);
      assertNoLeak(sinks, key);
      // The echo did reach the error (as REDACTED): the attack was not dodged.
      expect(redactedIn(sinks)).toBe(true);
    },
  };
}

/** Runs the built CLI binary (a dev dependency, so turbo builds it first) and collects its output. */
function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const bin = join(import.meta.dirname, "..", "..", "..", "packages", "cli", "dist", "bin.js");
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("CAMPAIGNKIT_")) clean[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...clean, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", () => resolve(output));
  });
}

export const ECHO_ATTACKS: readonly HostileAttack[] = [
  ...Object.entries(ECHOES).map(([encoding, encode]) => errorEchoAttack(encoding, encode)),
  {
    class: "echo",
    name: "a key echoed (\\u-escaped) in every text of a success answer is in no field of the campaign",
    async run(vendor) {
      const ready = await freshContext();
      const key = keyOf(vendor.id);
      const echo = ECHOES["JSON \\u escapes"]?.(key) as string;
      ready.vendorServer.handle(async (request, response) => {
        const answer = await forward(ready.sandbox.url, request);
        const tagged = JSON.stringify(tagStrings(JSON.parse(answer.text)));
        response
          .writeHead(answer.status, { "content-type": "application/json" })
          .end(tagged.replaceAll("@@ECHO@@", echo));
      });
      const campaign = await hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId);
      const sinks = {
        "JSON.stringify(campaign)": JSON.stringify(campaign),
        "util.inspect(campaign)": inspect(campaign, { depth: Number.POSITIVE_INFINITY }),
      };
      assertNoLeak(sinks, key);
      expect(campaign.name).toContain("REDACTED");
    },
  },
  {
    class: "echo",
    name: "a key echoed in an HTML error page is in no sink of the error",
    async run(vendor) {
      const ready = await freshContext();
      const key = keyOf(vendor.id);
      ready.vendorServer.handle((_, response) => {
        response
          .writeHead(502, { "content-type": "text/html" })
          .end(`<html><body>proxy error for ${key} (${encodeURIComponent(key)})</body></html>`);
      });
      const error = await rejectionOf(
        hostileProvider(ready, vendor).getCampaign(vendor.provider.sampleId),
      );
      assertNoLeak(sinksOf(error), key);
    },
  },
  {
    class: "echo",
    name: "a plan (planUpdate) holds the key in no encoding",
    async run(vendor) {
      const ready = await freshContext();
      const plan = await hostileProvider(ready, vendor).planUpdate(vendor.provider.sampleId, {
        status: "paused",
      });
      expect(plan.length).toBeGreaterThan(0);
      assertNoLeak(
        { plan: JSON.stringify(plan), "util.inspect(plan)": inspect(plan) },
        keyOf(vendor.id),
      );
      expect(ready.vendorServer.received).toHaveLength(0);
    },
  },
  {
    class: "echo",
    name: "the CLI prints an echoed key nowhere (get --json --raw, and an error answer)",
    async run(vendor) {
      const ready = await freshContext();
      const key = keyOf(vendor.id);
      const echo = ECHOES["JSON \\u escapes"]?.(key) as string;
      const prefix = `CAMPAIGNKIT_${vendor.id.toUpperCase()}_`;
      const env = {
        [`${prefix}API_KEY`]: key,
        [`${prefix}BASE_URL`]: baseURLVia(ready, ready.vendorServer, vendor.id),
        CAMPAIGNKIT_VOXO_TENANT_ID: "42",
      };
      ready.vendorServer.handle(async (request, response) => {
        const answer = await forward(ready.sandbox.url, request);
        const tagged = JSON.stringify(tagStrings(JSON.parse(answer.text)));
        response
          .writeHead(answer.status, { "content-type": "application/json" })
          .end(tagged.replaceAll("@@ECHO@@", echo));
      });
      const id = vendor.provider.sampleId;
      const got = await runCli(["get", "--vendor", vendor.id, id, "--json", "--raw"], env);
      expect(got).toContain("REDACTED");
      ready.vendorServer.handle((_, response) => {
        response
          .writeHead(500, { "content-type": "application/json" })
          .end(errorBody(ECHOES["PHP's \\/"]?.(key) as string));
      });
      const failed = await runCli(["get", "--vendor", vendor.id, id], env);
      assertNoLeak({ "CLI get --json --raw": got, "CLI get (error)": failed }, key);
    },
  },
];
