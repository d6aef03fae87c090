import { describe, expect, it } from "vitest";
import { closest, didYouMean } from "./suggest.js";

describe("did you mean", () => {
  const commands = ["list", "get", "update", "pause", "resume", "plan", "capabilities", "apply"];

  it("names the close candidate for a typo, a swap, a missing or an extra letter", () => {
    expect(closest("lsit", commands)).toBe("list");
    expect(closest("updat", commands)).toBe("update");
    expect(closest("resumee", commands)).toBe("resume");
    expect(closest("capabilites", commands)).toBe("capabilities");
    expect(closest("PAUSE", commands)).toBe("pause");
    expect(didYouMean("altru", ["altur", "asisso"])).toBe("; did you mean altur?");
  });

  it("suggests nothing when no candidate is close", () => {
    expect(closest("frobnicate", commands)).toBeUndefined();
    expect(closest("xyz", commands)).toBeUndefined();
    expect(didYouMean("acme", ["altur", "asisso", "convoso", "velip", "voxo"])).toBe("");
  });
});
