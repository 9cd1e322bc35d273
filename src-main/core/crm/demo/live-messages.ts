import { mulberry32 } from '../../random/mulberry32';
import type { DemoState } from './state';

const followUps = [
  'Any update on this?',
  'Hello? Is anyone there?',
  'Sorry, one more thing: can you also check my order {order}?',
  'Thanks, waiting for your answer.',
  'I just got an email about my {product}, is that related?',
  'Can you please hurry, I need this sorted today.',
  'My email is {email} in case you need it.',
  'Actually, I would prefer a refund instead.',
];

/** Picks a random open conversation (sampling, so a million threads cost nothing) and has its customer write again. */
export function startLiveMessages(state: DemoState, everySeconds: number, seed: number): () => void {
  const random = mulberry32(seed ^ 0x11fe);
  const timer = setInterval(() => {
    const count = state.threadCount();
    if (count === 0) return;
    let index = 0;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const candidate = Math.floor(random() * count);
      if (state.thread(candidate).status === 'OPEN') {
        index = candidate;
        break;
      }
    }
    const slots = state.generator.slots(index);
    const line = followUps[Math.floor(random() * followUps.length)] ?? 'Hello?';
    state.addMessage(index, line.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole), 'INCOMING');
  }, everySeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
