import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SIMULATIONS } from "./generated/simulators.js";
import { createRouter, newVendorRoute, type VendorRoute } from "./router.js";
import {
  type Fault,
  SANDBOX_API_KEYS,
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxEndpoint,
  type SandboxOptions,
  type SandboxVendor,
} from "./sandbox-types.js";
import { type LoadedSpec, loadSpec } from "./spec/load-spec.js";
import { listOperations, type Operation } from "./spec/scenarios.js";
import { SchemaValidator } from "./spec/validators.js";
import { serverOf } from "./spec/wire.js";
import { playAction } from "./vendor-actions.js";

const SIMULATORS = new Map(SIMULATIONS.map((simulation) => [simulation.vendor, simulation]));

function simulationOf(vendor: SandboxVendor) {
  const simulation = SIMULATORS.get(vendor);
  if (!simulation) throw new TypeError(`unknown sandbox vendor ${JSON.stringify(vendor)}`);
  return simulation;
}

/** Specs are read once per process: they do not change while it runs. */
const specs = new Map<SandboxVendor, { spec: LoadedSpec; operations: Operation[] }>();

function specOf(vendor: SandboxVendor) {
  let entry = specs.get(vendor);
  if (!entry) {
    const spec = loadSpec(vendor);
    entry = { spec, operations: listOperations(spec) };
    specs.set(vendor, entry);
  }
  return entry;
}

function checkOptions(options: SandboxOptions): readonly SandboxVendor[] {
  const vendors = options.vendors ?? SANDBOX_VENDORS;
  for (const vendor of vendors) {
    if (!SANDBOX_VENDORS.includes(vendor))
      throw new TypeError(`unknown sandbox vendor ${JSON.stringify(vendor)}`);
  }
  const { port, extraCampaigns } = options;
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535))
    throw new RangeError("port must be a whole number, 0–65535");
  if (extraCampaigns !== undefined && !(Number.isInteger(extraCampaigns) && extraCampaigns >= 0))
    throw new RangeError("extraCampaigns must be a whole number, 0 or more");
  return vendors;
}

function vendorOf(vendor: SandboxVendor): SandboxVendor {
  if (!SANDBOX_VENDORS.includes(vendor))
    throw new TypeError(`unknown sandbox vendor ${JSON.stringify(vendor)}`);
  return vendor;
}

/**
 * Starts the five vendor simulators (or those in `options.vendors`) on one HTTP server on
 * 127.0.0.1, each under `/<vendor>` followed by its spec's server path.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = checkOptions(options);
  const extra = options.extraCampaigns ?? 0;
  const routes = new Map<SandboxVendor, VendorRoute>();
  for (const vendor of SANDBOX_VENDORS) {
    if (started.includes(vendor)) {
      const { spec, operations } = specOf(vendor);
      const apiKey = options.apiKeys?.[vendor] ?? SANDBOX_API_KEYS[vendor];
      routes.set(
        vendor,
        newVendorRoute(vendor, simulationOf(vendor).create(extra), spec, operations, apiKey),
      );
    } else {
      routes.set(vendor, newVendorRoute(vendor));
    }
  }

  let closed = false;
  const timers = new Map<NodeJS.Timeout, () => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });

  const now = options.clock ?? (() => performance.now());
  const server = createServer(
    createRouter({
      routes,
      validator: new SchemaValidator(),
      enforceRateLimits: options.enforceRateLimits ?? true,
      now,
      sleep,
      isClosed: () => closed,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const vendors = Object.fromEntries(
    SANDBOX_VENDORS.map((vendor) => {
      const endpoint: SandboxEndpoint = {
        baseURL: `${url}/${vendor}${serverOf(specOf(vendor).spec).basePath}`,
        apiKey: options.apiKeys?.[vendor] ?? SANDBOX_API_KEYS[vendor],
      };
      Object.assign(endpoint, simulationOf(vendor).settings);
      return [vendor, Object.freeze(endpoint)];
    }),
  ) as Record<SandboxVendor, SandboxEndpoint>;

  const routeOf = (vendor: SandboxVendor) => routes.get(vendorOf(vendor)) as VendorRoute;
  let closing: Promise<void> | undefined;

  return {
    url,
    vendors: Object.freeze(vendors),

    injectFaults(vendor: SandboxVendor, ...faults: Fault[]) {
      routeOf(vendor).faults.push(faults);
    },

    requests: (vendor) => routeOf(vendor).log.map((record) => ({ ...record })),

    lockout: (vendor) => routeOf(vendor).simulator?.lockout?.(now()),

    campaigns: (vendor) => routeOf(vendor).simulator?.campaigns() ?? [],

    act(vendor, id, action) {
      const simulator = routeOf(vendor).simulator;
      if (!simulator) throw new RangeError(`${vendor} is not started in this sandbox`);
      const campaign = simulator.record?.(String(id));
      playAction(vendor, campaign, String(id), action);
      return structuredClone(campaign);
    },

    reset() {
      for (const route of routes.values()) {
        route.simulator?.reset();
        route.log.length = 0;
        route.faults.clear();
        route.limiter.reset();
      }
    },

    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        closed = true;
        for (const [timer, wake] of timers) {
          clearTimeout(timer);
          wake();
        }
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
