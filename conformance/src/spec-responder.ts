import type { VendorResponses } from "@campaignkit/core";
import {
  checkRequestAgainstSpec,
  type Json,
  type JsonObject,
  type LoadedSpec,
  type Operation,
  type SchemaValidator,
} from "@campaignkit/sandbox";

export interface RespondedRequest {
  method: string;
  url: string;
  body: string;
  operationId: string | undefined;
  /** What the spec says is wrong with the request; empty when it is valid. */
  problems: string[];
}

function successExample(operation: Operation, responses: VendorResponses) {
  for (const [status, response] of Object.entries(
    (operation.definition.responses ?? {}) as JsonObject,
  )) {
    if (!/^2\d\d$/.test(status)) continue;
    for (const media of Object.values(((response as JsonObject).content ?? {}) as JsonObject)) {
      for (const example of Object.values(((media as JsonObject).examples ?? {}) as JsonObject)) {
        const body = (example as JsonObject).value as Json;
        if (!responses.decodeError(operation.operationId, Number(status), body))
          return { status: Number(status), body };
      }
    }
  }
  return undefined;
}

/**
 * A fetch that plays a vendor from its spec alone: it checks every request against the spec
 * and answers with the operation's documented success example (`{}` where none is documented).
 */
export function specResponder(
  spec: LoadedSpec,
  operations: readonly Operation[],
  validator: SchemaValidator,
  credential: string,
  responses: VendorResponses,
) {
  const requests: RespondedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body = await request.text();
    const checked = checkRequestAgainstSpec(spec, operations, validator, credential, {
      method: request.method,
      url,
      headers: request.headers,
      body,
    });
    requests.push({
      method: request.method,
      url: request.url,
      body,
      operationId: checked.operation?.operationId,
      problems: checked.problems,
    });
    if (!checked.operation) return Response.json({ problems: checked.problems }, { status: 599 });
    const example = successExample(checked.operation, responses);
    return Response.json(example?.body ?? {}, { status: example?.status ?? 200 });
  };
  return { fetch, requests };
}
