import type { MessageView } from '@contract/workspace';

/*
 * A bubble's height from its text length and the list's width, so a 10,000-message thread paints at the bottom
 * at once and rows are measured after paint, not before it. The figures follow styles.css (.virtual-row,
 * .message, .message-meta, .message-text at the 14px root size); a wrong guess only costs a small correction.
 * It lives apart from the pane so the idle warm-up (thread-warmup.ts) runs this very function once before the
 * first open: a function V8 has never run is compiled inside the open that first calls it.
 */
const rowChrome = 2 * 4.2 + 2 * 6.3 + 2 + 12.2 + 2.8;
const textLine = 16;
const averageChar = 7.4;

export function estimateMessageHeight(message: MessageView, width: number): number {
  const textWidth = Math.max(80, 0.75 * ((width || 600) - 28) - 2 * 6.3 - 2);
  const perLine = Math.max(8, Math.floor(textWidth / averageChar));
  let lines = 0;
  // Words wrap whole, so a line holds a little less than its width in characters.
  for (const paragraph of message.text.split('\n')) lines += Math.max(1, Math.ceil((paragraph.length * 1.02) / perLine));
  return rowChrome + lines * textLine;
}
