/**
 * The problems `checkRequestAgainstSpec` finds, as data: where (body, query, path, header), which
 * field, and the validator's message. Simulators build their vendor's error bodies from these.
 */
export interface Problem {
  in: "body" | "query" | "path" | "request";
  /** The field path: `["schedule_config", "slots", 0, "start_time"]`, or `["campaign_id"]`. */
  field: (string | number)[];
  message: string;
  /** The JSON-schema keyword's params, when the problem comes from schema validation. */
  params: Record<string, unknown>;
  /** The problem as checkRequestAgainstSpec wrote it. */
  text: string;
}

function pointer(instancePath: string): (string | number)[] {
  if (instancePath === "(root)" || instancePath === "") return [];
  return instancePath
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
}

/** `"/a/0 must be integer {"type":"integer"}"` → path, message, params. */
function splitValidatorText(text: string) {
  const space = text.indexOf(" ");
  const paramsAt = text.lastIndexOf(" {");
  if (space < 0 || paramsAt <= space) return undefined;
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(text.slice(paramsAt + 1)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const field = pointer(text.slice(0, space));
  for (const key of ["missingProperty", "additionalProperty"]) {
    if (typeof params[key] === "string") field.push(params[key] as string);
  }
  return { field, message: text.slice(space + 1, paramsAt), params };
}

export function parseProblem(text: string): Problem {
  const base = { params: {}, text };
  const parameter = /^(query|path) parameter (\S+?)(?::| is) (.*)$/.exec(text);
  if (parameter) {
    const where = parameter[1] as "query" | "path";
    const name = parameter[2] as string;
    const rest = parameter[3] as string;
    if (rest === "missing") return { ...base, in: where, field: [name], message: "is required" };
    if (rest === "not in the spec")
      return { ...base, in: where, field: [name], message: "is not a known parameter" };
    const split = splitValidatorText(rest.trim());
    return split
      ? { ...base, ...split, in: where, field: [name, ...split.field] }
      : { ...base, in: where, field: [name], message: rest };
  }
  if (text.startsWith("body ") && !text.startsWith("body: ")) {
    const split = splitValidatorText(text.slice(5));
    if (split) return { ...base, ...split, in: "body" };
  }
  if (text.startsWith("body: ")) return { ...base, in: "body", field: [], message: text.slice(6) };
  return { ...base, in: "request", field: [], message: text };
}

/** A problem about a given top-level field of the body. */
export function isAboutBodyField(problem: Problem, name: string): boolean {
  return problem.in === "body" && problem.field[0] === name;
}

/** `"schedule_config.slots.0.start_time: must match pattern …"`. */
export function describeProblem(problem: Problem): string {
  const field = problem.field.join(".");
  return field ? `${field}: ${problem.message}` : problem.message;
}
