// The workerd worker: `workerd test` calls its test handler, with the sandbox's address and key
// as text bindings (see worker-config.mjs).
import { roundTrip } from "./round-trip.mjs";

export default {
  async test(_controller, env) {
    console.log(JSON.stringify(await roundTrip(env)));
  },
};
