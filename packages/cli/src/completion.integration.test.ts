import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support/spawn-cli.js";

/** What bash completes for `words`, with the script `campaignkit completion bash` prints. */
function bashCompletes(script: string, words: string[]): string[] {
  const line = words.map((word) => `'${word}'`).join(" ");
  const result = spawnSync(
    "bash",
    [
      "-c",
      `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _campaignkit; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: "utf8" },
  );
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split("\n").filter(Boolean);
}

describe("campaignkit completion", () => {
  it("prints a bash script that completes commands, options and vendors", async () => {
    const result = await runCli(["completion", "bash"]);
    expect(result.code, result.stderr).toBe(0);
    expect(bashCompletes(result.stdout, ["campaignkit", "ca"])).toEqual(["capabilities"]);
    expect(bashCompletes(result.stdout, ["campaignkit", "p"]).sort()).toEqual(["pause", "plan"]);
    expect(bashCompletes(result.stdout, ["campaignkit", "list", "--vendor", "v"]).sort()).toEqual([
      "velip",
      "voxo",
    ]);
    expect(bashCompletes(result.stdout, ["campaignkit", "apply", "--dry"])).toEqual(["--dry-run"]);
  });

  it("prints zsh and fish scripts naming the same commands", async () => {
    for (const shell of ["zsh", "fish"]) {
      const result = await runCli(["completion", shell]);
      expect(result.code, shell).toBe(0);
      for (const word of ["capabilities", "tour", "altur", "voxo"]) {
        expect(result.stdout, shell).toContain(word);
      }
    }
    const fish = await runCli(["completion", "fish"]);
    expect(fish.stdout).toContain("complete -c campaignkit -l dry-run");
  });

  it("exits 2 for a shell it does not know", async () => {
    const result = await runCli(["completion", "tcsh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("completion: name the shell: bash, zsh, fish");
  });
});
