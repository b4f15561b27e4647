// The host site's own widget, built with its own copy of Lit (the npm
// development build, through the import map on the page).
/* global customElements -- runs in the browser */
import { LitElement, html, css } from 'lit';

class HostGreeting extends LitElement {
  static properties = { name: {} };
  static styles = css`
    p {
      margin: 0;
      font-weight: 700;
    }
  `;
  constructor() {
    super();
    this.name = 'Welt';
  }
  render() {
    return html`<p part="greeting">Hallo ${this.name}</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);
window.hostLit = true;
