import { describe, expect, it } from "vitest";
import { describeProblem, parseProblem } from "./request-problems.js";

describe("parseProblem", () => {
  it.each([
    [
      'body /schedule_config/slots/0/start_time must match pattern "^x$" {"pattern":"^x$"}',
      {
        in: "body",
        field: ["schedule_config", "slots", 0, "start_time"],
        message: 'must match pattern "^x$"',
      },
    ],
    [
      `body (root) must have required property 'cp_id' {"missingProperty":"cp_id"}`,
      { in: "body", field: ["cp_id"], message: "must have required property 'cp_id'" },
    ],
    [
      'path parameter campaign_id: (root) must be integer {"type":"integer"}',
      {
        in: "path",
        field: ["campaign_id"],
        message: "must be integer",
        params: { type: "integer" },
      },
    ],
    ["path parameter id is missing", { in: "path", field: ["id"], message: "is required" }],
    ["query parameter tsid is not in the spec", { in: "query", field: ["tsid"] }],
    [
      "body: required, but none was sent",
      { in: "body", field: [], message: "required, but none was sent" },
    ],
    ["the credential appears in the URL", { in: "request", field: [] }],
  ])("reads %s", (text, expected) => {
    expect(parseProblem(text)).toMatchObject({ ...expected, text });
  });

  it("describes a problem by its field", () => {
    expect(describeProblem(parseProblem('body /retries must be <= 5 {"limit":5}'))).toBe(
      "retries: must be <= 5",
    );
  });
});
