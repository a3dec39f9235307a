import { Button, Group, Paper, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { KbArticle } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useArticleAction } from "./useKb.js";

/** "Was this useful?": the reader's vote shows pressed; pressing the other one changes it. */
export function VoteBox({ article, showCounts = true }: { article: KbArticle; showCounts?: boolean }) {
  const { t } = useTranslation();
  const action = useArticleAction(article.id);
  const mine = article.votes.mine;
  return (
    <Paper withBorder p="md">
      <Group gap="sm" wrap="wrap">
        <Text fw={600} id={`vote-${article.id}`}>{t("kb.article.useful")}</Text>
        <Group gap="xs" role="group" aria-labelledby={`vote-${article.id}`}>
          <Button size="xs" variant={mine === true ? "filled" : "default"} aria-pressed={mine === true}
            onClick={() => action.mutate({ kind: "vote", useful: true })}>{t("kb.article.yes")}</Button>
          <Button size="xs" variant={mine === false ? "filled" : "default"} aria-pressed={mine === false}
            onClick={() => action.mutate({ kind: "vote", useful: false })}>{t("kb.article.no")}</Button>
        </Group>
        {mine !== null && <Text fz="sm" c="dimmed" role="status">{t("kb.article.thanks")}</Text>}
        {showCounts && <Text fz="sm" c="dimmed">{t("kb.article.votes", { useful: article.votes.useful, notUseful: article.votes.notUseful })}</Text>}
      </Group>
      <ApiErrorAlert error={action.error} />
    </Paper>
  );
}
