/**
 * Identifiers a customer pastes into a question: e-mail addresses, links, phone numbers, order and
 * reference numbers, dates. They name one case, never what an article is about, and their pieces do
 * harm when searched for: "gmail" is one letter from "email", a phone number's "30" matches "30 days".
 * Plain numbers stay: one no article contains scores nothing, and one an article does contain (an
 * error code, a product number, "$50") is a real match.
 */
const identifierPatterns: RegExp[] = [
  // e-mail addresses and links
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu,
  /\b(?:https?:\/\/|www\.)\S+/giu,
  // dates: 15/10/2024, 2024-10-15, 15.10.24
  /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/gu,
  // phone numbers: +1 555 402 1810, (555) 402-1810
  /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}\b/gu,
  // codes mixing letters and three or more digits: AQ-17861, A12B34X (not "mp3" or "covid-19")
  /(?<![\p{L}\p{N}-])(?=(?:[\p{L}-]*\d){3})(?=[\p{N}-]*\p{L})[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}-])/gu,
];

/** The text with customer identifiers replaced by spaces. */
export function withoutIdentifiers(text: string): string {
  let out = text;
  for (const pattern of identifierPatterns) out = out.replace(pattern, ' ');
  return out;
}
