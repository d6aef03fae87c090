import { describe, expect, it } from "vitest";
import { type ItemsPath, splitJsonItems } from "./json-items.js";

/** Splits `text` in pieces of `size` characters, and puts the parsed elements back in place. */
function splitAndRebuild(text: string, path: ItemsPath, size: number) {
  const items: unknown[] = [];
  const splitter = splitJsonItems(path, 256, (item) => items.push(JSON.parse(item)));
  for (let i = 0; i < text.length; i += size) splitter.write(text.slice(i, i + size));
  const envelope = JSON.parse(splitter.end());
  if (!splitter.split) return { value: envelope, items };
  const key = path === "$" ? undefined : path.slice(2);
  expect(key === undefined ? envelope : envelope[key]).toEqual([]);
  return { value: key === undefined ? items : { ...envelope, [key]: items }, items };
}

const listing = {
  total_count: 3,
  campaigns: [
    { id: 1, name: 'quote " and \\ backslash, [bracket] {brace}', tags: ["a,b", "]"] },
    { id: 2, nested: { deep: [[1, 2], { x: "}" }] } },
    "a string element",
    42,
    null,
  ],
  pagination: { has_next: false, campaigns: ["not the top-level key"] },
};

describe("splitJsonItems", () => {
  it("gives, for every way of cutting the text, what JSON.parse of the whole gives", () => {
    const texts = [JSON.stringify(listing), JSON.stringify(listing, null, 2)];
    for (const text of texts) {
      for (const size of [1, 2, 3, 7, 64, text.length]) {
        const { value, items } = splitAndRebuild(text, "$.campaigns", size);
        expect(value).toEqual(JSON.parse(text));
        expect(items).toHaveLength(listing.campaigns.length);
      }
    }
  });

  it("splits an answer that is the array itself", () => {
    const text = ` [ {"id":1}, {"id":2,"s":"\\"]"} ,3 ] `;
    for (const size of [1, 5, text.length]) {
      const { value, items } = splitAndRebuild(text, "$", size);
      expect(value).toEqual(JSON.parse(text));
      expect(items).toHaveLength(3);
    }
    expect(splitAndRebuild("[]", "$", 1).value).toEqual([]);
  });

  it("leaves in the envelope what it does not recognise: an escaped key, another shape, a nested key", () => {
    for (const text of [
      '{"camp\\u0061igns":[{"id":1}]}',
      '{"campaigns":"not an array"}',
      '{"other":{"campaigns":[1,2]}}',
      '[{"campaigns":[1]}]',
    ]) {
      const items: string[] = [];
      const splitter = splitJsonItems("$.campaigns", 256, (item) => items.push(item));
      splitter.write(text);
      expect(JSON.parse(splitter.end())).toEqual(JSON.parse(text));
      expect(items).toEqual([]);
      expect(splitter.split).toBe(false);
    }
  });

  it("refuses a second array under the same key, empty elements, a cut-off text and deep nesting", () => {
    const run =
      (text: string, maxDepth = 256) =>
      () => {
        const splitter = splitJsonItems("$.campaigns", maxDepth, () => undefined);
        splitter.write(text);
        splitter.end();
      };
    expect(run('{"campaigns":[1],"campaigns":[2]}')).toThrow(/holds "campaigns" twice/);
    expect(run('{"campaigns":[1,,2]}')).toThrow(SyntaxError);
    expect(run('{"campaigns":[1,]}')).toThrow(SyntaxError);
    expect(run('{"campaigns":[,1]}')).toThrow(SyntaxError);
    expect(run('{"campaigns":[{"id":1},')).toThrow(/ends before its JSON does/);
    expect(run(`{"campaigns":[${"[".repeat(10)}${"]".repeat(10)}]}`, 8)).toThrow(RangeError);
  });

  it("takes only the two paths it can follow", () => {
    expect(() => splitJsonItems("$.a.b" as ItemsPath, 256, () => undefined)).toThrow(TypeError);
  });
});
