import type { ConfigFile } from "./config.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** Every credential the environment and the config file hold: never to be printed. */
export function secretsOf(env: Env, file: ConfigFile | undefined): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (/^CAMPAIGNKIT_.*_API_KEY$/.test(name) && value) secrets.add(value);
  }
  for (const settings of Object.values(file?.vendors ?? {})) {
    if (settings?.apiKey) secrets.add(settings.apiKey);
  }
  return [...secrets];
}
