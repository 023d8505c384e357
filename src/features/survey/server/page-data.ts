// A fresh submission key for a survey form: made when the form is shown, so a double tap or a resent form
// stores one response.
import "server-only";
import { randomBytes } from "node:crypto";

export const newSubmissionKey = () => randomBytes(18).toString("base64url");
