import type { RouteSpec } from "../../../http/route.js";

/** SNMP discovery run by Vigie: credentials, IP ranges, scans and printer supplies. */
export const snmpRoutes: RouteSpec[] = [];
