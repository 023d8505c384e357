import { accountRouter } from "@/features/account/server/router";
import { auditRouter } from "@/features/admin/server/audit-router";
import { complianceRouter } from "@/features/compliance/server/router";
import { dashboardRouter } from "@/features/dashboard/server/router";
import { usersRouter } from "@/features/admin/server/users-router";
import { importsRouter } from "@/features/imports/server/router";
import { reportsRouter } from "@/features/reports/server/router";
import { setupRouter } from "@/features/setup/server/router";
import { requestsRouter } from "@/features/requests/server/router";
import { surveyRouter } from "@/features/survey/server/router";
import { unitsRouter } from "@/features/units/server/router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  units: unitsRouter,
  users: usersRouter,
  audit: auditRouter,
  imports: importsRouter,
  dashboard: dashboardRouter,
  survey: surveyRouter,
  compliance: complianceRouter,
  requests: requestsRouter,
  reports: reportsRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
