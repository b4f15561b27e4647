import { define } from '../../base/define.js';
import { ClusterJourney } from './cluster-journey.js';

define('cluster-journey', ClusterJourney);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-journey': ClusterJourney;
  }
}
