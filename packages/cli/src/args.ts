import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { UsageError } from "./exit-codes.js";

/** `node:util` parseArgs, strict, with its errors turned into usage errors (exit 2). */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split(". ")[0]}`);
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
