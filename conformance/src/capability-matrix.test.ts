import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README_PATH, readmeMatrix, renderCapabilityMatrix } from "./capability-matrix.ts";
import { VENDORS } from "./vendors.ts";

describe("the README's capability matrix", () => {
  it("is exactly what the providers' capabilities say (run `pnpm readme:capabilities` to refresh)", () => {
    const providers = VENDORS.map((v) => ({
      id: v.id,
      capabilities: v.provider.create({ apiKey: "unused" }).capabilities,
      extension: v.provider.extension,
    }));
    expect(readmeMatrix(readFileSync(README_PATH, "utf8"))).toBe(renderCapabilityMatrix(providers));
  });
});
