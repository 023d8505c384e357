// What the public survey pages need: the element wording (the region's, or the defaults) and a fresh
// submission key for the form.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { ELEMENTS } from "@/lib/domain/ikm";
import { DEFAULT_ELEMENTS, type ElementWording } from "../elements";

export async function elementWording(db: Db): Promise<ElementWording[]> {
  const rows = await db.surveyElement.findMany();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return DEFAULT_ELEMENTS.map((d) => {
    const r = byCode.get(d.code);
    return r && r.optionsId.length === 4 && r.optionsEn.length === 4
      ? {
          code: d.code,
          questionId: r.questionId,
          questionEn: r.questionEn,
          optionsId: r.optionsId as ElementWording["optionsId"],
          optionsEn: r.optionsEn as ElementWording["optionsEn"],
        }
      : d;
  }).filter((e) => ELEMENTS.includes(e.code));
}

export const newSubmissionKey = () => randomBytes(18).toString("base64url");
