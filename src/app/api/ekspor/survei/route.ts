// Raw survey responses for HR and administrators, as CSV for Indonesian-locale Excel, read through the survey
// router (an audited read; never the respondent's contact).
import { TRPCError } from "@trpc/server";
import { csvOf } from "@/lib/csv";
import { getSession } from "@/server/auth";
import { serverCaller } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function GET() {
  const session = await getSession();
  if (!session?.user) return new Response("Unauthorized", { status: 401 });
  let table: string[][];
  try {
    table = await (await serverCaller()).survey.export();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "FORBIDDEN") return new Response("Forbidden", { status: 403 });
    throw e;
  }
  return new Response(csvOf(table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pantau-survei-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
