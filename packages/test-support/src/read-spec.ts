import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "specs");

export interface SpecSummary {
  serverURL: string;
  securitySchemes: Record<string, Record<string, unknown>>;
  operationIds: string[];
}

/** The facts of `specs/<vendor>.openapi.yaml` that a vendor package must agree with. */
export function readSpec(vendor: string): SpecSummary {
  const document = parse(readFileSync(join(SPECS_DIR, `${vendor}.openapi.yaml`), "utf8"));
  const operationIds: string[] = [];
  for (const pathItem of Object.values(document.paths ?? {}) as Record<string, unknown>[]) {
    for (const operation of Object.values(pathItem)) {
      const id = (operation as { operationId?: string } | null)?.operationId;
      if (id) operationIds.push(id);
    }
  }
  return {
    serverURL: document.servers?.[0]?.url,
    securitySchemes: document.components?.securitySchemes ?? {},
    operationIds: operationIds.sort(),
  };
}
