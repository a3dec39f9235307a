import type { RouteSpec } from "../../../http/route.js";

/** Email out: SMTP settings, notification templates, the outgoing mail queue. */
export const mailOutRoutes: RouteSpec[] = [];
