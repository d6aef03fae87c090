// Entry point for the runtimes with a command line (Node, Bun, Deno): prints the round trip's
// result as one JSON line.
import { roundTrip } from "./round-trip.mjs";

const { CK_SANDBOX_ALTUR_URL: baseURL, CK_SANDBOX_ALTUR_KEY: apiKey } = process.env;
console.log(JSON.stringify(await roundTrip({ baseURL, apiKey })));
