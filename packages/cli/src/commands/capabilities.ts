import { describeBounds, PATCH_FIELDS, PROVIDER_OPERATIONS } from "@campaignkit/core";
import { parseCommandArgs } from "../args.js";
import type { CliContext, Output } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { clip, table } from "../format.js";
import { didYouMean } from "../suggest.js";
import { capabilitiesOf, isVendor, loadedVendor, loadVendors, VENDORS } from "../vendor-loader.js";

const OPTIONS = {
  vendor: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** `campaignkit capabilities [--vendor v] [--json]`: what each provider declares it can do. */
export async function capabilitiesCommand(
  args: readonly string[],
  _context: CliContext,
  output: Output,
): Promise<number> {
  const { values, positionals } = parseCommandArgs("capabilities", args, OPTIONS);
  if (positionals.length > 0) {
    throw new UsageError(`capabilities: unexpected argument "${positionals[0]}"`);
  }
  const vendor = values.vendor;
  if (vendor !== undefined && !isVendor(vendor)) {
    throw new UsageError(
      `capabilities: --vendor ${vendor} is not one of ${VENDORS.join(", ")}${didYouMean(vendor, VENDORS)}`,
    );
  }
  await loadVendors(vendor ? [vendor] : VENDORS);
  if (values.json) {
    output.json(
      Object.fromEntries(
        (vendor ? [vendor] : VENDORS).map((v) => [
          v,
          { ...capabilitiesOf(v), vendorFields: loadedVendor(v).extension.fields },
        ]),
      ),
    );
    return EXIT.OK;
  }
  if (!vendor) {
    const cell = (support: { supported: boolean; evidence?: string } | undefined) =>
      support?.supported ? (support.evidence === "inferred" ? "yes (inferred)" : "yes") : "-";
    const rows = [
      ...PROVIDER_OPERATIONS.map((operation) => [
        operation,
        ...VENDORS.map((v) => cell(capabilitiesOf(v).operations[operation])),
      ]),
      ...PATCH_FIELDS.map((field) => [
        `set ${field}`,
        ...VENDORS.map((v) => cell(capabilitiesOf(v).patch[field])),
      ]),
    ];
    output.out(table(["OPERATION / FIELD", ...VENDORS], rows));
    output.out(
      "- = refused before any request (UNSUPPORTED). Details: campaignkit capabilities --vendor <vendor>\n",
    );
    return EXIT.OK;
  }
  const capabilities = capabilitiesOf(vendor);
  const operations = PROVIDER_OPERATIONS.map((operation) => {
    const support = capabilities.operations[operation];
    return [
      operation,
      support.supported ? "yes" : "no",
      support.requests ?? "",
      support.evidence ?? "",
      clip(support.note ?? "", 70),
    ];
  });
  output.out(`${vendor}: operations\n`);
  output.out(table(["OPERATION", "SUPPORTED", "REQUESTS", "EVIDENCE", "NOTE"], operations));
  const fields = PATCH_FIELDS.map((field) => {
    const support = capabilities.patch[field];
    return [
      field,
      support.supported ? "yes" : "no",
      support.wire ?? "",
      support.supported ? describeBounds(support, "ascii") : "",
      support.evidence ?? "",
      clip(support.note ?? "", 70),
    ];
  });
  output.out(`\n${vendor}: patch fields\n`);
  output.out(table(["FIELD", "SUPPORTED", "WIRE", "BOUNDS", "EVIDENCE", "NOTE"], fields));
  const extension = loadedVendor(vendor).extension;
  const own = Object.entries(extension.fields).map(([name, field]) => [
    `${vendor}.${name}`,
    clip(JSON.stringify(field.schema), 60),
    field.readBack ? "yes" : "no (not reported by the vendor)",
  ]);
  output.out(
    `\n${vendor}: its own documented fields (--set ${vendor}.<field>=value, patch.vendor.${vendor})\n`,
  );
  output.out(
    own.length > 0
      ? table(["FIELD", `RULES (${extension.operationId})`, "READ BACK"], own)
      : `  none: ${vendor} documents no writable field beyond the normalized ones\n`,
  );
  return EXIT.OK;
}
