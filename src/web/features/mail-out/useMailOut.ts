import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  MailEvent, MailLanguage, MailPreferences, MailPreferencesBody, MailPreview, MailPreviewBody, MailTemplate, MailTemplateBody, OutgoingMail,
  OutgoingStatus, SmtpSettings, SmtpSettingsBody, TestMailBody, TestMailResult,
} from "../../../shared/api/mail-out.js";
import { api } from "../../api/client.js";
import { usePagedList } from "../../api/paged.js";

const SMTP = "/api/mail/smtp";
const TEMPLATES = "/api/mail/templates";
const OUTGOING = "/api/mail/outgoing";
const PREFERENCES = "/api/me/mail-preferences";

export function useSmtpSettings() {
  return useQuery({ queryKey: [SMTP], queryFn: ({ signal }) => api<SmtpSettings>(SMTP, { signal }) });
}

export function useSaveSmtpSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SmtpSettingsBody) => api<SmtpSettings>(SMTP, { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData([SMTP], saved),
  });
}

export function useSendTestMail() {
  return useMutation({ mutationFn: (body: TestMailBody) => api<TestMailResult>(`${SMTP}/test`, { method: "POST", body }) });
}

export function useMailTemplates() {
  return useQuery({ queryKey: [TEMPLATES], queryFn: ({ signal }) => api<{ data: MailTemplate[] }>(TEMPLATES, { signal }) });
}

export function useSaveMailTemplate(event: MailEvent, language: MailLanguage) {
  const client = useQueryClient();
  const url = `${TEMPLATES}/${event}/${language}`;
  return {
    save: useMutation({ mutationFn: (body: MailTemplateBody) => api<MailTemplate>(url, { method: "PUT", body }),
      onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }) }),
    reset: useMutation({ mutationFn: () => api<MailTemplate>(url, { method: "DELETE" }),
      onSuccess: () => client.invalidateQueries({ queryKey: [TEMPLATES] }) }),
  };
}

export function usePreviewMail() {
  return useMutation({ mutationFn: (body: MailPreviewBody) => api<MailPreview>(`${TEMPLATES}/preview`, { method: "POST", body }) });
}

export function useOutgoingMails(status: OutgoingStatus | null) {
  return usePagedList<OutgoingMail>(OUTGOING, { status: status ?? undefined, limit: 50 });
}

export function useResendMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<OutgoingMail>(`${OUTGOING}/${id}/resend`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: [OUTGOING] }),
  });
}

export function useMailPreferences() {
  return useQuery({ queryKey: [PREFERENCES], queryFn: ({ signal }) => api<MailPreferences>(PREFERENCES, { signal }) });
}

export function useSaveMailPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MailPreferencesBody) => api<MailPreferences>(PREFERENCES, { method: "PUT", body }),
    onSuccess: (saved) => client.setQueryData([PREFERENCES], saved),
  });
}
