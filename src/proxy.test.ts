import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pathRedirects, RENAMED_PATHS } from "../scripts/renamed-urls.mjs";
import { renamedQuery } from "./proxy";

const APP = path.resolve(import.meta.dirname, "app");

describe("addresses from before the URLs were all Indonesian", () => {
  it("rename old query parameters, keep the rest and their order, and let a new name win", () => {
    expect(renamedQuery(new URLSearchParams("period=custom&from=2026-01-01&to=2026-01-31&unitId=u1"))?.toString()).toBe(
      "periode=custom&dari=2026-01-01&sampai=2026-01-31&unit=u1",
    );
    expect(renamedQuery(new URLSearchParams("error=master.noRegion&via=qr"))?.toString()).toBe(
      "galat=master.noRegion&via=qr",
    );
    expect(renamedQuery(new URLSearchParams("page=2&hal=3"))?.toString()).toBe("hal=3");
    expect(renamedQuery(new URLSearchParams("periode=year&dari=2026-01-01&callbackUrl=%2Fdasbor"))).toBeNull();
    expect(renamedQuery(new URLSearchParams(""))).toBeNull();
  });

  it("send each old path and what is below it to the new one, and each new path is a page or route", () => {
    const redirects = pathRedirects();
    for (const [from, to] of RENAMED_PATHS) {
      expect(redirects).toContainEqual({ source: from, destination: to, permanent: true });
      expect(redirects).toContainEqual({ source: `${from}/:rest*`, destination: `${to}/:rest*`, permanent: true });
      expect(existsSync(path.join(APP, to)), to).toBe(true);
      expect(existsSync(path.join(APP, from)), from).toBe(false);
    }
    // a longer old prefix comes before a shorter one it starts with, or it would never be reached
    RENAMED_PATHS.forEach(([from], i) => {
      for (const [earlier] of RENAMED_PATHS.slice(0, i))
        expect(from.startsWith(`${earlier}/`), `${from} after ${earlier}`).toBe(false);
    });
  });
});
