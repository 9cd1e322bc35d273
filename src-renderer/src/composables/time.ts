import { onBeforeUnmount, ref } from 'vue';

/** A clock that ticks every `ms`, for "waiting 4 min" labels. */
export function useNow(ms = 30_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), ms);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}

export function formatWaiting(since: string | null, now: number): string {
  if (!since) return '';
  const minutes = Math.max(0, Math.round((now - Date.parse(since)) / 60_000));
  if (!Number.isFinite(minutes)) return '';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

// Intl formatters are costly to create and a long thread formats a time per row it shows: make them once.
let timeOnly: Intl.DateTimeFormat | undefined;
let dateAndTime: Intl.DateTimeFormat | undefined;

export function formatTime(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  if (sameDay) return (timeOnly ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })).format(date);
  return (dateAndTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' })).format(date);
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

export function sentimentLabel(value: number | undefined): string {
  if (value === undefined) return '';
  if (value <= -0.5) return 'Upset';
  if (value <= -0.2) return 'Unhappy';
  if (value >= 0.2) return 'Positive';
  return 'Neutral';
}
