import type { Messages } from "../fr/index.js";
import { enCore } from "./core.js";
import { enIdentity } from "./identity.js";
import { enTickets } from "./tickets.js";

export const en: Messages = { ...enCore, ...enIdentity, ...enTickets };
