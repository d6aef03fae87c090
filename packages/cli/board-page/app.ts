// The board's page: plain DOM, no framework. It talks only to the board's own server (the CSP
// allows nothing else), builds every text with textContent (never HTML), and sends each
// state-changing request with the session's CSRF token.
import type {
  BoardApplyResult,
  BoardCampaign,
  BoardCampaigns,
  BoardCapabilities,
  BoardError,
  BoardEvent,
  BoardField,
  BoardPlannedRequest,
  BoardSession,
  BoardStreamMessages,
  BoardVendorHealth,
} from "../src/board/api-types.js";

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; text children become text nodes. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state = {
  csrf: "",
  campaigns: new Map<string, BoardCampaign>(),
  health: [] as BoardVendorHealth[],
  events: [] as BoardEvent[],
  capabilities: new Map<string, BoardCapabilities>(),
  sort: { key: "vendor", ascending: true },
  changed: new Set<string>(),
};
const keyOf = (c: { vendor: string; id: string }) => `${c.vendor}/${c.id}`;

async function api<T>(path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    credentials: "same-origin",
    headers:
      body === undefined ? {} : { "Content-Type": "application/json", "X-CSRF-Token": state.csrf },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, data: (await response.json()) as T };
}

// ---------------------------------------------------------------- announcements (aria-live)
let announceTimer: number | undefined;
const pending: string[] = [];
function announce(text: string): void {
  pending.push(text);
  if (announceTimer !== undefined) return;
  announceTimer = window.setTimeout(() => {
    const texts = pending.splice(0);
    $("announce").textContent =
      texts.length > 3 ? `${texts.length} changes; latest: ${texts.at(-1)}` : texts.join(". ");
    announceTimer = undefined;
  }, 400);
}

// ---------------------------------------------------------------- formatting
const when = (iso?: string) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" }) : "";

function pacingText(c: BoardCampaign): string {
  const p = c.pacing;
  if (!p) return "";
  return [
    p.callsPerMinute !== undefined ? `${p.callsPerMinute}/min` : "",
    p.maxConcurrentCalls !== undefined ? `${p.maxConcurrentCalls} concurrent` : "",
    p.maxConcurrentTransfers !== undefined ? `${p.maxConcurrentTransfers} transfers` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

const hoursText = (c: BoardCampaign) =>
  [c.callingHours, c.timezone ? `(${c.timezone})` : ""].filter(Boolean).join(" ");

const SORT_VALUE: Record<string, (c: BoardCampaign) => string> = {
  vendor: (c) => c.vendor,
  id: (c) => c.id.padStart(20, "0"),
  name: (c) => (c.name ?? "").toLowerCase(),
  status: (c) => c.status,
  callingHours: hoursText,
  pacing: pacingText,
  lastChange: (c) => c.lastChange ?? "",
};

// ---------------------------------------------------------------- the table
function visibleCampaigns(): BoardCampaign[] {
  const text = ($<HTMLInputElement>("filter").value ?? "").trim().toLowerCase();
  const vendor = $<HTMLSelectElement>("vendor-filter").value;
  const status = $<HTMLSelectElement>("status-filter").value;
  const value = SORT_VALUE[state.sort.key] ?? SORT_VALUE.vendor;
  const rows = [...state.campaigns.values()].filter(
    (c) =>
      (!vendor || c.vendor === vendor) &&
      (!status || c.status === status) &&
      (!text || `${c.vendor} ${c.id} ${c.name ?? ""}`.toLowerCase().includes(text)),
  );
  rows.sort((a, b) => {
    const order =
      (value?.(a) ?? "").localeCompare(value?.(b) ?? "") || keyOf(a).localeCompare(keyOf(b));
    return state.sort.ascending ? order : -order;
  });
  return rows;
}

function actionButtons(c: BoardCampaign): HTMLElement {
  const caps = state.capabilities.get(c.vendor);
  const label = `${c.vendor} campaign ${c.id}${c.name ? ` (${c.name})` : ""}`;
  const cell = h("td", { class: "actions" });
  const toggle =
    c.status === "paused"
      ? caps?.resume && { action: "resume" as const, text: "Resume" }
      : c.status === "active" || c.status === "scheduled"
        ? caps?.pause && { action: "pause" as const, text: "Pause" }
        : undefined;
  if (toggle) {
    const button = h(
      "button",
      {
        type: "button",
        "data-key": `${keyOf(c)}#toggle`,
        "aria-label": `${toggle.text} ${label}`,
      },
      toggle.text,
    );
    button.addEventListener("click", () => void planAction(c, toggle.action, button));
    cell.append(button);
  }
  if (caps?.update && caps.fields.length > 0) {
    const button = h(
      "button",
      { type: "button", "data-key": `${keyOf(c)}#edit`, "aria-label": `Edit ${label}` },
      "Edit",
    );
    button.addEventListener("click", () => openEdit(c, button));
    cell.append(button);
  }
  return cell;
}

function renderTable(): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
  const rows = visibleCampaigns();
  const body = h("tbody");
  for (const c of rows) {
    const reason = c.statusReason
      ? h(
          "span",
          { class: "reason" },
          `${c.statusReason.code}${c.statusReason.message ? `: ${c.statusReason.message}` : ""}`,
        )
      : null;
    body.append(
      h(
        "tr",
        { "data-campaign": keyOf(c), class: state.changed.has(keyOf(c)) ? "changed" : undefined },
        h("td", {}, c.vendor),
        h("td", {}, c.id),
        h("td", {}, c.name ?? ""),
        h(
          "td",
          {},
          h("span", { class: `status status-${c.status}`, "data-status": c.status }, c.status),
          c.vendorStatus ? h("span", { class: "vendor-status" }, ` (${c.vendorStatus})`) : null,
          reason,
        ),
        h("td", {}, hoursText(c)),
        h("td", {}, pacingText(c)),
        h("td", {}, c.lastChange ? h("time", { datetime: c.lastChange }, when(c.lastChange)) : "—"),
        actionButtons(c),
      ),
    );
  }
  $("campaigns").querySelector("tbody")?.replaceWith(body);
  const total = state.campaigns.size;
  $("count").textContent =
    rows.length === total ? `${total} campaigns` : `${rows.length} of ${total} campaigns shown`;
  for (const th of document.querySelectorAll<HTMLElement>("th[data-sort]")) {
    const sorted = th.dataset.sort === state.sort.key;
    if (sorted) th.setAttribute("aria-sort", state.sort.ascending ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
  if (focused) document.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

function renderHealth(): void {
  const list = $("health");
  list.replaceChildren(
    ...state.health.map((v) =>
      h(
        "li",
        { class: `health health-${v.outcome}`, "data-vendor": v.vendor },
        h("strong", {}, v.displayName),
        ` ${v.outcome === "waiting" ? "connecting…" : `${v.campaigns} campaigns`}`,
        v.outcome === "failed" || v.outcome === "parked" || v.outcome === "partial"
          ? h(
              "span",
              { class: "error" },
              ` ${v.outcome}${v.error ? `: ${v.error.code} ${v.error.message}` : ""}`,
            )
          : null,
      ),
    ),
  );
  const select = $<HTMLSelectElement>("vendor-filter");
  if (select.options.length === 1)
    for (const v of state.health) select.append(h("option", { value: v.vendor }, v.displayName));
}

function eventItem(e: BoardEvent): HTMLElement {
  return h(
    "li",
    { "data-event": e.type, "data-vendor": e.vendor, "data-campaign": e.campaignId },
    h("time", { datetime: e.at }, when(e.at)),
    " ",
    h("strong", {}, e.vendor),
    ` ${e.summary}`,
    e.reason
      ? h(
          "span",
          { class: "reason" },
          ` Reason: ${e.reason.code}${e.reason.message ? ` — ${e.reason.message}` : ""}`,
        )
      : null,
  );
}

function renderTimeline(): void {
  const items = state.events.slice(-200).reverse().map(eventItem);
  $("timeline").replaceChildren(
    ...(items.length > 0 ? items : [h("li", { class: "hint" }, "No change seen yet.")]),
  );
}

// ---------------------------------------------------------------- dialogs
let returnFocus: HTMLElement | null = null;

function openDialog(dialog: HTMLDialogElement, opener: HTMLElement | null, focus?: HTMLElement) {
  if (opener) returnFocus = opener;
  if (!dialog.open) dialog.showModal();
  (focus ?? dialog.querySelector<HTMLElement>("input, select, button"))?.focus();
}

function closeDialog(dialog: HTMLDialogElement): void {
  if (dialog.open) dialog.close();
  if (!$<HTMLDialogElement>("edit-dialog").open && !$<HTMLDialogElement>("confirm-dialog").open)
    restoreFocus();
}

function restoreFocus(): void {
  const key = returnFocus?.dataset.key;
  const target =
    (key && document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)) ||
    (returnFocus?.isConnected ? returnFocus : null);
  (target ?? $("campaigns-heading")).focus();
}

for (const id of ["edit-dialog", "confirm-dialog"]) {
  $<HTMLDialogElement>(id).addEventListener("close", () => {
    if (!$<HTMLDialogElement>("edit-dialog").open && !$<HTMLDialogElement>("confirm-dialog").open)
      restoreFocus();
  });
}

function planText(requests: BoardPlannedRequest[]): string {
  if (requests.length === 0) return "(no request)";
  return requests
    .map((r, i) =>
      [
        `${i + 1}. ${r.method} ${r.url}   # ${r.purpose}`,
        ...Object.entries(r.headers).map(([name, value]) => `   ${name}: ${value}`),
        ...(r.body !== undefined ? [`   body: ${r.body}`] : []),
      ].join("\n"),
    )
    .join("\n");
}

function errorBlock(error: BoardError): HTMLElement {
  return h(
    "div",
    { class: "error", "data-error-code": error.code, "data-error-field": error.field },
    h(
      "p",
      {},
      h("strong", {}, error.code),
      error.field ? ` (field ${error.field})` : "",
      `: ${error.message}`,
    ),
    error.applied && error.applied.length > 0
      ? h(
          "div",
          { class: "applied" },
          h("p", {}, "Already applied before it failed (not undone):"),
          h("ul", {}, ...error.applied.map((a) => h("li", {}, a))),
        )
      : null,
    error.failed ? h("p", {}, `Failed: ${error.failed}`) : null,
    error.notSent && error.notSent.length > 0
      ? h("p", {}, `Not sent: ${error.notSent.join("; ")}`)
      : null,
  );
}

interface Pending {
  campaign: BoardCampaign;
  action: "update" | "pause" | "resume";
  set?: string[];
}
let confirming: Pending | undefined;

function showConfirm(p: Pending, requests: BoardPlannedRequest[], opener: HTMLElement | null) {
  confirming = p;
  const what =
    p.action === "update"
      ? `Change ${p.set?.join(", ")}`
      : p.action === "pause"
        ? "Pause"
        : "Resume";
  $("confirm-title").textContent = `${what}: ${p.campaign.vendor} campaign ${p.campaign.id}`;
  $("confirm-description").textContent =
    `These ${requests.length} request(s) will be sent to ${p.campaign.vendor} (credentials redacted). Send them?`;
  $("plan").textContent = planText(requests);
  $("confirm-result").replaceChildren();
  const send = $<HTMLButtonElement>("confirm-send");
  send.hidden = false;
  send.disabled = false;
  $("confirm-cancel").textContent = "Cancel";
  openDialog($<HTMLDialogElement>("confirm-dialog"), opener, send);
}

async function planAction(c: BoardCampaign, action: "pause" | "resume", opener: HTMLElement) {
  const { data } = await api<{ requests?: BoardPlannedRequest[] } & Partial<{ error: BoardError }>>(
    "/api/plan",
    { vendor: c.vendor, id: c.id, action },
  );
  if (data.requests) showConfirm({ campaign: c, action }, data.requests, opener);
  else announce(`Could not plan: ${data.error?.message ?? "error"}`);
}

async function sendConfirmed(): Promise<void> {
  const p = confirming;
  if (!p) return;
  const send = $<HTMLButtonElement>("confirm-send");
  send.disabled = true;
  const result = $("confirm-result");
  result.replaceChildren(h("p", {}, "Sending…"));
  const { data } = await api<BoardApplyResult>("/api/apply", {
    vendor: p.campaign.vendor,
    id: p.campaign.id,
    action: p.action,
    ...(p.set ? { set: p.set } : {}),
  });
  send.hidden = true;
  $("confirm-cancel").textContent = "Close";
  if (data.ok) {
    upsertCampaign(data.campaign);
    renderTable();
    result.replaceChildren(
      h(
        "p",
        { class: "ok", "data-result": "ok" },
        `Done: ${data.campaign.vendor} campaign ${data.campaign.id} is ${data.campaign.status}${data.campaign.vendorStatus ? ` (${data.campaign.vendorStatus})` : ""}.`,
      ),
    );
  } else result.replaceChildren(errorBlock(data.error));
  confirming = undefined;
  result.focus();
}

$("confirm-send").addEventListener("click", () => void sendConfirmed());
$("confirm-cancel").addEventListener("click", () =>
  closeDialog($<HTMLDialogElement>("confirm-dialog")),
);

// ---------------------------------------------------------------- the edit form
let editing: BoardCampaign | undefined;

function currentValue(c: BoardCampaign, field: string): string {
  switch (field) {
    case "name":
      return c.name ?? "";
    case "schedule.timezone":
      return c.timezone ?? "";
    case "schedule.callingHours":
      return c.callingHours ?? "";
    case "pacing.callsPerMinute":
      return c.pacing?.callsPerMinute !== undefined ? String(c.pacing.callsPerMinute) : "";
    case "pacing.maxConcurrentCalls":
      return c.pacing?.maxConcurrentCalls !== undefined ? String(c.pacing.maxConcurrentCalls) : "";
    case "pacing.maxConcurrentTransfers":
      return c.pacing?.maxConcurrentTransfers !== undefined
        ? String(c.pacing.maxConcurrentTransfers)
        : "";
    default:
      return "";
  }
}

const BOOLEAN_FIELDS = new Set(["redial.onBusy", "redial.onNoAnswer", "redial.onVoicemail"]);
const INTEGER_FIELDS = new Set([
  "pacing.maxConcurrentCalls",
  "pacing.maxConcurrentTransfers",
  "redial.maxRetries",
  "redial.delaySeconds",
]);

function fieldHint(f: BoardField, now: string): string {
  const parts: string[] = [];
  if (f.field === "schedule.callingHours") {
    const ch = f.callingHours;
    parts.push(
      "HH:MM-HH:MM every day" +
        (ch && ch.weekly !== "same-every-day"
          ? ", or per day: mon-fri=09:00-12:00,14:00-17:00;sat=10:00-12:00"
          : ""),
    );
    if (ch?.weekly === "one-range-per-day") parts.push("one window per day");
    if (ch?.maxRanges) parts.push(`at most ${ch.maxRanges} windows a week`);
  }
  if (f.field === "schedule.timezone") parts.push("an IANA zone such as Europe/Lisbon");
  if (f.field.endsWith("Date")) parts.push("YYYY-MM-DD");
  if (f.min !== undefined || f.max !== undefined)
    parts.push(`${f.min ?? ""}–${f.max ?? ""}`.replace(/^–/, "up to ").replace(/–$/, " or more"));
  if (f.field === "pacing.callsPerMinute")
    parts.push(f.allowsMax ? "a number, or max" : "a number");
  if (f.maxLength !== undefined) parts.push(`at most ${f.maxLength} characters`);
  if (f.requires?.length) parts.push(`set together with ${f.requires.join(", ")}`);
  if (now) parts.push(`now: ${now}`);
  return parts.join("; ");
}

function fieldControl(f: BoardField, id: string, describedBy: string): HTMLElement {
  if (BOOLEAN_FIELDS.has(f.field))
    return h(
      "select",
      { id, name: f.field, "aria-describedby": describedBy },
      h("option", { value: "" }, "(keep)"),
      h("option", { value: "true" }, "yes"),
      h("option", { value: "false" }, "no"),
    );
  const type = f.field.endsWith("Date") ? "date" : INTEGER_FIELDS.has(f.field) ? "number" : "text";
  return h("input", {
    id,
    name: f.field,
    type,
    autocomplete: "off",
    "aria-describedby": describedBy,
    min: type === "number" && f.min !== undefined ? String(f.min) : undefined,
    max: type === "number" && f.max !== undefined ? String(f.max) : undefined,
    maxlength: f.maxLength !== undefined ? String(f.maxLength) : undefined,
    inputmode: f.field === "pacing.callsPerMinute" ? "numeric" : undefined,
    list: f.field === "schedule.timezone" ? "timezones" : undefined,
  });
}

const fieldId = (field: string) => `field-${field.replace(/\./g, "-")}`;

function openEdit(c: BoardCampaign, opener: HTMLElement): void {
  const caps = state.capabilities.get(c.vendor);
  if (!caps) return;
  editing = c;
  $("edit-title").textContent = `Edit ${c.vendor} campaign ${c.id}${c.name ? ` (${c.name})` : ""}`;
  $("edit-error").replaceChildren();
  const rows: HTMLElement[] = caps.fields.map((f) => {
    const id = fieldId(f.field);
    const hint = fieldHint(f, currentValue(c, f.field));
    return h(
      "div",
      { class: "field", "data-field": f.field },
      h("label", { for: id }, f.field),
      fieldControl(f, id, `${id}-hint ${id}-error`),
      h("p", { id: `${id}-hint`, class: "hint" }, hint),
      h("p", { id: `${id}-error`, class: "error field-error" }),
    );
  });
  if (caps.fields.some((f) => f.field === "schedule.timezone")) {
    // Older browsers lack Intl.supportedValuesOf: the field then takes a zone without suggestions.
    const zones =
      typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    rows.push(h("datalist", { id: "timezones" }, ...zones.map((z) => h("option", { value: z }))));
  }
  $("edit-fields").replaceChildren(...rows);
  openDialog($<HTMLDialogElement>("edit-dialog"), opener);
}

function clearFieldErrors(): void {
  for (const el of $("edit-fields").querySelectorAll<HTMLElement>(".field-error"))
    el.textContent = "";
  for (const el of $("edit-fields").querySelectorAll<HTMLElement>("[aria-invalid]"))
    el.removeAttribute("aria-invalid");
  $("edit-error").replaceChildren();
}

/** Shows an error at its field (and focuses it), or above the buttons when it names none. */
function showEditError(error: BoardError): void {
  const problems = error.problems?.length
    ? error.problems
    : error.field
      ? [{ field: error.field, rule: error.message }]
      : [];
  let first: HTMLElement | null = null;
  for (const problem of problems) {
    const control = document.getElementById(fieldId(problem.field));
    const slot = document.getElementById(`${fieldId(problem.field)}-error`);
    if (!control || !slot) continue;
    control.setAttribute("aria-invalid", "true");
    slot.textContent = error.problems?.length ? `${problem.field} ${problem.rule}` : error.message;
    first ??= control;
  }
  if (first) first.focus();
  else $("edit-error").replaceChildren(errorBlock(error));
}

$("edit-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const c = editing;
  if (!c) return;
  clearFieldErrors();
  const set: string[] = [];
  for (const control of $("edit-fields").querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    "input, select",
  )) {
    const value = control.value.trim();
    if (value !== "") set.push(`${control.name}=${value}`);
  }
  if (set.length === 0) {
    $("edit-error").textContent = "Nothing to change: fill in at least one field.";
    return;
  }
  void (async () => {
    const { data } = await api<{ requests?: BoardPlannedRequest[]; error?: BoardError }>(
      "/api/plan",
      {
        vendor: c.vendor,
        id: c.id,
        action: "update",
        set,
      },
    );
    if (data.error || !data.requests) {
      showEditError(data.error ?? { code: "INTERNAL", message: "no plan" });
      return;
    }
    const opener = returnFocus;
    closeDialog($<HTMLDialogElement>("edit-dialog"));
    showConfirm({ campaign: c, action: "update", set }, data.requests, opener);
  })();
});
$("edit-cancel").addEventListener("click", () => closeDialog($<HTMLDialogElement>("edit-dialog")));

// ---------------------------------------------------------------- live updates
function upsertCampaign(c: BoardCampaign): void {
  state.campaigns.set(keyOf(c), c);
}

function markChanged(key: string): void {
  state.changed.add(key);
  window.setTimeout(() => {
    state.changed.delete(key);
    document.querySelector(`tr[data-campaign="${CSS.escape(key)}"]`)?.classList.remove("changed");
  }, 4000);
}

function connect(): void {
  const source = new EventSource("/api/stream");
  const on = <K extends keyof BoardStreamMessages>(
    type: K,
    handle: (data: BoardStreamMessages[K]) => void,
  ) =>
    source.addEventListener(type, (message) =>
      handle(JSON.parse((message as MessageEvent<string>).data)),
    );
  on("snapshot", (data) => {
    state.campaigns = new Map(data.campaigns.map((c) => [keyOf(c), c]));
    state.health = data.vendors;
    state.events = data.events;
    renderHealth();
    renderTable();
    renderTimeline();
  });
  on("campaigns", (data) => {
    for (const c of data.upsert) {
      upsertCampaign(c);
      markChanged(keyOf(c));
    }
    for (const r of data.removed) state.campaigns.delete(keyOf(r));
    renderTable();
  });
  on("event", (e) => {
    state.events.push(e);
    if (state.events.length > 500) state.events.splice(0, state.events.length - 500);
    $("timeline").querySelector("li.hint")?.remove();
    $("timeline").prepend(eventItem(e));
    announce(`${e.vendor} ${e.summary}`);
  });
  on("health", (data) => {
    state.health = data.vendors;
    renderHealth();
  });
  source.addEventListener("error", () => {
    $("mode").textContent = "Connection lost; reconnecting…";
  });
  source.addEventListener("open", () => {
    $("mode").textContent = modeText;
  });
}

let modeText = "";

async function start(): Promise<void> {
  const session = await api<BoardSession>("/api/session");
  if (session.status !== 200) {
    $("mode").textContent = "No board session: open the link campaignkit board printed.";
    return;
  }
  state.csrf = session.data.csrf;
  state.health = session.data.vendors;
  modeText = `${session.data.sandbox ? "Sandbox (simulated vendors, acting on their own)" : "Live vendors"} · polled every ${session.data.interval / 1000} s · updates appear as they are seen`;
  $("mode").textContent = modeText;
  const caps = await api<{ vendors: BoardCapabilities[] }>("/api/capabilities");
  state.capabilities = new Map(caps.data.vendors.map((v) => [v.vendor, v]));
  const initial = await api<BoardCampaigns>("/api/campaigns");
  state.campaigns = new Map(initial.data.campaigns.map((c) => [keyOf(c), c]));
  renderHealth();
  renderTable();
  renderTimeline();
  connect();
}

for (const th of document.querySelectorAll<HTMLElement>("th[data-sort]")) {
  th.querySelector("button")?.addEventListener("click", () => {
    const key = th.dataset.sort ?? "vendor";
    state.sort = { key, ascending: state.sort.key === key ? !state.sort.ascending : true };
    renderTable();
    announce(
      `Sorted by ${th.textContent?.trim()}, ${state.sort.ascending ? "ascending" : "descending"}`,
    );
  });
}
for (const id of ["filter", "vendor-filter", "status-filter"])
  $(id).addEventListener("input", () => renderTable());

void start();
