import type { LineOutcome } from "./apply-engine.js";
import type { Output } from "./context.js";

const WIDTH = 30;
/** Redraws at most this often: a terminal cannot show more, and drawing costs. */
const REDRAW_MS = 100;

/**
 * `[#########---------------------] 31%  line 62000  applied 20  unchanged 5  rejected 5` on a
 * terminal's stderr, while the file is read, validated and sent (by bytes read: the number of
 * lines is not known before the end).
 */
export class ApplyProgress {
  #bytes = 0;
  #line = 0;
  #drawnAt = 0;
  readonly #counts = { applied: 0, unchanged: 0, rejected: 0, planned: 0, "not done": 0 };

  constructor(
    readonly output: Output,
    readonly totalBytes: number,
    readonly enabled: boolean,
    readonly dryRun: boolean,
  ) {}

  read(bytes: number): void {
    this.#bytes += bytes;
    this.#draw();
  }

  outcome(outcome: LineOutcome): void {
    this.#line = Math.max(this.#line, outcome.line);
    this.#counts[outcome.outcome === "pending" ? "not done" : outcome.outcome]++;
    this.#draw();
  }

  #draw(): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.#drawnAt < REDRAW_MS) return;
    this.#drawnAt = now;
    const share = this.totalBytes === 0 ? 1 : Math.min(1, this.#bytes / this.totalBytes);
    const filled = Math.round(share * WIDTH);
    const shown = this.dryRun
      ? (["planned", "rejected"] as const)
      : (["applied", "unchanged", "rejected", "not done"] as const);
    const counts = shown.map((name) => `${name} ${this.#counts[name]}`).join("  ");
    this.output.err(
      `\r[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%  line ${this.#line}  ${counts}`,
    );
  }

  clear(): void {
    if (this.enabled) this.output.err("\r\u001b[K");
  }
}
