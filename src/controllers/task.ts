import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../feed/errors.js';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export type TaskHost = ReactiveControllerHost & { readonly isConnected: boolean };

/**
 * An asynchronous job bound to an element, after `@lit/task`: `start(args)`
 * runs the job when its arguments differ from the last run's, hands it an
 * `AbortSignal`, and keeps only the answer of the newest run (the one
 * staleness rule of the project). Unlike `@lit/task` it aborts a pending run
 * when the element leaves the page, and runs it again when it comes back; a
 * move (disconnect and connect in the same task) keeps the run going.
 *
 * A job may also answer synchronously (return a value, not a promise): the
 * result is there before the host renders.
 */
export class Task<A extends readonly unknown[], V> implements ReactiveController {
  status: TaskStatus = 'initial';
  value?: V;
  error?: unknown;
  /** The arguments of the newest run. */
  args?: A;
  /** Settles when the newest run has (never rejects). */
  settled: Promise<unknown> = Promise.resolve();

  /** Counts the runs: work that a settled run queues (an event after render) checks it is still the newest. */
  run = 0;
  #abort?: AbortController;
  #resume = false;

  constructor(
    protected readonly host: TaskHost,
    /** The job; a subclass may override `job` instead. */
    job?: (args: A, signal: AbortSignal) => V | Promise<V>,
  ) {
    if (job) this.job = job;
    host.addController(this);
  }

  protected job(_args: A, _signal: AbortSignal): V | Promise<V> {
    return undefined as V;
  }

  /** Called when the newest run settles, before the host re-renders. */
  protected settledRun(): void {}

  /** Starts the job for `args`, unless the newest run already has the same arguments (`force` starts it anyway). */
  start(args: A, force = false): void {
    if (!force && this.args?.every((a, i) => a === args[i])) return;
    this.args = args;
    this.#resume = false;
    const run = ++this.run;
    this.value = this.error = undefined;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const settle = (status: TaskStatus, value?: V, error?: unknown) => {
      if (run !== this.run) return;
      this.#abort = undefined;
      this.status = status;
      this.value = value;
      this.error = error;
      this.settledRun();
      this.host.requestUpdate();
    };
    try {
      const result = this.job(args, abort.signal);
      if (!(result instanceof Promise)) return settle('complete', result);
      this.status = 'pending';
      this.settled = result.then(
        (v) => settle('complete', v),
        (e: unknown) => isAbort(e) || settle('error', undefined, e),
      );
    } catch (e) {
      settle('error', undefined, e);
    }
  }

  hostConnected(): void {
    // a run that a disconnect aborted starts again
    if (this.#resume && this.args) this.start(this.args, true);
  }

  hostDisconnected(): void {
    // a move (disconnect, then connect in the same task) keeps its run
    queueMicrotask(() => {
      if (this.host.isConnected || !this.#abort) return;
      this.#abort.abort();
      this.#abort = undefined;
      this.run++;
      this.#resume = this.status === 'pending';
    });
  }
}
