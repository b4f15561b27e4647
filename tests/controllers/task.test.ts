import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Task } from '../../src/controllers/task.js';

/** A promise whose outcome the test decides, and when. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

class TaskHostElement extends LitElement {
  jobs: { args: readonly unknown[]; signal: AbortSignal; answer: ReturnType<typeof deferred<string>> }[] = [];
  readonly task = new Task(this, (args: [string], signal) => {
    const answer = deferred<string>();
    this.jobs.push({ args, signal, answer });
    return answer.promise;
  });
  override render() {
    return html`<p>${this.task.status}:${this.task.value ?? ''}</p>`;
  }
}
customElements.define('task-host-element', TaskHostElement);

const shown = (el: TaskHostElement) => el.shadowRoot!.querySelector('p')!.textContent;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Task: one async job per element, newest answer wins', () => {
  it('shows the answer of the newest run, never a late answer of an older one', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    el.task.start(['a']);
    el.task.start(['b']);
    expect(el.jobs.map((j) => j.args[0])).to.deep.equal(['a', 'b']);
    expect(el.jobs[0]!.signal.aborted, 'the older run is aborted').to.equal(true);
    el.jobs[1]!.answer.resolve('B');
    await el.task.settled;
    await el.updateComplete;
    el.jobs[0]!.answer.resolve('A'); // late
    await tick();
    await el.updateComplete;
    expect(shown(el)).to.equal('complete:B');
  });

  it('does not run again for the same arguments, unless forced', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    el.task.start(['a']);
    el.task.start(['a']);
    expect(el.jobs).to.have.length(1);
    el.task.start(['a'], true);
    expect(el.jobs).to.have.length(2);
  });

  it('a job that answers synchronously is complete before the element renders', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    const sync = new Task(el, ([n]: [number]) => n * 2);
    sync.start([21]);
    expect(sync.status).to.equal('complete');
    expect(sync.value).to.equal(42);
  });

  it('a failing job ends in the error status with its error, and the element re-renders', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    el.task.start(['x']);
    const boom = new Error('boom');
    el.jobs[0]!.answer.reject(boom);
    await el.task.settled;
    await el.updateComplete;
    expect(el.task.status).to.equal('error');
    expect(el.task.error).to.equal(boom);
    expect(shown(el)).to.equal('error:');
  });

  it('removing the element aborts its pending run, and putting it back runs it again', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    const parent = el.parentElement!;
    el.task.start(['a']);
    el.remove();
    await tick();
    expect(el.jobs[0]!.signal.aborted).to.equal(true);
    el.jobs[0]!.answer.resolve('too late');
    parent.append(el);
    expect(el.jobs).to.have.length(2);
    expect(el.jobs[1]!.args).to.deep.equal(['a']);
    el.jobs[1]!.answer.resolve('again');
    await el.task.settled;
    await el.updateComplete;
    expect(shown(el)).to.equal('complete:again');
  });

  it('moving the element (out and back in the same task) keeps its run', async () => {
    const el = await fixture<TaskHostElement>(html`<task-host-element></task-host-element>`);
    const other = document.createElement('div');
    document.body.append(other);
    el.task.start(['a']);
    other.append(el);
    await tick();
    expect(el.jobs[0]!.signal.aborted).to.equal(false);
    expect(el.jobs).to.have.length(1);
    el.jobs[0]!.answer.resolve('kept');
    await el.task.settled;
    await el.updateComplete;
    expect(shown(el)).to.equal('complete:kept');
    other.remove();
  });
});
