import type { CampaignProvider } from "@campaignkit/core";
import { VENDOR_REGISTRY } from "../generated/vendor-registry.js";
import type { Sandbox, SandboxVendor } from "../sandbox-types.js";
import { loadSpec } from "../spec/load-spec.js";

/**
 * The workspace's vendor packages, for the sandbox's tests: from the generated registry (a
 * test-only file, left out of the build), so no test keeps a list of vendors.
 */
const definitions = new Map(
  await Promise.all(VENDOR_REGISTRY.map(async (entry) => [entry.id, await entry.load()] as const)),
);

/** A campaign id the vendor's spec examples answer for (`x-campaignkit-vendor.sampleCampaignId`). */
export function sampleCampaignId(vendor: SandboxVendor): string {
  const facts = loadSpec(vendor).document["x-campaignkit-vendor"] as
    | { sampleCampaignId?: { value?: unknown } }
    | undefined;
  const id = facts?.sampleCampaignId?.value;
  if (typeof id !== "string")
    throw new Error(
      `specs/${vendor}.openapi.yaml: x-campaignkit-vendor.sampleCampaignId is missing`,
    );
  return id;
}

/** The vendor's provider on the sandbox, with the given settings on top of its endpoint. */
export function providerOn(
  sandbox: Sandbox,
  vendor: SandboxVendor,
  settings: Record<string, unknown> = {},
): CampaignProvider {
  const definition = definitions.get(vendor);
  if (!definition) throw new Error(`no vendor package for the simulator ${vendor}`);
  return definition.create({ ...sandbox.vendors[vendor], ...settings });
}
