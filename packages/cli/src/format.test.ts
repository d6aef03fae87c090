import { describe, expect, it } from "vitest";
import { formatCallingHours, table } from "./format.js";

describe("tables", () => {
  it("aligns columns under their headers", () => {
    expect(
      table(
        ["ID", "NAME"],
        [
          ["1", "Alpha"],
          ["1234", "B"],
        ],
      ),
    ).toBe("ID    NAME\n----  -----\n1     Alpha\n1234  B\n");
  });

  it("formats calling hours compactly", () => {
    expect(formatCallingHours({ daily: { start: "09:00", end: "17:00" } })).toBe(
      "09:00-17:00 daily",
    );
    expect(
      formatCallingHours({
        weekly: {
          mon: [
            { start: "09:00", end: "12:00" },
            { start: "14:00", end: "17:00" },
          ],
          fri: [{ start: "09:00", end: "13:00" }],
        },
      }),
    ).toBe("mon 09:00-12:00,14:00-17:00; fri 09:00-13:00");
    const nine = [{ start: "09:00", end: "18:00" }];
    expect(
      formatCallingHours({
        weekly: {
          mon: nine,
          tue: nine,
          wed: nine,
          thu: nine,
          fri: nine,
          sat: [{ start: "10:00", end: "12:00" }],
        },
      }),
    ).toBe("mon-fri 09:00-18:00; sat 10:00-12:00");
    expect(formatCallingHours(undefined)).toBe("");
  });
});
