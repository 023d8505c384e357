import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./safe-redirect";

describe("where sign-in may send the browser", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(sameOriginPath("/kepatuhan?unit=a&dari=2026-01#daftar")).toBe("/kepatuhan?unit=a&dari=2026-01#daftar");
    expect(sameOriginPath("/")).toBe("/");
  });

  it("refuses every way the probe left the site, and anything that is not a path", () => {
    for (const raw of [
      "/\\evil.example/",
      "/\\\\evil.example/",
      "/\t/evil.example/",
      "/\n/evil.example/",
      "//evil.example/",
      "http://localhost:3100.evil.example/",
      "/.//evil.example",
      "/..//evil.example",
      "/%2e//evil.example",
      "/a/..//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "evil.example",
      "",
      null,
      undefined,
      "/" + "a".repeat(2001),
    ]) {
      expect(sameOriginPath(raw)).toBeNull();
    }
  });
});
