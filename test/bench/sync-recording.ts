import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** One recorded answer of the CRM, keyed by what was asked. */
interface RecordedAnswer {
  key: string;
  status: number;
  body: string;
}

const keyOf = (input: string | URL | Request, init?: RequestInit): string => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = typeof init?.body === 'string' ? init.body : '';
  return `${init?.method ?? 'GET'} ${url.pathname}${url.search} ${body}`;
};

/**
 * A fetch that passes every request to the real one and appends its answer to `file` (JSON lines).
 * `finish()` flushes the file; it appears under its name only once complete, so a crash leaves no half recording.
 */
export function recordingFetch(file: string): { fetch: typeof fetch; finish(): Promise<{ answers: number; bytes: number }> } {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let answers = 0;
  const record: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = await response.text();
    out.write(`${JSON.stringify({ key: keyOf(input, init), status: response.status, body } satisfies RecordedAnswer)}\n`);
    answers += 1;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch: record,
    finish: () =>
      new Promise((resolve, reject) => {
        out.end(() => {
          try {
            renameSync(partial, file);
            resolve({ answers, bytes: statSync(file).size });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      }),
  };
}

export const hasRecording = (file: string): boolean => existsSync(file);

/** The recorded answers, by request. */
export async function loadRecording(file: string): Promise<Map<string, RecordedAnswer>> {
  const answers = new Map<string, RecordedAnswer>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const answer = JSON.parse(line) as RecordedAnswer;
    answers.set(answer.key, answer);
  }
  return answers;
}

/**
 * A fetch that answers from a recording at full speed: no socket, no CRM. A request the recording does not
 * hold fails loudly, so a replay cannot pass by answering less than the recorded sync asked for.
 */
export function replayFetch(answers: Map<string, RecordedAnswer>): { fetch: typeof fetch; served(): number } {
  let served = 0;
  const replay: typeof fetch = (input, init) => {
    const answer = answers.get(keyOf(input, init));
    if (!answer) return Promise.reject(new Error(`not in the recording: ${keyOf(input, init).slice(0, 200)}`));
    served += 1;
    // Answered from the next turn of the event loop, as a socket's data would be: the loop keeps turning.
    return new Promise((resolve) => setImmediate(() => resolve(new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } }))));
  };
  return { fetch: replay, served: () => served };
}
