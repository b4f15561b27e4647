// What Matomo's tracking code does before its tracker script arrives: a plain array as the queue.
window._paq = [['setSiteId', '1']];
