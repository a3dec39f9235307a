/**
 * The rules editor's form: one draft per rule, with a matcher mode per field as the admin picks
 * it in the form, and the conversion to and from the API's rules. The checks here mirror the
 * server's (features/inventory/identity/software-rules.ts) so most mistakes show before saving.
 */
import type { ValidationIssue } from "../../../../shared/api/errors.js";
import type { SoftwareRule, SoftwareRuleMatcher } from "../../../../shared/api/software.js";

export const MATCHER_MODES = ["any", "exact", "regex"] as const;
export type MatcherMode = (typeof MATCHER_MODES)[number];

export type RuleDraft = {
  /** Stable across moves, for React. */
  key: number;
  nameMode: MatcherMode;
  name: string;
  publisherMode: MatcherMode;
  publisher: string;
  setName: string;
  setPublisher: string;
};

/** Where a problem shows: under a field of the rule. */
export type RuleField = "name" | "publisher" | "setName" | "setPublisher";
export type RuleErrorKey = "validation.required" | "validation.invalid" | "software.rules.errors.regex"
  | "software.rules.errors.matchSomething" | "software.rules.errors.setSomething";
/** Field → i18n key of the message. */
export type RuleErrors = Partial<Record<RuleField, RuleErrorKey>>;

let lastKey = 0;

function modeOf(matcher: SoftwareRuleMatcher | undefined): [MatcherMode, string] {
  if (matcher?.regex !== undefined) return ["regex", matcher.regex];
  if (matcher?.exact !== undefined) return ["exact", matcher.exact];
  return ["any", ""];
}

export function toDraft(rule?: SoftwareRule): RuleDraft {
  const [nameMode, name] = modeOf(rule?.match.name);
  const [publisherMode, publisher] = modeOf(rule?.match.publisher);
  return { key: ++lastKey, nameMode: rule ? nameMode : "exact", name, publisherMode, publisher,
    setName: rule?.set.name ?? "", setPublisher: rule?.set.publisher ?? "" };
}

function matcherOf(mode: MatcherMode, value: string): SoftwareRuleMatcher | undefined {
  if (mode === "any") return undefined;
  return mode === "regex" ? { regex: value } : { exact: value.trim() };
}

/** The API's rule: "any" leaves the field out of the match, an empty "set" field leaves the value as it is. */
export function toRule(draft: RuleDraft): SoftwareRule {
  const name = matcherOf(draft.nameMode, draft.name);
  const publisher = matcherOf(draft.publisherMode, draft.publisher);
  const setName = draft.setName.trim();
  const setPublisher = draft.setPublisher.trim();
  return {
    match: { ...(name && { name }), ...(publisher && { publisher }) },
    set: { ...(setName && { name: setName }), ...(setPublisher && { publisher: setPublisher }) },
  };
}

function regexProblem(pattern: string): boolean {
  try {
    new RegExp(pattern, "i");
    return false;
  } catch {
    return true;
  }
}

function matcherError(mode: MatcherMode, value: string): RuleErrorKey | undefined {
  if (mode === "any") return undefined;
  if (value.trim() === "") return "validation.required";
  return mode === "regex" && regexProblem(value) ? "software.rules.errors.regex" : undefined;
}

export function checkDraft(draft: RuleDraft): RuleErrors {
  const errors: RuleErrors = {};
  const name = matcherError(draft.nameMode, draft.name);
  const publisher = matcherError(draft.publisherMode, draft.publisher);
  if (name) errors.name = name;
  if (publisher) errors.publisher = publisher;
  if (draft.nameMode === "any" && draft.publisherMode === "any") errors.name = "software.rules.errors.matchSomething";
  if (draft.setName.trim() === "" && draft.setPublisher.trim() === "") errors.setName = "software.rules.errors.setSomething";
  return errors;
}

/** "body.rules.2.match.name.regex" → rule 2's name field, so the server's rare refusals show where they belong. */
export function serverRuleErrors(issues: readonly ValidationIssue[]): Map<number, RuleErrors> {
  const byRule = new Map<number, RuleErrors>();
  for (const issue of issues) {
    const [, , index, part, field] = issue.path.split(".");
    if (index === undefined || !/^\d+$/.test(index)) continue;
    const target: RuleField = part === "set" ? (field === "publisher" ? "setPublisher" : "setName") : field === "publisher" ? "publisher" : "name";
    const errors = byRule.get(Number(index)) ?? {};
    errors[target] ??= /regular expression/i.test(issue.message) ? "software.rules.errors.regex" : "validation.invalid";
    byRule.set(Number(index), errors);
  }
  return byRule;
}
