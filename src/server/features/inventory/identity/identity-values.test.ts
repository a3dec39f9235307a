import { describe, expect, it } from "vitest";
import { isLocallyAdministeredMac, normalizeHostName, normalizeMac, normalizeSerial, normalizeUuid, sameSerial } from "./identity-values.js";

describe("normalizeSerial", () => {
  it.each([
    "To be filled by O.E.M.", "To Be Filled By O.E.M.", "TO BE FILLED BY OEM", "Default string", "System Serial Number",
    "Chassis Serial Number", "Not Specified", "Not Applicable", "None", "N/A", "0000000000", "00000000", "0",
    "123456789", "1234567890", "0123456789", "FFFFFFFF", "xxxxxxxxxxx", "          ", "", "OEM", "Serial Number",
    "SN-12345", "SYS-1234567890", "Not Settable", "0000-0000-0000", "....", "A1",
  ])("ignores the placeholder %j", (serial) => {
    expect(normalizeSerial(serial)).toBeUndefined();
  });

  it.each([
    ["640HP72", "640HP72"],
    ["9E113232I", "9E113232I"],
    ["  CZC1234ABC ", "CZC1234ABC"],
    ["VMware-56 4d 9b 1e 7e 5c 3e 8d-4b 6c 2e b8 0e a9 1f 2d", "VMware-56 4d 9b 1e 7e 5c 3e 8d-4b 6c 2e b8 0e a9 1f 2d"],
    ["VirtualBox-1b7c0e3f-8a4e-4d4e-9c1e-2f5b8d6a7c90", "VirtualBox-1b7c0e3f-8a4e-4d4e-9c1e-2f5b8d6a7c90"],
    ["af8d8fcfa6fa4794", "af8d8fcfa6fa4794"],
    ["PF2ABCDE", "PF2ABCDE"],
    ["1234567891", "1234567891"],
  ])("keeps the real serial %j", (raw, expected) => {
    expect(normalizeSerial(raw)).toBe(expected);
  });

  it("is undefined for missing values", () => {
    expect(normalizeSerial(null)).toBeUndefined();
    expect(normalizeSerial(undefined)).toBeUndefined();
  });
});

describe("sameSerial", () => {
  it("ignores case and surrounding spaces", () => {
    expect(sameSerial("640hp72 ", "640HP72")).toBe(true);
    expect(sameSerial("640HP72", "640HP73")).toBe(false);
  });
});

describe("normalizeUuid", () => {
  it("writes a UUID in lower case, 8-4-4-4-12, from any spelling", () => {
    expect(normalizeUuid("0055ADC9-1D3A-E411-8043-B05D95113232")).toBe("0055adc9-1d3a-e411-8043-b05d95113232");
    expect(normalizeUuid("{4C4C4544-0034-3010-8048-B6C04F503732}")).toBe("4c4c4544-0034-3010-8048-b6c04f503732");
    expect(normalizeUuid("4c4c454400343010 8048b6c04f503732".replace(" ", ""))).toBe("4c4c4544-0034-3010-8048-b6c04f503732");
    expect(normalizeUuid(" 564d9b1e-7e5c-3e8d-4b6c-2eb80ea91f2d ")).toBe("564d9b1e-7e5c-3e8d-4b6c-2eb80ea91f2d");
  });

  it.each([
    "00000000-0000-0000-0000-000000000000", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "03000200-0400-0500-0006-000700080009", "01010101-0101-0101-0101-010101010101", "Not Settable", "Not Present",
    "", "None", "12345", "abababab-abab-abab-abab-abababababab", "To be filled by O.E.M.",
  ])("ignores the placeholder %j", (uuid) => {
    expect(normalizeUuid(uuid)).toBeUndefined();
  });

  it("keeps another stable identifier an agent puts there, like a phone's Android id", () => {
    expect(normalizeUuid("af8d3fcfa6fe4784")).toBe("af8d3fcfa6fe4784");
    expect(normalizeUuid("AF8D3FCFA6FE4784")).toBe("af8d3fcfa6fe4784");
    expect(normalizeUuid("0000000000000000")).toBeUndefined();
  });
});

describe("normalizeMac", () => {
  it.each([
    ["AA:BB:CC:DD:EE:F0", "aa:bb:cc:dd:ee:f0"],
    ["aa-bb-cc-dd-ee-f0", "aa:bb:cc:dd:ee:f0"],
    ["AABB.CCDD.EEF0", "aa:bb:cc:dd:ee:f0"],
    ["aabbccddeef0", "aa:bb:cc:dd:ee:f0"],
    ["0:1c:42:a:b:c", "00:1c:42:0a:0b:0c"],
    [" 02:fc:00:00:00:01 ", "02:fc:00:00:00:01"],
    ["E0:DC:FF:ED:09:59", "e0:dc:ff:ed:09:59"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeMac(raw)).toBe(expected);
  });

  it.each([
    "00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF", "01:00:5e:00:00:fb", "33:33:00:00:00:01",
    "20:41:53:59:4E:FF", "50:50:54:50:30:30", "02:00:4C:4F:4F:50", "", "not a mac", "aa:bb:cc:dd:ee", "aa:bb-cc:dd:ee:ff",
    "aa:bb:cc:dd:ee:ff:00", "gg:bb:cc:dd:ee:ff",
  ])("ignores %j", (raw) => {
    expect(normalizeMac(raw)).toBeUndefined();
  });
});

describe("isLocallyAdministeredMac", () => {
  it("reads the second bit of the first octet", () => {
    expect(isLocallyAdministeredMac("02:fc:00:00:00:01")).toBe(true);
    expect(isLocallyAdministeredMac("ae:ed:e7:56:9d:a0")).toBe(true);
    expect(isLocallyAdministeredMac("b8:6b:23:e0:5c:91")).toBe(false);
  });
});

describe("normalizeHostName", () => {
  it.each([
    ["PC-0042", "pc-0042"],
    ["pc-0042.corp.example.com", "pc-0042"],
    ["LF014", "lf014"],
    ["vm", "vm"],
    ["  glpixps  ", "glpixps"],
    ["Mi9TPro-TéléphoneM", "mi9tpro-téléphonem"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeHostName(raw)).toBe(expected);
  });

  it.each(["", "localhost", "LOCALHOST.localdomain", "localhost.example.com", "(none)", "192.168.1.10", "fe80::1", ".example.com"])(
    "ignores %j",
    (raw) => {
      expect(normalizeHostName(raw)).toBeUndefined();
    },
  );
});
