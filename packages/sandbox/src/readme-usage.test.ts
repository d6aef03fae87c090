// The vitest usage of README.md, verbatim (only the import of the sandbox is local).
import { readFileSync } from "node:fs";
import { createAltur } from "@campaignkit/altur";
import { afterAll, beforeEach, expect, it } from "vitest";
import { startSandbox } from "./index.js";

const sandbox = await startSandbox();
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

it("pauses a campaign", async () => {
  const altur = createAltur(sandbox.vendors.altur);
  await altur.pauseCampaign("1234");
  expect((await altur.getCampaign("1234")).status).toBe("paused");
});

it("runs the README's example, line for line", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /## In a vitest suite[^\n]*\n+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const here = readFileSync(new URL(import.meta.url), "utf8").split("\n");
  const lines = block.split("\n").filter((line) => line.trim() !== "");
  expect(lines.length).toBeGreaterThan(8);
  for (const line of lines) {
    const local = line.replace('from "@campaignkit/sandbox"', 'from "./index.js"');
    expect(here, line).toContain(local);
  }
});

it("starts from the seed again after reset", async () => {
  expect((await createAltur(sandbox.vendors.altur).getCampaign("1234")).status).toBe("active");
});
