// `pnpm new-vendor <name>`: scaffolds a sixth (seventh, …) vendor, so that nothing else in the
// workspace has to be edited by hand: everything else discovers it (package.json
// `campaignkit.vendor`, the generated registries, `simulate-<name>.ts`).
//
// Writes:
//   specs/<name>.openapi.yaml          a skeleton: a list, a get and an update operation, with examples
//   packages/<name>/                   the package: provider (defineVendor), client, mapper,
//                                      errors, capabilities, minimal tests, README
//   packages/sandbox/src/simulate-<name>.ts (+ .test.ts)   its simulator
//   .changeset/new-vendor-<name>.md    the changeset
// and adds `@campaignkit/<name>` to the packages that depend on every vendor already (the CLI,
// the sandbox's tests, conformance, bench, watch's tests): a package.json dependency line is
// the one edit the registries cannot make. Then `pnpm install` and `pnpm generate`.
//
// Every fact of the skeleton is a placeholder marked `x-evidence: inferred`: replace it with
// what the vendor documents (CONTRIBUTING.md, "Add a vendor").
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root, workspaceVendors } from "./workspace-vendors.mjs";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const skipInstall = args.includes("--no-install");
const name = args.find((arg) => !arg.startsWith("--"));
if (!name || !/^[a-z][a-z0-9]*$/.test(name)) {
  console.error("usage: pnpm new-vendor <name>   (lower-case letters and digits, e.g. acmedial)");
  process.exit(2);
}
if (
  existsSync(join(root, "packages", name)) ||
  existsSync(join(root, "specs", `${name}.openapi.yaml`))
) {
  console.error(`${name}: packages/${name} or specs/${name}.openapi.yaml exists already`);
  process.exit(1);
}

const Pascal = name[0].toUpperCase() + name.slice(1);
const UPPER = name.toUpperCase();
const display = Pascal;
const pkg = `@campaignkit/${name}`;
const written = [];

function write(path, text) {
  const file = join(root, path);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  written.push(path);
}

const existing = workspaceVendors();
const template = JSON.parse(readFileSync(join(root, existing[0].dir, "package.json"), "utf8"));

// ------------------------------------------------------------------------------------- spec
write(
  `specs/${name}.openapi.yaml`,
  `openapi: 3.1.0
info:
  title: ${display} campaigns API (skeleton)
  version: 0.0.0
  description: |
    Written by \`pnpm new-vendor ${name}\` as a starting point, not from ${display}'s documentation:
    every operation, schema and example below is a placeholder, marked \`x-evidence: inferred\`.
    Replace each with what ${display} documents, and trace every fact to /work/shared/seeds or
    the vendor notes (specs/README.md).
servers:
  - url: https://api.${name}.invalid/v1
    description: Placeholder; the vendor's documented base URL goes here.
security:
  - ApiKey: []
x-campaignkit-vendor:
  sampleCampaignId:
    description: The campaign id the examples of this document answer for.
    value: "1001"
tags:
  - name: campaigns
    description: Campaigns.
paths:
  /campaigns:
    get:
      operationId: listCampaigns
      summary: List campaigns
      description: Every campaign of the account (placeholder).
      tags: [campaigns]
      x-evidence: inferred
      responses:
        "200":
          description: The campaigns.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/CampaignList"
              examples:
                campaigns:
                  summary: Two campaigns
                  value:
                    campaigns:
                      - id: 1001
                        name: Spring outreach
                        status: active
                      - id: 1002
                        name: Renewals
                        status: paused
                      - id: 1003
                        name: Win-back
                        status: paused
  /campaigns/{id}:
    get:
      operationId: getCampaign
      summary: Get a campaign
      description: One campaign by id (placeholder).
      tags: [campaigns]
      x-evidence: inferred
      parameters:
        - name: id
          in: path
          required: true
          description: The campaign id.
          schema:
            type: integer
            minimum: 1
          examples:
            campaign:
              summary: The campaign of the response example
              value: 1001
      responses:
        "200":
          description: The campaign.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Campaign"
              examples:
                campaign:
                  summary: An active campaign
                  value:
                    id: 1001
                    name: Spring outreach
                    status: active
    patch:
      operationId: updateCampaign
      summary: Update a campaign
      description: Changes the name or the status of one campaign (placeholder).
      tags: [campaigns]
      x-evidence: inferred
      parameters:
        - name: id
          in: path
          required: true
          description: The campaign id.
          schema:
            type: integer
            minimum: 1
          examples:
            campaign:
              summary: The campaign of the response example
              value: 1001
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/CampaignUpdate"
            examples:
              campaign:
                summary: Pause it
                value:
                  status: paused
      responses:
        "200":
          description: The campaign afterwards.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Campaign"
              examples:
                campaign:
                  summary: The paused campaign
                  value:
                    id: 1001
                    name: Spring outreach
                    status: paused
components:
  securitySchemes:
    ApiKey:
      type: apiKey
      in: header
      name: X-Api-Key
      description: Placeholder; how ${display} documents its credential goes here.
  schemas:
    Campaign:
      type: object
      x-evidence: inferred
      required: [id]
      properties:
        id:
          type: integer
          minimum: 1
        name:
          type: string
        status:
          type: string
          enum: [active, paused]
    CampaignUpdate:
      type: object
      x-evidence: inferred
      minProperties: 1
      additionalProperties: false
      properties:
        name:
          type: string
          minLength: 1
          maxLength: 100
        status:
          type: string
          enum: [active, paused]
    CampaignList:
      type: object
      x-evidence: inferred
      required: [campaigns]
      properties:
        campaigns:
          type: array
          items:
            $ref: "#/components/schemas/Campaign"
`,
);

// ---------------------------------------------------------------------------------- package
const dir = `packages/${name}`;
const manifest = {
  name: pkg,
  version: "0.0.0",
  description: `campaignkit for ${display}: a typed client generated from the hand-written OpenAPI spec, and a provider of the normalized campaign model.`,
  license: "MIT",
  type: "module",
  sideEffects: false,
  main: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: template.exports,
  files: template.files,
  engines: template.engines,
  publishConfig: template.publishConfig,
  scripts: {
    ...template.scripts,
    generate: `openapi-typescript ../../specs/${name}.openapi.yaml --default-non-nullable false --output src/generated/${name}-api.ts && node ../../scripts/write-version.mjs && node ../../scripts/write-vendor-descriptor.mjs`,
  },
  dependencies: template.dependencies,
  devDependencies: template.devDependencies,
  keywords: ["campaignkit", "outbound calling", "campaigns", "dialer", name],
  campaignkit: {
    vendor: {
      id: name,
      displayName: display,
      // Minified + gzipped bytes of create<Vendor> with core (`pnpm size`): set it to the
      // measured size + 0.5 kB once the provider is filled in.
      sizeBudget: Math.max(...existing.map((v) => v.sizeBudget ?? 0)),
    },
  },
};
write(`${dir}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ["tsconfig.json", "tsconfig.build.json", "vitest.config.ts", "LICENSE"]) {
  write(`${dir}/${file}`, readFileSync(join(root, existing[0].dir, file), "utf8"));
}

write(
  `${dir}/README.md`,
  `# ${pkg}

A typed client for the ${display} campaigns API, generated from
[\`specs/${name}.openapi.yaml\`](../../specs/${name}.openapi.yaml) by openapi-typescript, on
openapi-fetch, and a provider of the normalized campaign model (\`create${Pascal}\`).

Scaffolded by \`pnpm new-vendor ${name}\`: the spec is a skeleton (a list and a get
operation, and an update of the name and status), every fact of it a placeholder. See CONTRIBUTING.md,
"Add a vendor", for what to fill in.

\`\`\`ts
import { create${Pascal} } from "${pkg}";

const ${name} = create${Pascal}({ apiKey: process.env.${UPPER}_API_KEY! });
for await (const campaign of ${name}.listCampaigns()) console.log(campaign.id, campaign.status);
\`\`\`

Settings: \`{ apiKey, baseURL?, fetch?, headers?, timeout?, maxRetries?, allowInsecureBaseURL? }\`
(see \`@campaignkit/core\`).
`,
);

write(
  `${dir}/src/index.ts`,
  `export type { components, operations, paths } from "./generated/${name}-api.js";
export { ${name}Capabilities } from "./${name}-capabilities.js";
export {
  create${Pascal}Client,
  ${UPPER}_DEFAULT_BASE_URL,
  type ${Pascal}Client,
  type ${Pascal}ClientSettings,
  type ${Pascal}Paths,
  ${name}Descriptor,
} from "./${name}-client.js";
export { ${name}CredentialRefusal, decode${Pascal}Error } from "./${name}-errors.js";
export {
  create${Pascal},
  type ${Pascal}Provider,
  type ${Pascal}Settings,
  ${name}Vendor,
} from "./${name}-provider.js";
export { ${name}Responses } from "./${name}-responses.js";
export { map${Pascal}Campaign } from "./map-${name}-campaign.js";
`,
);

write(
  `${dir}/src/${name}-client.ts`,
  `import type { VendorClientSettings, VendorDescriptor } from "@campaignkit/core";
import { createVendorClient, vendorDescriptor } from "@campaignkit/core/internal";
import type { Client } from "openapi-fetch";
import type { paths } from "./generated/${name}-api.js";
import { ${name}SpecFacts } from "./generated/${name}-descriptor.js";
import { PACKAGE_VERSION } from "./generated/version.js";
import { ${name}CredentialRefusal } from "./${name}-errors.js";

/** \`servers[0].url\` of \`specs/${name}.openapi.yaml\`. */
export const ${UPPER}_DEFAULT_BASE_URL = ${name}SpecFacts.defaultBaseURL;

/**
 * Base URL and credential placement, generated from \`specs/${name}.openapi.yaml\`, and the
 * credential-refusal rule of ${display}'s error decoder.
 */
export const ${name}Descriptor: VendorDescriptor = vendorDescriptor(${name}SpecFacts, PACKAGE_VERSION, {
  credentialRefusal: ${name}CredentialRefusal,
});

/** Every path of \`specs/${name}.openapi.yaml\` as the typed client takes it. */
export type ${Pascal}Paths = paths;
/** The typed openapi-fetch client for ${display}, as \`create${Pascal}Client\` returns it. */
export type ${Pascal}Client = Client<${Pascal}Paths>;
/** The settings of \`create${Pascal}Client\`: the API key and the shared client settings of \`@campaignkit/core\`. */
export type ${Pascal}ClientSettings = VendorClientSettings;

/** The typed openapi-fetch client for ${display}, with the credential applied to every request. */
export function create${Pascal}Client(settings: ${Pascal}ClientSettings): ${Pascal}Client {
  return createVendorClient<${Pascal}Paths>(${name}Descriptor, settings);
}
`,
);

write(
  `${dir}/src/${name}-errors.ts`,
  `import type { CampaignkitError } from "@campaignkit/core";
import { type CredentialRefusalRule, codeForHttpStatus, vendorError } from "@campaignkit/core/internal";

/**
 * ${display}'s credential-refusal rule: an HTTP 401 refuses the API key (a placeholder until
 * the spec documents ${display}'s errors).
 */
export const ${name}CredentialRefusal: CredentialRefusalRule = ({ httpStatus }) =>
  httpStatus === 401 ? { meaning: "${display} does not accept this API key (HTTP 401)" } : undefined;

/**
 * The \`CampaignkitError\` for a failed ${display} answer, by its HTTP status (the skeleton spec
 * documents no error body yet); \`undefined\` for a 2xx answer.
 */
export function decode${Pascal}Error(
  operationId: string,
  httpStatus: number,
  body: unknown,
): CampaignkitError | undefined {
  if (httpStatus >= 200 && httpStatus < 300) return undefined;
  const credentialRefusal = ${name}CredentialRefusal({ operationId, httpStatus, body });
  // The placeholder error body: \`{ error: "<message>" }\`, kept as the vendor's message.
  const message = (body as { error?: unknown } | null)?.error;
  return vendorError(codeForHttpStatus(httpStatus), {
    vendor: "${name}",
    operationId,
    httpStatus,
    ...(typeof message === "string" ? { vendorMessage: message } : {}),
    ...(credentialRefusal ? { credentialRefusal } : {}),
  });
}
`,
);

write(
  `${dir}/src/map-${name}-campaign.ts`,
  `import type { Campaign, CampaignStatus } from "@campaignkit/core";
import { checkWireTypes, type WireType } from "@campaignkit/core/internal";
import type { components } from "./generated/${name}-api.js";

type ${Pascal}Campaign = components["schemas"]["Campaign"];

const STATUS: Record<string, CampaignStatus> = { active: "active", paused: "paused" };

/** The documented type of each field the normalized campaign is read from. */
const WIRE_TYPES: Readonly<Record<string, readonly WireType[]>> = {
  id: ["number"],
  name: ["string"],
  status: ["string"],
};

/** One ${display} campaign in the normalized model; the wire object is kept as \`raw\`. */
export function map${Pascal}Campaign(wire: ${Pascal}Campaign): Campaign {
  // A wrong type is a broken answer (INVALID_RESPONSE), never a value to drop quietly.
  checkWireTypes("${name}", "campaign", wire, WIRE_TYPES);
  const status = typeof wire.status === "string" && Object.hasOwn(STATUS, wire.status);
  return {
    vendor: "${name}",
    id: wire.id === undefined ? "" : String(wire.id),
    ...(typeof wire.name === "string" ? { name: wire.name } : {}),
    status: status ? (STATUS[wire.status as string] as CampaignStatus) : "unknown",
    raw: wire,
  };
}
`,
);

write(
  `${dir}/src/${name}-responses.ts`,
  `import type { Campaign, VendorResponses } from "@campaignkit/core";
import { checkedCampaign, expectObject, invalidResponse } from "@campaignkit/core/internal";
import type { components } from "./generated/${name}-api.js";
import { decode${Pascal}Error } from "./${name}-errors.js";
import { map${Pascal}Campaign } from "./map-${name}-campaign.js";

type ${Pascal}Campaign = components["schemas"]["Campaign"];
const VENDOR = "${name}";

/** The campaign of a getCampaign or updateCampaign answer. */
export function campaignFrom(operationId: string, body: unknown): Campaign {
  const wire = expectObject(VENDOR, operationId, body) as ${Pascal}Campaign;
  return checkedCampaign(VENDOR, operationId, map${Pascal}Campaign(wire));
}

/** The campaigns of a listCampaigns answer. */
export function campaignsFromList(body: unknown): Campaign[] {
  const list = expectObject(VENDOR, "listCampaigns", body);
  if (!Array.isArray(list.campaigns)) {
    throw invalidResponse(VENDOR, "listCampaigns", "campaigns is not an array");
  }
  return list.campaigns.map(campaignFromListItem);
}

/** One element of a listCampaigns answer's \`campaigns\` (the provider reads them one by one). */
export function campaignFromListItem(item: unknown): Campaign {
  const wire = expectObject(VENDOR, "listCampaigns", item, "campaign") as ${Pascal}Campaign;
  return checkedCampaign(VENDOR, "listCampaigns", map${Pascal}Campaign(wire));
}

/** How ${display}'s answers read, per operation of specs/${name}.openapi.yaml. */
export const ${name}Responses: VendorResponses = {
  campaignsFrom: {
    getCampaign: (body) => [campaignFrom("getCampaign", body)],
    updateCampaign: (body) => [campaignFrom("updateCampaign", body)],
    listCampaigns: campaignsFromList,
  },
  decodeError: decode${Pascal}Error,
};
`,
);

const NO_FIELD = "the skeleton spec documents no such field";
write(
  `${dir}/src/${name}-capabilities.ts`,
  `import type { ProviderCapabilities } from "@campaignkit/core";

const NO = (note: string) => ({ supported: false, note });
const NO_FIELD = NO("${NO_FIELD}");

/** What the ${display} provider can do, from specs/${name}.openapi.yaml (a skeleton: all inferred). */
export const ${name}Capabilities: ProviderCapabilities = {
  operations: {
    getCampaign: { supported: true, requests: "GET /campaigns/{id}", evidence: "inferred" },
    listCampaigns: {
      supported: true,
      requests: "GET /campaigns",
      evidence: "inferred",
      note: "one request; the skeleton spec documents no paging",
    },
    updateCampaign: { supported: true, requests: "PATCH /campaigns/{id}", evidence: "inferred" },
    pauseCampaign: {
      supported: true,
      requests: "PATCH /campaigns/{id} {status: paused}",
      evidence: "inferred",
    },
    resumeCampaign: {
      supported: true,
      requests: "PATCH /campaigns/{id} {status: active}",
      evidence: "inferred",
    },
  },
  patch: {
    name: { supported: true, wire: "name", minLength: 1, maxLength: 100, evidence: "inferred" },
    status: { supported: true, wire: "status (active | paused)", evidence: "inferred" },
    "schedule.timezone": NO_FIELD,
    "schedule.startDate": NO_FIELD,
    "schedule.endDate": NO_FIELD,
    "schedule.callingHours": NO_FIELD,
    "pacing.callsPerMinute": NO_FIELD,
    "pacing.maxConcurrentCalls": NO_FIELD,
    "pacing.maxConcurrentTransfers": NO_FIELD,
    "redial.maxRetries": NO_FIELD,
    "redial.delaySeconds": NO_FIELD,
    "redial.onBusy": NO_FIELD,
    "redial.onNoAnswer": NO_FIELD,
    "redial.onVoicemail": NO_FIELD,
  },
};
`,
);

write(
  `${dir}/src/${name}-provider.ts`,
  `import {
  type CampaignPatch,
  defineVendor,
  type ProviderSettings,
  type TypedStep,
  type VendorProvider,
} from "@campaignkit/core";
import type { components } from "./generated/${name}-api.js";
import { ${name}SpecFacts } from "./generated/${name}-descriptor.js";
import { ${name}Capabilities } from "./${name}-capabilities.js";
import { create${Pascal}Client, type ${Pascal}Paths, ${name}Descriptor } from "./${name}-client.js";
import { campaignFrom, campaignFromListItem, campaignsFromList, ${name}Responses } from "./${name}-responses.js";

/** A request of the ${display} provider, checked against the generated paths of its client. */
export type ${Pascal}Step = TypedStep<${Pascal}Paths>;

type ${Pascal}Update = components["schemas"]["CampaignUpdate"];

/** The PATCH body for \`patch\` (the capabilities let through only name and active/paused). */
function toUpdateBody(patch: CampaignPatch): ${Pascal}Update {
  const body: ${Pascal}Update = {};
  if (patch.name !== undefined) body.name = patch.name;
  if (patch.status === "active" || patch.status === "paused") body.status = patch.status;
  return body;
}

/** One PATCH /campaigns/{id}: absolute values, so sending it twice changes nothing more. */
function update(id: string, body: ${Pascal}Update, purpose: string): ${Pascal}Step {
  return {
    operationId: "updateCampaign",
    method: "PATCH",
    path: "/campaigns/{id}",
    params: { path: { id: Number(id) } },
    body,
    idempotent: true,
    purpose,
  };
}

/** ${display}, defined once: what the CLI, the sandbox and the conformance suite read of it. */
export const ${name}Vendor = defineVendor({
  descriptor: ${name}Descriptor,
  displayName: ${name}SpecFacts.displayName,
  createClient: create${Pascal}Client,
  capabilities: ${name}Capabilities,
  settings: ${name}SpecFacts.settings,
  ids: "integer",
  steps: {
    get: (id): ${Pascal}Step => ({
      operationId: "getCampaign",
      method: "GET",
      path: "/campaigns/{id}",
      params: { path: { id: Number(id) } },
      idempotent: true,
      purpose: "read the campaign",
    }),
    list: (): ${Pascal}Step => ({
      operationId: "listCampaigns",
      method: "GET",
      path: "/campaigns",
      idempotent: true,
      purpose: "list campaigns",
    }),
    update: (id, patch) => [update(id, toUpdateBody(patch), "update the campaign")],
    pause: (id) => update(id, { status: "paused" }, "pause the campaign"),
    resume: (id) => update(id, { status: "active" }, "resume the campaign"),
  },
  read: {
    campaign: (operationId, body, id) =>
      operationId === "listCampaigns"
        ? campaignsFromList(body).find((campaign) => campaign.id === id)
        : campaignFrom(operationId, body),
    list: campaignsFromList,
    // Where the list answer holds its campaigns: the listing is read element by element.
    listItemsAt: "$.campaigns",
    listItem: campaignFromListItem,
  },
  responses: ${name}Responses,
});

/** The settings of \`create${Pascal}\`: those of \`@campaignkit/core\`'s \`ProviderSettings\`. */
export type ${Pascal}Settings = ProviderSettings;

/** The typed client is there for what the normalized model does not cover. */
export type ${Pascal}Provider = VendorProvider<${Pascal}Paths>;

/** A campaignkit provider for ${display}: one normalized campaign model over ${display}'s API. */
export function create${Pascal}(settings: ${Pascal}Settings): ${Pascal}Provider {
  return ${name}Vendor.create(settings);
}
`,
);

write(
  `${dir}/src/${name}-provider.test.ts`,
  `import { CampaignkitError, CampaignSchema } from "@campaignkit/core";
import { rejectedWith, scriptedFetch } from "@campaignkit/test-support";
import { describe, expect, it } from "vitest";
import { create${Pascal} } from "./${name}-provider.js";

/** The path of the spec's \`servers[0].url\`. */
const BASE = "/v1";
const wire = { id: 1001, name: "Spring outreach", status: "active" };

function setup(respond: () => Response, apiKey = "${name}-key") {
  const { fetch, requests } = scriptedFetch([
    { method: "GET", path: \`\${BASE}/campaigns/1001\`, respond },
    { method: "GET", path: \`\${BASE}/campaigns\`, respond },
  ]);
  return { provider: create${Pascal}({ apiKey, fetch, maxRetries: 0 }), requests };
}

describe("create${Pascal}", () => {
  it("reads one campaign with GET /campaigns/{id}, the key in X-Api-Key", async () => {
    const { provider, requests } = setup(() => Response.json(wire));
    const campaign = await provider.getCampaign("1001");
    expect(campaign).toMatchObject({ vendor: "${name}", id: "1001", status: "active", raw: wire });
    expect(CampaignSchema.safeParse(campaign).success).toBe(true);
    expect(requests[0]?.headers).toMatchObject({ "x-api-key": "${name}-key" });
  });

  it("lists every campaign of one answer, filtered by status", async () => {
    const paused = { id: 1002, status: "paused" };
    const { provider } = setup(() => Response.json({ campaigns: [wire, paused] }));
    const ids: string[] = [];
    for await (const campaign of provider.listCampaigns({ status: "paused" })) ids.push(campaign.id);
    expect(ids).toEqual(["1002"]);
  });

  it("updates, pauses and resumes with PATCH /campaigns/{id}", async () => {
    const { fetch, requests } = scriptedFetch([
      { method: "PATCH", path: \`\${BASE}/campaigns/1001\`, respond: () => Response.json({ ...wire, name: "New" }) },
    ]);
    const provider = create${Pascal}({ apiKey: "${name}-key", fetch, maxRetries: 0 });
    expect(await provider.updateCampaign("1001", { name: "New" })).toMatchObject({ name: "New" });
    await provider.pauseCampaign("1001");
    await provider.resumeCampaign("1001");
    expect(requests.map((r) => JSON.parse(r.body ?? "null"))).toEqual([
      { name: "New" },
      { status: "paused" },
      { status: "active" },
    ]);
  });

  it("refuses a field the spec does not have, sending nothing", async () => {
    const { provider, requests } = setup(() => Response.json(wire));
    const error = await rejectedWith(
      provider.updateCampaign("1001", { pacing: { callsPerMinute: 5 } }),
      CampaignkitError,
    );
    expect(error).toMatchObject({ code: "UNSUPPORTED", field: "pacing.callsPerMinute" });
    expect(requests).toHaveLength(0);
  });

  it("decodes a 401 as a refused credential and a 404 as NOT_FOUND", async () => {
    // A refused key is latched for the whole process: each case has its own.
    const refused = await rejectedWith(
      setup(() => Response.json({}, { status: 401 }), "${name}-refused-key").provider.getCampaign("1001"),
      CampaignkitError,
    );
    expect(refused).toMatchObject({ code: "AUTH", httpStatus: 401 });
    const missing = await rejectedWith(
      setup(() => Response.json({}, { status: 404 })).provider.getCampaign("1001"),
      CampaignkitError,
    );
    expect(missing.code).toBe("NOT_FOUND");
  });
});
`,
);

// -------------------------------------------------------------------------------- simulator
write(
  `packages/sandbox/src/simulate-${name}.ts`,
  `import {
  CampaignStore,
  clone,
  defineSimulation,
  json,
  type SimRequest,
  type VendorSimulator,
} from "./simulator.js";
import type { JsonObject } from "./spec/load-spec.js";

/** The campaigns of the spec's examples, then \`extra\` generated ones whose ids follow on. */
export function seed${Pascal}(extra: number): JsonObject[] {
  const seeded: JsonObject[] = [
    { id: 1001, name: "Spring outreach", status: "active" },
    { id: 1002, name: "Renewals", status: "paused" },
    { id: 1003, name: "Win-back", status: "paused" },
  ];
  for (let i = 0; i < extra; i++) {
    seeded.push({ id: 1004 + i, name: \`Campaign \${i + 1}\`, status: i % 2 ? "paused" : "active" });
  }
  return seeded;
}

const failure = (status: number, error: string) => json(status, { error });

/** ${display} (skeleton): \`X-Api-Key\`, a list, a get and an update. */
export function create${Pascal}Simulator(extra: number): VendorSimulator {
  const store = new CampaignStore<JsonObject>(
    () => seed${Pascal}(extra),
    (campaign) => String(campaign.id),
  );
  return {
    vendor: "${name}",
    authenticate: (valid) => (valid ? undefined : failure(401, "unauthorized")),
    invalid: () => failure(400, "invalid request"),
    noRoute: (allowed) => (allowed.length > 0 ? failure(405, "method not allowed") : failure(404, "not found")),
    faultBody: (status) => ({ error: \`injected fault: HTTP \${status}\` }),
    handle(request: SimRequest) {
      if (request.operationId === "listCampaigns") return json(200, { campaigns: clone(store.all()) });
      const campaign = store.get(request.path.id);
      if (!campaign) return failure(404, "not found");
      if (request.operationId === "updateCampaign") {
        const body = request.body ?? {};
        if (typeof body.name === "string") campaign.name = body.name;
        if (typeof body.status === "string") campaign.status = body.status;
      }
      return json(200, clone(campaign));
    },
    campaigns: () => clone(store.all()),
    record: (id) => store.get(id),
    reset: () => store.reset(),
  };
}

export const ${name}Simulation = defineSimulation({
  vendor: "${name}",
  apiKey: "sandbox-${name}-key",
  seed: seed${Pascal},
  create: create${Pascal}Simulator,
});
`,
);

write(
  `packages/sandbox/src/simulate-${name}.test.ts`,
  `import { afterAll, describe, expect, it } from "vitest";
import { startSandbox } from "./index.js";
import { describeAnswersValid } from "./test-support/answers-valid.js";
import { providerOn } from "./test-support/vendors.js";
import { raw } from "./test-support/wire.js";

/** Requests that reach every ${name} operation with a success answer (the skeleton documents no error). */
describeAnswersValid("${name}", [
  ["GET", "/campaigns"],
  ["GET", "/campaigns/1001"],
  ["GET", "/campaigns/1002"],
  ["PATCH", "/campaigns/1002", { json: { name: "Renewals 2", status: "active" } }],
]);

const sandbox = await startSandbox({ vendors: ["${name}"], enforceRateLimits: false });
afterAll(() => sandbox.close());

describe("${name} simulator", () => {
  it("answers the provider with the seeded campaigns", async () => {
    const provider = providerOn(sandbox, "${name}");
    expect(await provider.getCampaign("1001")).toMatchObject({ id: "1001", status: "active" });
    const ids: string[] = [];
    for await (const campaign of provider.listCampaigns()) ids.push(campaign.id);
    expect(ids).toEqual(["1001", "1002", "1003"]);
  });

  it("refuses a wrong key with 401 and an unknown campaign with 404", async () => {
    const refused = await raw(sandbox, "${name}", "GET", "/campaigns", { headers: { "x-api-key": "no" } });
    expect(refused.status).toBe(401);
    expect((await raw(sandbox, "${name}", "GET", "/campaigns/9999")).status).toBe(404);
  });
});
`,
);

// -------------------------------------------------------------------------------- changeset
// The packages that depend on every vendor already get this one too.
const consumers = [];
for (const candidate of [
  ...readdirSync(join(root, "packages")).map((d) => `packages/${d}`),
  "conformance",
]) {
  const file = join(root, candidate, "package.json");
  if (!existsSync(file) || candidate === dir) continue;
  const consumer = JSON.parse(readFileSync(file, "utf8"));
  for (const section of ["dependencies", "devDependencies"]) {
    const deps = consumer[section] ?? {};
    if (!existing.every((vendor) => deps[vendor.packageName] !== undefined)) continue;
    const spec = deps[existing[0].packageName];
    consumer[section] = Object.fromEntries(
      Object.entries({ ...deps, [pkg]: spec }).sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(file, `${JSON.stringify(consumer, null, 2)}\n`);
    consumers.push({ dir: candidate, name: consumer.name, section, private: consumer.private });
  }
}

const released = consumers.filter((c) => !c.private && c.section === "dependencies");
write(
  `.changeset/new-vendor-${name}.md`,
  `---
"${pkg}": minor
"@campaignkit/sandbox": minor
${released.map((c) => `"${c.name}": minor`).join("\n")}
---

${display}: a new vendor, scaffolded by \`pnpm new-vendor ${name}\` (a skeleton spec with one list and one get operation, the provider, its simulator in the sandbox).
`,
);

execFileSync(
  "pnpm",
  ["exec", "biome", "check", "--write", ...written.filter((f) => /\.(ts|json)$/.test(f))],
  {
    cwd: root,
    stdio: "inherit",
  },
);

console.log(`\nScaffolded ${display}:\n${written.map((f) => `  + ${f}`).join("\n")}`);
console.log(`Added ${pkg} to: ${consumers.map((c) => `${c.dir} (${c.section})`).join(", ")}`);
if (!skipInstall) {
  execFileSync("pnpm", ["install", "--offline", "--no-frozen-lockfile"], {
    cwd: root,
    stdio: "inherit",
  });
  execFileSync("pnpm", ["run", "generate"], { cwd: root, stdio: "inherit" });
}
console.log(
  `\nNext: fill in specs/${name}.openapi.yaml from ${display}'s documentation, then the package's capabilities, steps, mapper and errors (CONTRIBUTING.md, "Add a vendor").`,
);
