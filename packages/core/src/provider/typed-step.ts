import type { ParamsOption, RequestBodyOption } from "openapi-fetch";
import type { RequestStep } from "./request-step.js";

/** The HTTP methods a step may use. */
type StepMethod = "get" | "post" | "patch" | "put" | "delete";

type StepOf<Path extends string, Method extends StepMethod, Operation> = RequestStep & {
  method: Uppercase<Method>;
  path: Path;
} & ParamsOption<Operation> &
  RequestBodyOption<Operation>;

type StepsOfPath<Path extends string, Item> = {
  [Method in StepMethod & keyof Item]: [Item[Method]] extends [never | undefined]
    ? never
    : StepOf<Path, Method, Item[Method]>;
}[StepMethod & keyof Item];

/**
 * One request step checked against a vendor's generated `paths`: a path the spec lacks, a
 * method the path does not take, a missing required parameter or a body field the schema does
 * not declare is a compile error. It is a `RequestStep`, so core sends and plans it.
 */
export type TypedStep<Paths> = {
  [Path in keyof Paths & string]: StepsOfPath<Path, Paths[Path]>;
}[keyof Paths & string];
