import { Badge, Button, Skeleton, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { ApiToken } from "../../../../shared/api/tokens.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { RoleBadge } from "../../../components/badges.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { CreateTokenModal } from "./CreateTokenModal.js";
import { useRevokeToken, useTokenList } from "./useTokens.js";

function tokenStatus(token: ApiToken): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return "expired";
  return "active";
}

const STATUS_COLORS = { active: "green", expired: "orange", revoked: "gray" } as const;

/** API tokens let scripts and other tools call Vigie with a fixed role on one entity. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokenList();
  const [opened, modal] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title={t("tokens.title")}
        description={t("tokens.description")}
        actions={<Button onClick={modal.open}>{t("tokens.new")}</Button>}
      />
      <ApiErrorAlert error={tokens.error} />
      {tokens.isPending ? (
        <Skeleton h={160} />
      ) : tokens.items.length === 0 && !tokens.isError ? (
        <Text c="dimmed" py="xl" ta="center">
          {t("tokens.empty")}
        </Text>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("tokens.name")}</Table.Th>
                <Table.Th>{t("tokens.prefix")}</Table.Th>
                <Table.Th>{t("grants.entity")}</Table.Th>
                <Table.Th>{t("grants.role")}</Table.Th>
                <Table.Th>{t("tokens.createdAt")}</Table.Th>
                <Table.Th>{t("tokens.lastUsedAt")}</Table.Th>
                <Table.Th>{t("tokens.expiresAt")}</Table.Th>
                <Table.Th>{t("tokens.status")}</Table.Th>
                <Table.Th aria-label={t("common.actions")} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.items.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore
        shown={tokens.items.length}
        hasNextPage={tokens.hasNextPage}
        isFetchingNextPage={tokens.isFetchingNextPage}
        fetchNextPage={tokens.fetchNextPage}
      />
      <CreateTokenModal opened={opened} onClose={modal.close} />
    </>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeToken();
  const status = tokenStatus(token);
  return (
    <Table.Tr c={status === "active" ? undefined : "dimmed"}>
      <Table.Td fw={500}>{token.name}</Table.Td>
      <Table.Td className="mono">{token.prefix}…</Table.Td>
      <Table.Td>
        {token.entityName}
        {token.recursive && (
          <Text span size="xs" c="dimmed">
            {" "}
            {t("tokens.andSubEntities")}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RoleBadge role={token.role} />
      </Table.Td>
      <Table.Td className="nowrap">{format.date(token.createdAt)}</Table.Td>
      <Table.Td className="nowrap">{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("tokens.neverUsed")}</Table.Td>
      <Table.Td className="nowrap">{token.expiresAt ? format.date(token.expiresAt) : t("tokens.never")}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={STATUS_COLORS[status]}>
          {t(`tokens.statuses.${status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {status !== "revoked" && (
          <ConfirmButton
            label={t("tokens.revoke")}
            ariaLabel={t("tokens.revokeLabel", { name: token.name })}
            title={t("tokens.revokeTitle")}
            message={t("tokens.revokeMessage", { name: token.name })}
            confirmLabel={t("tokens.revoke")}
            loading={revoke.isPending}
            error={revoke.error}
            onOpen={revoke.reset}
            onConfirm={() => revoke.mutateAsync(token.id)}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
