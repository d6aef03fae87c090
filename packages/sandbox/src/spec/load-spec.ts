import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/**
 * The specs this package ships: `specs/` beside `src/` and `dist/`, copied from the
 * repository's `specs/` by the build (scripts/copy-specs.mjs).
 */
export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "specs");

/** Any JSON value, as a spec document holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** A vendor's OpenAPI spec, read from `specs/` with every local `$ref` inlined. */
export interface LoadedSpec {
  vendor: string;
  file: string;
  /** The document with every local `$ref` replaced by its target. */
  document: JsonObject;
}

/** `velip.openapi.yaml` → `velip`, for every spec in specs/. */
export function listSpecVendors(specsDir = SPECS_DIR): string[] {
  return readdirSync(specsDir)
    .filter((name) => name.endsWith(".openapi.yaml"))
    .map((name) => name.replace(/\.openapi\.yaml$/, ""))
    .sort();
}

/** Reads `<vendor>.openapi.yaml` from `specsDir` and inlines its local `$ref`s. */
export function loadSpec(vendor: string, specsDir = SPECS_DIR): LoadedSpec {
  const file = join(specsDir, `${vendor}.openapi.yaml`);
  const raw = parse(readFileSync(file, "utf8")) as JsonObject;
  return { vendor, file, document: dereference(raw) as JsonObject };
}

function resolvePointer(root: Json, ref: string): Json {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: Json = root;
  for (const token of ref.slice(2).split("/")) {
    const key = token.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in node)) {
      throw new Error(`unresolvable $ref ${ref}`);
    }
    node = (node as JsonObject)[key] as Json;
  }
  return node;
}

/** Inlines local `$ref`s (siblings of a `$ref` win over the target's keys). Refuses cycles. */
export function dereference(root: Json): Json {
  const visit = (node: Json, trail: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => visit(item, trail));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...siblings } = node;
    if (typeof $ref === "string") {
      if (trail.includes($ref)) throw new Error(`circular $ref ${$ref}`);
      const target = visit(resolvePointer(root, $ref), [...trail, $ref]);
      const extra = visit(siblings, trail) as JsonObject;
      return typeof target === "object" && target !== null && !Array.isArray(target)
        ? { ...target, ...extra }
        : target;
    }
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, visit(value, trail)]),
    );
  };
  return visit(root, []);
}
