import { useTranslation } from "react-i18next";
import { RULE_ACTION_TYPES, RULE_LIST_FIELDS, RULE_TEXT_FIELDS } from "../../../shared/api/automation.js";
import type { HistoryWording } from "../history/HistoryTab.js";

const CONDITION_FIELDS: readonly string[] = [...RULE_LIST_FIELDS, ...RULE_TEXT_FIELDS, "time", "businessHours"];
const OPS = ["in", "notIn", "contains", "notContains", "within", "outside"] as const;

const RULE_FIELDS = {
  name: "automation.rules.name", description: "automation.rules.descriptionField", trigger: "automation.rules.trigger",
  matchMode: "automation.history.matchMode", recursive: "automation.recursive", stopFurther: "automation.rules.stopFurther",
  isActive: "automation.rules.active",
} as const;

/** The history of a rule names its fields as the rule editor does; "condition2" is the second condition. */
export function useRuleWording(): HistoryWording {
  const { t } = useTranslation();
  return {
    field: (field) => {
      const indexed = /^(condition|action)(\d+)$/.exec(field);
      if (indexed) return t(`automation.history.${indexed[1] as "condition" | "action"}`, { n: Number(indexed[2]) });
      const key = RULE_FIELDS[field as keyof typeof RULE_FIELDS];
      return key ? t(key) : undefined;
    },
    value: (field, value) => {
      // "title contains vpn, wifi", "assignGroup Support N2": the server's codes first, then the values.
      if (/^condition\d+$/.test(field)) {
        const [code = "", op = "", ...rest] = value.split(" ");
        if (!CONDITION_FIELDS.includes(code) || !(OPS as readonly string[]).includes(op)) return undefined;
        return [t(`automation.fields.${code as "title"}`), t(`automation.ops.${op as (typeof OPS)[number]}`), ...rest].join(" ");
      }
      if (/^action\d+$/.test(field)) {
        const [code = "", ...rest] = value.split(" ");
        if (!(RULE_ACTION_TYPES as readonly string[]).includes(code)) return undefined;
        return [t(`automation.actionTypes.${code as "reply"}`), ...rest].join(" ");
      }
      if (field === "trigger") return t(`automation.triggers.${value as "created"}`, { defaultValue: value });
      if (field === "matchMode") return value === "any" ? t("automation.matchAny") : value === "all" ? t("automation.matchAll") : undefined;
      return undefined;
    },
  };
}
