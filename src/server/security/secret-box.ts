/**
 * Secrets Vigie must say to other servers (SMTP and IMAP passwords, SNMP communities and keys)
 * cannot be hashed, so they are stored sealed: AES-256-GCM, a fresh nonce per value, written
 * "v1:<nonce>:<tag>:<ciphertext>" (base64url). A database dump or a backup alone then reveals
 * nothing. The key comes from VIGIE_SECRET_KEY, else from <data dir>/secret.key, created at first
 * use with mode 0600. Values saved before sealing existed (no "v1:" form) are read as they are
 * and sealed at their next save.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_KEY_FILE = "secret.key";
const SEALED = /^v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

export type SecretBoxErrorCode = "SECRET_KEY_INVALID" | "SECRET_UNREADABLE";

export class SecretBoxError extends Error {
  constructor(
    readonly code: SecretBoxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SecretBoxError";
  }
}

type Source = { key?: string; dataDir?: string };
let source: Source = {};
let cachedKey: Buffer | undefined;

/**
 * Set once at start-up from the environment. Without it (tests, CLI tools) the key is looked up
 * the same way from process.env: VIGIE_SECRET_KEY, else the key file of VIGIE_DATA_DIR (./data).
 */
export function configureSecretBox(next: Source): void {
  source = next;
  cachedKey = undefined;
}

/** 32 bytes, written as 64 hex digits or in base64; anything else is refused (a typo must not become a key). */
export function parseSecretKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(value) ? Buffer.from(value, "base64") : undefined;
  if (key?.length !== 32) {
    throw new SecretBoxError("SECRET_KEY_INVALID", "The secret key must be 32 bytes: 64 hex digits or 44 base64 characters (openssl rand -base64 32)");
  }
  return key;
}

function currentKey(): Buffer {
  if (cachedKey) return cachedKey;
  const text = source.key ?? process.env.VIGIE_SECRET_KEY;
  cachedKey = text ? parseSecretKey(text) : keyFromFile(path.resolve(source.dataDir ?? process.env.VIGIE_DATA_DIR ?? "./data"));
  return cachedKey;
}

/**
 * The key file of a data directory, created when missing. It is written aside and hard-linked into
 * place, which fails if another process got there first: both then use the same key.
 */
export function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    fs.writeFileSync(temp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.unlinkSync(temp);
    }
  }
  return parseSecretKey(fs.readFileSync(file, "utf8"));
}

export function isSealed(value: string): boolean {
  return SEALED.test(value);
}

/** Seals a secret; "" stays "" (no secret) and a value already sealed is kept as it is. */
export function sealSecret(plain: string): string {
  if (plain === "" || isSealed(plain)) return plain;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", currentKey(), nonce);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1:${nonce.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${data.toString("base64url")}`;
}

/** The secret back; a value stored before sealing existed comes back as it is. */
export function openSecret(stored: string): string {
  const match = SEALED.exec(stored);
  if (!match) return stored;
  try {
    const decipher = createDecipheriv("aes-256-gcm", currentKey(), Buffer.from(match[1]!, "base64url"));
    decipher.setAuthTag(Buffer.from(match[2]!, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(match[3]!, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    if (error instanceof SecretBoxError) throw error;
    throw new SecretBoxError("SECRET_UNREADABLE",
      "A stored secret cannot be decrypted: it was sealed with another key (VIGIE_SECRET_KEY or the data directory's secret.key) or altered. Type it again.");
  }
}

export const sealNullable = (value: string | null): string | null => (value === null ? null : sealSecret(value));
export const openNullable = (value: string | null): string | null => (value === null ? null : openSecret(value));
