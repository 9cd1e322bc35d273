// V8 flags for the app's main process, given on the command line where it is launched: `npm start` (Electron's
// --js-flags, or node after tsx's CLI for the browser fallback; before the CLI they would stay with tsx),
// `npm run start:web` and `npm run cli` (package.json), and by the sync benchmark, which must measure what the
// app runs with. Only the command line works: v8.setFlagsFromString after start leaves the heap as it was
// (measured: new space still 32 MB), and Electron's main process reads --js-flags only when started with it.
//
// A 2 MB semi-space (V8's default grows to 16 MB, a 48 MB young generation): a sync's main thread turns over one
// fetch's garbage per page (undici's buffers, responses, signals) and keeps almost none of it, so the young
// generation filled to its maximum only to be emptied; at 100k contacts the sync's peak RSS fell from 297 to
// 241 MB (one run each, load 6-9), the main thread's peak heap from 111 to 88 MB, without more CPU per record.
export const mainHeapFlags = ['--max-semi-space-size=2'];
