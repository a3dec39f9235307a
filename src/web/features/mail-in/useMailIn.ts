import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../shared/api/common.js";
import type {
  CollectResult, Mailbox, MailboxBody, MailboxTestBody, MailboxTestResult, MailInSettings, ReceivedMail, ReceivedStatus,
} from "../../../shared/api/mail-in.js";
import { api } from "../../api/client.js";
import { usePagedList } from "../../api/paged.js";

export const MAILBOXES = "/api/mail-in/mailboxes";
export const RECEIVED = "/api/mail-in/received";
export const SETTINGS = "/api/mail-in/settings";

/** An organisation has a handful of mailboxes: one page shows them all. */
export function useMailboxes() {
  return useQuery({ queryKey: [MAILBOXES], queryFn: ({ signal }) => api<Page<Mailbox>>(MAILBOXES, { query: { limit: 100 }, signal }) });
}

export function useReceivedMails(status: ReceivedStatus | null) {
  return usePagedList<ReceivedMail>(RECEIVED, status ? { status, limit: 50 } : { limit: 50 });
}

export function useMailInSettings() {
  return useQuery({ queryKey: [SETTINGS], queryFn: ({ signal }) => api<MailInSettings>(SETTINGS, { signal }) });
}

function useInvalidating<A, R>(fn: (arg: A) => Promise<R>, keys: string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

export function useSaveMailbox() {
  return useInvalidating(({ id, body }: { id: number | null; body: MailboxBody }) =>
    api<Mailbox>(id === null ? MAILBOXES : `${MAILBOXES}/${id}`, { method: id === null ? "POST" : "PUT", body }), [MAILBOXES]);
}

export function useDeleteMailbox() {
  return useInvalidating((id: number) => api<null>(`${MAILBOXES}/${id}`, { method: "DELETE" }), [MAILBOXES]);
}

export function useTestMailbox() {
  return useMutation({ mutationFn: (body: MailboxTestBody) => api<MailboxTestResult>(`${MAILBOXES}/test`, { method: "POST", body }) });
}

export function useCollectNow() {
  return useInvalidating((id: number) => api<CollectResult>(`${MAILBOXES}/${id}/collect`, { method: "POST" }), [MAILBOXES, RECEIVED]);
}

export function useRetryMail() {
  return useInvalidating((id: number) => api<ReceivedMail>(`${RECEIVED}/${id}/retry`, { method: "POST" }), [RECEIVED]);
}

export function useSaveMailInSettings() {
  return useInvalidating((body: MailInSettings) => api<MailInSettings>(SETTINGS, { method: "PUT", body }), [SETTINGS]);
}
