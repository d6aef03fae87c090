import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SPECS_DIR } from "@campaignkit/sandbox";
import openapiTS, { astToString } from "openapi-typescript";
import { type Measurement, measure } from "./measure.ts";

/** Generating the five clients' types from specs/, in process (what `pnpm generate` runs per package). */
export async function benchRegeneration(): Promise<Measurement> {
  const specs = readdirSync(SPECS_DIR).filter((name) => name.endsWith(".openapi.yaml"));
  return measure(
    `regenerate ${specs.length} clients from specs/`,
    async () => {
      for (const spec of specs) {
        astToString(
          await openapiTS(pathToFileURL(join(SPECS_DIR, spec)), { defaultNonNullable: false }),
        );
      }
    },
    { warmup: 2, samples: 7, perSample: 1 },
  );
}
