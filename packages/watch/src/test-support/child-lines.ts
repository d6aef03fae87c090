import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A child process and the JSON lines it prints, read as they come. */
export function spawnLines(script: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: unknown[] = [];
  let stderr = "";
  let waiter: (() => void) | undefined;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    lines.push(JSON.parse(line));
    waiter?.();
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    stderr: () => stderr,
    /** Resolves with the first line (from `from` on) that passes `test`. */
    async waitFor<T>(test: (line: unknown) => line is T, from = 0): Promise<T> {
      for (;;) {
        const found = lines.slice(from).find(test);
        if (found) return found;
        if (child.exitCode !== null) throw new Error(`child exited: ${stderr}`);
        await new Promise<void>((resolve) => {
          waiter = resolve;
          child.once("exit", () => resolve());
        });
      }
    },
  };
}
