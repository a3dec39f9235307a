import { Avatar, Group, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { usePresence } from "./usePresence.js";

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");

/** "Also here: Jean Martin": the other technicians who have this ticket open right now. */
export function AlsoHere({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const others = usePresence(ticketId, can(me, "ticket.read"));
  return (
    <Group gap="xs" mb={others.length > 0 ? "sm" : 0} aria-live="polite" aria-label={t("presence.alsoHereLabel")} role="status">
      {others.length > 0 && (
        <>
          <Text size="sm" c="dimmed" component="span">
            {t("presence.alsoHere")}
          </Text>
          <Avatar.Group spacing="sm">
            {others.slice(0, 5).map((person) => (
              <Tooltip key={person.userId} label={person.name} withArrow>
                <Avatar size={26} radius="xl" color="teal" variant="filled" aria-hidden="true">
                  {initials(person.name)}
                </Avatar>
              </Tooltip>
            ))}
          </Avatar.Group>
          <Text size="sm" fw={500} component="span" data-testid="also-here">
            {others.map((person) => person.name).join(", ")}
          </Text>
        </>
      )}
    </Group>
  );
}
