/**
 * A phone number as digits a caller's number can be matched on, whatever its spelling:
 * "+33 6 12 34 56 78", "06.12.34.56.78" and "0612345678" all give "0612345678".
 */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, "");
  if (digits.startsWith("0033")) digits = digits.slice(2);
  if (digits.startsWith("33") && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits.length > 0 ? digits : null;
}

/** Does the text look like (the start of) a phone number rather than a name? */
export function looksLikePhone(text: string): boolean {
  return /^[+\d][\d\s.\-()]{2,}$/.test(text.trim()) && text.replace(/\D/g, "").length >= 3;
}
