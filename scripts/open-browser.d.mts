export function findAppAddress(text: string): string | undefined;
export type BrowserCommand = { command: string; args: string[]; verbatim?: boolean; reason?: undefined } | { reason: string; command?: undefined; args?: undefined };
export function browserCommand(url: string, platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv, has?: (command: string) => boolean): BrowserCommand;
export function openInBrowser(url: string): Promise<string>;
