import type { FastifyReply } from "fastify";
import {
  ChangePasswordBodySchema, LoginBodySchema, MeSchema, SetupBodySchema, SetupStatusSchema, UpdateMeBodySchema,
} from "../../../shared/api/auth.js";
import { OkSchema } from "../../../shared/api/common.js";
import type { AppConfig } from "../../http/context.js";
import { route } from "../../http/route.js";
import { changePassword, getMe, login, needsSetup, setup, updateMe } from "./auth.service.js";
import { SESSION_COOKIE, closeSession } from "./session.service.js";

function setSessionCookie(reply: FastifyReply, secret: string, config: AppConfig) {
  // SameSite=Lax plus JSON-only bodies keep other sites from riding the session (no CSRF token needed).
  reply.setCookie(SESSION_COOKIE, secret, {
    path: "/", httpOnly: true, sameSite: "lax", secure: config.secureCookies, maxAge: config.sessionHours * 3600,
  });
}

export const authRoutes = [
  route({
    method: "GET", url: "/api/setup", tag: "auth", auth: "public",
    summary: "Whether this install still needs its first administrator",
    response: SetupStatusSchema,
    handler: async (ctx) => ({ needsSetup: await needsSetup(ctx.db), version: ctx.config.version }),
  }),
  route({
    method: "POST", url: "/api/setup", tag: "auth", auth: "public",
    summary: "First start: create the organisation and its first administrator, then sign in",
    body: SetupBodySchema, response: MeSchema, status: 201,
    handler: async (ctx, { body, reply }) => {
      const { secret, me } = await setup(ctx, body);
      setSessionCookie(reply, secret, ctx.config);
      return me;
    },
  }),
  route({
    method: "POST", url: "/api/auth/login", tag: "auth", auth: "public",
    summary: "Sign in with a local account; sets the session cookie",
    body: LoginBodySchema, response: MeSchema,
    handler: async (ctx, { body, reply }) => {
      const { secret, me } = await login(ctx, body);
      setSessionCookie(reply, secret, ctx.config);
      return me;
    },
  }),
  route({
    method: "POST", url: "/api/auth/logout", tag: "auth", auth: "public",
    summary: "Sign out: ends the session",
    response: OkSchema,
    handler: async (ctx, { req, reply }) => {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await closeSession(ctx.db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  }),
  route({
    method: "GET", url: "/api/auth/me", tag: "auth", auth: "user",
    summary: "The signed-in user, with their role grants",
    response: MeSchema,
    handler: (ctx) => getMe(ctx),
  }),
  route({
    method: "PATCH", url: "/api/auth/me", tag: "auth", auth: "user",
    summary: "Change one's language or time zone",
    body: UpdateMeBodySchema, response: MeSchema,
    handler: (ctx, { body }) => updateMe(ctx, body),
  }),
  route({
    method: "POST", url: "/api/auth/password", tag: "auth", auth: "user",
    summary: "Change one's password; every session of the user ends",
    body: ChangePasswordBodySchema, response: OkSchema,
    handler: async (ctx, { body, reply }) => {
      await changePassword(ctx, body);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  }),
];
