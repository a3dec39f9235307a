import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SECRET_KEY_FILE, configureSecretBox, isSealed, keyFromFile, openSecret, parseSecretKey, sealSecret } from "./secret-box.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-secret-box-"));
const KEY_A = randomBytes(32).toString("base64");
const KEY_B = randomBytes(32).toString("hex");

describe("secret box", () => {
  afterEach(() => configureSecretBox({}));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("seals a secret so that it reads back only with its key, a fresh nonce each time", () => {
    configureSecretBox({ key: KEY_A });
    const sealed = sealSecret("mot de passe SMTP é€");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("passe");
    expect(sealSecret("mot de passe SMTP é€")).not.toBe(sealed);
    expect(openSecret(sealed)).toBe("mot de passe SMTP é€");
    expect(sealSecret(sealed)).toBe(sealed); // sealing twice changes nothing
    expect(sealSecret("")).toBe("");
  });

  it("reads a value saved before sealing existed as it is", () => {
    configureSecretBox({ key: KEY_A });
    expect(isSealed("ancien-mot-de-passe")).toBe(false);
    expect(openSecret("ancien-mot-de-passe")).toBe("ancien-mot-de-passe");
  });

  it("refuses a wrong key and altered data with a clear error", () => {
    configureSecretBox({ key: KEY_A });
    const sealed = sealSecret("public-community");
    configureSecretBox({ key: KEY_B });
    expect(() => openSecret(sealed)).toThrow(expect.objectContaining({ code: "SECRET_UNREADABLE", message: expect.stringContaining("VIGIE_SECRET_KEY") }));
    configureSecretBox({ key: KEY_A });
    const last = sealed.at(-2) === "A" ? "B" : "A";
    const tampered = `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`;
    expect(() => openSecret(tampered)).toThrow(expect.objectContaining({ code: "SECRET_UNREADABLE" }));
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => parseSecretKey("trop-court")).toThrow(expect.objectContaining({ code: "SECRET_KEY_INVALID" }));
    expect(() => parseSecretKey("ab".repeat(31))).toThrow(expect.objectContaining({ code: "SECRET_KEY_INVALID" }));
    expect(parseSecretKey(KEY_B)).toHaveLength(32);
  });

  it("creates the data directory's key file once, readable by its owner only, and keeps using it", () => {
    const dataDir = path.join(tmp, "data");
    const key = keyFromFile(dataDir);
    const file = path.join(dataDir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFromFile(dataDir).equals(key)).toBe(true);
    configureSecretBox({ dataDir });
    const sealed = sealSecret("imap-secret");
    configureSecretBox({ dataDir });
    expect(openSecret(sealed)).toBe("imap-secret");
    expect(fs.readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });
});
