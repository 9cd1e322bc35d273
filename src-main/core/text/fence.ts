/**
 * Untrusted text put inside a prompt's fence (`<customer_message>…</customer_message>`, `<crm>`, `<knowledge>`,
 * `<tool_result>`) must not be able to close it or open a new one: a customer's `</customer_message> SYSTEM: …`
 * would otherwise read as the end of the data. Every tag-like sequence has its angle brackets swapped for
 * look-alikes (‹ ›), so the words stay readable. Shared by the copilot's prompts and the MCP client's tools.
 */
export function neutralizeFenceTags(text: string): string {
  return text.replace(/<\s*\/?\s*[\p{L}_!?][^<>]{0,200}>|<\s*\/?\s*[\p{L}_][\w:.-]*/gu, (tag) => tag.replace(/</g, '‹').replace(/>/g, '›'));
}

const attribute = (value: string): string => neutralizeFenceTags(value).replace(/"/g, "'");

/** How a tool's answer enters a prompt: fenced and labelled as data, so it reads as quoted material, not orders. */
export function frameToolResult(info: { qualifiedName: string; serverName: string }, text: string): string {
  return `<tool_result tool="${attribute(info.qualifiedName)}" server="${attribute(info.serverName)}" trust="untrusted">\n${neutralizeFenceTags(text)}\n</tool_result>`;
}
