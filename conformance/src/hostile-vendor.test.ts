import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { HostileAttack } from "./hostile/attack.ts";
import { closeContext } from "./hostile/context.ts";
import { CREDENTIAL_ATTACKS } from "./hostile/credential-attacks.ts";
import { ECHO_ATTACKS } from "./hostile/echo-attacks.ts";
import { REDIRECT_ATTACKS } from "./hostile/redirect-attacks.ts";
import { TRANSPORT_ATTACKS } from "./hostile/transport-attacks.ts";
import { VENDORS } from "./vendors.ts";

/** Every attack table of the suite; each class of attack lives in its own module. */
const ATTACKS: readonly HostileAttack[] = [
  ...REDIRECT_ATTACKS,
  ...ECHO_ATTACKS,
  ...TRANSPORT_ATTACKS,
  ...CREDENTIAL_ATTACKS,
];

const results: { class: string; attack: string; vendor: string; held: boolean }[] = [];

afterAll(async () => {
  await closeContext();
  const dir = join(import.meta.dirname, "..", "report");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "hostile.json"), `${JSON.stringify(results, null, 2)}\n`);
});

/** The vendors an attack runs against. */
const targetsOf = (attack: HostileAttack) =>
  VENDORS.filter((v) => !attack.vendors || attack.vendors.includes(v.id));

for (const attack of ATTACKS) {
  const targets = targetsOf(attack);
  describe(`${attack.class}: ${attack.name}`, () => {
    it.each(targets.map((v) => [v.id, v] as const))(
      "%s",
      { timeout: 60_000 },
      async (_, vendor) => {
        const record = { class: attack.class, attack: attack.name, vendor: vendor.id, held: false };
        results.push(record);
        await attack.run(vendor);
        record.held = true;
      },
    );
  });
}

/** The classes of issue "1 of 6" whose attack tables have landed: each must keep its attacks. */
const REQUIRED_CLASSES: readonly string[] = ["redirect", "echo", "transport", "credential"];

it("the suite keeps an attack of every class it covers", () => {
  const classes = new Set(ATTACKS.map((attack) => attack.class));
  for (const expected of REQUIRED_CLASSES) {
    if (!classes.has(expected))
      throw new Error(`no ${expected} attack in the hostile-vendor suite`);
  }
});

it("docs/reliability.md gives the figures this suite runs (attacks, runs and held, per class)", () => {
  const docs = readFileSync(
    join(import.meta.dirname, "..", "..", "docs", "reliability.md"),
    "utf8",
  );
  const runs = ATTACKS.reduce((sum, attack) => sum + targetsOf(attack).length, 0);
  expect(docs).toContain(
    `### Hostile vendors: ${ATTACKS.length} attacks, ${runs} of ${runs} attack runs held`,
  );
  for (const name of new Set(ATTACKS.map((attack) => attack.class))) {
    const mine = ATTACKS.filter((attack) => attack.class === name);
    const mineRuns = mine.reduce((sum, attack) => sum + targetsOf(attack).length, 0);
    expect(docs).toMatch(
      new RegExp(
        `^\\| ${name} \\(\`hostile/${name}-attacks\\.ts\`\\) \\| ${mine.length} \\| ${mineRuns} \\| ${mineRuns} \\|`,
        "m",
      ),
    );
  }
  const credentialRuns = ATTACKS.filter((attack) => attack.class === "credential").reduce(
    (sum, attack) => sum + targetsOf(attack).length,
    0,
  );
  expect(docs).toContain(
    `### Refused credentials: ${credentialRuns} of ${credentialRuns} attack runs held`,
  );
});
