import { type Measurement, measure } from "./measure.ts";
import { collectScenarios, loadSpec, VENDORS } from "./vendors.ts";

const RESPONSES = Object.fromEntries(VENDORS.map((v) => [v.id, v.definition.responses]));

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
