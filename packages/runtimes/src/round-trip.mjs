// The provider round trip each runtime runs against the sandbox, importing the packed packages
// as that runtime's users import them. Plain JavaScript, so every runtime runs it unchanged.
import { createAltur } from "@campaignkit/altur";
import { CampaignkitError } from "@campaignkit/core";

/** Which runtime this is, as the runtime itself says it. */
export function runtimeName() {
  if (typeof Bun !== "undefined") return `bun ${Bun.version}`;
  if (typeof Deno !== "undefined") return `deno ${Deno.version.deno}`;
  // Node's user agent names only the major version ("Node.js/22"); workerd's is "Cloudflare-Workers".
  if (navigator.userAgent.startsWith("Node.js/")) return `node ${process.versions.node}`;
  return navigator.userAgent;
}

/**
 * Reads Altur campaign 1234, renames it and sets its calling hours, pauses it, reads it back, and
 * has a bad id refused before any request.
 */
export async function roundTrip({ baseURL, apiKey }) {
  const runtime = runtimeName();
  const altur = createAltur({ apiKey, baseURL });
  const before = await altur.getCampaign("1234");
  await altur.updateCampaign("1234", {
    name: `${before.name} (${runtime})`,
    schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
  });
  await altur.pauseCampaign("1234");
  const after = await altur.getCampaign("1234");
  let refused = "nothing";
  try {
    await altur.getCampaign("not-a-number");
  } catch (error) {
    refused = error instanceof CampaignkitError ? `${error.code} ${error.field}` : String(error);
  }
  return {
    runtime,
    before: { name: before.name, status: before.status },
    after: { name: after.name, status: after.status, callingHours: after.schedule?.callingHours },
    refused,
  };
}
