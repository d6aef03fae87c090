import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAltur } from "@campaignkit/altur";
import { createAsisso } from "@campaignkit/asisso";
import { type Sandbox, startSandbox } from "@campaignkit/sandbox";
import { verifyWebhook, type WatchEvent } from "@campaignkit/watch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BIN, cleanEnv, leaks, runCli, sandboxEnv } from "./test-support/spawn-cli.js";

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(join(tmpdir(), "campaignkit-watch-cli-"));
let states = 0;
const state = () => join(dir, `state-${++states}.sqlite`);
// 32 random bytes, for these tests only; it must never be printed or stored.
const WEBHOOK_SECRET = "whsec_Qm9uZUd1YXJkUm9zZVRlc3RTZWNyZXQxMjM0NTY3OA==";

beforeAll(async () => {
  sandbox = await startSandbox({ vendors: ["altur", "asisso"] });
  env = cleanEnv({ ...sandboxEnv(sandbox), HOOK_SECRET: WEBHOOK_SECRET });
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Wakes every `until` when something outside the child moves (a webhook arrives). */
const pokes = new Set<() => void>();
const poke = () => {
  for (const wake of pokes) wake();
};
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill("SIGKILL");
});

/** The binary, its stdout lines and stderr as they come. */
function watching(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, "watch", ...args], {
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let stdout = "";
  let stderr = "";
  const changed: (() => void)[] = [];
  const notify = () => {
    for (const wake of changed.splice(0)) wake();
  };
  pokes.add(notify);
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    notify();
  });
  const exit = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      running.delete(child);
      pokes.delete(notify);
      notify();
      resolve(code);
    }),
  );
  const until = async (test: () => boolean) => {
    while (!test()) {
      if (child.exitCode !== null) throw new Error(`watch exited ${child.exitCode}: ${stderr}`);
      await new Promise<void>((resolve) => changed.push(resolve));
    }
  };
  return {
    child,
    exit,
    stdout: () => stdout,
    stderr: () => stderr,
    lines: () => stdout.split("\n").filter(Boolean),
    events: () =>
      stdout
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as WatchEvent),
    /** Resolves once the first poll round (the baseline) is done. */
    started: () => until(() => stderr.includes("first round:")),
    until,
  };
}

describe("campaignkit watch", () => {
  it("prints a baseline summary, then one JSON line per change, and stops on SIGINT with 0", async () => {
    const watch = watching([
      "--vendor",
      "altur",
      "--vendor",
      "asisso",
      "--interval",
      "1s",
      "--json",
      "--state",
      state(),
    ]);
    await watch.started();
    expect(watch.stderr()).toMatch(/first round: altur 6 \(complete\), asisso 3 \(complete\)/);
    await createAltur(sandbox.vendors.altur).pauseCampaign("1234");
    await createAsisso(sandbox.vendors.asisso).updateCampaign("123", {
      name: "Lead reactivation 2",
    });
    await watch.until(() => watch.lines().length >= 2);
    watch.child.kill("SIGINT");
    expect(await watch.exit).toBe(0);
    const events = watch.events();
    expect(
      events.map((e) => [e.type, e.vendor, "campaignId" in e ? e.campaignId : ""]).sort(),
    ).toEqual([
      ["campaign.status_changed", "altur", "1234"],
      ["campaign.updated", "asisso", "123"],
    ]);
    expect(events.find((e) => e.type === "campaign.status_changed")).toMatchObject({
      from: "active",
      to: "paused",
    });
    expect(leaks([watch.stdout(), watch.stderr()])).toEqual([]);
  });

  it("prints one line per event for people, with the state file in the XDG data directory", async () => {
    const xdg = join(dir, "xdg");
    const watch = watching(["--vendor", "altur", "--interval", "1s"], { XDG_DATA_HOME: xdg });
    await watch.started();
    await createAltur(sandbox.vendors.altur).pauseCampaign("1234");
    await watch.until(() => watch.lines().length >= 1);
    watch.child.kill("SIGTERM");
    expect(await watch.exit).toBe(0);
    expect(watch.lines()).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}altur 1234 {2}status active → paused$/,
      ),
    ]);
    expect(existsSync(join(xdg, "campaignkit", "watch.sqlite"))).toBe(true);
  });

  it("delivers signed webhooks, again with the same id after a SIGKILL mid-delivery, never printing the secret", async () => {
    const bodies: { headers: IncomingMessage["headers"]; body: string }[] = [];
    let hang = true;
    const hanging: ServerResponse[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        bodies.push({ headers: request.headers, body });
        poke();
        if (hang) hanging.push(response);
        else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const path = state();
    const args = [
      "--vendor",
      "altur",
      "--interval",
      "1s",
      "--json",
      "--state",
      path,
      "--webhook",
      url,
      "--webhook-secret-env",
      "HOOK_SECRET",
    ];
    try {
      const first = watching(args);
      await first.started();
      await createAltur(sandbox.vendors.altur).pauseCampaign("1234");
      await first.until(() => bodies.length >= 1);
      first.child.kill("SIGKILL"); // the receiver has the event but has not answered
      await first.exit;

      hang = false;
      const second = watching(args);
      await second.until(() => bodies.length >= 2);
      await second.started();
      second.child.kill("SIGINT");
      expect(await second.exit).toBe(0);

      const [sent, resent] = bodies;
      expect(resent?.headers["webhook-id"]).toBe(sent?.headers["webhook-id"]);
      expect(bodies).toHaveLength(2);
      const event = verifyWebhook(
        WEBHOOK_SECRET,
        resent?.headers as Record<string, string>,
        resent?.body ?? "",
      );
      expect(event).toMatchObject({
        type: "campaign.status_changed",
        campaignId: "1234",
        to: "paused",
      });
      const printed = [first.stdout(), first.stderr(), second.stdout(), second.stderr()].join("\n");
      expect(printed).not.toContain(WEBHOOK_SECRET.slice(6, 30));
      expect(readFileSync(path).includes(WEBHOOK_SECRET.slice(6, 30))).toBe(false);
      expect(leaks([printed])).toEqual([]);
    } finally {
      for (const response of hanging) response.destroy();
      server.close();
    }
  });

  it("catches the vendors acting on their own in `campaignkit sandbox --live`", async () => {
    const live = spawn(process.execPath, [BIN, "sandbox", "--live", "--json"], {
      env: cleanEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(live);
    try {
      let liveOut = "";
      let liveErr = "";
      live.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        liveOut += chunk;
        poke();
      });
      live.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
        liveErr += chunk;
        poke();
      });
      await new Promise<void>((resolve) => {
        const check = () => {
          if (!liveOut.includes("\n")) return;
          pokes.delete(check);
          resolve();
        };
        pokes.add(check);
        check();
      });
      const info = JSON.parse(liveOut.split("\n")[0] ?? "{}") as { env: Record<string, string> };
      const watch = watching(
        [
          "--vendor",
          "asisso",
          "--vendor",
          "altur",
          "--vendor",
          "velip",
          "--interval",
          "1s",
          "--json",
          "--state",
          state(),
        ],
        cleanEnv(info.env),
      );
      await watch.started();
      const played = () =>
        [...liveErr.matchAll(/^live: (\w+) campaign (\d+): \w+$/gm)].map((m) => `${m[1]} ${m[2]}`);
      await watch.until(() =>
        watch
          .events()
          .some((e) => "campaignId" in e && played().includes(`${e.vendor} ${e.campaignId}`)),
      );
      watch.child.kill("SIGINT");
      expect(await watch.exit).toBe(0);
    } finally {
      live.kill("SIGINT");
    }
  });

  it.each([
    [["--interval", "500ms"], 2, "--interval"],
    [["--interval", "0s"], 2, "--interval"],
    [["--vendor", "nope"], 2, "--vendor"],
    [["--webhook", "https://example.com/h"], 2, "--webhook-secret-env"],
    [["--webhook", "https://example.com/h", "--webhook-secret-env", "UNSET_VAR"], 3, "UNSET_VAR"],
    [["--webhook", "http://example.com/h", "--webhook-secret-env", "HOOK_SECRET"], 1, "webhook"],
    [["--webhook-secret", WEBHOOK_SECRET], 2, "webhook-secret"],
  ])("refuses %j with exit %i before watching", async (args, code, mention) => {
    const result = await runCli(["watch", "--vendor", "altur", "--state", state(), ...args], {
      env,
    });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(mention);
    expect(`${result.stdout}${result.stderr}`).not.toContain(WEBHOOK_SECRET.slice(6, 30));
    expect(sandbox.requests("altur")).toEqual([]);
  });

  it("says so when no vendor has a key", async () => {
    const result = await runCli(["watch", "--state", state()], { env: cleanEnv() });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("no vendor has an API key");
  });
});
