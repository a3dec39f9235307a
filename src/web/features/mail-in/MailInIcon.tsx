/** The mailboxes' icon: an inbox tray. */
export function MailInIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 13h4l1 3h6l1-3h4" />
      <path d="M4 13 6.5 5h11L20 13v6H4z" />
    </svg>
  );
}
