/** Automation rules, ticket templates, canned responses and recurring tickets. */
export const frAutomation = {
};
