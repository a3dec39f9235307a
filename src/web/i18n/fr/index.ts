import { frCore } from "./core.js";
import { frIdentity } from "./identity.js";
import { frTickets } from "./tickets.js";

export const fr = { ...frCore, ...frIdentity, ...frTickets };

/** Every language has the same keys as French, with its own words. */
export type Messages = typeof fr;
