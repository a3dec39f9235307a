import { describe, expect, it } from "vitest";
import { SoftwareRulesSchema } from "../../../../server/features/inventory/identity/software-rules.js";
import type { SoftwareRule } from "../../../../shared/api/software.js";
import { checkDraft, serverRuleErrors, toDraft, toRule } from "./rules-form.js";

describe("the software rules form", () => {
  it("gives back the rules it was given, which the inventory's schema accepts", () => {
    const rules: SoftwareRule[] = [
      { match: { name: { regex: "^Adobe Acrobat Reader (DC|XI)" } }, set: { name: "Adobe Acrobat Reader $1", publisher: "Adobe" } },
      { match: { publisher: { exact: "Mozilla Corporation" } }, set: { publisher: "Mozilla" } },
      { match: { name: { exact: "Java 8" }, publisher: { regex: "^Oracle" } }, set: { name: "Java" } },
    ];
    const drafts = rules.map((rule) => toDraft(rule));
    expect(drafts.map(checkDraft)).toEqual([{}, {}, {}]);
    expect(drafts.map(toRule)).toEqual(rules);
    expect(SoftwareRulesSchema.safeParse(drafts.map(toRule)).success).toBe(true);
  });

  it("shows the problems the server would refuse, under their field", () => {
    const fresh = toDraft();
    expect(checkDraft(fresh)).toEqual({ name: "validation.required", setName: "software.rules.errors.setSomething" });
    expect(checkDraft({ ...fresh, nameMode: "regex", name: "(", setName: "X" })).toEqual({ name: "software.rules.errors.regex" });
    expect(checkDraft({ ...fresh, nameMode: "any", setPublisher: "X" })).toEqual({ name: "software.rules.errors.matchSomething" });
    // What passes here, the server takes: "any" leaves the field out, an empty "set" field too.
    const draft = { ...fresh, nameMode: "any" as const, publisherMode: "exact" as const, publisher: " Mozilla ", setPublisher: "Mozilla " };
    expect(checkDraft(draft)).toEqual({});
    expect(toRule(draft)).toEqual({ match: { publisher: { exact: "Mozilla" } }, set: { publisher: "Mozilla" } });
    expect(SoftwareRulesSchema.safeParse([toRule(draft)]).success).toBe(true);
  });

  it("places the server's issues on their rule and field", () => {
    const errors = serverRuleErrors([
      { path: "body.rules.1.match.name.regex", message: "Rule 2: Invalid regular expression: x" },
      { path: "body.rules.3.set", message: "Rule 4: Set the name, the publisher or both" },
      { path: "body.rules", message: "Too big" },
    ]);
    expect([...errors]).toEqual([[1, { name: "software.rules.errors.regex" }], [3, { setName: "validation.invalid" }]]);
  });
});
