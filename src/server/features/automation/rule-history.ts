import type { RuleAction, RuleCondition } from "../../../shared/api/automation.js";
import type { Db } from "../../db/database.js";
import type { Actor } from "../identity/access.js";
import { type Snapshot, recordSettingChange } from "../history/history.service.js";
import type { AutomationRuleRow } from "./automation.table.js";

/**
 * A rule as its history shows it: one field per setting, one per condition and per action, so a
 * change reads "Condition 2: priority in 4, 5 → priority in 5". Conditions and actions start with
 * their codes (the web app words them) and name what they point to as it was named then.
 */

type Kind = "group" | "category" | "entity" | "kind" | "user" | "template";
type Names = Record<Kind, Map<number, string>>;

const CONDITION_KINDS: Record<string, Kind> = { category: "category", entity: "entity", group: "group", requesterGroup: "group", assetKind: "kind" };

function parse(row: AutomationRuleRow) {
  return { conditions: JSON.parse(row.conditions) as RuleCondition[], actions: JSON.parse(row.actions) as RuleAction[] };
}

function actionTarget(a: RuleAction): [Kind, number] | undefined {
  switch (a.type) {
    case "assignGroup": return ["group", a.groupId];
    case "assignTechnician": case "addObserver": return ["user", a.userId];
    case "setCategory": return ["category", a.categoryId];
    case "applyTemplate": return ["template", a.templateId];
    default: return undefined;
  }
}

/** The names of everything the rules point to: one query per kind of reference, for a rare operation. */
async function namesFor(db: Db, rows: AutomationRuleRow[]): Promise<Names> {
  const ids: Record<Kind, Set<number>> = { group: new Set(), category: new Set(), entity: new Set(), kind: new Set(), user: new Set(), template: new Set() };
  for (const row of rows) {
    const { conditions, actions } = parse(row);
    for (const c of conditions) {
      const kind = CONDITION_KINDS[c.field];
      if (kind && "values" in c) c.values.forEach((v) => ids[kind].add(Number(v)));
    }
    for (const a of actions) {
      const target = actionTarget(a);
      if (target) ids[target[0]].add(target[1]);
    }
  }
  const list = (kind: Kind) => [...ids[kind]];
  const map = (rows: { id: number; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  const none = Promise.resolve([]);
  const [group, category, entity, kind, user, template] = await Promise.all([
    list("group").length ? db.selectFrom("user_group").select(["id", "name"]).where("id", "in", list("group")).execute() : none,
    list("category").length ? db.selectFrom("ticket_category").select(["id", "complete_name as name"]).where("id", "in", list("category")).execute() : none,
    list("entity").length ? db.selectFrom("entity").select(["id", "complete_name as name"]).where("id", "in", list("entity")).execute() : none,
    list("kind").length ? db.selectFrom("asset_kind").select(["id", "name"]).where("id", "in", list("kind")).execute() : none,
    list("user").length ? db.selectFrom("app_user").select(["id", "login as name"]).where("id", "in", list("user")).execute() : none,
    list("template").length ? db.selectFrom("ticket_template").select(["id", "name"]).where("id", "in", list("template")).execute() : none,
  ]);
  return { group: map(group), category: map(category), entity: map(entity), kind: map(kind), user: map(user), template: map(template) };
}

function conditionText(c: RuleCondition, names: Names): string {
  if (c.field === "businessHours") return `${c.field} ${c.op}`;
  if (c.field === "time") return `${c.field} ${c.op} ${c.days.join(",")} ${c.from}-${c.to} ${c.timeZone}`;
  if ("words" in c) return `${c.field} ${c.op} ${c.words.join(", ")}`;
  const kind = CONDITION_KINDS[c.field];
  return `${c.field} ${c.op} ${c.values.map((v) => (kind ? names[kind].get(Number(v)) ?? `#${v}` : String(v))).join(", ")}`;
}

function actionText(a: RuleAction, names: Names): string {
  const target = actionTarget(a);
  if (target) return `${a.type} ${names[target[0]].get(target[1]) ?? `#${target[1]}`}`;
  if (a.type === "reply") return `${a.type} ${a.content.slice(0, 200)}`;
  return "value" in a ? `${a.type} ${a.value}` : a.type;
}

function ruleSnapshot(row: AutomationRuleRow, names: Names): Snapshot {
  const { conditions, actions } = parse(row);
  return {
    name: row.name, description: row.description, trigger: row.trigger, matchMode: row.match_mode, recursive: row.is_recursive === 1,
    stopFurther: row.stop_further === 1, isActive: row.is_active === 1,
    ...Object.fromEntries(conditions.map((c, i) => [`condition${i + 1}`, conditionText(c, names)])),
    ...Object.fromEntries(actions.map((a, i) => [`action${i + 1}`, actionText(a, names)])),
  };
}

/** Records the rule's creation (`before` null), change or deletion in the caller's transaction, reading the rule as it now is. */
export async function recordRuleChange(db: Db, actor: Actor, before: AutomationRuleRow | null, id: number, deleted = false): Promise<void> {
  const after = deleted ? undefined : await db.selectFrom("automation_rule").selectAll().where("id", "=", id).executeTakeFirst();
  const row = after ?? before;
  if (!row) return;
  const names = await namesFor(db, [before, after].filter((r): r is AutomationRuleRow => r !== null && r !== undefined));
  await recordSettingChange(db, actor, { recordType: "automation_rule", recordId: id, entityId: row.entity_id, label: row.name,
    before: before && ruleSnapshot(before, names), after: after ? ruleSnapshot(after, names) : null });
}
