// Writes src/generated/<vendor>-descriptor.ts for the vendor package in the current directory,
// from its spec (specs/<vendor>.openapi.yaml) and its package.json `campaignkit.vendor` field:
// the base URL is `servers[0].url`; the credential is the spec's security scheme, or the request
// body field marked `x-credential: true` when the spec has none (Convoso); the request media type
// is form-urlencoded when every request body is; the documented rate limit comes from the
// spec's `x-campaignkit-vendor.rateLimit`, since OpenAPI has no word for one. The extra settings
// (VOXO's tenantId) come from `campaignkit.vendor.settings`.
// It also writes src/generated/<vendor>-extension.ts: the documented writable fields the
// normalized patch does not cover (`patch.vendor.<vendor>`), from the request body of the
// operation `x-campaignkit-vendor.extension` names, minus the fields it lists as written by the
// normalized patch (or naming the campaign) and the credential; each with its schema, for the
// checks before sending, and whether the campaign the vendor answers with shows it.
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

/** The body field marked `x-credential`, if any, with its property. */
function credentialField() {
  for (const operation of operations) {
    const content = operation.requestBody?.content ?? {};
    for (const media of Object.values(content)) {
      const properties = schemaOf(media.schema)?.properties ?? {};
      for (const [field, property] of Object.entries(properties)) {
        if (property["x-credential"] === true) return { field, property };
      }
    }
  }
  return undefined;
}

function credentialFromScheme() {
  // The document's requirement, else the first operation's (VOXO declares it per operation),
  // else the scheme a credential body field names as its alternative (Velip's tsid may travel
  // as a Bearer header instead: campaignkit sends it there, out of the form body).
  const requirements = [spec.security ?? [], ...operations.map((op) => op.security ?? [])].flat();
  const name =
    requirements.flatMap((requirement) => Object.keys(requirement))[0] ??
    credentialField()?.property["x-credential-alternative"];
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
  const found = credentialField();
  return found ? { in: "form-field", name: found.field } : undefined;
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
    `import type { VendorSpecFacts } from "@campaignkit/core/internal";\n\n` +
    `export const ${camel}SpecFacts = ${JSON.stringify(descriptor, null, 2)} as const satisfies VendorSpecFacts;\n`,
);

// The patch extension.
const resolve = (node, seen = new Set()) => {
  if (!node || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map((item) => resolve(item, seen));
  if (node.$ref) {
    if (seen.has(node.$ref))
      fail(`${node.$ref} refers to itself: the extension needs a finite schema`);
    return resolve(schemaOf(node), new Set([...seen, node.$ref]));
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, resolve(value, seen)]),
  );
};
// What the checks before sending use of a schema; descriptions, examples and x- notes stay in the spec.
const RULES = new Set([
  "type",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "anyOf",
  "oneOf",
  "not",
]);
const rulesOf = (schema) => {
  if (schema === false || schema === true) return schema;
  if (!schema || typeof schema !== "object") return {};
  const rules = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!RULES.has(key)) continue;
    if (key === "properties")
      rules.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rulesOf(v)]));
    else if (
      key === "items" ||
      key === "not" ||
      (key === "additionalProperties" && typeof value === "object")
    )
      rules[key] = rulesOf(value);
    else if (key === "anyOf" || key === "oneOf") rules[key] = value.map(rulesOf);
    else rules[key] = value;
  }
  return rules;
};
const propertyNames = (schema, names = new Set()) => {
  if (!schema || typeof schema !== "object") return names;
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    names.add(key);
    propertyNames(value, names);
  }
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])])
    propertyNames(part, names);
  if (schema.items) propertyNames(schema.items, names);
  return names;
};

const declared = extension.extension;
const Type = `${camel[0].toUpperCase()}${camel.slice(1)}PatchExtension`;
let extensionSource;
if (!declared) {
  extensionSource =
    `/** ${facts.displayName} documents no writable field beyond what the normalized patch covers. */\n` +
    `export type ${Type} = Record<string, never>;\n\n` +
    `/** No fields: \`patch.vendor.${facts.id}\` takes none. */\n` +
    `export const ${camel}Extension = { operationId: undefined, fields: {} } as const satisfies VendorExtensionSpec;\n`;
} else {
  const { operationId, normalized = [], readSchema } = declared;
  const operation = operations.find((op) => op.operationId === operationId);
  if (!operation) fail(`x-campaignkit-vendor.extension.operationId ${operationId} is no operation`);
  const [media, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
  if (!media) fail(`${operationId} has no request body for the extension`);
  const body = resolve(content.schema);
  if (body.type !== "object" || !body.properties)
    fail(`${operationId}'s body is not an object with properties`);
  const read = readSchema ? propertyNames(resolve({ $ref: readSchema })) : new Set();
  const fields = {};
  for (const [name, property] of Object.entries(body.properties)) {
    if (normalized.includes(name) || property["x-credential"] === true || property === false)
      continue;
    fields[name] = { schema: rulesOf(property), readBack: read.has(name) };
  }
  for (const name of normalized)
    if (!(name in body.properties))
      fail(
        `x-campaignkit-vendor.extension.normalized names ${name}, which ${operationId}'s body lacks`,
      );
  const names = Object.keys(fields);
  // Fields the vendor documents as refused once the campaign exists (Altur's IMMUTABLE_FIELD).
  const immutable = body["x-immutable-fields"] ?? [];
  const bodyType = `NonNullable<operations["${operationId}"]["requestBody"]>["content"]["${media}"]`;
  extensionSource =
    `import type { operations } from "./${facts.id}-api.js";\n\n` +
    `/**\n * The documented writable fields of ${facts.displayName}'s \`${operationId}\` that the normalized patch\n` +
    ` * does not cover, settable as \`patch.vendor.${facts.id}\`: ${names.map((n) => `\`${n}\``).join(", ") || "none"}.\n */\n` +
    `export type ${Type} = Partial<Pick<${bodyType}, ${names.map((n) => JSON.stringify(n)).join(" | ") || "never"}>>;\n\n` +
    `/** Where \`patch.vendor.${facts.id}\` goes (\`${operationId}\`), and each field's rules from the spec. */\n` +
    `export const ${camel}Extension = ${JSON.stringify({ operationId, fields, ...(immutable.length ? { immutable } : {}) }, null, 2)} as const satisfies VendorExtensionSpec;\n`;
}
writeFileSync(
  join("src", "generated", `${facts.id}-extension.ts`),
  `// Generated from specs/${facts.id}.openapi.yaml by scripts/write-vendor-descriptor.mjs. Do not edit by hand.\n` +
    `import type { VendorExtensionSpec } from "@campaignkit/core";\n` +
    extensionSource,
);
