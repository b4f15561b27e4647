import { define } from '../../base/define.js';
import { ClusterNewsCard } from './cluster-news-card.js';

define('cluster-news-card', ClusterNewsCard);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-news-card': ClusterNewsCard;
  }
}
