/**
 * A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) writing each mail it accepts
 * to a Maildir, which the tests read back. Recipients named refuse@… are refused (550).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ParsedMail, simpleParser } from "mailparser";

const PYTHON = "/usr/bin/python3";
const HERE = path.dirname(fileURLToPath(import.meta.url));

export function sinkAvailable(): boolean {
  return spawnSync(PYTHON, ["-c", "import aiosmtpd"]).status === 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => { socket.end(); resolve(true); });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`SMTP sink did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type SinkMail = ParsedMail & { file: string; to: string[] };

export type SmtpSink = {
  port: number;
  dir: string;
  /** Every mail received so far, in arrival order. */
  messages: () => Promise<SinkMail[]>;
  /** Waits until at least `count` mails arrived. */
  waitFor: (count: number, ms?: number) => Promise<SinkMail[]>;
  clear: () => void;
  stop: () => Promise<void>;
};

function listMaildir(dir: string): string[] {
  const folder = path.join(dir, "new");
  try {
    return readdirSync(folder).sort().map((f) => path.join(folder, f));
  } catch {
    return [];
  }
}

/** Starts aiosmtpd on `port` (a free one by default). */
export async function startSink(port?: number, dir?: string): Promise<SmtpSink> {
  const listenPort = port ?? (await freePort());
  // Python's Maildir creates its folders only when the path does not exist yet.
  const maildir = dir ?? path.join(mkdtempSync(path.join(tmpdir(), "vigie-sink-")), "maildir");
  const child: ChildProcess = spawn(PYTHON, ["-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${listenPort}`, "-c", "vigie_sink.Sink", maildir],
    { env: { ...process.env, PYTHONPATH: HERE }, stdio: "ignore" });
  await waitForPort(listenPort);
  const parsed = new Map<string, SinkMail>();
  const messages = async () => {
    const out: SinkMail[] = [];
    for (const file of listMaildir(maildir)) {
      let mail = parsed.get(file);
      if (!mail) {
        const raw = readFileSync(file);
        const p = await simpleParser(raw);
        const to = (Array.isArray(p.to) ? p.to : p.to ? [p.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
        mail = Object.assign(p, { file, to });
        parsed.set(file, mail);
      }
      out.push(mail);
    }
    // Maildir names are not in arrival order within a second: order by the Date header, then name.
    return out.sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0) || a.file.localeCompare(b.file));
  };
  return {
    port: listenPort, dir: maildir, messages,
    waitFor: async (count, ms = 10_000) => {
      const until = Date.now() + ms;
      for (;;) {
        const list = await messages();
        if (list.length >= count || Date.now() > until) return list;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    clear: () => { for (const file of listMaildir(maildir)) rmSync(file); parsed.clear(); },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
