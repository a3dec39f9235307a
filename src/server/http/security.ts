import type { FastifyInstance } from "fastify";

const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  // Mantine sets inline style attributes; scripts stay same-origin only.
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Headers every response carries; the API docs page brings its own script policy. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    reply.header("X-Frame-Options", "DENY");
    if (!req.url.startsWith("/api/docs")) reply.header("Content-Security-Policy", CSP);
    if (req.url.startsWith("/api/")) reply.header("Cache-Control", "no-store");
  });
}
