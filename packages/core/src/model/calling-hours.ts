import { type CallingHours, type TimeRange, WEEKDAYS, type Weekday } from "./campaign.js";

/** The windows of each weekday; a daily schedule has the same window on all seven. */
export function rangesByWeekday(hours: CallingHours): Record<Weekday, TimeRange[]> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [day, "daily" in hours ? [hours.daily] : [...(hours.weekly[day] ?? [])]]),
  ) as Record<Weekday, TimeRange[]>;
}

/** The one window a schedule uses every day, if it is that simple; otherwise undefined. */
export function sameWindowEveryDay(hours: CallingHours): TimeRange | undefined {
  if ("daily" in hours) return hours.daily;
  const days = Object.values(rangesByWeekday(hours));
  const [first] = days[0] ?? [];
  const same = days.every(
    (ranges) =>
      ranges.length === 1 && ranges[0]?.start === first?.start && ranges[0]?.end === first?.end,
  );
  return same ? first : undefined;
}

/** Calling hours from per-weekday windows: `daily` when every day has the same one window. */
export function callingHoursFrom(byDay: Partial<Record<Weekday, TimeRange[]>>): CallingHours {
  const weekly: Partial<Record<Weekday, TimeRange[]>> = {};
  for (const day of WEEKDAYS) {
    const ranges = byDay[day];
    if (ranges && ranges.length > 0) weekly[day] = ranges;
  }
  const daily = sameWindowEveryDay({ weekly });
  return daily ? { daily } : { weekly };
}
