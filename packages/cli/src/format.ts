import { type CallingHours, type Campaign, type PlannedRequest, WEEKDAYS } from "@campaignkit/core";
import stringWidth from "string-width";

/** `text` padded with spaces to `width` terminal columns (accents, emoji and CJK counted right). */
function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** How a table fits the terminal and is styled. */
export interface TableFit {
  /** The columns available; the table is as wide as its cells when absent. */
  width?: number;
  /** The one column that is cut (with `…`) to fit `width`: names, never notes. */
  shrink?: number;
  /** Styles a body cell (colour), after it is cut; padding counts its visible width. */
  style?: (column: number, cell: string) => string;
}

/**
 * An aligned text table: a header, a rule, then the rows; columns two spaces apart, measured in
 * terminal columns rather than UTF-16 units.
 */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  fit: TableFit = {},
): string {
  const widths = headers.map((header, column) =>
    rows.reduce(
      (widest, row) => Math.max(widest, stringWidth(row[column] ?? "")),
      stringWidth(header),
    ),
  );
  const shrink = fit.shrink ?? -1;
  const total = widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1);
  if (fit.width !== undefined && shrink >= 0 && total > fit.width) {
    const min = Math.min(widths[shrink] ?? 0, Math.max(stringWidth(headers[shrink] ?? ""), 8));
    widths[shrink] = Math.max(min, (widths[shrink] ?? 0) - (total - fit.width));
  }
  const line = (cells: readonly string[], styled: boolean) =>
    cells
      .map((raw, column) => {
        const cell = column === shrink ? clip(raw, widths[column] ?? 0) : raw;
        const shown = styled && fit.style ? fit.style(column, cell) : cell;
        return padEnd(shown, widths[column] ?? 0);
      })
      .join("  ")
      .trimEnd();
  return [
    line(headers, false),
    line(
      widths.map((width) => "-".repeat(width)),
      false,
    ),
    ...rows.map((row) => line(row, true)),
  ]
    .join("\n")
    .concat("\n");
}

/** Two aligned columns: a name and its value. */
export function keyValues(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = rows.reduce((widest, [key]) => Math.max(widest, stringWidth(key)), 0);
  return `${rows.map(([key, value]) => `${padEnd(key, width)}  ${value}`.trimEnd()).join("\n")}\n`;
}

/** `text` cut to at most `max` terminal columns, ending in `…` when cut, never inside a character. */
export function clip(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let kept = "";
  let width = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const next = stringWidth(segment);
    if (width + next > max - 1) break;
    kept += segment;
    width += next;
  }
  return `${kept}…`;
}

/** `09:00-17:00 daily`, or `mon-fri 09:00-12:00,14:00-17:00; sat 10:00-12:00`. */
export function formatCallingHours(hours: CallingHours | undefined): string {
  if (!hours) return "";
  if ("daily" in hours) return `${hours.daily.start}-${hours.daily.end} daily`;
  const windows = WEEKDAYS.map((day) =>
    (hours.weekly[day] ?? []).map((range) => `${range.start}-${range.end}`).join(","),
  );
  if (windows.every((w) => w !== "" && w === windows[0])) return `${windows[0]} daily`;
  const parts: string[] = [];
  for (let start = 0; start < WEEKDAYS.length; ) {
    let end = start;
    while (end + 1 < WEEKDAYS.length && windows[end + 1] === windows[start]) end++;
    if (windows[start] !== "") {
      const days = start === end ? WEEKDAYS[start] : `${WEEKDAYS[start]}-${WEEKDAYS[end]}`;
      parts.push(`${days} ${windows[start]}`);
    }
    start = end + 1;
  }
  return parts.length > 0 ? parts.join("; ") : "none";
}

const text = (value: unknown) => (value === undefined ? "" : String(value));

export const CAMPAIGN_HEADERS = [
  "ID",
  "NAME",
  "STATUS",
  "TIMEZONE",
  "CALLING HOURS",
  "CALLS/MIN",
  "RETRIES",
] as const;

/** One campaign as a table row (the normalized model, never `raw`). */
export function campaignRow(campaign: Campaign): string[] {
  return [
    campaign.id,
    clip(campaign.name ?? "", 40),
    campaign.status,
    campaign.schedule?.timezone ?? "",
    clip(formatCallingHours(campaign.schedule?.callingHours), 48),
    text(campaign.pacing?.callsPerMinute),
    text(campaign.redial?.maxRetries),
  ];
}

/**
 * The campaigns as a table; `vendorColumn` adds a VENDOR column first (a listing of several
 * vendors). With `width`, the NAME column is cut to fit (never below 8 columns); `status` colours
 * the STATUS cells.
 */
export function campaignTable(
  campaigns: readonly Campaign[],
  options: {
    vendorColumn?: boolean;
    /** Adds an ACCOUNT column after VENDOR (with `vendorColumn`): each campaign's account. */
    accountOf?: (campaign: Campaign) => string;
    width?: number;
    status?: (status: string) => string;
  } = {},
): string {
  const { accountOf } = options;
  const offset = options.vendorColumn ? (accountOf ? 2 : 1) : 0;
  const fit: TableFit = {
    shrink: offset + 1,
    ...(options.width === undefined ? {} : { width: options.width }),
    ...(options.status ? { style: statusStyle(offset + 2, options.status) } : {}),
  };
  if (!options.vendorColumn) return table(CAMPAIGN_HEADERS, campaigns.map(campaignRow), fit);
  if (accountOf)
    return table(
      ["VENDOR", "ACCOUNT", ...CAMPAIGN_HEADERS],
      campaigns.map((campaign) => [campaign.vendor, accountOf(campaign), ...campaignRow(campaign)]),
      fit,
    );
  return table(
    ["VENDOR", ...CAMPAIGN_HEADERS],
    campaigns.map((campaign) => [campaign.vendor, ...campaignRow(campaign)]),
    fit,
  );
}

function statusStyle(column: number, status: (status: string) => string) {
  return (at: number, cell: string) => (at === column ? status(cell) : cell);
}

/** The colour of each normalized status on a terminal. */
export const STATUS_COLOURS: Readonly<Record<string, "green" | "yellow" | "cyan" | "red" | "dim">> =
  {
    active: "green",
    paused: "yellow",
    scheduled: "cyan",
    failed: "red",
    draft: "dim",
    finished: "dim",
    unknown: "dim",
  };

/** Every normalized field of one campaign, as name/value rows. */
export function campaignDetails(campaign: Campaign): string {
  const rows: Array<[string, string]> = [
    ["vendor", campaign.vendor],
    ["id", campaign.id],
    ["name", campaign.name ?? ""],
    ["status", campaign.status],
    ["schedule.timezone", campaign.schedule?.timezone ?? ""],
    ["schedule.startDate", campaign.schedule?.startDate ?? ""],
    ["schedule.endDate", campaign.schedule?.endDate ?? ""],
    ["schedule.callingHours", formatCallingHours(campaign.schedule?.callingHours)],
    ["pacing.callsPerMinute", text(campaign.pacing?.callsPerMinute)],
    ["pacing.maxConcurrentCalls", text(campaign.pacing?.maxConcurrentCalls)],
    ["pacing.maxConcurrentTransfers", text(campaign.pacing?.maxConcurrentTransfers)],
    ["redial.maxRetries", text(campaign.redial?.maxRetries)],
    ["redial.delaySeconds", text(campaign.redial?.delaySeconds)],
    ["redial.onBusy", text(campaign.redial?.onBusy)],
    ["redial.onNoAnswer", text(campaign.redial?.onNoAnswer)],
    ["redial.onVoicemail", text(campaign.redial?.onVoicemail)],
  ];
  for (const [key, value] of Object.entries(campaign.stats ?? {})) {
    rows.push([`stats.${key}`, text(value)]);
  }
  return keyValues(rows.filter(([key, value]) => value !== "" || key === "name"));
}

/** A campaign for `--json`: the normalized model, `raw` only when asked for. */
export function campaignJson(campaign: Campaign, raw: boolean): Record<string, unknown> {
  if (raw) return { ...campaign };
  const { raw: _raw, ...rest } = campaign;
  return rest;
}

/** Planned requests, one block each: method, URL, purpose, headers, body. */
export function formatPlan(plan: readonly PlannedRequest[], indent = ""): string {
  if (plan.length === 0) return `${indent}(no request)\n`;
  return plan
    .map((request, index) => {
      const lines = [
        `${indent}${index + 1}. ${request.method} ${request.url}   # ${request.purpose}`,
      ];
      for (const [name, value] of Object.entries(request.headers)) {
        lines.push(`${indent}   ${name}: ${value}`);
      }
      if (request.body !== undefined) lines.push(`${indent}   body: ${request.body}`);
      return lines.join("\n");
    })
    .join("\n")
    .concat("\n");
}
