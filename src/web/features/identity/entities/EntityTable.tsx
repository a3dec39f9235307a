import { Anchor, Skeleton, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Entity } from "../../../../shared/api/entities.js";
import { useFormat } from "../../../i18n/format.js";

/** Entities in tree order (the API sorts by complete name), indented by depth. */
export function EntityTable({
  entities,
  isPending,
  emptyText,
  indent = true,
}: {
  entities: Entity[];
  isPending: boolean;
  emptyText: string;
  indent?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (isPending) return <Skeleton h={160} />;
  if (entities.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {emptyText}
      </Text>
    );
  }
  const minDepth = Math.min(...entities.map((entity) => entity.depth));
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("entities.name")}</Table.Th>
            <Table.Th>{t("entities.completeName")}</Table.Th>
            <Table.Th>{t("entities.town")}</Table.Th>
            <Table.Th>{t("entities.children")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entities.map((entity) => (
            <Table.Tr key={entity.id}>
              <Table.Td style={{ paddingInlineStart: indent ? `calc(${entity.depth - minDepth} * 1.25rem + 0.75rem)` : undefined }}>
                <Anchor component={Link} to={`/admin/entities/${entity.id}`} fw={500}>
                  {entity.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {entity.completeName}
                </Text>
              </Table.Td>
              <Table.Td>{entity.town ?? "—"}</Table.Td>
              <Table.Td>{format.number(entity.childCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
