import type { RouteSpec } from "../../../http/route.js";

/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate. */
export const mailInRoutes: RouteSpec[] = [];
