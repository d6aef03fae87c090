// End to end in a real browser: Debian's chromium, driven by playwright-core, against the real
// `campaignkit board` binary on a sandbox this test controls. Every action is done with the
// keyboard only; axe-core audits the page (and its dialogs) in the same run. Screenshots of each
// step go to test-artifacts/board/ (not committed).
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SANDBOX_VENDORS, type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanEnv,
  leaks,
  type RunResult,
  runCli,
  sandboxEnv,
  startCli,
} from "./test-support/spawn-cli.js";

const CHROMIUM = process.env.CAMPAIGNKIT_CHROMIUM ?? "/usr/bin/chromium";
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-artifacts", "board");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** How long a live change may take to show: a poll round is 1 s; CI machines are slow. */
const LIVE = 20_000;

let sandbox: Sandbox;
let browser: Browser;
let page: Page;
let board: { child: ChildProcess; done: Promise<RunResult> };
let loginUrl = "";
let baseUrl = "";
let env: NodeJS.ProcessEnv;

const shot = (name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** axe-core in the page: the serious and critical violations (none expected). */
async function audit(): Promise<string[]> {
  await page.evaluate(AXE); // evaluated by the driver, so the page's CSP needs no exception
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(", ")}`);
}

/** Presses Tab until the focused element matches `selector` (keyboard only; at most 200 presses). */
async function tabTo(selector: string, shift = false): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function filterTo(text: string): Promise<void> {
  await tabTo("#filter");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
}

const row = (vendor: string, id: string) => page.locator(`tr[data-campaign="${vendor}/${id}"]`);
const wireOf = <T>(vendor: "altur" | "asisso" | "velip" | "voxo", id: number) =>
  (sandbox.campaigns(vendor) as (T & { id: number })[]).find((c) => c.id === id);

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium; .ci/run does) or set CAMPAIGNKIT_CHROMIUM`,
    );
  mkdirSync(ARTIFACTS, { recursive: true });
  sandbox = await startSandbox();
  env = cleanEnv(sandboxEnv(sandbox));
  board = startCli(["board", "--port", "0", "--interval", "1s"], { env });
  loginUrl = await new Promise<string>((resolve, reject) => {
    let text = "";
    board.child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(text)?.[0];
      if (url) resolve(url);
    });
    board.done.then((r) => reject(new Error(`board exited ${r.code}: ${r.stderr}`)));
  });
  baseUrl = loginUrl.replace(/\?token=.*$/, "");
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  board?.child.kill("SIGINT");
  const result = await board?.done;
  await sandbox?.close();
  expect(result?.code).toBe(0);
  expect(leaks()).toEqual([]);
});

describe("campaignkit board in Chromium", () => {
  it("refuses a request without the token", async () => {
    const answer = await page.goto(baseUrl);
    expect(answer?.status()).toBe(401);
    await expect(page.locator("body").textContent()).resolves.toContain("No board session");
    await shot("01-refused-without-token");
    const api = await fetch(`${baseUrl}api/campaigns`);
    expect(api.status).toBe(401);
  });

  it("loads on the sandbox, the token gone from the URL, with every vendor", async () => {
    await page.goto(loginUrl);
    expect(page.url()).toBe(baseUrl);
    for (const vendor of SANDBOX_VENDORS)
      await page.locator(`tr[data-campaign^="${vendor}/"]`).first().waitFor({ timeout: LIVE });
    await page.locator('#health li[data-vendor="voxo"]', { hasText: "campaigns" }).waitFor();
    await expect(page.locator("#health li").count()).resolves.toBe(SANDBOX_VENDORS.length);
    await expect(row("altur", "1237").textContent()).resolves.toContain("paused (inactive)");
    await shot("02-loaded");
    expect(await audit()).toEqual([]);
  });

  it("pauses a campaign from the page, keyboard only, after showing the plan", async () => {
    await filterTo("altur 1234");
    await expect(page.locator("tbody tr").count()).resolves.toBe(1);
    await tabTo('button[aria-label^="Pause altur campaign 1234"]');
    await page.keyboard.press("Enter");
    const dialog = page.locator("#confirm-dialog");
    await dialog.waitFor();
    await expect(page.locator("#plan").textContent()).resolves.toContain("/campaigns/1234/pause");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("confirm-send");
    expect(await audit()).toEqual([]);
    await shot("03-pause-plan");
    expect(wireOf<{ status: string }>("altur", 1234)?.status).toBe("active"); // nothing sent yet
    await page.keyboard.press("Enter");
    await page.locator('#confirm-result [data-result="ok"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("confirm-result");
    await expect(page.locator("#confirm-result").textContent()).resolves.toContain("is paused");
    await shot("04-pause-result");
    await tabTo("#confirm-cancel");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    // Focus comes back to the row's button, now Resume.
    await page.waitForFunction(() => document.activeElement?.closest("dialog") === null);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
      /^Resume altur campaign 1234/,
    );
    await expect(row("altur", "1234").locator("[data-status]").textContent()).resolves.toBe(
      "paused",
    );
    expect(wireOf<{ status: string }>("altur", 1234)?.status).toBe("inactive");
    await shot("05-paused");
  });

  it("shows a change made from the CLI, live", async () => {
    await filterTo("");
    const cli = await runCli(
      ["update", "--vendor", "velip", "987654", "--set", "name=Renamed from the CLI"],
      { env },
    );
    expect(cli.code).toBe(0);
    await row("velip", "987654")
      .filter({ hasText: "Renamed from the CLI" })
      .waitFor({ timeout: LIVE });
    await page
      .locator('#timeline li[data-vendor="velip"]', { hasText: "Renamed from the CLI" })
      .waitFor();
    await shot("06-cli-change-live");
  });

  it("shows a vendor acting on its own in the timeline, with its reason", async () => {
    const running = (sandbox.campaigns("asisso") as { id: number; state: string }[]).find(
      (c) => c.state === "running",
    );
    expect(running).toBeDefined();
    sandbox.act("asisso", String(running?.id), "autoPause");
    const entry = page.locator(
      '#timeline li[data-event="campaign.status_changed"][data-vendor="asisso"]',
    );
    await entry.first().waitFor({ timeout: LIVE });
    await expect(entry.first().textContent()).resolves.toContain("Reason: circuit_breaker_tripped");
    await expect(row("asisso", String(running?.id)).textContent()).resolves.toContain("paused");
    await shot("07-vendor-auto-pause");
    await page.screenshot({ path: join(ARTIFACTS, "readme.png") });
  });

  it("shows the field error of an invalid schedule, then applies a valid one (keyboard only)", async () => {
    await filterTo("voxo 123");
    await tabTo('button[aria-label^="Edit voxo campaign 123"]');
    await page.keyboard.press("Enter");
    await page.locator("#edit-dialog").waitFor();
    // The form offers only what VOXO takes: no redial fields.
    await expect(
      page
        .locator("#edit-fields [data-field]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-field"))),
    ).resolves.not.toContain("redial.maxRetries");
    // VOXO takes a time zone: the field suggests the browser's zones.
    await expect(
      page
        .locator("#timezones option")
        .evaluateAll((els) => els.map((e) => e.getAttribute("value"))),
    ).resolves.toContain("Europe/Lisbon");
    await tabTo("#field-schedule-callingHours");
    await page.keyboard.type("17:00-09:00");
    await page.keyboard.press("Enter");
    const error = page.locator("#field-schedule-callingHours-error");
    await page.waitForFunction(
      () => document.getElementById("field-schedule-callingHours-error")?.textContent !== "",
    );
    await expect(error.textContent()).resolves.toMatch(/after|end/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      "field-schedule-callingHours",
    );
    await expect(
      page.locator("#field-schedule-callingHours").getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    expect(await audit()).toEqual([]);
    await shot("08-field-error");

    await page.keyboard.press("Control+A");
    await page.keyboard.type("09:00-17:00");
    await page.keyboard.press("Enter");
    await page.locator("#confirm-dialog").waitFor();
    await expect(page.locator("#plan").textContent()).resolves.toContain("REDACTED");
    await page.keyboard.press("Enter"); // Send has the focus
    await page.locator('#confirm-result [data-result="ok"]').waitFor();
    await shot("09-edit-result");
    await page.keyboard.press("Escape");
    await page.locator("#confirm-dialog").waitFor({ state: "hidden" });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-key") === "voxo/123#edit",
    );
    await expect(row("voxo", "123").textContent()).resolves.toContain("09:00-17:00 daily");
  });

  it("sorts and filters with the keyboard", async () => {
    await filterTo("");
    await tabTo('th[data-sort="id"] button');
    await page.keyboard.press("Enter");
    await expect(page.locator('th[data-sort="id"]').getAttribute("aria-sort")).resolves.toBe(
      "ascending",
    );
    await page.keyboard.press("Enter");
    await expect(page.locator('th[data-sort="id"]').getAttribute("aria-sort")).resolves.toBe(
      "descending",
    );
    const ids = await page.locator("tbody tr td:nth-child(2)").allTextContents();
    expect(ids[0]).toBe("987655");
    await tabTo("#status-filter", true);
    await page.keyboard.type("paused");
    await expect(page.locator("#status-filter").inputValue()).resolves.toBe("paused");
    const statuses = await page.locator("tbody [data-status]").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["paused"]));
    await shot("10-sorted-filtered");
    expect(await audit()).toEqual([]);
  });
});
