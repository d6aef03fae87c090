import { describe, expect, it } from "vitest";
import { callingHoursFrom, rangesByWeekday, sameWindowEveryDay } from "./calling-hours.js";

const nineToFive = { start: "09:00", end: "17:00" };
const everyDay = {
  mon: [nineToFive],
  tue: [nineToFive],
  wed: [nineToFive],
  thu: [nineToFive],
  fri: [nineToFive],
  sat: [nineToFive],
  sun: [nineToFive],
};

describe("calling hours", () => {
  it("expands a daily window to every weekday", () => {
    expect(rangesByWeekday({ daily: nineToFive })).toEqual(everyDay);
  });

  it("finds the one daily window of a uniform weekly schedule, and none otherwise", () => {
    expect(sameWindowEveryDay({ weekly: everyDay })).toEqual(nineToFive);
    expect(sameWindowEveryDay({ weekly: { ...everyDay, sun: [] } })).toBeUndefined();
    expect(
      sameWindowEveryDay({ weekly: { ...everyDay, mon: [{ start: "09:00", end: "16:00" }] } }),
    ).toBeUndefined();
  });

  it("reads per-day windows back as daily when they are all the same", () => {
    expect(callingHoursFrom(everyDay)).toEqual({ daily: nineToFive });
    expect(callingHoursFrom({ mon: [nineToFive], tue: [] })).toEqual({
      weekly: { mon: [nineToFive] },
    });
  });
});
