import { define } from '../../base/define.js';
import { ClusterNewsList } from './cluster-news-list.js';

define('cluster-news-list', ClusterNewsList);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-news-list': ClusterNewsList;
  }
}
