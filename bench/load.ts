import fs from "node:fs";
import http from "node:http";

export type LoadOptions = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Called per request, so each POST can carry a unique body. */
  body?: () => string;
  connections: number;
  seconds: number;
  /** Requests before this many seconds are not counted: the JIT and caches warm up. */
  warmupSeconds?: number;
  expectStatus: number;
  /** The server's CPU time so far, in seconds: read when measuring starts and ends. */
  serverCpu?: () => number | undefined;
  /** The database server's CPU time so far, likewise, when it runs on this machine. */
  databaseCpu?: () => number | undefined;
};

export type LoadResult = {
  requests: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number;
  /** Share of one core the server used while measured (1 = a full core), when known. */
  serverCpu?: number;
  /** rps / serverCpu: what one fully busy core would serve, the figure least moved by a noisy machine. */
  rpsPerCore?: number;
  /** Database CPU milliseconds per request, when known. */
  databaseMsPerRequest?: number;
};

function send(agent: http.Agent, opts: LoadOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = opts.body?.();
    const headers = { ...opts.headers, ...(body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {}) };
    const req = http.request(opts.url, { agent, method: opts.method ?? "GET", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/**
 * A closed-loop load: `connections` clients on keep-alive sockets, each sending its next
 * request when the previous answer arrives, for a fixed time. Bounded: at most
 * `connections` requests are ever in flight.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const start = performance.now();
  const measureFrom = start + (opts.warmupSeconds ?? 1) * 1000;
  const end = measureFrom + opts.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let cpuAtStart: number | undefined;
  let dbCpuAtStart: number | undefined;
  const cpuTimer = setTimeout(() => { cpuAtStart = opts.serverCpu?.(); dbCpuAtStart = opts.databaseCpu?.(); }, measureFrom - start);
  const client = async () => {
    for (let t = performance.now(); t < end; t = performance.now()) {
      const status = await send(agent, opts).catch(() => 0);
      const done = performance.now();
      if (t < measureFrom) continue;
      latencies.push(done - t);
      if (status !== opts.expectStatus) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, client));
  clearTimeout(cpuTimer);
  const cpuAtEnd = opts.serverCpu?.();
  const dbCpuAtEnd = opts.databaseCpu?.();
  agent.destroy();
  const seconds = (performance.now() - measureFrom) / 1000;
  latencies.sort((a, b) => a - b);
  const rps = latencies.length / seconds;
  const serverCpu = cpuAtStart !== undefined && cpuAtEnd !== undefined ? (cpuAtEnd - cpuAtStart) / seconds : undefined;
  return { requests: latencies.length, errors, seconds, rps, p50: percentile(latencies, 50), p95: percentile(latencies, 95),
    p99: percentile(latencies, 99), serverCpu, rpsPerCore: serverCpu ? rps / serverCpu : undefined,
    databaseMsPerRequest: dbCpuAtStart !== undefined && dbCpuAtEnd !== undefined && latencies.length > 0
      ? ((dbCpuAtEnd - dbCpuAtStart) * 1000) / latencies.length : undefined };
}

/** CPU seconds a process has used (user + system), from /proc on Linux; undefined elsewhere. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/stat`)) return undefined;
  // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * CPU seconds used so far by every process named `name` (PostgreSQL's backends, say), when the
 * server runs on this machine; a backend that ends meanwhile takes its seconds with it.
 */
export function processesCpuSeconds(name: string): number {
  let seconds = 0;
  for (const pid of fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name) seconds += processCpuSeconds(Number(pid)) ?? 0;
    } catch {
      // The process ended while we looked.
    }
  }
  return seconds;
}

/** USER_HZ: 100 on every Linux architecture Node supports. */
const CLOCK_TICKS = 100;
