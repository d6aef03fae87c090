/**
 * The JSON Schema rules a spec gives a writable vendor field, as `pnpm generate` copies them into
 * each vendor package (`src/generated/<vendor>-extension.ts`): enough to refuse a bad value
 * before it is sent. Hand-written rather than Ajv because a provider bundle must stay small
 * (Ajv is ~35 kB gzipped, several times a whole provider) and these fields use a small subset.
 */
export type SchemaRules =
  | boolean
  | {
      readonly type?: string | readonly string[];
      readonly enum?: readonly unknown[];
      readonly const?: unknown;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly exclusiveMinimum?: number;
      readonly exclusiveMaximum?: number;
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly pattern?: string;
      /** `date`, `date-time` and `time` are checked (RFC 3339); other formats are not. */
      readonly format?: string;
      readonly properties?: Readonly<Record<string, SchemaRules>>;
      readonly required?: readonly string[];
      readonly additionalProperties?: SchemaRules;
      readonly items?: SchemaRules;
      readonly minItems?: number;
      readonly maxItems?: number;
      readonly anyOf?: readonly SchemaRules[];
      readonly oneOf?: readonly SchemaRules[];
      readonly not?: SchemaRules;
    };

/** One value that breaks a rule: where (a dotted path) and the rule, in words. */
export interface RuleProblem {
  field: string;
  rule: string;
}

/** A calendar date that exists: `2026-02-30` is refused. */
function realDate(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
function isDate(text: string): boolean {
  const [, year, month, day] = DATE.exec(text) ?? [];
  return (
    year !== undefined && month !== undefined && day !== undefined && realDate(year, month, day)
  );
}

function isDateTime(text: string): boolean {
  const [date, time, ...rest] = text.split(/[Tt ]/);
  return (
    rest.length === 0 && date !== undefined && time !== undefined && isDate(date) && TIME.test(time)
  );
}

const FORMATS: Readonly<Record<string, { test(text: string): boolean; example: string }>> = {
  date: { test: isDate, example: "YYYY-MM-DD" },
  time: { test: (text) => TIME.test(text), example: "HH:MM:SSZ or with an offset" },
  "date-time": { test: isDateTime, example: "YYYY-MM-DDTHH:MM:SSZ" },
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** Every rule of `rules` that `value` breaks (none: an empty list); `field` names the value. */
export function checkRules(value: unknown, rules: SchemaRules, field: string): RuleProblem[] {
  if (rules === true) return [];
  if (rules === false) return [{ field, rule: "is not accepted" }];
  const problems: RuleProblem[] = [];
  const problem = (rule: string) => problems.push({ field, rule });
  const types = rules.type === undefined ? [] : [rules.type].flat();
  if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
    problem(`must be ${types.join(" or ")}`);
    return problems;
  }
  if (rules.enum && !rules.enum.some((allowed) => allowed === value))
    problem(`must be one of ${quoted(rules.enum)}`);
  if ("const" in rules && rules.const !== value) problem(`must be ${JSON.stringify(rules.const)}`);
  if (typeof value === "number") {
    if (rules.minimum !== undefined && value < rules.minimum) problem(`must be ≥ ${rules.minimum}`);
    if (rules.maximum !== undefined && value > rules.maximum) problem(`must be ≤ ${rules.maximum}`);
    if (rules.exclusiveMinimum !== undefined && value <= rules.exclusiveMinimum)
      problem(`must be > ${rules.exclusiveMinimum}`);
    if (rules.exclusiveMaximum !== undefined && value >= rules.exclusiveMaximum)
      problem(`must be < ${rules.exclusiveMaximum}`);
  }
  if (typeof value === "string") {
    const length = [...value].length;
    if (rules.minLength !== undefined && length < rules.minLength)
      problem(`must be at least ${rules.minLength} characters`);
    if (rules.maxLength !== undefined && length > rules.maxLength)
      problem(`must be at most ${rules.maxLength} characters`);
    if (rules.pattern !== undefined && !new RegExp(rules.pattern, "u").test(value))
      problem(`must match ${rules.pattern}`);
    const format = rules.format === undefined ? undefined : FORMATS[rules.format];
    if (format && !format.test(value)) problem(`must be a ${rules.format} (${format.example})`);
  }
  if (Array.isArray(value)) {
    if (rules.minItems !== undefined && value.length < rules.minItems)
      problem(`must hold at least ${rules.minItems} items`);
    if (rules.maxItems !== undefined && value.length > rules.maxItems)
      problem(`must hold at most ${rules.maxItems} items`);
    const { items } = rules;
    if (items !== undefined)
      value.forEach((item, index) => {
        problems.push(...checkRules(item, items, `${field}.${index}`));
      });
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    for (const key of rules.required ?? [])
      if (!(key in object)) problems.push({ field: `${field}.${key}`, rule: "is required" });
    for (const [key, item] of Object.entries(object)) {
      const own = rules.properties?.[key];
      const rule = own ?? rules.additionalProperties;
      if (rule === false)
        problems.push({ field: `${field}.${key}`, rule: "is not a documented field" });
      else if (rule !== undefined) problems.push(...checkRules(item, rule, `${field}.${key}`));
    }
  }
  for (const [keyword, alternatives] of [
    ["anyOf", rules.anyOf],
    ["oneOf", rules.oneOf],
  ] as const) {
    if (!alternatives) continue;
    const passing = alternatives.filter((alt) => checkRules(value, alt, field).length === 0).length;
    if (passing === 0) problem("does not match any documented form");
    else if (keyword === "oneOf" && passing > 1) problem("matches more than one documented form");
  }
  if (rules.not !== undefined && checkRules(value, rules.not, field).length === 0)
    problem("is a form the vendor does not accept");
  return problems;
}
