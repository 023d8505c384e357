import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { AppHeader } from "@/components/AppHeader";
import { I18nProvider } from "@/i18n/client";
import { getTranslator } from "@/i18n/server";
import { unreadCount } from "@/features/requests/server/queries";
import { getSession } from "@/server/auth";
import { getDb } from "@/server/db";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pantau", template: "%s · Pantau" },
  description: "Pemantauan layanan kepegawaian pemerintah daerah",
  // public/: the favicon (browsers ask for it on every page) and the web app manifest for a home screen
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: "/icon-192.png",
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f4e8c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is per request (the reader's session, language and data): said first, so the build never
  // tries to render one ahead of time (which would ask for the production secret at build time).
  await connection();
  const [{ locale, t }, session] = await Promise.all([getTranslator(), getSession()]);
  const unread = session?.user ? await unreadCount(await getDb(), session.user.id).catch(() => 0) : 0;
  return (
    <html lang={locale}>
      <body>
        <a href="#content" className="skip-link">
          {t("nav.skip")}
        </a>
        <I18nProvider locale={locale}>
          <TRPCReactProvider>
            <AppHeader session={session} locale={locale} t={t} unread={unread} />
            <main id="content" tabIndex={-1}>
              {children}
            </main>
          </TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
