import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.js";

/** "N shown" and, while the server has more, a button for the next page. */
export function LoadMore({
  shown,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  shown: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (shown === 0) return null;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {hasNextPage
          ? t("common.shownMore", { count: shown, value: format.number(shown) })
          : t("common.shownAll", { count: shown, value: format.number(shown) })}
      </Text>
      {hasNextPage && (
        <Button variant="default" size="xs" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {t("common.loadMore")}
        </Button>
      )}
    </Group>
  );
}
