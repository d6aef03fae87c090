import type { Json, JsonObject, LoadedSpec } from "./load-spec.js";
import type { Operation } from "./scenarios.js";

const asObject = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

/** `servers[0].url` of a spec, and its path (`/api/v1.0`), which every request path starts with. */
export function serverOf(spec: LoadedSpec): { url: string; basePath: string } {
  const servers = spec.document.servers as JsonObject[] | undefined;
  const url = String(servers?.[0]?.url ?? "");
  return { url, basePath: new URL(url).pathname.replace(/\/+$/, "") };
}

/** The schema of an operation's request body for `mediaType`, if the spec gives one. */
export function requestSchema(operation: Operation, mediaType: string): Json | undefined {
  const content = asObject(asObject(operation.definition.requestBody).content);
  return asObject(content[mediaType]).schema;
}

/** Body properties marked `x-credential: true` (Velip `tsid`, Convoso `auth_token`). */
export function credentialFields(schema: Json | undefined): string[] {
  return Object.entries(asObject(asObject(schema).properties))
    .filter(([, property]) => asObject(property)["x-credential"] === true)
    .map(([name]) => name);
}

/**
 * The credential fields of a body schema that the vendor also takes through a header scheme
 * (`x-credential-alternative: <securityScheme>`, specs/README.md): field → scheme name.
 */
export function credentialAlternatives(schema: Json | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asObject(asObject(schema).properties))
      .filter(([, property]) => asObject(property)["x-credential"] === true)
      .map(([name, property]) => [name, asObject(property)["x-credential-alternative"]] as const)
      .filter((entry): entry is readonly [string, string] => typeof entry[1] === "string"),
  );
}

/** `body` without the named top-level fields (a non-object body as it is). */
export function withoutFields(body: Json | undefined, fields: readonly string[]): Json | undefined {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !fields.includes(key)));
}

function schemaTypes(schema: Json | undefined): string[] {
  const node = asObject(schema);
  const own = Array.isArray(node.type)
    ? node.type.map(String)
    : node.type
      ? [String(node.type)]
      : [];
  const nested = [...((node.anyOf ?? []) as Json[]), ...((node.oneOf ?? []) as Json[])];
  return [...own, ...nested.flatMap(schemaTypes)];
}

/** A form value is always a string on the wire; read it back as the type its schema names. */
function coerceFormValue(value: string, schema: Json | undefined): Json {
  const types = schemaTypes(schema);
  if (types.includes("string")) return value;
  if (types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  if (
    (types.includes("integer") || types.includes("number")) &&
    value.trim() !== "" &&
    !Number.isNaN(Number(value))
  ) {
    return Number(value);
  }
  return value;
}

/** A form body as an object, each value typed by its property schema (`"5"` → 5 for an integer). */
export function parseFormBody(text: string, schema: Json | undefined): JsonObject {
  const properties = asObject(asObject(schema).properties);
  const body: JsonObject = {};
  for (const [key, value] of new URLSearchParams(text))
    body[key] = coerceFormValue(value, properties[key]);
  return body;
}

/** Query values arrive as strings; type them by the parameter schemas for validation. */
export function parseQuery(search: URLSearchParams, operation: Operation): JsonObject {
  const query: JsonObject = {};
  for (const [key, value] of search) {
    const parameter = operation.parameters.find((p) => p.in === "query" && p.name === key);
    query[key] = coerceFormValue(value, parameter?.schema);
  }
  return query;
}

/** One way an operation may authenticate, as `authChecks` lists them. */
export interface AuthCheck {
  describe: string;
  /**
   * Whether a request with these headers and this body carries the expected credential this way.
   */
  accepts(headers: Headers, body: JsonObject | undefined): boolean;
}

/** The check of one header security scheme of the spec, if it is one the tools know. */
export function schemeCheck(
  spec: LoadedSpec,
  schemeName: string,
  credential: string,
): AuthCheck | undefined {
  const schemes = asObject(asObject(spec.document.components).securitySchemes);
  const scheme = asObject(schemes[schemeName]);
  if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
    return {
      describe: `Authorization: Bearer <key> (${schemeName})`,
      accepts: (headers) => headers.get("authorization") === `Bearer ${credential}`,
    };
  }
  if (scheme.type === "apiKey" && scheme.in === "header") {
    const prefix = String(scheme["x-value-prefix"] ?? "");
    const header = String(scheme.name);
    return {
      describe: `${header}: ${prefix}<key> (${schemeName})`,
      accepts: (headers) => headers.get(header) === `${prefix}${credential}`,
    };
  }
  return undefined;
}

/**
 * The headers that present `credential` as the spec's security scheme says: the document's
 * requirement, else the first operation's; `{}` when the spec names no header scheme.
 */
export function authHeaders(spec: LoadedSpec, credential: string): Record<string, string> {
  const schemes = asObject(asObject(spec.document.components).securitySchemes);
  const operations = Object.values(asObject(spec.document.paths)).flatMap((item) =>
    Object.values(asObject(item)),
  );
  const requirements = [
    ...((spec.document.security ?? []) as JsonObject[]),
    ...operations.flatMap((operation) => (asObject(operation).security ?? []) as JsonObject[]),
  ];
  // A body credential's documented header alternative (Velip's tsid as `Bearer`): what the
  // clients send, so the raw requests of the tests send it too.
  const alternatives = Object.values(asObject(asObject(spec.document.components).schemas))
    .flatMap((schema) => Object.values(asObject(asObject(schema).properties)))
    .map((property) => asObject(property)["x-credential-alternative"])
    .filter((name): name is string => typeof name === "string")
    .map((name) => ({ [name]: [] }) as JsonObject);
  for (const requirement of [...requirements, ...alternatives]) {
    for (const name of Object.keys(requirement)) {
      const scheme = asObject(schemes[name]);
      if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer")
        return { authorization: `Bearer ${credential}` };
      if (scheme.type === "apiKey" && scheme.in === "header")
        return {
          [String(scheme.name).toLowerCase()]:
            `${String(scheme["x-value-prefix"] ?? "")}${credential}`,
        };
    }
  }
  return {};
}

/**
 * Every way the spec lets an operation authenticate: its security requirements (headers), and
 * credential fields of its body and their header alternatives (`x-credential-alternative`). A request passes when one of them carries `credential`.
 */
export function authChecks(
  spec: LoadedSpec,
  operation: Operation,
  bodySchema: Json | undefined,
  credential: string,
): AuthCheck[] {
  const requirements = (operation.definition.security ??
    spec.document.security ??
    []) as JsonObject[];
  // A body credential's header alternative counts as a way in, as a security requirement does.
  const alternatives = Object.values(credentialAlternatives(bodySchema));
  const checks: AuthCheck[] = [];
  for (const schemeName of [...requirements.flatMap((r) => Object.keys(r)), ...alternatives]) {
    const check = schemeCheck(spec, schemeName, credential);
    if (check) checks.push(check);
  }
  for (const field of credentialFields(bodySchema)) {
    checks.push({
      describe: `body field ${field}`,
      accepts: (_, body) => body?.[field] === credential,
    });
  }
  return checks;
}
