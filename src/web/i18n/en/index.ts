import type { Messages } from "../fr/index.js";
import { enCore } from "./core.js";
import { enIdentity } from "./identity.js";

export const en: Messages = { ...enCore, ...enIdentity };
