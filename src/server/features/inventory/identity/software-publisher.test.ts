import { describe, expect, it } from "vitest";
import { normalizePublisher } from "./software-publisher.js";

describe("normalizePublisher", () => {
  it.each([
    ["Mozilla", "Mozilla"],
    ["Mozilla Corporation", "Mozilla"],
    ["Mozilla Foundation", "Mozilla"],
    ["mozilla.org", "Mozilla"],
    ["Microsoft Corporation", "Microsoft"],
    ["MICROSOFT CORPORATION", "Microsoft"],
    ["Microsoft Corp.", "Microsoft"],
    ["Google LLC", "Google"],
    ["Google Inc.", "Google"],
    ["Adobe Systems Incorporated", "Adobe"],
    ["Adobe Inc.", "Adobe"],
    ["Oracle Corporation", "Oracle"],
    ["Oracle America, Inc.", "Oracle"],
    ["Hewlett-Packard Company", "HP"],
    ["HP Inc.", "HP"],
    ["HP Development Company, L.P.", "HP"],
    ["Dell Inc.", "Dell"],
    ["Lenovo Group Limited", "Lenovo"],
    ["Intel Corporation", "Intel"],
    ["NVIDIA Corporation", "NVIDIA"],
    ["Advanced Micro Devices, Inc.", "AMD"],
    ["VideoLAN", "VideoLAN"],
    ["Igor Pavlov", "Igor Pavlov"],
    ["The Document Foundation", "The Document Foundation"],
    ["Python Software Foundation", "Python Software Foundation"],
    ["Notepad++ Team", "Notepad++ Team"],
    ["Foo Co., Ltd.", "Foo"],
    ["Opera Software AS", "Opera Software"],
    ["Ubisoft Entertainment SA", "Ubisoft Entertainment"],
    ["Nexthink S.A.", "Nexthink"],
    ["TeamViewer Germany GmbH", "TeamViewer Germany"],
    ["AG", "AG"],
    ["Debian", "Debian"],
    ["Fedora Project", "Fedora Project"],
    ["Remi Collet", "Remi Collet"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizePublisher(raw)).toBe(expected);
  });

  it("reads a homepage as a publisher only for known domains", () => {
    expect(normalizePublisher("https://www.mozilla.org/firefox/")).toBe("Mozilla");
    expect(normalizePublisher("https://cloud.google.com/sdk/")).toBe("Google");
    expect(normalizePublisher("http://www.libreoffice.org")).toBe("The Document Foundation");
    // Homepages of Debian packages, as the OCS agent sends them.
    expect(normalizePublisher("https://www.alsa-project.org/")).toBe("");
    expect(normalizePublisher("http://gcc.gnu.org/")).toBe("");
  });

  it("is empty when unknown", () => {
    expect(normalizePublisher(undefined)).toBe("");
    expect(normalizePublisher(null)).toBe("");
    expect(normalizePublisher("  ")).toBe("");
    expect(normalizePublisher("Unknown")).toBe("");
    expect(normalizePublisher("N/A")).toBe("");
  });
});
