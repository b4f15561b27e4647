// "Lit alone": the smallest honest Lit element, bundled by bench/run.mjs with
// the same resolve + minify + terser settings as dist/cluster-reportage.js, so
// the byte figures show what our code adds on top of Lit itself.
/* global customElements */
import { LitElement, css, html } from 'lit';

class HelloLit extends LitElement {
  static properties = { name: {} };
  static styles = css`
    :host {
      display: block;
    }
  `;
  constructor() {
    super();
    this.name = 'Welt';
  }
  render() {
    return html`<p>Hallo ${this.name}</p>`;
  }
}
customElements.define('hello-lit', HelloLit);
