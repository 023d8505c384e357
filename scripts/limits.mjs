// Limits both the Next.js config and scripts/server.mjs must agree on.

/**
 * The largest form post (a server action) in MB: a service asks for at most four documents of at most
 * 10 MB each (UPLOAD_MAX_MB's ceiling), with room for the form's text.
 */
export const FORM_BODY_LIMIT_MB = 45;
