/**
 * Time slicing for element updates. Fifty cards on one page would otherwise
 * render in one long task (and lay out in one long frame); here updates run
 * as usual until the current task has spent `SLICE_MS` on them, and the rest
 * wait for the next task, a few at a time, so the browser can paint and
 * answer input in between. One element alone renders exactly as before.
 */
export const SLICE_MS = 16;

/** The clock slices are measured by; tests replace `now` to make slicing deterministic. */
export const sliceClock = { now: (): number => performance.now() };

let sliceStart = -1; // performance.now() when this task's slice opened; -1: none open
const waiting: (() => void)[] = [];
let port: MessagePort | undefined;

function openSlice() {
  sliceStart = sliceClock.now();
  // the next task closes this slice (and runs what waits); a message, not a timer,
  // because nested timers are clamped to 4 ms
  if (!port) {
    const channel = new MessageChannel();
    channel.port1.onmessage = nextSlice;
    port = channel.port2;
  }
  port.postMessage(0);
}

function nextSlice() {
  sliceStart = -1;
  while (waiting.length) {
    if (sliceStart < 0) openSlice();
    else if (sliceClock.now() - sliceStart > SLICE_MS) return;
    waiting.shift()!();
  }
}

/** Runs `update` now if this task's slice has time left, else in a later task (the promise settles then). */
export function inSlice(update: () => unknown): void | Promise<void> {
  if (sliceStart < 0) openSlice();
  if (!waiting.length && sliceClock.now() - sliceStart <= SLICE_MS) {
    update();
    return;
  }
  return new Promise((resolve, reject) =>
    waiting.push(() => {
      try {
        update();
        resolve();
      } catch (e) {
        reject(e);
      }
    }),
  );
}
