/* global URLSearchParams, location */
// The snippet a partner pastes, with the feed URL the test hands in: ?feed=<URL on another origin>
const card = document.createElement('cluster-news-card');
card.src = new URLSearchParams(location.search).get('feed');
card.innerHTML = '<a href="https://cluster.example/">Cluster news</a>';
document.body.append(card);
