import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const navigation = (page: import("@playwright/test").Page) =>
  page.getByRole("navigation", { name: /Navigasi utama|Main navigation/ });

const roles = [
  {
    username: "admin",
    home: "/dasbor",
    nav: [
      "Dasbor",
      "Antrian kerja",
      "Kepatuhan e-Kinerja",
      "Notifikasi",
      "Profil saya",
      "Mulai",
      "Impor data",
      "Data induk",
      "Survei",
      "Laporan publik",
      "Pengaturan",
      "Pengguna",
      "Log audit",
    ],
    refused: null,
  },
  { username: "pimpinan", home: "/dasbor", nav: ["Dasbor", "Notifikasi", "Profil saya"], refused: "/antrian" },
  {
    username: "bkpsdm",
    home: "/dasbor",
    nav: [
      "Dasbor",
      "Antrian kerja",
      "Kepatuhan e-Kinerja",
      "Notifikasi",
      "Profil saya",
      "Impor data",
      "Data induk",
      "Survei",
      "Laporan publik",
      "Pengaturan",
      "Pengguna",
    ],
    refused: "/admin/audit",
  },
  {
    username: "kadisdik",
    home: "/dasbor",
    nav: ["Dasbor", "Antrian kerja", "Kepatuhan e-Kinerja", "Notifikasi", "Profil saya"],
    refused: "/admin/pengguna",
  },
  { username: "pegawai", home: "/layanan", nav: ["Layanan saya", "Notifikasi", "Profil saya"], refused: "/dasbor" },
];

for (const role of roles) {
  test(`${role.username} sees the navigation of the role${role.refused ? ` and is refused ${role.refused}` : ""}`, async ({
    page,
  }) => {
    await login(page, role.username);
    await expect(page).toHaveURL(new RegExp(`${role.home}$`));
    await expect(navigation(page).getByRole("link")).toHaveText(role.nav);
    if (role.refused) {
      const res = await page.goto(role.refused);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
    }
  });
}

test("a unit head sees only their unit and its sub-units", async ({ page }) => {
  await login(page, "kadisdik");
  await expect(page.getByText("Cakupan: Dinas Pendidikan dan sub-unitnya")).toBeVisible();
  // Dinas Pendidikan with SMP Negeri 1 and the demo history's pooled schools, and no "all units"
  await expect(page.getByLabel("Unit kerja").locator("option")).toHaveCount(4);
  const other = await page.request.get(
    `/api/trpc/units.get?input=${encodeURIComponent(JSON.stringify({ json: { unitId: "not-mine" } }))}`,
  );
  expect(other.status()).toBe(403);
});

test("the language switch changes the whole UI and keeps Indonesian number/date formats", async ({ page }) => {
  await login(page, "admin");
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expect(navigation(page).getByRole("link")).toHaveText([
    "Dashboard",
    "Work queue",
    "e-Kinerja compliance",
    "Notifications",
    "My profile",
    "Getting started",
    "Data imports",
    "Master data",
    "Survey",
    "Public reports",
    "Settings",
    "Users",
    "Audit log",
  ]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "ID" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dasbor");
  await page.goto("/saya");
  await expect(page.locator("dd").last()).toHaveText(
    /^\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} \d{2}:\d{2}$/,
  );
});

test("a wrong password shows a clear error and the admin can create a user (audited)", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("Nama pengguna").fill("admin");
  await page.getByLabel("Kata sandi").fill("salah-sandi");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.locator("#login-error")).toHaveText("Nama pengguna atau kata sandi salah.");

  await login(page, "admin");
  await page.goto("/admin/pengguna");
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.getByText("Kata sandi minimal 8 karakter.")).toBeVisible();
  await page.getByLabel("Nama pengguna").fill("dewi.k");
  await page.getByLabel("Nama", { exact: true }).fill("Dewi Kartika");
  await page.getByLabel("Kata sandi awal").fill("sandi-dewi-2026");
  await page.getByLabel("Peran", { exact: true }).selectOption("HR");
  await page.getByRole("button", { name: "Simpan pengguna" }).click();
  await expect(page.getByText("Pengguna dewi.k dibuat.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "dewi.k", exact: true })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("cell", { name: "user.create" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "auth.login_failed" }).first()).toBeVisible();
});

test("anonymous visitors get the landing page and are sent to login from private pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Layanan kepegawaian yang terukur dan terbuka");
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fdasbor/);
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).status).toBe("ok");
});

test("HR sees the demo history's ETL run and imported export files, with counts in Indonesian format", async ({
  page,
}) => {
  await login(page, "bkpsdm");
  await navigation(page).getByRole("link", { name: "Impor data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impor data dan ETL");
  const runs = page.getByRole("table").first();
  const demoRun = runs.getByRole("row").filter({ hasText: "demo" });
  await expect(demoRun).toContainText("Berhasil");
  const files = page.getByRole("table").nth(1);
  expect(await files.getByRole("row").count()).toBeGreaterThan(48); // two exports per month of two years
  await expect(files.getByRole("cell", { name: /^absensi-/ }).first()).toBeVisible();
  await expect(files.getByRole("cell", { name: /^\d{1,3}(\.\d{3})+$/ }).first()).toBeVisible();
});
