import { SANDBOX_VENDORS } from "@campaignkit/sandbox";
import { describe, expect, it } from "vitest";
import { cleanEnv, leaks, runCli, startCli } from "./test-support/spawn-cli.js";

/** The stream's text until `done` holds (the stream is the board's own push, not a timer). */
async function streamUntil(url: string, cookie: string, done: (text: string) => boolean) {
  const response = await fetch(url, { headers: { Cookie: cookie } });
  const reader = response.body?.getReader();
  let text = "";
  const decoder = new TextDecoder();
  while (reader && !done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value);
  }
  await reader?.cancel();
  return text;
}

describe("campaignkit board --sandbox", () => {
  it("serves the five simulators with no account, and stops on SIGINT with 0", async () => {
    const board = startCli(["board", "--sandbox", "--port", "0"], { env: cleanEnv() });
    let stdout = "";
    const login = await new Promise<string>((resolve, reject) => {
      board.child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout)?.[0];
        if (url) resolve(url);
      });
      board.done.then((r) => reject(new Error(`board exited ${r.code}: ${r.stderr}`)));
    });
    const exchange = await fetch(login, { redirect: "manual" });
    expect(exchange.status).toBe(303);
    const cookie = (exchange.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const base = login.replace(/\?token=.*$/, "");
    const session = await (
      await fetch(`${base}api/session`, { headers: { Cookie: cookie } })
    ).json();
    expect(session).toMatchObject({ sandbox: true, interval: 1000 });
    const text = await streamUntil(
      `${base}api/stream`,
      cookie,
      (t) =>
        /event: health\ndata: .*/.test(t) &&
        !/event: health\ndata: [^\n]*"waiting"/.test(t.slice(t.lastIndexOf("event: health"))),
    );
    const last = text.slice(text.lastIndexOf("event: health"));
    for (const vendor of SANDBOX_VENDORS)
      expect(last).toContain(`"vendor":"${vendor}","displayName"`);
    expect(last).not.toContain('"outcome":"failed"');
    board.child.kill("SIGINT");
    const result = await board.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `sandbox: ${SANDBOX_VENDORS.length} vendor simulators on http://127.0.0.1:`,
    );
    expect(result.stderr).toContain("board stopped");
    expect(leaks([text])).toEqual([]);
  });

  it("refuses an account no vendor has, and says why", async () => {
    const other = await runCli(["board", "--sandbox", "--account", "acme"], { env: cleanEnv() });
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('no account "acme"');
    const help = await runCli(["board", "--help"], { env: cleanEnv() });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("one account per vendor on");
    expect(help.stdout).toContain("--sandbox");
  });
});
