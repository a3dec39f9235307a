/** Where each kind of result opens: requesters have the portal's pages, staff the full ones. */
export function ticketLink(id: number, portal: boolean): string {
  return portal ? `/requests/${id}` : `/tickets/${id}`;
}

export function articleLink(id: number, portal: boolean): string {
  return portal ? `/help/articles/${id}` : `/kb/articles/${id}`;
}

export function userLink(id: number): string {
  return `/admin/users/${id}`;
}

export function assetLink(id: number): string {
  return `/assets/${id}`;
}

/** The text of a server snippet (escaped HTML whose only tag is <mark>), for places that take plain text. */
export function snippetText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return doc.body.textContent ?? "";
}
