// Type tests, checked by `pnpm typecheck` (tsc): patch.vendor.voxo is typed from the spec's request schema.
import { createVoxo } from "./voxo-provider.js";

const voxo = createVoxo({ apiKey: "k", tenantId: 42 });

export const typed = voxo.planUpdate("7", {
  vendor: { voxo: { recording: "yes", callFrequency: 30 } },
});

// @ts-expect-error: callFrequency is a number in VOXO's spec
export const wrongType = voxo.planUpdate("7", { vendor: { voxo: { callFrequency: "30" } } });

// @ts-expect-error: name is a normalized field, not an extension one
export const normalizedField = voxo.planUpdate("7", { vendor: { voxo: { name: "x" } } });
