/**
 * `?list=full`: fetch the whole thread at once and render every message, as a window without paging
 * or virtualisation would. Only the ui-conversation benchmark sets it, to measure against in the same build.
 */
export function fullThreadForBenchmark(): boolean {
  return typeof location !== 'undefined' && new URLSearchParams(location.search).get('list') === 'full';
}
