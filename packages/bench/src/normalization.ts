import { alturResponses } from "@campaignkit/altur";
import { asissoResponses } from "@campaignkit/asisso";
import { convosoResponses } from "@campaignkit/convoso";
import type { VendorResponses } from "@campaignkit/core";
import { collectScenarios, loadSpec } from "@campaignkit/sandbox";
import { velipResponses } from "@campaignkit/velip";
import { voxoResponses } from "@campaignkit/voxo";
import { type Measurement, measure } from "./measure.ts";

const RESPONSES: Record<string, VendorResponses> = {
  altur: alturResponses,
  asisso: asissoResponses,
  convoso: convosoResponses,
  velip: velipResponses,
  voxo: voxoResponses,
};

/** Every documented success response of every spec that holds campaigns, with its reader. */
function documentedCampaignAnswers() {
  return Object.entries(RESPONSES).flatMap(([vendor, responses]) =>
    collectScenarios(loadSpec(vendor))
      .scenarios.filter(
        (s) =>
          s.response.status < 300 &&
          !responses.decodeError(s.operationId, s.response.status, s.response.body),
      )
      .flatMap((s) => {
        const read = responses.campaignsFrom[s.operationId];
        return read ? [{ vendor, read, body: s.response.body }] : [];
      }),
  );
}

/** Documented responses mapped to Campaigns and validated against the core schema, per second. */
export async function benchNormalization(): Promise<{
  measurement: Measurement;
  answers: number;
  campaignsPerPass: number;
}> {
  const answers = documentedCampaignAnswers();
  const campaignsPerPass = answers.reduce((sum, a) => sum + a.read(a.body).length, 0);
  const measurement = await measure(
    `normalize ${answers.length} documented answers (${campaignsPerPass} campaigns)`,
    () => {
      for (const answer of answers) answer.read(answer.body);
    },
    { warmup: 200, samples: 21, perSample: 200 },
  );
  return { measurement, answers: answers.length, campaignsPerPass };
}
