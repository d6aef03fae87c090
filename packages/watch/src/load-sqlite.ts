import { createRequire } from "node:module";

type Sqlite = typeof import("node:sqlite");

let sqlite: Sqlite | undefined;

/**
 * `node:sqlite`, loaded on first use. Node versions where it is still experimental print an
 * ExperimentalWarning when it loads; the watcher relies on it knowingly, so that one warning is
 * kept off the user's terminal (every other warning passes).
 */
export function loadSqlite(): Sqlite {
  if (sqlite) return sqlite;
  const emitWarning = process.emitWarning;
  process.emitWarning = function quiet(this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    const first = rest[0];
    const type = typeof first === "string" ? first : (first as { type?: string } | undefined)?.type;
    if (type === "ExperimentalWarning" && /sqlite/i.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    sqlite = createRequire(import.meta.url)("node:sqlite") as Sqlite;
    return sqlite;
  } finally {
    process.emitWarning = emitWarning;
  }
}
