import { CampaignkitError } from "../errors.js";

/** One vendor answer, as a credential-refusal rule reads it. */
export interface VendorAnswer {
  /**
   * The spec operation the request was for, when the call came through a provider step
   * (`RequestPolicy.operationId`); `undefined` for a call made on the typed client directly.
   */
  operationId: string | undefined;
  httpStatus: number;
  /** The body: parsed JSON when it parses, else the text (`""` when there is none). */
  body: unknown;
}

/** A vendor's verdict that an answer refuses the credential itself. */
export interface CredentialRefusal {
  /** The vendor's own code for the refusal, when it has one (Velip's `"131"`). */
  vendorCode?: string | number;
  /** What the refusal means for the caller, in a sentence: "Velip banned this IP permanently; …". */
  meaning: string;
}

/**
 * Whether an answer says the vendor refused the credential itself (a bad, revoked, locked or
 * banned one), as opposed to an answer about a permission or the account's setup. Each vendor
 * package declares one on its `VendorDescriptor` and its error decoder uses the same one.
 */
export type CredentialRefusalRule = (answer: VendorAnswer) => CredentialRefusal | undefined;

/** The rule of a vendor that declares none: an HTTP 401 refuses the credential. */
export const refusedOn401: CredentialRefusalRule = ({ httpStatus }) =>
  httpStatus === 401 ? { meaning: "the vendor does not accept this credential" } : undefined;

/**
 * What one answer says about the credential: `refused`, `accepted` (the vendor judged the
 * request past its credential: any other answer under 500 but 408 and 429), or nothing
 * (`none`: 5xx, 408, 429, no answer at all).
 */
export type CredentialVerdict =
  | { kind: "refused"; refusal: CredentialRefusal; httpStatus: number }
  | { kind: "accepted" }
  | { kind: "none" };

export function verdictOf(rule: CredentialRefusalRule, answer: VendorAnswer): CredentialVerdict {
  const refusal = rule(answer);
  if (refusal) return { kind: "refused", refusal, httpStatus: answer.httpStatus };
  const { httpStatus } = answer;
  return httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429
    ? { kind: "accepted" }
    : { kind: "none" };
}

/** A turn to send one request with the credential; settle it with what the answer said. */
export interface CredentialPermit {
  /** The first call wins; later ones are ignored. */
  settle(verdict: CredentialVerdict): void;
}

function waitForWake(wakers: Set<() => void>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const wake = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    const onAbort = () => {
      wakers.delete(wake);
      reject(signal?.reason);
    };
    wakers.add(wake);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

interface LatchedRefusal {
  refusal: CredentialRefusal;
  httpStatus: number;
}

/**
 * The state of one vendor credential in this process, shared by every client built with it:
 * unproven (one request at a time: the probe), accepted (no limit), or refused (latched:
 * nothing is sent until `resetCredentialGuard`).
 */
export class CredentialGate {
  readonly vendor: string;
  #state: "unproven" | "accepted" | "refused" = "unproven";
  #probing = false;
  #refusal: LatchedRefusal | undefined;
  readonly #wakers = new Set<() => void>();
  /** Called once when the gate latches (the table keeps recent refusals alive). */
  onRefused: ((gate: CredentialGate) => void) | undefined;

  constructor(vendor: string) {
    this.vendor = vendor;
  }

  get state(): "unproven" | "accepted" | "refused" {
    return this.#state;
  }

  /**
   * Waits for a turn: at once when the credential is accepted; one at a time (the others wait
   * for the answer) while it is unproven; never when it is refused: that throws the latched
   * `AUTH` error, and nothing is sent. A `signal` abort ends the wait with its reason.
   */
  async admit(signal?: AbortSignal): Promise<CredentialPermit> {
    for (;;) {
      if (this.#state === "refused") throw this.#latchedError();
      if (this.#state === "accepted") return this.#permit(false);
      if (!this.#probing) {
        this.#probing = true;
        return this.#permit(true);
      }
      await waitForWake(this.#wakers, signal);
    }
  }

  /** Back to unproven: the next call probes again. */
  reset(): void {
    this.#state = "unproven";
    this.#refusal = undefined;
    this.#wakeAll();
  }

  #permit(probe: boolean): CredentialPermit {
    let settled = false;
    return {
      settle: (verdict) => {
        if (settled) return;
        settled = true;
        if (probe) this.#probing = false;
        if (verdict.kind === "refused") {
          const first = this.#state !== "refused";
          this.#state = "refused";
          this.#refusal = { refusal: verdict.refusal, httpStatus: verdict.httpStatus };
          if (first) this.onRefused?.(this);
        } else if (verdict.kind === "accepted" && this.#state === "unproven") {
          this.#state = "accepted";
        }
        if (probe || verdict.kind === "refused") this.#wakeAll();
      },
    };
  }

  #wakeAll(): void {
    const wakers = [...this.#wakers];
    this.#wakers.clear();
    for (const wake of wakers) wake();
  }

  #latchedError(): CampaignkitError {
    const { refusal, httpStatus } = this.#refusal as LatchedRefusal;
    const code = refusal.vendorCode === undefined ? "" : `, code ${refusal.vendorCode}`;
    return new CampaignkitError({
      code: "AUTH",
      vendor: this.vendor,
      httpStatus,
      vendorCode: refusal.vendorCode,
      retryable: false,
      details: { credentialRefused: true, latched: true, meaning: refusal.meaning },
      message:
        `${this.vendor}: not sent: ${this.vendor} refused this credential earlier in this process ` +
        `(HTTP ${httpStatus}${code}): ${refusal.meaning}. Nothing more is sent with it until ` +
        "resetCredentialGuard() is called for it or a client is built with another key",
    });
  }
}

/** 53-bit cyrb53: gates are shared per credential without keeping the credential as a map key. */
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** How many refused gates are kept after their last client is gone. */
export const KEPT_REFUSALS = 32;

/**
 * The table of gates. It holds each gate weakly: a gate lives as long as a client built with
 * its credential is reachable (each client holds its gate; a call in flight holds its client),
 * so a latched refusal is never forgotten while a client of it is alive. A gate no client holds
 * is idle and goes with the garbage collector, except the `KEPT_REFUSALS` most recent refusals,
 * held strongly, so that a caller who builds a new client per call does not probe a refused
 * key again.
 */
const gates = new Map<string, WeakRef<CredentialGate>>();
const recentRefusals: CredentialGate[] = [];
const forget = new FinalizationRegistry<string>((key) => {
  if (gates.get(key)?.deref() === undefined) gates.delete(key);
});

function keyOf(vendor: string, apiKey: string): string {
  return `${vendor}:${fingerprint(apiKey)}:${apiKey.length}`;
}

function keepRefusal(gate: CredentialGate): void {
  const index = recentRefusals.indexOf(gate);
  if (index >= 0) recentRefusals.splice(index, 1);
  recentRefusals.push(gate);
  if (recentRefusals.length > KEPT_REFUSALS) recentRefusals.shift();
}

/** The one gate of a vendor credential, shared by every client built with it. */
export function credentialGateFor(vendor: string, apiKey: string): CredentialGate {
  const key = keyOf(vendor, apiKey);
  const existing = gates.get(key)?.deref();
  if (existing) return existing;
  const gate = new CredentialGate(vendor);
  gate.onRefused = keepRefusal;
  gates.set(key, new WeakRef(gate));
  forget.register(gate, key);
  return gate;
}

/**
 * Forgets that `vendor` refused `apiKey` in this process: the next call with it is sent again
 * (one at a time until the vendor accepts it). Call it once the cause is fixed (a key
 * reactivated, Velip's support lifting a ban). Returns whether the credential was refused.
 */
export function resetCredentialGuard(vendor: string, apiKey: string): boolean {
  const gate = gates.get(keyOf(vendor, apiKey))?.deref();
  if (!gate) return false;
  const wasRefused = gate.state === "refused";
  gate.reset();
  const index = recentRefusals.indexOf(gate);
  if (index >= 0) recentRefusals.splice(index, 1);
  return wasRefused;
}

/** How many gates the table holds (live ones only): for tests of its bound. */
export function credentialGateCount(): number {
  for (const [key, ref] of gates) if (ref.deref() === undefined) gates.delete(key);
  return gates.size;
}
