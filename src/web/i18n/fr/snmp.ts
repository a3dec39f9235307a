/** SNMP discovery run by Vigie: credentials, ranges, scans, printer supplies. */
export const frSnmp = {
  snmp: {},
};
