// Loaded first on the strict-CSP page: records every Content-Security-Policy
// violation (also those from inside shadow roots, the event is composed) and
// every selected station, for the test to read.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push({
    directive: e.effectiveDirective,
    blocked: e.blockedURI,
    source: e.sourceFile,
    line: e.lineNumber,
    sample: e.sample,
  });
});
window.stationSelects = [];
document.addEventListener('cluster-station-select', (e) => {
  window.stationSelects.push(e.detail.index);
});
