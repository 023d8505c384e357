// What a probe of the running app found (issue 13), each checked against the production server.
import { expect, test } from "@playwright/test";
import { as, requestFrom } from "./helpers";

const answer = (key: string) =>
  JSON.stringify({
    submissionKey: key,
    ageGroup: "36-45",
    gender: "P",
    education: "SMA",
    occupation: "SWASTA",
    u1: 4,
    u2: 4,
    u3: 3,
    u4: 4,
    u5: 3,
    u6: 4,
    u7: 4,
    u8: 3,
    u9: 3,
  });

test("a client cannot pick its own address with X-Forwarded-For: the survey throttle holds", async () => {
  const statuses: number[] = [];
  for (let i = 1; i <= 7; i++) {
    const res = await requestFrom("127.0.0.21", "/api/survei/loket-cuti", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}` },
      body: answer(`e2e-xff-rotation-${String(i).padStart(6, "0")}`),
    });
    statuses.push(res.status);
  }
  // five answers in ten minutes per client (THROTTLE), however the header rotates
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
});

test("the audit log records the connection's address, not a forged one", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill("tidak-ada-akun");
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#login-error")).toBeVisible();
  await page.setExtraHTTPHeaders({});
  await as(page, "admin");
  await page.goto("/admin/audit");
  const row = page.getByRole("row").filter({ hasText: "auth.login_failed" }).first();
  await expect(row).toContainText("127.0.0.1");
  await expect(page.getByRole("table")).not.toContainText("203.0.113.99");
});

test("the login form posts and signs in without JavaScript; the password never reaches the address", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("request", (r) => seen.push(`${r.method()} ${r.url()}`));
  await page.goto("/masuk?callbackUrl=%2Fdasbor%2Fkehadiran");
  await page.getByLabel("Nama pengguna").fill("pimpinan");
  await page.getByLabel("Kata sandi").fill("salah-sandi-nojs");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#login-error")).toHaveText("Nama pengguna atau kata sandi salah.");
  await expect(page.getByLabel("Nama pengguna")).toHaveValue("pimpinan");
  await page.getByLabel("Kata sandi").fill("pantau-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor\/kehadiran$/);
  expect(seen.filter((r) => r.includes("password") || r.includes("pantau-demo"))).toEqual([]);
  expect(seen.some((r) => r.startsWith("POST ") && r.includes("/masuk"))).toBe(true);
  // signing out is a form post too
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/masuk/);
  await context.close();
});

test("after sign-in the browser stays on this site, whatever callbackUrl says", async ({ page }) => {
  for (const callback of [
    "/%5Cevil.example/",
    "/%5C%5Cevil.example/",
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "http://127.0.0.1:3210.evil.example/",
    "//evil.example/",
  ]) {
    await page.context().clearCookies();
    const res = await page.goto(`/masuk?callbackUrl=${callback}`);
    // a control character in the address is refused outright (400): nothing to sign into, nowhere to go
    if (/%0[9A]/.test(callback)) {
      expect(res?.status()).toBe(400);
      continue;
    }
    expect(res?.status()).toBe(200);
    await page.getByLabel("Nama pengguna").fill("pimpinan");
    await page.getByLabel("Kata sandi").fill("pantau-demo");
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:3210\/dasbor/);
  }
});

test("a deactivated or demoted account's open session ends at once", async ({ page, browser }) => {
  await as(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByLabel("Nama pengguna").fill("sesi.uji");
  await page.getByLabel("Nama", { exact: true }).fill("Sesi Uji");
  await page.getByLabel("Kata sandi awal").fill("sandi-sesi-2026");
  await page.getByLabel("Peran", { exact: true }).selectOption("LEADER");
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.getByText("Pengguna sesi.uji dibuat.")).toBeVisible();

  const other = await browser.newContext();
  const leader = await other.newPage();
  const overview = () =>
    leader.request.get(
      `/api/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify({ json: { period: "month" } }))}`,
    );
  const signIn = async () => {
    await other.clearCookies();
    await leader.goto("/masuk");
    await leader.getByLabel("Nama pengguna").fill("sesi.uji");
    await leader.getByLabel("Kata sandi").fill("sandi-sesi-2026");
    await leader.getByRole("button", { name: "Masuk" }).click();
    await expect(leader).toHaveURL(/\/dasbor/);
    expect((await overview()).status()).toBe(200);
  };

  // a new role: the same cookie no longer opens anything
  await signIn();
  const row = page.getByRole("row").filter({ hasText: "sesi.uji" });
  await row.getByText("Kelola sesi.uji").click();
  await row.getByLabel("Peran baru").selectOption("HR");
  await row.getByRole("button", { name: "Simpan peran dan unit" }).click();
  await expect(page.getByText("Perubahan disimpan. Jika peran atau unit berubah")).toBeVisible();
  expect((await overview()).status()).toBe(401);
  expect((await leader.request.get("/api/ekspor/kepatuhan?format=csv")).status()).toBe(401);
  await leader.goto("/dasbor");
  await expect(leader).toHaveURL(/\/masuk/);

  // deactivated
  await signIn();
  await row.getByRole("button", { name: /Nonaktifkan sesi.uji/ }).click();
  await expect(row).toContainText("Nonaktif · Aktifkan");
  expect((await overview()).status()).toBe(401);

  // sign out everywhere
  await row.getByRole("button", { name: /Aktifkan sesi.uji/ }).click();
  await expect(row).toContainText("Aktif · Nonaktifkan");
  await signIn();
  await row.getByRole("button", { name: "Keluarkan dari semua perangkat" }).click();
  await expect(page.getByText("sesi.uji dikeluarkan dari semua perangkat.")).toBeVisible();
  expect((await overview()).status()).toBe(401);
  await other.close();
});

test("every answer carries the security headers; API answers are not cached", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  // the nonce is fresh on every answer, and Next.js's own scripts carry it (the page hydrates: see the other specs)
  const again = (await page.request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(h["content-security-policy"]);
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1]!;
  // (browsers hide a nonce attribute from selectors; the script's nonce property still holds it)
  expect(await page.evaluate((n) => [...document.scripts].filter((x) => x.nonce === n).length, nonce)).toBeGreaterThan(
    0,
  );
  // plain HTTP here: no HSTS (scripts/server.mjs sends it over HTTPS)
  expect(h["strict-transport-security"]).toBeUndefined();
  await as(page, "pimpinan");
  const api = await page.request.get(`/api/trpc/dashboard.serviceTypes`);
  expect(api.headers()["cache-control"]).toBe("no-store");
  // a signed-in dashboard with its charts draws without one CSP complaint
  await page.goto("/dasbor");
  await expect(page.getByTestId("tile-completed").locator(".tile-value")).toBeVisible();
  expect(violations).toEqual([]);
});

test("/api/health tells the public only whether Pantau is up; the details are for an administrator", async ({
  page,
}) => {
  const anonymous = await page.request.get("/api/health");
  expect(anonymous.status()).toBe(200);
  expect(await anonymous.json()).toEqual({ status: "ok" });
  await as(page, "admin");
  const admin = await (await page.request.get("/api/health")).json();
  expect(admin).toMatchObject({ status: "ok", relational: { ok: true }, analytics: { ok: true } });
  expect(admin.relational.target).toMatch(/PGlite|PostgreSQL/);
});

test("a NUL byte in an address or a tRPC input is a clear 400, never a server error", async ({ page }) => {
  expect((await page.request.get("/kepatuhan/pegawai/abc%00def")).status()).toBe(400);
  expect((await page.request.get("/laporan?x=%0A")).status()).toBe(400);
  await as(page, "bkpsdm");
  // in the address it never reaches the app; in a body, tRPC refuses it before any store
  expect(
    (
      await page.request.get(
        `/api/trpc/dashboard.overview?input=${encodeURIComponent(JSON.stringify({ json: { period: "month", unitId: "a\u0000b" } }))}`,
      )
    ).status(),
  ).toBe(400);
  const res = await page.request.post("/api/trpc/survey.setFollowUp", {
    data: { json: { id: "a\u0000b", state: "RESOLVED" } },
  });
  expect(res.status()).toBe(400);
  expect(JSON.stringify(await res.json())).toContain("validation.text");
});

test("a tRPC batch is capped", async ({ page }) => {
  await as(page, "pimpinan");
  const batch = (n: number) => {
    const names = Array.from({ length: n }, () => "dashboard.serviceTypes").join(",");
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }]));
    return page.request.get(`/api/trpc/${names}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
  };
  expect((await batch(10)).status()).toBe(200);
  expect((await batch(50)).status()).toBe(400);
});

test("another unit's employee is answered exactly as an unknown one", async ({ page }) => {
  await as(page, "bkpsdm");
  await page.goto("/kepatuhan?semua=1");
  // an employee outside Dinas Pendidikan, from the region-wide list
  const outside = page
    .locator(".compliance-table tbody tr")
    .filter({ hasNotText: /Dinas Pendidikan|SMP Negeri|Sekolah Dasar/ })
    .first()
    .getByRole("link")
    .first();
  const href = (await outside.getAttribute("href"))!;
  await as(page, "kadisdik");
  const other = await page.goto(href);
  const unknown = await page.goto("/kepatuhan/pegawai/tidak-ada-pegawai-ini");
  expect(other?.status()).toBe(404);
  expect(unknown?.status()).toBe(404);
});

test("the survey API reads a few KB at most and refuses fields it does not know", async () => {
  const huge = await requestFrom("127.0.0.22", "/api/survei/loket-cuti", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ suggestion: "x".repeat(1_000_000) }),
  });
  expect(huge.status).toBe(413);
  expect(JSON.parse(huge.body).messages.form.id).toContain("terlalu besar");
  const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 1]));
  const keys = await requestFrom("127.0.0.22", "/api/survei/loket-cuti", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...JSON.parse(answer("e2e-extra-keys-0000001")), ...extra }),
  });
  expect(keys.status).toBe(400);
  expect(JSON.parse(keys.body).errors).toEqual({ form: "survey.error.unknownField" });
  const typed = await requestFrom("127.0.0.22", "/api/survei/loket-cuti", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...JSON.parse(answer("e2e-loose-types-000001")), u1: true, u2: [3], u3: "4" }),
  });
  expect(typed.status).toBe(400);
  const body = JSON.parse(typed.body) as {
    errors: Record<string, string>;
    messages: Record<string, { id: string; en: string }>;
  };
  expect(body.errors).toEqual({ u1: "survey.error.score", u2: "survey.error.score", u3: "survey.error.score" });
  expect(body.messages.u1).toEqual({ id: "Pilih salah satu jawaban.", en: "Choose one answer." });
  const unknown = await requestFrom("127.0.0.22", "/api/survei/loket-cuti", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...JSON.parse(answer("e2e-unknown-key-000001")), kolom: 1 }),
  });
  expect(JSON.parse(unknown.body).errors).toEqual({ form: "survey.error.unknownField" });
});

test("what the survey form sends cannot turn an open link's answer into an invite's", async ({ page }) => {
  await page.goto("/survei/loket-cuti");
  await page.getByLabel("Usia").selectOption("46-55");
  await page.getByLabel("Jenis kelamin").selectOption("L");
  await page.getByLabel("Pendidikan terakhir").selectOption("SMA");
  await page.getByLabel("Pekerjaan").selectOption("SWASTA");
  for (let i = 1; i <= 9; i++) await page.locator(`input[name="u${i}"][value="3"]`).check();
  await page.getByLabel("Saran, masukan, atau pengaduan").fill("Jawaban uji saluran");
  await page.locator('input[name="via"]').evaluate((el: HTMLInputElement) => (el.value = "INVITE"));
  await page.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(page).toHaveURL(/\/survei\/terima-kasih/);
  await as(page, "bkpsdm");
  const csv = await (await page.request.get("/api/ekspor/survei")).text();
  const row = csv.split("\r\n").find((l) => l.includes("Jawaban uji saluran"))!;
  expect(row.split(";")[2]).toBe("LINK");
});

test("a form post larger than any form is answered with its reason, not a server error; the form checks file sizes first", async ({
  page,
}) => {
  const res = await page.request.post("/layanan/ajukan", {
    headers: { "content-type": "multipart/form-data; boundary=x", "next-action": "x" },
    data: Buffer.alloc(46 * 1024 * 1024, 97),
  });
  expect(res.status()).toBe(413);
  expect(await res.text()).toContain("Berkas terlalu besar");
  await as(page, "pegawai");
  await page.goto("/layanan/ajukan");
  await page.getByRole("link", { name: /^Cuti/ }).click();
  await page
    .getByLabel("Surat permohonan cuti")
    .setInputFiles({ name: "besar.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await page.getByRole("button", { name: "Kirim permohonan" }).click();
  await expect(page.locator("#doc_SURAT_PERMOHONAN-error")).toHaveText('Berkas "besar.pdf" lebih besar dari 5 MB.');
});

test("a username with a NUL byte is a wrong login, never an internal error", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").evaluate((el: HTMLInputElement) => (el.value = "pim\u0000pinan"));
  await page.getByLabel("Kata sandi").fill("pantau-demo");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#login-error")).toHaveText("Nama pengguna atau kata sandi salah.");
  await expect(page.locator("main")).not.toContainText(/prisma|invalid byte|0x00/i);
});
