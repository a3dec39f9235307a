import { Select, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IMPORT_TARGETS, type ImportPreview } from "../../../../shared/api/asset-import.js";

type Mapping = (string | null)[];

/** One select per column above its first values: the user checks the guess against the data itself. */
export function ImportMapping({ preview, mapping, onChange }: { preview: ImportPreview; mapping: Mapping; onChange: (mapping: Mapping) => void }) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("assetImport.ignore") },
    ...IMPORT_TARGETS.map((target) => ({ value: target, label: t(`assetImport.targets.${target}`) })),
    ...preview.customFields.map((field) => ({ value: field.target, label: t("assetImport.customField", { label: field.label }) })),
  ];
  const set = (index: number, value: string | null) => {
    // A field fed by two columns would be ambiguous: the other column lets go of it.
    const next = mapping.map((target, i) => (i === index ? value || null : target === value ? null : target));
    onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={preview.columns.length * 180}>
      <Table striped withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            {preview.columns.map((column, i) => (
              <Table.Th key={i} miw={170}>
                <Text size="sm" fw={600} mb={4}>{column}</Text>
                <Select
                  size="xs"
                  aria-label={t("assetImport.columnTarget", { column })}
                  data={options}
                  value={mapping[i] ?? ""}
                  onChange={(value) => set(i, value)}
                  allowDeselect={false}
                  searchable
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, r) => (
            <Table.Tr key={r}>
              {preview.columns.map((_column, i) => <Table.Td key={i}>{row[i]}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Caption>{t("assetImport.preview")}</Table.Caption>
      </Table>
    </Table.ScrollContainer>
  );
}
