/** Business calendars, SLA targets, ticket deadlines and escalations. */
export const frSla = {
};
