import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { UsageError } from "./exit-codes.js";
import { didYouMean } from "./suggest.js";

/** `node:util` parseArgs, strict, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const unknown = /'(-[^']*)'/.exec(message)?.[1];
    const hint =
      code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown?.startsWith("--")
        ? didYouMean(
            unknown,
            Object.keys(options).map((name) => `--${name}`),
          )
        : "";
    throw new UsageError(`${command}: ${message.split(". ")[0]}${hint}`);
  }
}

/** A positive whole number option, or a usage error naming it. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--${name} must be a positive whole number, got "${value}"`);
  }
  return Number(value);
}
