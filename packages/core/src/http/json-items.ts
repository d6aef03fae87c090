/**
 * Where an answer lists its items: `$` for an answer that is the array itself, `$.<key>` for the
 * array under one key of the answer's object (`$.campaigns`).
 */
export type ItemsPath = "$" | `$.${string}`;

/** What `splitJsonItems` returns: feed it the text, then ask for the rest. */
export interface JsonItemSplitter {
  /** Takes the next piece of the text; hands each element completed in it to `onItem`. */
  write(piece: string): void;
  /** The rest of the document, with the array left empty (the whole text when it was not found). */
  end(): string;
  /** Whether the array was found and its elements cut out. */
  readonly split: boolean;
  /** How many elements were cut out. */
  readonly items: number;
}

const SPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);
// Character codes: " \ [ ] { } , :
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Cuts a JSON text, as it arrives in pieces, into the element texts of one array (see
 * `ItemsPath`) and the rest of the document (the envelope, with that array left empty), so that
 * a listing of 10,000 campaigns is parsed one element at a time and never held as one text.
 *
 * Hand-written rather than a streaming JSON parser: it only finds element boundaries, and each
 * element is then parsed by the native `JSON.parse`, several times faster than a tokenizer in
 * JavaScript; and it adds well under 1 kB to vendor bundles held to a size budget. Anything it
 * does not recognise (an escaped key, another shape) stays in the envelope, which is parsed
 * whole: the result is always what `JSON.parse` of the whole text gives, or an error.
 * (A closure, not a class, so that a minifier can shorten every name in it.)
 */
export function splitJsonItems(
  path: ItemsPath,
  maxDepth: number,
  onItem: (text: string) => void,
): JsonItemSplitter {
  if (path !== "$" && !/^\$\.[^.]+$/.test(path))
    throw new TypeError(`unsupported items path ${JSON.stringify(path)}: use "$" or "$.<key>"`);
  /** The member key to split under, or `undefined` for a top-level array. */
  const key = path === "$" ? undefined : path.slice(2);
  const keyLength = key?.length ?? 0;
  /** The depth of the array's elements. */
  const itemDepth = key === undefined ? 1 : 2;
  const envelope: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let phase: "seeking" | "inside" | "done" = "seeking";
  let itemParts: string[] = [];
  let itemOpen = false;
  /** A comma was read inside the array since the last element closed. */
  let afterComma = false;
  let items = 0;
  // The keys of the top-level object (only for `$.<key>`): is the next string one, is it ours.
  let expectKey = false;
  let inKey = false;
  let keyText = "";
  let keyMatched = false;
  /** The value being read is our key's. */
  let valueOfKey = false;

  const endKey = () => {
    inKey = false;
    expectKey = false;
    keyMatched = keyText === key;
    // `JSON.parse` keeps the last of two equal keys; the array already cut out was the first.
    if (keyMatched && phase === "done") throw new SyntaxError(`the answer holds "${key}" twice`);
  };
  const closeItem = (last: string) => {
    itemParts.push(last);
    const text = itemParts.join("");
    itemParts = [];
    itemOpen = false;
    afterComma = false;
    items++;
    onItem(text);
  };

  const write = (piece: string) => {
    let envelopeFrom = phase === "inside" ? -1 : 0;
    let itemFrom = itemOpen ? 0 : -1;
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (code === BACKSLASH) escaped = true;
        else if (code === QUOTE) {
          inString = false;
          if (inKey) endKey();
        }
        if (inKey && keyText.length <= keyLength) keyText += piece[i];
        continue;
      }
      const inside = phase === "inside";
      if (inside && depth === itemDepth && !SPACE.has(code)) {
        if (code === COMMA || code === CLOSE_ARRAY) {
          if (itemOpen) {
            closeItem(piece.slice(itemFrom, i));
            itemFrom = -1;
          } else if (code === COMMA || afterComma) {
            throw new SyntaxError("an empty element in the listed array");
          }
          if (code === COMMA) {
            afterComma = true;
            continue;
          }
        } else if (!itemOpen) {
          itemOpen = true;
          itemFrom = i;
        }
      }
      if (code === QUOTE) {
        inString = true;
        if (expectKey && depth === 1) {
          inKey = true;
          keyText = "";
        }
      } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
        const opensTarget =
          phase === "seeking" &&
          code === OPEN_ARRAY &&
          (key === undefined ? depth === 0 : depth === 1 && valueOfKey);
        if (depth === 1) valueOfKey = false;
        depth++;
        if (depth > maxDepth) throw new RangeError(`the body nests deeper than ${maxDepth} levels`);
        if (depth === 1 && code === OPEN_OBJECT) expectKey = true;
        if (opensTarget) {
          envelope.push(piece.slice(envelopeFrom, i + 1));
          envelopeFrom = -1;
          phase = "inside";
        }
      } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
        if (inside && depth === itemDepth && code === CLOSE_ARRAY) {
          phase = "done";
          envelopeFrom = i;
        }
        depth--;
      } else if (code === COLON && depth === 1) {
        valueOfKey = keyMatched;
        keyMatched = false;
      } else if (code === COMMA && depth === 1) {
        expectKey = true;
        valueOfKey = false;
      } else if (depth === 1 && !SPACE.has(code)) {
        valueOfKey = false;
      }
    }
    if (envelopeFrom >= 0) envelope.push(piece.slice(envelopeFrom));
    if (itemOpen && itemFrom >= 0) itemParts.push(piece.slice(itemFrom));
  };

  return {
    write,
    end() {
      if (phase === "inside" || inString || depth !== 0)
        throw new SyntaxError("the body ends before its JSON does");
      return envelope.join("");
    },
    get split() {
      return phase !== "seeking";
    },
    get items() {
      return items;
    },
  };
}
