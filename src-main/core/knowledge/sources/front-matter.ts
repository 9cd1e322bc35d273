export interface FrontMatter {
  fields: Record<string, string | string[]>;
  body: string;
}

/** The small YAML subset articles use: `key: value`, `key: [a, b]` and `- item` lists. */
export function parseFrontMatter(text: string): FrontMatter {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(clean);
  const fields: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  if (!match) return { fields, body: clean };
  let listKey: string | undefined;
  for (const line of (match[1] ?? '').split(/\r?\n/)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = fields[listKey];
      fields[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1] ?? '')];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1] ?? '';
    const value = (pair[2] ?? '').trim();
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    listKey = value === '' ? key : undefined;
    if (value.startsWith('[') && value.endsWith(']')) {
      fields[key] = value
        .slice(1, -1)
        .split(',')
        .map((part) => unquote(part.trim()))
        .filter(Boolean);
    } else {
      fields[key] = value === '' ? [] : unquote(value);
    }
  }
  return { fields, body: clean.slice(match[0].length) };
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}
