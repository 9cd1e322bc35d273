import { readFileSync, statSync } from 'node:fs';
import { parseCsvRows } from '../core/text/csv';
import { CliInputError } from './errors';

/** A folder a command reads from, checked before anything is opened or created. */
export function requireFolder(path: string, flag: string): string {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new CliInputError(`--${flag}: there is no folder ${path}.`);
  }
  if (!isFolder) throw new CliInputError(`--${flag}: ${path} is a file; give the folder that holds the articles.`);
  return path;
}

/**
 * A CSV must have one of the column sets the command reads, and at least one row: a file of other
 * columns is said so instead of scoring nothing (n=0).
 */
export function requireCsvColumns(path: string, flag: string, columnSets: readonly (readonly string[])[]): void {
  const text = readFileSync(path, 'utf8');
  const rows = parseCsvRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).filter((row) => !(row.length === 1 && row[0] === ''));
  const header = (rows[0] ?? []).map((name) => name.trim());
  const wanted = columnSets.map((set) => set.join(', ')).join(' or ');
  if (!columnSets.some((set) => set.every((column) => header.includes(column)))) {
    const found = header.filter(Boolean);
    throw new CliInputError(`--${flag}: ${path} has ${found.length ? `the columns ${found.join(', ')}` : 'no header row'}; this command needs the columns ${wanted}.`);
  }
  if (rows.length < 2) throw new CliInputError(`--${flag}: ${path} has the columns ${wanted} but no rows.`);
}
