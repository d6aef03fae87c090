import { Agent, request as httpRequest } from "node:http";
import type {
  CampaignPatch,
  CampaignProvider,
  PlannedRequest,
  ProviderSettings,
  VendorResponses,
} from "@campaignkit/core";
import { startCannedServer } from "./canned-server.ts";
import { type Measurement, measure } from "./measure.ts";

const API_KEY = "bench-key-0001-abcdef";

export interface RoundTripVendor {
  id: string;
  create(settings: ProviderSettings): CampaignProvider;
  responses: VendorResponses;
  campaignId: string;
  patch: CampaignPatch;
}

/** The planned requests, sent as a hand-written client would: the credential where it belongs. */
function withKey(plan: PlannedRequest[]) {
  return plan.map((p) => ({
    method: p.method,
    url: p.url,
    headers: Object.fromEntries(
      Object.entries(p.headers).map(([k, v]) => [k, v.replace("REDACTED", API_KEY)]),
    ),
    body: p.body?.replace("REDACTED", API_KEY),
  }));
}

function nodeHttpSend(
  agent: Agent,
  req: { method: string; url: string; headers: Record<string, string>; body?: string | undefined },
) {
  return new Promise<unknown>((resolve, reject) => {
    const outgoing = httpRequest(
      req.url,
      { method: req.method, headers: req.headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

/** One `updateCampaign` per vendor: the provider, a hand-written fetch of the same requests, raw node:http keep-alive. */
export async function benchRoundTrip(
  vendor: RoundTripVendor,
): Promise<{ provider: Measurement; fetch: Measurement; nodeHttp: Measurement; requests: number }> {
  const server = await startCannedServer(vendor.id, vendor.responses);
  try {
    const provider = vendor.create({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      rateLimit: false,
      maxRetries: 0,
    });
    const requests = withKey(await provider.planUpdate(vendor.campaignId, vendor.patch));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const options = { warmup: 300, samples: 21, perSample: 200 };
    const providerRun = await measure(
      `${vendor.id} provider.updateCampaign`,
      () => provider.updateCampaign(vendor.campaignId, vendor.patch),
      options,
    );
    const fetchRun = await measure(
      `${vendor.id} hand-written fetch`,
      async () => {
        for (const r of requests)
          await (
            await fetch(r.url, { method: r.method, headers: r.headers, body: r.body ?? null })
          ).json();
      },
      options,
    );
    const nodeRun = await measure(
      `${vendor.id} node:http keep-alive`,
      async () => {
        for (const r of requests) await nodeHttpSend(agent, r);
      },
      options,
    );
    agent.destroy();
    return { provider: providerRun, fetch: fetchRun, nodeHttp: nodeRun, requests: requests.length };
  } finally {
    await server.close();
  }
}
