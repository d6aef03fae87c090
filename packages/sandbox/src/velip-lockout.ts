import type { AuthAttempt } from "./simulator.js";

const TEN_MINUTES = 10 * 60_000;
const ONE_HOUR = 60 * 60_000;

/**
 * Velip's documented lockout rules (`authentication.md`, `errors.md`; vendor notes, both Velip
 * sections), for the one caller the sandbox sees (every request comes from 127.0.0.1):
 * - 15 "SID not found" (`102`) in 10 minutes put the IP on the permanent blacklist (`199`,
 *   "anti-probe");
 * - 100 failed authentications in an hour do too;
 * - 20 failed authentications in 10 minutes lock access from the IP (`131`);
 * - 5 attempts per user in 10 minutes lock that user (`132`).
 * "Permanent blacklist entries are removed only by the admin team": here, by `sandbox.reset()`.
 * Velip does not document how long `131` and `132` last: here, while the failures that caused them
 * are inside their 10-minute window. The 50-an-hour user/password rule is not simulated: the
 * campaign endpoints take tokens, not passwords.
 */
export const VELIP_LOCKOUT_RULES = {
  antiProbe: { failures: 15, windowMs: TEN_MINUTES },
  perHour: { failures: 100, windowMs: ONE_HOUR },
  ipTrials: { failures: 20, windowMs: TEN_MINUTES },
  userTrials: { failures: 5, windowMs: TEN_MINUTES },
} as const;

/**
 * How the sandbox tells the cases apart (Velip does not say which code a given wrong token gets):
 * a token whose first 10 characters are those of the account's token names that user's token
 * ("the first 10 characters identify the token"), so a wrong rest is a failed attempt for that
 * user: `100`. Any other token names no token: `102` "SID not found". No token at all: `100`.
 */
export const VELIP_USER_PREFIX_LENGTH = 10;

export type VelipAuthOutcome =
  | { ok: true }
  | { ok: false; code: "100" | "102" | "131" | "132" | "199"; status: string };

/** The token a Velip request presents: the Bearer header, else the body's `tsid`, else `sid`. */
export function velipTokenOf(attempt: AuthAttempt): string | undefined {
  const header = attempt.headers.get("authorization");
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length);
  const { tsid, sid } = attempt.body ?? {};
  if (typeof tsid === "string") return tsid;
  return typeof sid === "string" ? sid : undefined;
}

/** Where Velip's lockout rules stand for the sandbox's one caller (`Sandbox.lockout("velip")`). */
export interface VelipLockoutState {
  /** On the permanent blacklist: every request gets `199` until `reset()`. */
  banned: boolean;
  /** 20 failed authentications in the last 10 minutes: every request gets `131`. */
  ipLocked: boolean;
  /** Users (token prefixes) with 5 failed attempts in the last 10 minutes: `132` for them. */
  lockedUsers: number;
  /** Failed authentications of the IP in the last hour (100 of them ban it). */
  failedAuthentications: number;
}

export class VelipLockout {
  /** Every failed authentication of the IP, by time. */
  #failures: number[] = [];
  /** The "SID not found" ones. */
  #sidNotFound: number[] = [];
  /** Failed attempts per user (token prefix). */
  #userFailures = new Map<string, number[]>();
  #banned = false;

  /** The answer to one request that did or did not carry the account's token. */
  check(valid: boolean, now: number, attempt: AuthAttempt): VelipAuthOutcome {
    const within = (times: number[], windowMs: number) => times.filter((at) => now - at < windowMs);
    this.#failures = within(this.#failures, ONE_HOUR);
    this.#sidNotFound = within(this.#sidNotFound, TEN_MINUTES);
    const token = velipTokenOf(attempt);
    const user =
      token !== undefined &&
      token.slice(0, VELIP_USER_PREFIX_LENGTH) ===
        attempt.accepted.slice(0, VELIP_USER_PREFIX_LENGTH)
        ? token.slice(0, VELIP_USER_PREFIX_LENGTH)
        : undefined;
    const userFailures =
      user === undefined ? [] : within(this.#userFailures.get(user) ?? [], TEN_MINUTES);
    if (user !== undefined) this.#userFailures.set(user, userFailures);

    if (this.#banned) return this.#fail(valid, now, user, "199", "IP blocked");
    const { ipTrials, userTrials } = VELIP_LOCKOUT_RULES;
    if (within(this.#failures, ipTrials.windowMs).length >= ipTrials.failures) {
      return this.#fail(valid, now, user, "131", "IP trials exceeded");
    }
    if (userFailures.length >= userTrials.failures) {
      return this.#fail(valid, now, user, "132", "user trials exceeded");
    }
    if (valid) return { ok: true };
    if (token !== undefined && user === undefined) {
      this.#sidNotFound.push(now);
      return this.#fail(false, now, undefined, "102", "SID not found");
    }
    return this.#fail(false, now, user, "100", "fail authentication");
  }

  /**
   * Where the rules stand at `now`, read only (the windows are not pruned): whether the IP is
   * banned (`199`) or locked (`131`), how many users are locked (`132`), and how many failed
   * authentications are inside the hour.
   */
  state(now: number): VelipLockoutState {
    const count = (times: readonly number[], windowMs: number) =>
      times.filter((at) => now - at < windowMs).length;
    const { ipTrials, userTrials } = VELIP_LOCKOUT_RULES;
    let lockedUsers = 0;
    for (const times of this.#userFailures.values()) {
      if (count(times, userTrials.windowMs) >= userTrials.failures) lockedUsers++;
    }
    return {
      banned: this.#banned,
      ipLocked: count(this.#failures, ipTrials.windowMs) >= ipTrials.failures,
      lockedUsers,
      failedAuthentications: count(this.#failures, ONE_HOUR),
    };
  }

  reset(): void {
    this.#failures = [];
    this.#sidNotFound = [];
    this.#userFailures.clear();
    this.#banned = false;
  }

  /** A refusal: a wrong token counts as a failed authentication, whatever the answer. */
  #fail(
    valid: boolean,
    now: number,
    user: string | undefined,
    code: "100" | "102" | "131" | "132" | "199",
    status: string,
  ): VelipAuthOutcome {
    if (!valid) {
      this.#failures.push(now);
      if (user !== undefined) this.#userFailures.get(user)?.push(now);
      const { antiProbe, perHour } = VELIP_LOCKOUT_RULES;
      if (
        this.#sidNotFound.length >= antiProbe.failures ||
        this.#failures.length >= perHour.failures
      ) {
        this.#banned = true;
      }
    }
    return { ok: false, code, status };
  }
}
