import { define } from '../../base/define.js';
import { ClusterAutolink } from './cluster-autolink.js';

define('cluster-autolink', ClusterAutolink);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-autolink': ClusterAutolink;
  }
}
