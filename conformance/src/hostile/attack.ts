import type { ConformanceVendor } from "../vendors.ts";

/**
 * One attack of the hostile-vendor suite: a vendor server (or a caller) behaving as an attacker
 * or a careless operator would, run through real HTTP on 127.0.0.1 against one vendor's client
 * or provider. `run` throws (a failed `expect`) when the defence did not hold.
 */
export interface HostileAttack {
  /** The class of issue "1 of 6" it belongs to: `credential`, `redirect`, `echo`, `transport`. */
  class: string;
  name: string;
  /** The vendors it applies to (by id); every vendor when omitted. */
  vendors?: readonly string[];
  run(vendor: ConformanceVendor): Promise<void>;
}
