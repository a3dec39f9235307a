/**
 * Admin-editable software normalisation rules (GLPI calls them the software dictionary) and the
 * catalogue key of an installed software.
 *
 * A rule matches the name and/or the publisher as the agent reported them, exactly (case and
 * surrounding spaces ignored) or with a regular expression (JavaScript syntax, case-insensitive,
 * unanchored: write ^…$ to match the whole value), and sets the catalogue name and/or publisher.
 * When both name and publisher matchers are given, both must match. `set` values may use $1…$9,
 * the groups captured by the name's regular expression (or the publisher's, if the name has none).
 *
 * Rules run in order and the first matching rule wins — the order is the priority, as in GLPI's
 * dictionaries. They see the entry as reported, before the built-in normalisation, and what they
 * set is final: "Foo 2.0" set by a rule is not shortened to "Foo". The fields a rule leaves alone
 * still go through the built-in normalisation.
 */
import { z } from "zod";
import { cleanText, splitSoftwareName, type InstalledSoftware } from "./software-name.js";
import { boundedCache } from "./bounded-cache.js";
import { normalizePublisher } from "./software-publisher.js";

/** What a software is in the catalogue: the unit that versions, installations and licences hang on. */
export type SoftwareKey = { name: string; publisher: string; version: string };

/** The message of the SyntaxError a pattern raises, or undefined when it compiles. */
function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "i");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const MatcherSchema = z.strictObject({
  exact: z.string().trim().min(1).max(255).optional(),
  regex: z.string().min(1).max(500).optional(),
}).superRefine((matcher, ctx) => {
  if ((matcher.exact === undefined) === (matcher.regex === undefined)) {
    ctx.addIssue({ code: "custom", message: "Give either exact or regex" });
  }
  const error = matcher.regex === undefined ? undefined : regexError(matcher.regex);
  if (error) ctx.addIssue({ code: "custom", path: ["regex"], message: `Invalid regular expression: ${error}` });
});

export const SoftwareRuleSchema = z.strictObject({
  match: z.strictObject({ name: MatcherSchema.optional(), publisher: MatcherSchema.optional() })
    .refine((match) => match.name !== undefined || match.publisher !== undefined, "Match on the name, the publisher or both"),
  set: z.strictObject({ name: z.string().trim().min(1).max(255).optional(), publisher: z.string().trim().max(255).optional() })
    .refine((set) => set.name !== undefined || set.publisher !== undefined, "Set the name, the publisher or both"),
});
export type SoftwareRule = z.output<typeof SoftwareRuleSchema>;
export type SoftwareMatcher = z.output<typeof MatcherSchema>;

export const SoftwareRulesSchema = z.array(SoftwareRuleSchema).max(500);

// Inventories run every rule against hundreds of entries: compile each pattern once per rule object.
const compiled = new WeakMap<SoftwareMatcher, RegExp>();

function patternOf(matcher: SoftwareMatcher, regex: string): RegExp {
  let pattern = compiled.get(matcher);
  if (!pattern) {
    pattern = new RegExp(regex, "i");
    compiled.set(matcher, pattern);
  }
  return pattern;
}

/** The groups a matcher captured (index 0 is the whole match), or null when it does not match. */
function test(matcher: SoftwareMatcher, value: string): string[] | null {
  if (matcher.regex !== undefined) {
    const found = patternOf(matcher, matcher.regex).exec(value);
    return found ? found.map((group) => group ?? "") : null;
  }
  return value.toLowerCase() === (matcher.exact ?? "").toLowerCase() ? [value] : null;
}

function expand(template: string, groups: string[]): string {
  return cleanText(template.replace(/\$([1-9])/g, (_, index: string) => groups[Number(index)] ?? ""));
}

/** The values the first matching rule sets on the entry, or undefined when no rule matches. */
export function findRuleValues(entry: InstalledSoftware, rules: readonly SoftwareRule[]): { name?: string; publisher?: string } | undefined {
  const name = cleanText(entry.name);
  const publisher = cleanText(entry.publisher);
  for (const rule of rules) {
    const byName = rule.match.name ? test(rule.match.name, name) : [];
    const byPublisher = rule.match.publisher ? test(rule.match.publisher, publisher) : [];
    if (!byName || !byPublisher) continue;
    const groups = rule.match.name?.regex !== undefined ? byName : byPublisher;
    // A name made empty by an unmatched $n falls back to the built-in normalisation.
    const setName = rule.set.name === undefined ? "" : expand(rule.set.name, groups);
    return {
      ...(setName !== "" && { name: setName }),
      ...(rule.set.publisher !== undefined && { publisher: expand(rule.set.publisher, groups) }),
    };
  }
  return undefined;
}

/** The entry with the first matching rule's name and publisher in place of the reported ones. */
export function applyRules(entry: InstalledSoftware, rules: readonly SoftwareRule[]): InstalledSoftware {
  const values = findRuleValues(entry, rules);
  return values ? { ...entry, ...values } : entry;
}

/**
 * The catalogue key of an installed software: the admin's rules first, then the built-in
 * normalisation for what they left alone. Undefined for an entry without a name (nothing to list).
 * The entry's arch is not part of the key: Windows puts it in the name, and Debian's "amd64" or
 * "all" does not make another software.
 */
export function normalizeSoftware(entry: InstalledSoftware, rules: readonly SoftwareRule[] = []): SoftwareKey | undefined {
  const values = rules.length === 0 ? undefined : cachedRuleValues(rules)(`${entry.name}\u0000${entry.publisher ?? ""}`);
  const split = splitSoftwareName(entry.name, entry.version);
  const name = values?.name ?? split.name;
  if (name === "") return undefined;
  return { name, publisher: values?.publisher ?? normalizePublisher(entry.publisher), version: split.version };
}

type RuleValues = ReturnType<typeof findRuleValues>;
// One memo per rule list: an edited list (a new array, as parsed from the settings) starts afresh.
// A rule list is therefore never changed in place.
const ruleValueCaches = new WeakMap<readonly SoftwareRule[], (nameAndPublisher: string) => RuleValues>();

function cachedRuleValues(rules: readonly SoftwareRule[]): (nameAndPublisher: string) => RuleValues {
  let cached = ruleValueCaches.get(rules);
  if (!cached) {
    cached = boundedCache((key) => {
      const [name = "", publisher = ""] = key.split("\u0000");
      return findRuleValues({ name, publisher }, rules);
    });
    ruleValueCaches.set(rules, cached);
  }
  return cached;
}

/**
 * One comparison string per catalogue software: names and publishers that differ only in case
 * ("VideoLan", "VideoLAN") are the same software. Stored as software.name_key.
 */
export function softwareIdentity(key: Pick<SoftwareKey, "name" | "publisher">): string {
  // The unit separator, not NUL: PostgreSQL's text refuses NUL, and this key is stored.
  return `${key.publisher.toLowerCase()}\u001f${key.name.toLowerCase()}`;
}
