/** `HH:MM`, 00:00–23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `YYYY-MM-DD`, years 1000–9999. */
const ISO_DATE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is `YYYY-MM-DD` and a real date (no 31 April, 29 February only in leap years).
 */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const knownZones = new Map<string, boolean>();

/** An IANA zone name (`Europe/Lisbon`, `UTC`) that this runtime knows; not an offset like `+01:00`. */
export function isIanaTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  // Asking Intl is slow (it builds a formatter), and the same few zones come back all the time.
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: value });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(value, known);
  }
  return known;
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** `09:00:00` or `09:00` → `09:00`; anything else → undefined. */
export function toTimeOfDay(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const time = value.slice(0, 5);
  return TIME_OF_DAY.test(time) && (value.length === 5 || /^:[0-5]\d$/.test(value.slice(5)))
    ? time
    : undefined;
}
