import { define } from '../../base/define.js';
import { ClusterPortrait } from './cluster-portrait.js';

define('cluster-portrait', ClusterPortrait);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-portrait': ClusterPortrait;
  }
}
