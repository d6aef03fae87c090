import type { Json, JsonObject, LoadedSpec } from "./load-spec.js";

/** The HTTP methods an OpenAPI path item can hold operations for, lower case as in the spec. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;
/** One of `HTTP_METHODS`. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One operation of a spec: its operationId, method and path template, with the path's shared
 * parameters merged into its own.
 */
export interface Operation {
  vendor: string;
  operationId: string;
  method: HttpMethod;
  /** Path template relative to `servers[0].url`, e.g. `/campaigns/{id}`. */
  path: string;
  definition: JsonObject;
  parameters: JsonObject[];
}

/** One documented response example, with the request example it answers. */
export interface Scenario {
  vendor: string;
  operationId: string;
  method: HttpMethod;
  path: string;
  /** The response example's name: unique within the operation. */
  name: string;
  evidence: string;
  /**
   * The example's `x-campaignkit-error-code`: the campaignkit error code the vendor's error must
   * be read as (the conformance suite holds every provider to it). Absent on an answer that is
   * not an error.
   */
  expectedErrorCode?: string;
  request: {
    exampleName: string;
    path: Record<string, Json>;
    query: Record<string, Json>;
    mediaType?: string;
    body?: Json;
    /**
     * The request example's `x-invalid-request`: why this documented request breaks the
     * operation's schema on purpose (a field the vendor refuses, a required field left out). Its
     * body is replayed as it is, and only schema problems of the body are forgiven.
     */
    invalid?: string;
  };
  response: {
    status: number;
    mediaType: string;
    body: Json;
    /**
     * `false` for an example under `default`: the vendor does not document the HTTP status, and
     * `status` is the example's `x-replay-status`, chosen for the replay only.
     */
    statusDocumented: boolean;
  };
}

/**
 * What `collectScenarios` found in a spec: its operations, the scenarios, and what does not pair
 * up.
 */
export interface ScenarioSet {
  vendor: string;
  operations: Operation[];
  scenarios: Scenario[];
  /** How many response examples the spec holds: every one must become a scenario. */
  responseExampleCount: number;
  /** Broken pairing: a response example with no request, a request example nobody uses… */
  problems: string[];
}

const asObject = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};

/** Every operation of a spec, in the order of its paths. */
export function listOperations(spec: LoadedSpec): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(asObject(spec.document.paths))) {
    const pathItem = asObject(item);
    const shared = (pathItem.parameters ?? []) as JsonObject[];
    for (const method of HTTP_METHODS) {
      const definition = pathItem[method];
      if (!definition) continue;
      const op = asObject(definition);
      const own = (op.parameters ?? []) as JsonObject[];
      const ownKeys = new Set(own.map((p) => `${p.in}:${p.name}`));
      operations.push({
        vendor: spec.vendor,
        operationId: String(op.operationId),
        method,
        path,
        definition: op,
        parameters: [...shared.filter((p) => !ownKeys.has(`${p.in}:${p.name}`)), ...own],
      });
    }
  }
  return operations;
}

function requestExampleNames(operation: Operation): Set<string> {
  const names = new Set<string>();
  for (const parameter of operation.parameters) {
    for (const name of Object.keys(asObject(parameter.examples))) names.add(name);
  }
  const content = asObject(asObject(operation.definition.requestBody).content);
  for (const media of Object.values(content)) {
    for (const name of Object.keys(asObject(asObject(media).examples))) names.add(name);
  }
  return names;
}

function buildRequest(
  operation: Operation,
  exampleName: string,
  problems: string[],
): Scenario["request"] {
  const request: Scenario["request"] = { exampleName, path: {}, query: {} };
  for (const parameter of operation.parameters) {
    const example = asObject(asObject(parameter.examples)[exampleName]);
    const where =
      parameter.in === "path" ? request.path : parameter.in === "query" ? request.query : undefined;
    if ("value" in example && where) {
      where[String(parameter.name)] = example.value as Json;
    } else if (parameter.required === true) {
      problems.push(
        `${operation.operationId}: request example "${exampleName}" has no value for required ${parameter.in} parameter "${parameter.name}"`,
      );
    }
  }
  const requestBody = asObject(operation.definition.requestBody);
  for (const [mediaType, media] of Object.entries(asObject(requestBody.content))) {
    const example = asObject(asObject(asObject(media).examples)[exampleName]);
    if ("value" in example) {
      request.mediaType = mediaType;
      request.body = example.value as Json;
      const invalid = example["x-invalid-request"];
      if (invalid !== undefined) {
        if (typeof invalid === "string" && invalid.trim() !== "") request.invalid = invalid;
        else
          problems.push(
            `${operation.operationId}: request example "${exampleName}" has an x-invalid-request that is not a reason (a non-empty string)`,
          );
      }
      break;
    }
  }
  if (request.body === undefined && requestBody.required === true) {
    problems.push(
      `${operation.operationId}: request example "${exampleName}" has no body, which is required`,
    );
  }
  return request;
}

/** Turns a spec's examples into replayable scenarios, following the contract in specs/README.md. */
export function collectScenarios(spec: LoadedSpec): ScenarioSet {
  const operations = listOperations(spec);
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  let responseExampleCount = 0;

  for (const operation of operations) {
    const requestNames = requestExampleNames(operation);
    const usedRequestNames = new Set<string>();
    const seenResponseNames = new Set<string>();
    for (const [status, response] of Object.entries(asObject(operation.definition.responses))) {
      for (const [mediaType, media] of Object.entries(asObject(asObject(response).content))) {
        for (const [name, example] of Object.entries(asObject(asObject(media).examples))) {
          responseExampleCount += 1;
          const exampleObject = asObject(example);
          if (seenResponseNames.has(name)) {
            problems.push(
              `${operation.operationId}: response example name "${name}" is used twice`,
            );
            continue;
          }
          seenResponseNames.add(name);
          const replayStatus = exampleObject["x-replay-status"];
          let httpStatus: number;
          if (/^\d{3}$/.test(status)) {
            if (replayStatus !== undefined) {
              problems.push(
                `${operation.operationId}: example "${name}" sits under the documented status ${status} and has an x-replay-status`,
              );
              continue;
            }
            httpStatus = Number(status);
          } else if (
            status === "default" &&
            typeof replayStatus === "number" &&
            Number.isInteger(replayStatus) &&
            replayStatus >= 100 &&
            replayStatus <= 599
          ) {
            httpStatus = replayStatus;
          } else {
            problems.push(
              status === "default"
                ? `${operation.operationId}: example "${name}" sits under "default" without an x-replay-status (an HTTP status)`
                : `${operation.operationId}: example "${name}" sits under "${status}", not a status code`,
            );
            continue;
          }
          const requestName = String(exampleObject["x-request-example"] ?? name);
          const needsRequest =
            requestNames.size > 0 || operation.parameters.some((p) => p.required);
          if (needsRequest && !requestNames.has(requestName)) {
            problems.push(
              `${operation.operationId}: response example "${name}" has no request example "${requestName}"`,
            );
            continue;
          }
          usedRequestNames.add(requestName);
          const request = buildRequest(operation, requestName, problems);
          if (request.invalid !== undefined && httpStatus >= 200 && httpStatus < 300) {
            problems.push(
              `${operation.operationId}: response example "${name}" is a success, but its request "${requestName}" is a documented invalid request`,
            );
          }
          scenarios.push({
            vendor: spec.vendor,
            operationId: operation.operationId,
            method: operation.method,
            path: operation.path,
            name,
            evidence: String(exampleObject["x-evidence"] ?? "unspecified"),
            ...(exampleObject["x-campaignkit-error-code"] === undefined
              ? {}
              : { expectedErrorCode: String(exampleObject["x-campaignkit-error-code"]) }),
            request,
            response: {
              status: httpStatus,
              mediaType,
              body: exampleObject.value as Json,
              statusDocumented: status !== "default",
            },
          });
        }
      }
    }
    for (const name of requestNames) {
      if (!usedRequestNames.has(name)) {
        problems.push(
          `${operation.operationId}: request example "${name}" is used by no response example`,
        );
      }
    }
  }
  return { vendor: spec.vendor, operations, scenarios, responseExampleCount, problems };
}
