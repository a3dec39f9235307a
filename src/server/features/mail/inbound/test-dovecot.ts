/**
 * A real Dovecot IMAP server for the tests and the benchmark: its own config, users (passwd-file)
 * and maildirs in a temp directory, on a free loopback port, run in the foreground as a child
 * process. Mails are delivered into it over IMAP APPEND, as any mail client would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

export const DOVECOT = "/usr/sbin/dovecot";
export const hasDovecot = existsSync(DOVECOT);

export type Dovecot = {
  port: number;
  append: (user: string, raw: Buffer | string, folder?: string) => Promise<void>;
  count: (user: string, folder?: string) => Promise<number>;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Dovecot refuses to run its login and mail processes as root: as root, its own system users serve. */
function accounts(): { internal: string; login: string; mail: string } {
  if (process.getuid?.() !== 0) {
    const me = os.userInfo().username;
    return { internal: me, login: me, mail: me };
  }
  return { internal: "dovecot", login: "dovenull", mail: "dovecot" };
}

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-dovecot-"));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const who = accounts();
  await fs.mkdir(path.join(dir, "mail"));
  if (process.getuid?.() === 0) await fs.chown(path.join(dir, "mail"), ...(await ids(who.mail)));
  await fs.writeFile(path.join(dir, "passwd"), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}`).join("\n") + "\n");
  await fs.writeFile(path.join(dir, "dovecot.conf"), `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${who.internal}
default_internal_group = ${who.internal}
default_login_user = ${who.login}
mail_location = maildir:${dir}/mail/%u
mail_uid = ${who.mail}
mail_gid = ${who.mail}
first_valid_uid = 1
mail_max_userip_connections = 100
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.mail} gid=${who.mail} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
`);
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
  await waitForPort(port);
  const connect = async (user: string) => {
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, doSTARTTLS: false, auth: { user, pass: users[user] ?? "" }, logger: false });
    await client.connect();
    return client;
  };
  return {
    port,
    append: async (user, raw, folder = "INBOX") => {
      const client = await connect(user);
      try {
        await client.append(folder, typeof raw === "string" ? Buffer.from(raw.replace(/\r?\n/g, "\r\n")) : raw);
      } finally {
        await client.logout();
      }
    },
    count: async (user, folder = "INBOX") => {
      const client = await connect(user);
      try {
        const status = await client.status(folder, { messages: true }).catch(() => false as const);
        return status ? (status.messages ?? 0) : 0;
      } finally {
        await client.logout();
      }
    },
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

async function ids(user: string): Promise<[number, number]> {
  const line = (await fs.readFile("/etc/passwd", "utf8")).split("\n").find((l) => l.startsWith(`${user}:`));
  const parts = line?.split(":") ?? [];
  return [Number(parts[2]), Number(parts[3])];
}

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => { socket.end(); resolve(true); });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}
