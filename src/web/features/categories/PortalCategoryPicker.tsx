import { Group, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalCategory } from "../../../shared/api/categories.js";
import { SearchIcon } from "../../components/icons.js";
import { fold } from "./useCategories.js";
import classes from "./portal-choice.module.css";

/** The choices under their top-level category, in the order the server gave them. */
function byTopCategory(choices: PortalCategory[]): [string, PortalCategory[]][] {
  const groups = new Map<string, PortalCategory[]>();
  for (const choice of choices) groups.set(choice.topName, [...(groups.get(choice.topName) ?? []), choice]);
  return [...groups.entries()];
}

function Choice({ label, description, onClick, other = false }: { label: string; description: string | null; onClick: () => void; other?: boolean }) {
  return (
    <UnstyledButton className={other ? `${classes.choice} ${classes.other}` : classes.choice} onClick={onClick}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed" mt={2}>
          {description}
        </Text>
      )}
    </UnstyledButton>
  );
}

/**
 * The requester says what it is about in their own words: "Je n'arrive plus à imprimer"
 * rather than "Matériel > Impression". "Autre / je ne sais pas" is always there.
 */
export function PortalCategoryPicker({ choices, onPick }: { choices: PortalCategory[]; onPick: (choice: PortalCategory | null) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [search, setSearch] = useState("");
  const words = fold(search).split(/\s+/).filter(Boolean);
  const shown = choices.filter((choice) => {
    const text = fold(`${choice.label} ${choice.description ?? ""} ${choice.topName}`);
    return words.every((word) => text.includes(word));
  });

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={2} fz="h4" id={headingId}>
          {t("portalCategories.question")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("portalCategories.questionHelp")}
        </Text>
      </div>
      <TextInput
        label={t("portalCategories.search")}
        placeholder={t("portalCategories.searchPlaceholder")}
        leftSection={<SearchIcon size={16} />}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        w={{ base: "100%", sm: 360 }}
      />
      {byTopCategory(shown).map(([topName, group]) => (
        <Stack gap={6} key={topName}>
          <Title order={3} fz="sm" c="dimmed" tt="uppercase">
            {topName}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {group.map((choice) => (
              <Choice key={choice.id} label={choice.label} description={choice.description} onClick={() => onPick(choice)} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("portalCategories.noMatch")}
        </Text>
      )}
      <Group grow>
        <Choice other label={t("portalCategories.other")} description={t("portalCategories.otherHelp")} onClick={() => onPick(null)} />
      </Group>
    </Stack>
  );
}
