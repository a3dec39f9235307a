import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, createPgDatabaseUrl } from "../../test/db.js";
import { VIGIE_VERSION } from "../shared/domain/version.js";
import { buildApp } from "../server/app.js";
import { openDatabase } from "../server/db/database.js";
import type { Io } from "./io.js";
import { runCli } from "./main.js";

type Run = { code: number; out: string; err: string };

function cli(env: Record<string, string | undefined>) {
  return async (...argv: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { env: { LOG_LEVEL: "silent", ...env }, out: (t) => out.push(t), err: (t) => err.push(t),
      waitForStop: () => new Promise(() => {}) };
    const code = await runCli(argv, io);
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
}

async function canSignIn(env: Record<string, string | undefined>, login: string, password: string): Promise<boolean> {
  const dataDir = env.VIGIE_DATA_DIR as string;
  const database = openDatabase({ url: env.VIGIE_DATABASE_URL, sqlitePath: path.join(dataDir, "vigie.sqlite") });
  const app = await buildApp({ db: database.db, config: { sessionHours: 1, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION } });
  try {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login, password } });
    return res.statusCode === 200;
  } finally {
    await app.close();
    await database.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let tmp: string;
beforeAll(async () => { tmp = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-cli-test-")); });
afterAll(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe("vigie command line", () => {
  const vigie = cli({});

  it("prints its usage, and refuses unknown commands and options with exit code 2", async () => {
    expect((await vigie("--help")).out).toContain("Usage: vigie <command>");
    expect((await vigie("backup", "--help")).out).toContain("--out FILE");
    expect((await vigie()).code).toBe(2);
    expect(await vigie("frobnicate")).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') });
    expect(await vigie("demo", "--bogus")).toMatchObject({ code: 2, err: expect.stringContaining("--bogus") });
    expect(await vigie("demo", "--scale", "lots")).toMatchObject({ code: 2, err: expect.stringContaining("--scale must be a number") });
    expect((await vigie("user", "delete")).code).toBe(2);
  });

  it("prints the OpenAPI document", async () => {
    const run = await vigie("openapi");
    expect(JSON.parse(run.out)).toMatchObject({ openapi: "3.1.0", info: { version: VIGIE_VERSION } });
  });
});

describe.each(DIALECTS)("vigie on %s", (dialect) => {
  let env: Record<string, string | undefined>;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    env = { VIGIE_DATA_DIR: path.join(tmp, dialect) };
    if (dialect === "postgres") {
      const pg = await createPgDatabaseUrl();
      env.VIGIE_DATABASE_URL = pg.url;
      drop = pg.drop;
    }
  });
  afterAll(async () => { await drop?.(); });

  it("creates the first administrator, who can sign in", async () => {
    const vigie = cli({ ...env, VIGIE_PASSWORD: "un-mot-de-passe-1" });
    expect((await vigie("migrate")).out).toContain("2026_11_23_000000_foundation");
    const run = await vigie("user", "create", "--login", "RSSI", "--first-name", "Élise", "--last-name", "Martin", "--admin", "--organisation", "Mairie");
    expect(run).toMatchObject({ code: 0, out: expect.stringContaining("Created user rssi") });
    expect(await canSignIn(env, "rssi", "un-mot-de-passe-1")).toBe(true);
    expect(await vigie("user", "create", "--login", "rssi", "--first-name", "A", "--last-name", "B"))
      .toMatchObject({ code: 1, err: expect.stringContaining("already used") });
    expect((await cli(env)("user", "create", "--login", "x", "--first-name", "A", "--last-name", "B", "--admin")).code).toBe(2);
  });

  it("refuses the demo beside real users, loads it with --force, and leaves it alone the second time", async () => {
    const vigie = cli(env);
    expect(await vigie("demo", "--scale", "0.1")).toMatchObject({ code: 1, err: expect.stringContaining("already has 1 user") });
    const run = await vigie("demo", "--scale", "0.1", "--force");
    expect(run).toMatchObject({ code: 0, out: expect.stringContaining("demo-admin-2026") });
    expect(await canSignIn(env, "admin", "demo-admin-2026")).toBe(true);
    expect(run.out).toMatch(/, 150 tickets \(/);
    expect((await vigie("demo")).out).toContain("already holds the demo");
  });

  it("backs up and restores, refusing to overwrite users without --force", async () => {
    const vigie = cli(env);
    const file = path.join(tmp, `${dialect}.tar.gz`);
    expect(await vigie("backup", "--out", file)).toMatchObject({ code: 0, out: expect.stringContaining("app_user") });
    expect(await vigie("restore", file)).toMatchObject({ code: 1, err: expect.stringContaining("already has users") });
    expect(await vigie("restore", file, "--force")).toMatchObject({ code: 0, out: expect.stringContaining("30 users") });
    expect(await canSignIn(env, "n1.martin", "demo-tech-2026")).toBe(true);
  });
});

describe("vigie serve", () => {
  it("answers /api/health and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/vigie.ts", "serve"], {
      env: { ...process.env, PORT: String(port), VIGIE_DATA_DIR: path.join(tmp, "serve"), LOG_LEVEL: "warn" }, stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    child.kill("SIGTERM");
    expect(healthy).toBe(true);
    expect(await exited).toBe(0);
  });
});
