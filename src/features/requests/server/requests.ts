// Submitting a request and acting on it. Each action is one status event with actor and time, allowed
// only by the workflow table, recorded in the audit log, and idempotent: the form's action key is
// unique on the event, so a double click (or a resent form) does one thing and answers the same.
import { randomBytes, randomUUID } from "node:crypto";
import type { LeaveKind, Role } from "@/generated/prisma/enums";
import { isoDay, localDay } from "@/lib/domain/working-days";
import { recordAudit, type Actor } from "@/server/audit";
import type { Db } from "@/server/db/client";
import type { Mailer } from "@/server/mail";
import type { ObjectStore } from "@/server/storage/types";
import { isUnitWithin, unitAncestors } from "@/server/unit-scope";
import { documentField, documentsOf, parseFields, type FieldError, type FieldErrors } from "../forms";
import { transitionFor, type Party, type RequestAction } from "../workflow";
import {
  checkUpload,
  isChosen,
  removeStored,
  storeUploads,
  type CheckedUpload,
  type StoredDocument,
  type UploadFile,
} from "./documents";
import { regionCalendar } from "@/server/calendar";
import { checkLeave } from "./leave";
import { deliverEmails, notifyOwner } from "./notify";
import { now as clockNow } from "@/server/clock";

export interface RequestDeps {
  db: Db;
  store: ObjectStore;
  maxUploadBytes: number;
  mailer?: Mailer | null;
  /** Base of links in e-mails. */
  baseUrl?: string;
  now?: () => Date;
}

export interface RequestUser extends Actor {
  id: string;
  role: Role;
  unitId: string | null;
}

export type Outcome =
  { ok: true; requestId: string; number: string; repeated: boolean } | { ok: false; errors: FieldErrors };

const formError = (key: string, vars?: FieldError["vars"]): Outcome => ({ ok: false, errors: { form: { key, vars } } });

/** Checks every chosen file and that each required document is there; collects errors per field. */
async function checkDocuments(
  docs: { code: string; required: boolean }[],
  files: ReadonlyMap<string, UploadFile | null | undefined>,
  maxBytes: number,
  errors: FieldErrors,
  requireAll: boolean,
): Promise<{ kind: string; upload: CheckedUpload }[]> {
  const uploads: { kind: string; upload: CheckedUpload }[] = [];
  for (const d of docs) {
    const file = files.get(d.code);
    if (!isChosen(file)) {
      if (d.required && requireAll) errors[documentField(d.code)] = { key: "requests.error.document.required" };
      continue;
    }
    const checked = await checkUpload(file, maxBytes);
    if (checked.ok) uploads.push({ kind: d.code, upload: checked.upload });
    else errors[documentField(d.code)] = checked.error;
  }
  return uploads;
}

async function existingByKey(db: Db, actionKey: string) {
  const event = await db.requestEvent.findUnique({
    where: { actionKey },
    select: { request: { select: { id: true, number: true } } },
  });
  return event
    ? ({ ok: true, requestId: event.request.id, number: event.request.number, repeated: true } as const)
    : null;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export interface SubmitInput {
  serviceTypeId: string;
  values: Record<string, string | undefined>;
  files: ReadonlyMap<string, UploadFile | null | undefined>;
  /** Made when the form is shown. */
  actionKey: string;
}

/** An employee submits a request for an active service of their region. */
export async function submitRequest(deps: RequestDeps, user: RequestUser, input: SubmitInput): Promise<Outcome> {
  const { db } = deps;
  if (!KEY.test(input.actionKey)) return formError("requests.error.stale");
  const again = await existingByKey(db, input.actionKey);
  if (again) return again;
  const account = await db.user.findUnique({ where: { id: user.id }, select: { employee: true } });
  const employee = account?.employee;
  if (!employee || !employee.active) return formError("requests.error.noEmployee");
  const service = await db.serviceType.findFirst({
    where: { id: input.serviceTypeId, regionId: employee.regionId, active: true },
  });
  if (!service) return formError("requests.error.service");

  const errors: FieldErrors = {};
  const fields = parseFields(service.code, input.values);
  if (!fields.ok) Object.assign(errors, fields.errors);
  const now = deps.now?.() ?? clockNow();
  const { timezone } = await regionCalendar(db, employee.regionId);
  const today = localDay(now, timezone);
  const leaveCheck =
    fields.ok && fields.data.leaveKind
      ? {
          employeeId: employee.id,
          appointedOn: employee.appointedOn,
          regionId: employee.regionId,
          kind: fields.data.leaveKind as LeaveKind,
          startsOn: fields.data.startsOn!,
          endsOn: fields.data.endsOn!,
          today,
        }
      : null;
  let workingDays: number | null = null;
  if (leaveCheck) {
    const leave = await checkLeave(db, leaveCheck);
    if (leave.ok) workingDays = leave.workingDays;
    else Object.assign(errors, leave.errors);
  }
  const uploads = await checkDocuments(documentsOf(service.documents), input.files, deps.maxUploadBytes, errors, true);
  if (Object.keys(errors).length) return { ok: false, errors };

  const requestId = randomUUID();
  const number = `${service.code}/${isoDay(today).slice(0, 4)}/${randomBytes(4).toString("hex").toUpperCase()}`;
  const stored = await storeUploads(deps.store, requestId, uploads);
  try {
    await db.$transaction(async (tx) => {
      // One booking at a time per employee: the balance read below sees every earlier request.
      await tx.$executeRaw`SELECT 1 FROM "Employee" WHERE id = ${employee.id} FOR UPDATE`;
      if (leaveCheck) {
        const leave = await checkLeave(tx as unknown as Db, leaveCheck);
        if (!leave.ok) throw new Refused(leave.errors);
      }
      await tx.serviceRequest.create({
        data: {
          id: requestId,
          regionId: employee.regionId,
          number,
          serviceTypeId: service.id,
          employeeId: employee.id,
          unitId: employee.unitId,
          status: "SUBMITTED",
          submittedAt: now,
          details: fields.ok ? fields.data : {},
          leaveKind: leaveCheck?.kind ?? null,
          startsOn: leaveCheck ? new Date(leaveCheck.startsOn) : null,
          endsOn: leaveCheck ? new Date(leaveCheck.endsOn) : null,
          workingDays,
          slaDays: service.slaDays,
        },
      });
      await tx.requestEvent.create({
        data: {
          requestId,
          status: "SUBMITTED",
          actorId: user.id,
          actorName: user.name,
          at: now,
          actionKey: input.actionKey,
        },
      });
      await saveDocuments(tx, requestId, stored, user.id);
      await recordAudit(tx, user, {
        action: "request.submit",
        entity: "ServiceRequest",
        entityId: requestId,
        after: { number, service: service.code, workingDays, documents: stored.map((d) => d.kind) },
      });
    });
  } catch (e) {
    return failed(deps, stored, input.actionKey, e);
  }
  return { ok: true, requestId, number, repeated: false };
}

class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("refused");
  }
}

/**
 * A transaction that did not commit: its stored files go, and a double click whose twin got there first
 * (the twin's key is taken, or its request now blocks this one) is answered as the twin was.
 */
async function failed(deps: RequestDeps, stored: StoredDocument[], actionKey: string, e: unknown): Promise<Outcome> {
  await removeStored(deps.store, stored);
  if (e instanceof Refused || isUniqueViolation(e)) {
    const same = await existingByKey(deps.db, actionKey);
    if (same) return same;
  }
  if (e instanceof Refused) return { ok: false, errors: e.errors };
  throw e;
}

async function saveDocuments(
  tx: Pick<Db, "requestDocument">,
  requestId: string,
  stored: StoredDocument[],
  userId: string,
) {
  if (stored.length)
    await tx.requestDocument.createMany({ data: stored.map((d) => ({ ...d, requestId, uploadedById: userId })) });
}

/**
 * The parties a user is for a request: its owner, BKPSDM, its employee's supervisor (an active unit head
 * of the unit or a parent unit). Nobody acts on their own request as BKPSDM or supervisor. When no
 * supervisor account covers the unit, BKPSDM approves in the supervisor's place (audited as such).
 */
export async function partiesOf(
  db: Db,
  user: RequestUser,
  request: { employeeId: string; unitId: string },
): Promise<Set<Party>> {
  const parties = new Set<Party>();
  const account = await db.user.findUnique({ where: { id: user.id }, select: { employeeId: true } });
  if (account?.employeeId && account.employeeId === request.employeeId) {
    parties.add("owner");
    return parties;
  }
  const isHr = user.role === "HR" || user.role === "ADMIN";
  if (isHr) parties.add("hr");
  if (user.role === "UNIT_HEAD" && user.unitId && (await isUnitWithin(db, request.unitId, user.unitId)))
    parties.add("supervisor");
  if (isHr && !(await hasSupervisor(db, request))) parties.add("supervisor");
  return parties;
}

/** True when an active unit-head account (not the employee's own) covers the request's unit. */
async function hasSupervisor(db: Db, request: { employeeId: string; unitId: string }): Promise<boolean> {
  const heads = await db.user.count({
    where: {
      role: "UNIT_HEAD",
      active: true,
      unitId: { in: await unitAncestors(db, request.unitId) },
      OR: [{ employeeId: null }, { employeeId: { not: request.employeeId } }],
    },
  });
  return heads > 0;
}

export interface ActInput {
  requestId: string;
  action: RequestAction;
  reason?: string;
  actionKey: string;
  /** The decree/letter (complete) or the missing documents (resubmit), by document code (DECREE for the decree). */
  files?: ReadonlyMap<string, UploadFile | null | undefined>;
}

/** Takes one workflow action on a request. */
export async function actOnRequest(deps: RequestDeps, user: RequestUser, input: ActInput): Promise<Outcome> {
  const { db } = deps;
  if (!KEY.test(input.actionKey)) return formError("requests.error.stale");
  const again = await existingByKey(db, input.actionKey);
  if (again) return again;
  const request = await db.serviceRequest.findUnique({
    where: { id: input.requestId },
    include: { serviceType: true },
  });
  if (!request) return formError("requests.error.notFound");
  const parties = await partiesOf(db, user, request);
  if (parties.size === 0) return formError("requests.error.notFound");
  const transition = transitionFor(input.action, request.status, request.serviceType.viaBkn);
  if (!transition) return formError("requests.error.notAllowed", { status: `request.status.${request.status}` });
  if (!parties.has(transition.by)) return formError("requests.error.forbidden");

  const errors: FieldErrors = {};
  const reason = (input.reason ?? "").trim();
  if (transition.reason && !reason) errors.reason = { key: "requests.error.reason" };
  if (reason.length > 1000) errors.reason = { key: "requests.error.tooLong" };
  const files = input.files ?? new Map();
  const docs = transition.decree
    ? [{ code: "DECREE", required: true }]
    : input.action === "resubmit"
      ? documentsOf(request.serviceType.documents).map((d) => ({ ...d, required: false }))
      : [];
  const uploads = await checkDocuments(docs, files, deps.maxUploadBytes, errors, true);
  if (Object.keys(errors).length) return { ok: false, errors };

  const now = deps.now?.() ?? clockNow();
  const stored = await storeUploads(deps.store, request.id, uploads);
  let notified: string[] = [];
  try {
    notified = await db.$transaction(async (tx) => {
      // Moves only from the status this action was allowed from: if someone else acted first, nothing happens here.
      const moved = await tx.serviceRequest.updateMany({
        where: { id: request.id, status: transition.from },
        data: { status: transition.to, ...(transition.to === "COMPLETED" ? { completedAt: now } : {}) },
      });
      if (moved.count === 0) throw new Refused({ form: { key: "requests.error.changed" } });
      await tx.requestEvent.create({
        data: {
          requestId: request.id,
          status: transition.to,
          actorId: user.id,
          actorName: user.name,
          at: now,
          note: reason || null,
          actionKey: input.actionKey,
        },
      });
      await saveDocuments(tx, request.id, stored, user.id);
      await recordAudit(tx, user, {
        action: `request.${input.action}`,
        entity: "ServiceRequest",
        entityId: request.id,
        before: { status: transition.from },
        after: { status: transition.to, reason: reason || undefined, documents: stored.map((d) => d.kind) },
      });
      return parties.has("owner") && transition.by === "owner"
        ? []
        : notifyOwner(tx, request, transition.to, {
            number: request.number,
            serviceId: request.serviceType.nameId,
            serviceEn: request.serviceType.nameEn,
            note: reason || null,
          });
    });
  } catch (e) {
    return failed(deps, stored, input.actionKey, e);
  }
  // After the change is stored: e-mail failures are recorded, never thrown.
  await deliverEmails(db, deps.mailer, notified, deps.baseUrl ?? "").catch(() => undefined);
  return { ok: true, requestId: request.id, number: request.number, repeated: false };
}
