// `npm start`: builds the bundle, then serves the project root and prints the
// demo's URL. Takes PORT from the environment, else the first free port from 8000.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startDevServer } from '@web/dev-server';

function free(port, host) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, host);
  });
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('\nThe build failed; see above.');
  process.exit(1);
}

const host = process.env.HOST || 'localhost';
const wanted = Number(process.env.PORT || 8000);
let port = wanted;
while (!(await free(port, host))) {
  if (process.env.PORT) {
    console.error(`Port ${port} is in use. Stop what uses it, or choose another: PORT=8080 npm start`);
    process.exit(1);
  }
  if (++port > wanted + 50) {
    console.error(`No free port between ${wanted} and ${wanted + 50}. Set PORT=… to choose one.`);
    process.exit(1);
  }
}
if (port !== wanted) console.log(`Port ${wanted} is in use; using ${port} instead.`);

await startDevServer({
  config: { rootDir: '.', port, hostname: host, nodeResolve: false, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\ncluster-reportage demo: http://${host}:${port}/demo/`);
console.log(`snippet builder:        http://${host}:${port}/demo/builder.html`);
console.log('Press Ctrl+C to stop.');
