/** Whether two URLs share scheme, host and port: a stored credential may follow a changed path, never a changed origin. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
