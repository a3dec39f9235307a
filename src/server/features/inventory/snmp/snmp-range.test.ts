import { describe, expect, it } from "vitest";
import { numberToIp, parseIpRange } from "../../../../shared/api/snmp.js";

const addresses = (spec: string) => {
  const range = parseIpRange(spec);
  return range && [numberToIp(range.first), numberToIp(range.last), range.last - range.first + 1];
};

describe("parseIpRange", () => {
  it("leaves out a block's network and broadcast addresses, but not a /31's or a /32's", () => {
    expect(addresses("192.168.1.0/24")).toEqual(["192.168.1.1", "192.168.1.254", 254]);
    expect(addresses("192.168.1.77/24")).toEqual(["192.168.1.1", "192.168.1.254", 254]);
    expect(addresses("10.0.0.0/20")).toEqual(["10.0.0.1", "10.0.15.254", 4094]);
    expect(addresses("127.0.0.1/32")).toEqual(["127.0.0.1", "127.0.0.1", 1]);
    expect(addresses("10.0.0.4/31")).toEqual(["10.0.0.4", "10.0.0.5", 2]);
  });

  it("reads an interval and a single address", () => {
    expect(addresses(" 10.0.0.10 - 10.0.0.50 ")).toEqual(["10.0.0.10", "10.0.0.50", 41]);
    expect(addresses("172.16.5.9")).toEqual(["172.16.5.9", "172.16.5.9", 1]);
    expect(addresses("10.0.0.255-10.0.1.1")).toEqual(["10.0.0.255", "10.0.1.1", 3]);
  });

  it("refuses what is no IPv4 range", () => {
    for (const spec of ["10.0.0.300", "10.0.0.0/33", "10.0.0.50-10.0.0.10", "printer.local", "10.0.0.1-10.0.0.2-10.0.0.3", "", "fe80::1"]) {
      expect(parseIpRange(spec), spec).toBeNull();
    }
  });
});
