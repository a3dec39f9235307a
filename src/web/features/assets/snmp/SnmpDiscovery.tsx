/** The agents page's "SNMP discovery" tab: credentials, IP ranges, scans with their progress. */
export function SnmpDiscovery() {
  return null;
}
