// Type tests of the generated types, checked by `pnpm typecheck` (tsc): requests keep VOXO's
// documented enums, answers are open (vendor-notes, update of 2026-12-01).
import type { components } from "./generated/voxo-api.js";

type Update = components["schemas"]["UpdateCampaignRequest"];
type Answer = components["schemas"]["Campaign"];

export const recordingOff: Update = { recording: "no" };
export const recordingOn: Update = { recording: "yes" };
// @ts-expect-error: recording is yes or no
export const recordingOther: Update = { recording: "maybe" };
// @ts-expect-error: a request may send only tech VOICE
export const sms: Update = { tech: "SMS" };

export const answerTech: Answer["tech"] = "SMS";
export const answerType: Answer["type"] = "SCHEDULED";
