import { createRequire } from "node:module";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { FormatsPlugin } from "ajv-formats";
import type { Json } from "./load-spec.js";

// ajv-formats is CommonJS, whose `module.exports` is the plugin: `require` gives it as it is,
// where an ESM default import would give the module object under Node's loader.
const addFormats: FormatsPlugin = createRequire(import.meta.url)("ajv-formats");

/** A JSON Schema 2020-12 validator for the (dereferenced) schemas of an OpenAPI 3.1 document. */
export class SchemaValidator {
  readonly #ajv: Ajv2020;
  readonly #cache = new Map<Json, ValidateFunction>();

  constructor() {
    // OpenAPI adds keywords of its own (`example`, `discriminator`, `x-…`): not strict.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
  }

  /** Returns a list of readable problems; empty when `value` is valid. */
  validate(schema: Json | undefined, value: unknown): string[] {
    if (schema === undefined || schema === null) return [];
    let validate = this.#cache.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(schema as object);
      this.#cache.set(schema, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(describeError);
  }
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || "(root)"} ${error.message ?? "is invalid"} ${JSON.stringify(error.params)}`;
}
