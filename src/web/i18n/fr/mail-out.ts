/** Email out: SMTP settings, notification templates, the outgoing mail queue. */
export const frMailOut = {
};
