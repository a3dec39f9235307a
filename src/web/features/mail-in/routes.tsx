import type { RouteObject } from "react-router";

/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [];
