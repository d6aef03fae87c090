import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { clip, formatCallingHours, keyValues, table } from "./format.js";

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

  it("aligns accented names (composed or not), emoji and wide characters by terminal columns", () => {
    const names = ["Jose\u0301 Nu\u0301n\u0303ez", "Café", "📞 Calls", "日本 wave", "Plain"];
    const text = table(
      ["NAME", "STATUS"],
      names.map((name) => [name, "active"]),
    );
    const lines = text.trimEnd().split("\n");
    // Every STATUS cell starts at the same terminal column as its header.
    const column = (line: string) => stringWidth(line.slice(0, line.lastIndexOf(" ") + 1));
    const header = lines[0] ?? "";
    expect(column(header)).toBe(stringWidth("José Núñez") + 2);
    for (const line of lines.slice(2)) expect(column(line)).toBe(column(header));
    expect(lines[1]).toBe(`${"-".repeat(10)}  ------`);
    expect(
      keyValues([
        ["📞", "x"],
        ["ab", "y"],
        ["abc", "z"],
      ]),
    ).toBe("📞   x\nab   y\nabc  z\n");
  });

  it("clips by terminal columns, never inside a character", () => {
    expect(clip("日本語のキャンペーン", 7)).toBe("日本語…");
    expect(stringWidth(clip("日本語のキャンペーン", 7))).toBeLessThanOrEqual(7);
    expect(clip("👨‍👩‍👧 family campaign", 4)).toBe("👨‍👩‍👧 …");
    expect(clip("short", 40)).toBe("short");
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
