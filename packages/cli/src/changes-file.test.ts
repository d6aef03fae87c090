import { describe, expect, it } from "vitest";
import { csvCells, formatOf, parseCsv, parseJsonl } from "./changes-file.js";
import { UsageError } from "./exit-codes.js";

describe("JSONL changes", () => {
  it("reads patches and actions with their line numbers, skipping blank lines", () => {
    const lines = parseJsonl(
      [
        '{"vendor":"altur","id":"1234","patch":{"name":"A"}}',
        "",
        '{"vendor":"convoso","id":111,"action":"pause"}',
      ].join("\n"),
    );
    expect(lines).toEqual([
      { ok: true, change: { line: 1, vendor: "altur", id: "1234", patch: { name: "A" } } },
      { ok: true, change: { line: 3, vendor: "convoso", id: "111", action: "pause" } },
    ]);
  });

  it("rejects a bad line naming its line and field", () => {
    const text = [
      "not json",
      '{"vendor":"nope","id":"1","patch":{}}',
      '{"id":"1","patch":{}}',
      '{"vendor":"altur","patch":{}}',
      '{"vendor":"altur","id":"1","action":"stop"}',
      '{"vendor":"altur","id":"1","action":"pause","patch":{"name":"x"}}',
      '{"vendor":"altur","id":"1","extra":true,"patch":{}}',
      '{"vendor":"altur","id":"1"}',
      "[1,2]",
    ].join("\r\n");
    const rejections = parseJsonl(text).map((line) => (line.ok ? undefined : line.rejection));
    expect(rejections.map((r) => [r?.line, r?.field])).toEqual([
      [1, undefined],
      [2, "vendor"],
      [3, "vendor"],
      [4, "id"],
      [5, "action"],
      [6, "action"],
      [7, "extra"],
      [8, "patch"],
      [9, undefined],
    ]);
    expect(rejections.every((r) => r?.code === "VALIDATION")).toBe(true);
  });

  it("takes the line's own vendor fields and refuses another vendor's, which would never be sent", () => {
    const [own, other] = parseJsonl(
      [
        '{"vendor":"velip","id":"1","patch":{"vendor":{"velip":{"max_answered":100}}}}',
        '{"vendor":"altur","id":"1","patch":{"name":"A","vendor":{"velip":{"max_answered":100}}}}',
      ].join("\n"),
    );
    expect(own).toMatchObject({
      ok: true,
      change: { patch: { vendor: { velip: { max_answered: 100 } } } },
    });
    expect(other).toMatchObject({
      ok: false,
      rejection: {
        line: 2,
        field: "patch.vendor.velip",
        message: expect.stringContaining("this line is on altur"),
      },
    });
  });
});

describe("CSV changes", () => {
  it("reads quoted cells with commas and doubled quotes (csv-parse)", () => {
    expect(csvCells('"x, y","say ""hi""",plain')).toEqual({
      ok: true,
      cells: ["x, y", 'say "hi"', "plain"],
    });
  });

  it("makes a stray quote or text after a closing quote an error of that line alone", () => {
    const lines = parseCsv(
      'vendor,id,name\naltur,1234,"Spring\naltur,1235,"a"b\naltur,1236,x"y\naltur,1237,After\n',
    );
    expect(
      lines.map((line) =>
        line.ok ? line.change.line : [line.rejection.line, line.rejection.message],
      ),
    ).toEqual([
      [2, "a quoted cell is not closed on this line (a cell cannot span lines)"],
      [3, expect.stringMatching(/goes on after its closing quote/)],
      [4, expect.stringMatching(/a quote inside a cell that does not start with one/)],
      5,
    ]);
  });

  it("turns rows into patches with the --set value syntax; empty cells set nothing", () => {
    const text = [
      "vendor,id,name,schedule.timezone,schedule.callingHours,pacing.callsPerMinute,redial.onBusy",
      'altur,1234,,Europe/Lisbon,"mon=09:00-12:00,14:00-17:00;fri=09:00-13:00",,',
      "velip,987654,Nova,,09:00-17:00,max,",
      "asisso,42,,,,,true",
    ].join("\n");
    expect(parseCsv(text)).toEqual([
      {
        ok: true,
        change: {
          line: 2,
          vendor: "altur",
          id: "1234",
          patch: {
            schedule: {
              timezone: "Europe/Lisbon",
              callingHours: {
                weekly: {
                  mon: [
                    { start: "09:00", end: "12:00" },
                    { start: "14:00", end: "17:00" },
                  ],
                  fri: [{ start: "09:00", end: "13:00" }],
                },
              },
            },
          },
        },
      },
      {
        ok: true,
        change: {
          line: 3,
          vendor: "velip",
          id: "987654",
          patch: {
            name: "Nova",
            schedule: { callingHours: { daily: { start: "09:00", end: "17:00" } } },
            pacing: { callsPerMinute: "max" },
          },
        },
      },
      {
        ok: true,
        change: { line: 4, vendor: "asisso", id: "42", patch: { redial: { onBusy: true } } },
      },
    ]);
  });

  it("reads an action column, and rejects a row with both an action and fields", () => {
    const lines = parseCsv(
      "vendor,id,action,status\nconvoso,111,pause,\nconvoso,222,resume,active\n",
    );
    expect(lines[0]).toEqual({
      ok: true,
      change: { line: 2, vendor: "convoso", id: "111", action: "pause" },
    });
    expect(lines[1]).toMatchObject({ ok: false, rejection: { line: 3, field: "action" } });
  });

  it("rejects rows with a wrong cell count, an unknown vendor, or unreadable hours", () => {
    const lines = parseCsv(
      "vendor,id,schedule.callingHours\naltur,1,09:00-17:00,extra\nfoo,1,\naltur,2,9-5\n",
    );
    expect(
      lines.map((line) => (line.ok ? undefined : [line.rejection.line, line.rejection.field])),
    ).toEqual([
      [2, undefined],
      [3, "vendor"],
      [4, "schedule.callingHours"],
    ]);
  });

  it("refuses a header without vendor/id or with a column that is not a patch field", () => {
    expect(() => parseCsv("id,name\n1,x\n")).toThrow(UsageError);
    expect(() => parseCsv("vendor,id,colour\naltur,1,blue\n")).toThrow(/line 1, column "colour"/);
    expect(() => parseCsv("vendor,id,name,name\n")).toThrow(UsageError);
    expect(() => parseCsv('vendor,"id,name\n')).toThrow(/line 1: the header: a quoted cell/);
  });

  it("knows the format by extension", () => {
    expect(formatOf("a.jsonl")).toBe("jsonl");
    expect(formatOf("a.CSV")).toBe("csv");
    expect(() => formatOf("a.txt")).toThrow(UsageError);
  });
});

describe("the account of a line", () => {
  it("is read from an account key (JSONL) or column (CSV); empty or absent is the default", () => {
    expect(
      parseJsonl(
        [
          '{"vendor":"altur","account":"client-b","id":"1","action":"pause"}',
          '{"vendor":"altur","account":"","id":"2","action":"pause"}',
        ].join("\n"),
      ),
    ).toEqual([
      {
        ok: true,
        change: { line: 1, vendor: "altur", account: "client-b", id: "1", action: "pause" },
      },
      { ok: true, change: { line: 2, vendor: "altur", id: "2", action: "pause" } },
    ]);
    expect(parseCsv("vendor,account,id,name\naltur,client_a,1,A\naltur,,2,B\n")).toEqual([
      {
        ok: true,
        change: { line: 2, vendor: "altur", account: "client_a", id: "1", patch: { name: "A" } },
      },
      { ok: true, change: { line: 3, vendor: "altur", id: "2", patch: { name: "B" } } },
    ]);
  });

  it("rejects an account that is not a name, naming the field", () => {
    const [jsonl] = parseJsonl('{"vendor":"altur","account":"Client A","id":"1","action":"pause"}');
    expect(jsonl).toMatchObject({
      ok: false,
      rejection: { line: 1, field: "account", code: "VALIDATION", vendor: "altur" },
    });
    const [number] = parseJsonl('{"vendor":"altur","account":7,"id":"1","action":"pause"}');
    expect(number).toMatchObject({ ok: false, rejection: { field: "account" } });
    const [csv] = parseCsv("vendor,account,id,action\naltur,-x,1,pause\n");
    expect(csv).toMatchObject({ ok: false, rejection: { line: 2, field: "account" } });
  });
});
