import type { Json, JsonObject, LoadedSpec } from "./load-spec.js";
import type { Operation } from "./scenarios.js";
import type { SchemaValidator } from "./validators.js";
import {
  authChecks,
  credentialAlternatives,
  parseFormBody,
  parseQuery,
  requestSchema,
  schemeCheck,
  serverOf,
} from "./wire.js";

/** A request as it arrived on the wire. */
export interface WireRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/**
 * What `checkRequestAgainstSpec` found: the matched operation, the parsed request, and every way it
 * breaks the spec.
 */
export interface SpecCheck {
  operation: Operation | undefined;
  path: Record<string, string>;
  query: JsonObject;
  mediaType: string | undefined;
  /** The body, parsed by its content type and typed by its schema (form values). */
  body: JsonObject | undefined;
  problems: string[];
}

function templateRegExp(basePath: string, template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith("{")
        ? `(?<${part.slice(1, -1)}>[^/]+)`
        : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${basePath.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}${pattern}$`);
}

/** Finds the spec operation a request is for, by method and path template. */
export function matchOperation(
  spec: LoadedSpec,
  operations: readonly Operation[],
  method: string,
  pathname: string,
) {
  const { basePath } = serverOf(spec);
  for (const operation of operations) {
    if (operation.method.toUpperCase() !== method) continue;
    const match = templateRegExp(basePath, operation.path).exec(pathname);
    if (match) {
      const path = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
      return { operation, path };
    }
  }
  return undefined;
}

function typedPathValue(value: string, schema: Json | undefined): Json {
  const type = (schema as JsonObject | undefined)?.type;
  return (type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(value)
    ? Number(value)
    : value;
}

/**
 * Checks a wire request against the spec alone: a known operation, valid path and query
 * parameters, the declared content type, a body valid against its schema, the credential where
 * a security scheme or a credential field puts it, and never in the URL.
 */
export function checkRequestAgainstSpec(
  spec: LoadedSpec,
  operations: readonly Operation[],
  validator: SchemaValidator,
  credential: string,
  wire: WireRequest,
): SpecCheck {
  const found = matchOperation(spec, operations, wire.method, wire.url.pathname);
  const result: SpecCheck = {
    operation: found?.operation,
    path: found?.path ?? {},
    query: {},
    mediaType: undefined,
    body: undefined,
    problems: [],
  };
  const { problems } = result;
  if (wire.url.href.includes(credential)) problems.push("the credential appears in the URL");
  if (!found) {
    problems.push(`no operation of the spec is ${wire.method} ${wire.url.pathname}`);
    return result;
  }
  const { operation } = found;
  result.query = parseQuery(wire.url.searchParams, operation);
  for (const parameter of operation.parameters) {
    const name = String(parameter.name);
    const raw =
      parameter.in === "path"
        ? found.path[name]
        : parameter.in === "query"
          ? result.query[name]
          : undefined;
    if (raw === undefined) {
      if (parameter.required === true)
        problems.push(`${parameter.in} parameter ${name} is missing`);
      continue;
    }
    const value =
      parameter.in === "path" ? typedPathValue(String(raw), parameter.schema as Json) : raw;
    for (const problem of validator.validate(parameter.schema as Json, value)) {
      problems.push(`${parameter.in} parameter ${name}: ${problem}`);
    }
  }
  for (const name of Object.keys(result.query)) {
    if (!operation.parameters.some((p) => p.in === "query" && p.name === name))
      problems.push(`query parameter ${name} is not in the spec`);
  }

  const content = ((operation.definition.requestBody as JsonObject | undefined)?.content ??
    {}) as JsonObject;
  const contentType = wire.headers.get("content-type");
  if (wire.body !== "") {
    result.mediaType = contentType ?? undefined;
    if (!contentType || !(contentType in content)) {
      problems.push(
        `content-type ${contentType} is not one the operation accepts (${Object.keys(content).join(", ") || "none"})`,
      );
    } else {
      const schema = requestSchema(operation, contentType);
      try {
        result.body =
          contentType === "application/x-www-form-urlencoded"
            ? parseFormBody(wire.body, schema)
            : (JSON.parse(wire.body) as JsonObject);
        // A required credential field is satisfied by its header alternative (specs/README.md).
        const alternatives = credentialAlternatives(schema);
        const carried = (field: string) => {
          const scheme = alternatives[field];
          const check = scheme === undefined ? undefined : schemeCheck(spec, scheme, credential);
          return check?.accepts(wire.headers, undefined) === true;
        };
        for (const problem of validator.validate(schema, result.body)) {
          const missing = /^\(root\) must have required property '([^']+)'/.exec(problem)?.[1];
          if (missing !== undefined && carried(missing)) continue;
          problems.push(`body ${problem}`);
        }
      } catch {
        problems.push(`body: not parseable as ${contentType}`);
      }
    }
  } else if ((operation.definition.requestBody as JsonObject | undefined)?.required === true) {
    problems.push("body: required, but none was sent");
  }

  const schema = result.mediaType ? requestSchema(operation, result.mediaType) : undefined;
  const checks = authChecks(spec, operation, schema, credential);
  if (checks.length > 0 && !checks.some((check) => check.accepts(wire.headers, result.body))) {
    problems.push(`auth: expected one of ${checks.map((check) => check.describe).join(" | ")}`);
  }
  return result;
}
