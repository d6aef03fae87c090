import type { ConfigFile } from "./config.js";

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Every credential the environment (`CAMPAIGNKIT_<VENDOR>_API_KEY` and each named account's
 * `CAMPAIGNKIT_<VENDOR>_<ACCOUNT>_API_KEY`) and the config file (every account's) hold: never
 * to be printed.
 */
export function secretsOf(env: Env, file: ConfigFile | undefined): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (/^CAMPAIGNKIT_.*_API_KEY$/.test(name) && value) secrets.add(value);
  }
  for (const settings of Object.values(file?.vendors ?? {})) {
    if (settings?.apiKey) secrets.add(settings.apiKey);
  }
  for (const named of Object.values(file?.accounts ?? {})) {
    for (const settings of Object.values(named?.accounts ?? {})) {
      if (settings.apiKey) secrets.add(settings.apiKey);
    }
  }
  return [...secrets];
}

/** Where a named account's key came from, for the hint of a refused key. */
export interface KeySource {
  account: string;
  variable: string;
  entry: string;
}

const KEY_SOURCES = new WeakMap<object, KeySource>();

/** Marks an error as met with a named account's key (then a refusal's hint names that account). */
export function tagKeySource(error: unknown, source: KeySource | undefined): unknown {
  if (source && typeof error === "object" && error !== null) KEY_SOURCES.set(error, source);
  return error;
}

/** The named account whose key an error was met with, if `tagKeySource` marked it. */
export function keySourceTagOf(error: unknown): KeySource | undefined {
  return typeof error === "object" && error !== null ? KEY_SOURCES.get(error) : undefined;
}
