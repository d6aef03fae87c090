// Type tests, checked by `pnpm typecheck` (tsc): a step the spec does not allow must not compile.
import type { AlturStep } from "./convert-to-altur-steps.js";

const facts = { operationId: "x", idempotent: true, purpose: "test" } as const;

export const valid: AlturStep[] = [
  { ...facts, method: "GET", path: "/campaigns/{id}", params: { path: { id: 1 } } },
  {
    ...facts,
    method: "PATCH",
    path: "/campaigns/{id}",
    params: { path: { id: 1 } },
    body: { retries: 2 },
  },
];

// @ts-expect-error: the spec has no /campaign/{id} path
export const wrongPath: AlturStep = { ...facts, method: "GET", path: "/campaign/{id}" };

export const wrongMethod: AlturStep = {
  ...facts,
  // @ts-expect-error: a campaign is not deleted
  method: "DELETE",
  path: "/campaigns/{id}",
  params: { path: { id: 1 } },
};

export const wrongBodyField: AlturStep = {
  ...facts,
  method: "PATCH",
  path: "/campaigns/{id}",
  params: { path: { id: 1 } },
  // @ts-expect-error: the PATCH body has no `colour`
  body: { colour: "blue" },
};

// @ts-expect-error: the path parameter is required
export const missingId: AlturStep = { ...facts, method: "GET", path: "/campaigns/{id}" };
