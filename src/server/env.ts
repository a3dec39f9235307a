import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  VIGIE_DATA_DIR: z.string().default("./data"),
  VIGIE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave unset for SQLite)")
    .optional(),
  VIGIE_ADMIN_LOGIN: z.string().min(2).optional(),
  VIGIE_ADMIN_PASSWORD: z.string().min(10, "must have at least 10 characters").optional(),
  VIGIE_TIME_ZONE: z.string().default("Europe/Paris"),
  VIGIE_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Set when Vigie is served over HTTPS (directly or behind a proxy), so cookies are Secure. */
  VIGIE_SECURE_COOKIES: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  VIGIE_TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  VIGIE_WORKER: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  /** The size limit of one attached file, in megabytes. */
  VIGIE_MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  /** The built-in mail receiver (email in): a port to accept SMTP (or LMTP) on; unset, no receiver runs. */
  VIGIE_MAIL_RECEIVER_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  VIGIE_MAIL_RECEIVER_LMTP: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** PEM files: with both, the receiver offers STARTTLS. */
  VIGIE_MAIL_RECEIVER_TLS_CERT: z.string().optional(),
  VIGIE_MAIL_RECEIVER_TLS_KEY: z.string().optional(),
  /** Seals the SMTP/IMAP/SNMP passwords at rest (security/secret-box.ts); unset, VIGIE_DATA_DIR/secret.key is used. */
  VIGIE_SECRET_KEY: z.string().trim()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, "must be 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("production"),
});

export type Env = Readonly<
  z.infer<typeof EnvSchema> & { dataDir: string; filesDir: string; sqlitePath: string }
>;

/** Parses the environment once; a bad value stops the boot with every problem listed. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  if (Boolean(result.data.VIGIE_ADMIN_LOGIN) !== Boolean(result.data.VIGIE_ADMIN_PASSWORD)) {
    throw new Error("Invalid environment:\n  VIGIE_ADMIN_LOGIN and VIGIE_ADMIN_PASSWORD go together");
  }
  if (Boolean(result.data.VIGIE_MAIL_RECEIVER_TLS_CERT) !== Boolean(result.data.VIGIE_MAIL_RECEIVER_TLS_KEY)) {
    throw new Error("Invalid environment:\n  VIGIE_MAIL_RECEIVER_TLS_CERT and VIGIE_MAIL_RECEIVER_TLS_KEY go together");
  }
  const dataDir = path.resolve(result.data.VIGIE_DATA_DIR);
  return Object.freeze({
    ...result.data,
    dataDir,
    filesDir: path.join(dataDir, "files"),
    sqlitePath: path.join(dataDir, "vigie.sqlite"),
  });
}
