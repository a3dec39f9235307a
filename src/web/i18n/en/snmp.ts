import type { frSnmp } from "../fr/snmp.js";

/** English — SNMP discovery run by Vigie: credentials, ranges, scans, printer supplies. */
export const enSnmp: typeof frSnmp = {
  snmp: {},
};
