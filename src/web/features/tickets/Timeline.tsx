import { Anchor, Badge, Button, Checkbox, Group, Paper, Skeleton, Stack, Switch, Text, Textarea } from "@mantine/core";
import { getHotkeyHandler } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HistoryEntry } from "../../../shared/api/history.js";
import type { Followup } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { useFormat } from "../../i18n/format.js";
import { RichText, textToHtml } from "./ticket-ui.js";
import { TimelineChange } from "./TimelineChange.js";
import { useAddFollowup, useFollowups, useTicketChanges } from "./useTickets.js";
import { CannedPicker } from "../automation/CannedPicker.js";

/**
 * Followups and field changes by time. While older followups are still to load, changes newer
 * than the last one shown wait with them, so the order never lies.
 */
function interleave(followups: Followup[], changes: HistoryEntry[], moreFollowups: boolean): (Followup | HistoryEntry)[] {
  const last = followups.at(-1)?.createdAt;
  const shown = moreFollowups && last ? changes.filter((c) => c.at <= last) : changes;
  const at = (item: Followup | HistoryEntry) => ("kind" in item ? item.createdAt : item.at);
  return [...followups, ...shown].sort((a, b) => at(a).localeCompare(at(b)));
}

const KIND_COLORS: Record<Followup["kind"], string> = {
  followup: "blue",
  escalation: "grape",
  status: "gray",
  solution: "green",
  refusal: "red",
  workaround: "teal",
  merge: "indigo",
};

/** Kinds that change what the requester should do: shown filled and with a coloured edge. */
const OUTCOMES = new Set<Followup["kind"]>(["solution", "workaround", "refusal"]);

/**
 * The ticket's conversation, oldest first, with a box to add to it. Staff may mark a
 * followup private; requesters never receive private ones from the server.
 */
export function Timeline({ ticketId, staff, canReply = true }: { ticketId: number; staff: boolean; canReply?: boolean }) {
  const { t } = useTranslation();
  const followups = useFollowups(ticketId);
  const [showChanges, setShowChanges] = useState(true);
  // Staff see every field change between the followups; the History tab keeps the full detail.
  const history = useTicketChanges(ticketId, staff && showChanges);
  const items = interleave(followups.items, history, followups.hasNextPage);

  return (
    <Stack gap="sm">
      {followups.isPending && <Skeleton h={120} />}
      <ApiErrorAlert error={followups.error} />
      {followups.isSuccess && followups.items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t("tickets.timelineEmpty")}
        </Text>
      )}
      {staff && (
        <Switch size="xs" label={t("tickets.showChanges")} checked={showChanges} onChange={(e) => setShowChanges(e.currentTarget.checked)} />
      )}
      {items.map((item) => ("kind" in item
        ? <FollowupCard key={`f${item.id}`} followup={item} />
        : <TimelineChange key={`h${item.id}`} entry={item} />))}
      <LoadMore
        shown={followups.items.length}
        hasNextPage={followups.hasNextPage}
        isFetchingNextPage={followups.isFetchingNextPage}
        fetchNextPage={followups.fetchNextPage}
      />
      {canReply && <FollowupForm ticketId={ticketId} staff={staff} />}
    </Stack>
  );
}

/** On a merged ticket, the merge followup holds the target's number: say it in words, with a link. */
function FollowupContent({ followup }: { followup: Followup }) {
  const { t } = useTranslation();
  const target = followup.kind === "merge" ? /^(?:<p>)?#(\d+)(?:<\/p>)?$/.exec(followup.content)?.[1] : undefined;
  if (!target) return <RichText html={followup.content} />;
  return (
    <Text size="sm">
      {t("relations.mergedIntoShort")}{" "}
      <Anchor component={Link} to={`/tickets/${target}`}>#{target}</Anchor>
    </Text>
  );
}

function FollowupCard({ followup }: { followup: Followup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isSystem = followup.kind !== "followup";
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      className="followup"
      data-private={followup.isPrivate || undefined}
      data-kind={followup.kind}
    >
      <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {followup.authorName}
          </Text>
          {isSystem && (
            <Badge size={OUTCOMES.has(followup.kind) ? "sm" : "xs"} variant={OUTCOMES.has(followup.kind) ? "filled" : "light"} color={KIND_COLORS[followup.kind]}>
              {t(`tickets.kinds.${followup.kind}`)}
            </Badge>
          )}
          {followup.isPrivate && (
            <Badge size="xs" color="orange" variant="filled" title={t("tickets.privateHelp")}>
              {t("tickets.private")}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {format.dateTime(followup.createdAt)}
        </Text>
      </Group>
      <FollowupContent followup={followup} />
    </Paper>
  );
}

function FollowupForm({ ticketId, staff }: { ticketId: number; staff: boolean }) {
  const { t } = useTranslation();
  const add = useAddFollowup(ticketId);
  const [content, setContent] = useState("");
  const [isPrivate, setIsPrivate] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  // "Ajouter un suivi" from the phone intake lands here, ready to type.
  useEffect(() => {
    if (window.location.hash !== "#followup") return;
    inputRef.current?.scrollIntoView({ block: "center" });
    inputRef.current?.focus();
  }, []);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!content.trim() || add.isPending) return;
    add.mutate(
      { content: textToHtml(content), isPrivate: staff && isPrivate },
      {
        onSuccess: () => {
          setContent("");
          setIsPrivate(false);
          notifications.show({ color: "green", message: staff ? t("tickets.followupAdded") : t("portal.sent") });
        },
      },
    );
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <ApiErrorAlert error={add.error} />
        <Textarea
          ref={inputRef}
          id="followup"
          aria-label={staff ? t("tickets.followupPlaceholder") : t("portal.replyPlaceholder")}
          placeholder={staff ? t("tickets.followupPlaceholder") : t("portal.replyPlaceholder")}
          autosize
          minRows={3}
          maxRows={12}
          value={content}
          onChange={(event) => setContent(event.currentTarget.value)}
          onKeyDown={getHotkeyHandler([["mod+Enter", () => submit()]])}
        />
        {staff && <CannedPicker ticketId={ticketId} onInsert={(text) => setContent((c) => (c.trim() ? `${c.trimEnd()}\n\n${text}` : text))} />}
        <Group justify="space-between" gap="xs">
          {staff ? (
            <Checkbox
              label={`${t("tickets.private")} — ${t("tickets.privateHelp")}`}
              checked={isPrivate}
              onChange={(event) => setIsPrivate(event.currentTarget.checked)}
              size="sm"
            />
          ) : (
            <span />
          )}
          <Button type="submit" loading={add.isPending} disabled={!content.trim()}>
            {staff ? t("tickets.addFollowup") : t("portal.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
