// Writes src/generated/<vendor>-descriptor.ts for the vendor package in the current directory,
// from its spec (specs/<vendor>.openapi.yaml) and its package.json `campaignkit.vendor` field:
// the base URL is `servers[0].url`; the credential is the spec's security scheme, or the request
// body field marked `x-credential: true` when the spec has none (Convoso); the request media type
// is form-urlencoded when every request body is; the documented rate limit comes from the
// spec's `x-campaignkit-vendor.rateLimit`, since OpenAPI has no word for one. The extra settings
// (VOXO's tenantId) come from `campaignkit.vendor.settings`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const facts = pkg.campaignkit?.vendor;
if (!facts?.id || !facts.displayName) {
  throw new Error(
    `${pkg.name}: package.json needs "campaignkit": { "vendor": { "id", "displayName" } }`,
  );
}
// `yaml` is a dev dependency of every vendor package; resolve it from there.
const { parse } = createRequire(join(process.cwd(), "package.json"))("yaml");
const specFile = join("..", "..", "specs", `${facts.id}.openapi.yaml`);
const spec = parse(readFileSync(specFile, "utf8"));
const fail = (problem) => {
  throw new Error(`specs/${facts.id}.openapi.yaml: ${problem}`);
};

const FORM = "application/x-www-form-urlencoded";
const operations = Object.values(spec.paths ?? {}).flatMap((item) =>
  ["get", "put", "post", "patch", "delete"].map((method) => item[method]).filter(Boolean),
);

function schemaOf(node) {
  if (!node?.$ref) return node;
  const name = node.$ref.replace("#/components/schemas/", "");
  return spec.components?.schemas?.[name];
}

function credentialFromScheme() {
  // The document's requirement, else the first operation's (Velip and VOXO declare it per operation).
  const requirements = [spec.security ?? [], ...operations.map((op) => op.security ?? [])].flat();
  const name = requirements.flatMap((requirement) => Object.keys(requirement))[0];
  if (!name) return undefined;
  const scheme = spec.components?.securitySchemes?.[name];
  if (!scheme) fail(`security names ${name}, which securitySchemes lacks`);
  if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer")
    return { in: "header", name: "Authorization", prefix: "Bearer " };
  if (scheme.type === "apiKey" && scheme.in === "header")
    return {
      in: "header",
      name: scheme.name,
      ...(scheme["x-value-prefix"] ? { prefix: scheme["x-value-prefix"] } : {}),
    };
  return fail(`security scheme ${name} is neither http bearer nor an apiKey header`);
}

function credentialFromBody() {
  for (const operation of operations) {
    const content = operation.requestBody?.content ?? {};
    for (const media of Object.values(content)) {
      const properties = schemaOf(media.schema)?.properties ?? {};
      for (const [field, property] of Object.entries(properties)) {
        if (property["x-credential"] === true) return { in: "form-field", name: field };
      }
    }
  }
  return undefined;
}

const credential =
  credentialFromScheme() ??
  credentialFromBody() ??
  fail("no security scheme, no x-credential field");
const bodies = operations
  .map((op) => Object.keys(op.requestBody?.content ?? {}))
  .filter((m) => m.length);
const formOnly =
  bodies.length > 0 && bodies.every((media) => media.length === 1 && media[0] === FORM);
const baseURL = spec.servers?.[0]?.url ?? fail("servers[0].url is missing");
const extension = spec["x-campaignkit-vendor"] ?? {};
const rateLimit = extension.rateLimit
  ? { requests: extension.rateLimit.requests, perMilliseconds: extension.rateLimit.perMilliseconds }
  : undefined;

const descriptor = {
  vendor: facts.id,
  displayName: facts.displayName,
  // Declared beside id and displayName, so the CLI reads them from the registry without loading the vendor.
  settings: facts.settings ?? {},
  defaultBaseURL: baseURL,
  credential,
  ...(formOnly ? { requestContentType: FORM } : {}),
  ...(rateLimit ? { rateLimit } : {}),
};
const camel = facts.id.replace(/-(\w)/g, (_, c) => c.toUpperCase());
mkdirSync("src/generated", { recursive: true });
writeFileSync(
  join("src", "generated", `${facts.id}-descriptor.ts`),
  `// Generated from specs/${facts.id}.openapi.yaml and package.json by scripts/write-vendor-descriptor.mjs. Do not edit by hand.\n` +
    `import type { VendorSpecFacts } from "@campaignkit/core";\n\n` +
    `export const ${camel}SpecFacts = ${JSON.stringify(descriptor, null, 2)} as const satisfies VendorSpecFacts;\n`,
);
