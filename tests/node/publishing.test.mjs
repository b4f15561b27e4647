// README "Publishing the feed": the ready-to-copy server configuration, run for real where the
// server is installed (Debian's apache2; php-cli with Debian's wordpress package), each checked by
// the real `npx cluster-reportage check`. The blocks are read from the README itself, so the
// README cannot drift from what is tested. nginx (Debian's nginx) runs its block the same way.
/* global fetch -- Node 20 has fetch */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
/** The first fenced block of `lang` after the heading-ish `marker` in the README. */
function block(lang, marker) {
  const from = readme.indexOf(marker);
  assert.ok(from >= 0, `README has ${marker}`);
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(readme.slice(from));
  assert.ok(m, `README has a ${lang} block after ${marker}`);
  return m[1];
}

const check = (url) =>
  new Promise((ok) =>
    execFile(process.execPath, ['bin/cluster-reportage.js', 'check', url], (error, stdout) =>
      ok({ code: error ? error.code : 0, out: stdout }),
    ),
  );
const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
/** Waits (bounded) until something accepts connections on `port`: the server has started. */
async function listening(port, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const up = await new Promise((ok) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), ok(true))).on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${port} after 10 s`);
}
const dir = mkdtempSync(join(tmpdir(), 'cluster-publish-'));
const children = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** A web server's directory below the test's: `htdocs/feeds/reportagen.json` is the sample feed. */
function site(name) {
  const root = join(dir, name);
  mkdirSync(join(root, 'htdocs/feeds'), { recursive: true });
  copyFileSync('demo/feed.json', join(root, 'htdocs/feeds/reportagen.json'));
  return root;
}

/** The real `check` of the feed the server on `port` publishes: every header there, exit 0 (else it shows `errorLog`). */
async function checkPublished(port, errorLog) {
  const { code, out } = await check(`http://127.0.0.1:${port}/feeds/reportagen.json`);
  assert.equal(code, 0, `${out}\n${readFileSync(errorLog, 'utf8')}`);
  assert.match(out, /✔ Content-Type: application\/feed\+json; charset=utf-8/);
  assert.match(out, /✔ Access-Control-Allow-Origin: \*/);
  assert.match(out, /\(a revisit is answered 304 Not Modified\)/);
  assert.match(out, /✔ Cache-Control: public, max-age=300/);
}

const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

describe('Apache: the README block in a .htaccess', () => {
  // never skipped: npm test installs apache2 (scripts/tools.mjs), CI too (.ci/run)
  before(() => assert.ok(existsSync(APACHE), `${APACHE} is not installed (Debian: apt-get install apache2)`));
  it('serves the feed with every header a browser on another site needs: check exits 0', async () => {
    const root = site('apache');
    writeFileSync(join(root, 'htdocs/feeds/.htaccess'), block('apache', '**Apache**'));
    const port = await freePort();
    const modules = ['mpm_event', 'authz_core', 'headers', 'mime']
      .map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`)
      .join('\n');
    writeFileSync(
      join(root, 'httpd.conf'),
      `ServerRoot ${root}\nServerName 127.0.0.1\nListen 127.0.0.1:${port}\nPidFile ${root}/httpd.pid\nErrorLog ${root}/error.log\n${modules}\nTypesConfig /etc/mime.types\nDocumentRoot ${root}/htdocs\n<Directory ${root}/htdocs>\n  Require all granted\n  AllowOverride FileInfo\n</Directory>\n`,
    );
    // -X: one process in the foreground, ended by its pid after the test
    const apache = spawn(APACHE, ['-f', join(root, 'httpd.conf'), '-X'], { stdio: 'ignore' });
    children.push(apache);
    await listening(port, apache);
    await checkPublished(port, join(root, 'error.log'));
    apache.kill();
  });
});

const NGINX = '/usr/sbin/nginx';

describe('nginx: the README block in a server block', () => {
  // never skipped: npm test installs nginx (scripts/tools.mjs), CI too (.ci/run)
  before(() => assert.ok(existsSync(NGINX), `${NGINX} is not installed (Debian: apt-get install nginx)`));
  it('serves the feed with every header a browser on another site needs: check exits 0', async () => {
    const root = site('nginx');
    mkdirSync(join(root, 'logs'));
    const port = await freePort();
    // one process in the foreground (no daemon, no workers), everything it writes below root
    writeFileSync(
      join(root, 'nginx.conf'),
      `daemon off;\nmaster_process off;\npid ${root}/nginx.pid;\nerror_log ${root}/logs/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${root}/body;\n  proxy_temp_path ${root}/proxy;\n  fastcgi_temp_path ${root}/fastcgi;\n  uwsgi_temp_path ${root}/uwsgi;\n  scgi_temp_path ${root}/scgi;\n  server {\n    listen 127.0.0.1:${port};\n    root ${root}/htdocs;\n${block('nginx', '**nginx**')}  }\n}\n`,
    );
    const nginx = spawn(NGINX, ['-p', root, '-e', join(root, 'logs/error.log'), '-c', join(root, 'nginx.conf')], {
      stdio: 'ignore',
    });
    children.push(nginx);
    await listening(port, nginx);
    await checkPublished(port, join(root, 'logs/error.log'));
    // the block is for that one file: the site's other files keep their own types and headers
    writeFileSync(join(root, 'htdocs/feeds/other.json'), '{}');
    const other = await fetch(`http://127.0.0.1:${port}/feeds/other.json`);
    assert.equal(other.headers.get('content-type'), 'application/json');
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    nginx.kill();
  });
});

const PHP = '/usr/bin/php';
const WP = '/usr/share/wordpress/wp-includes';
const noWordPress =
  (!existsSync(PHP) && `${PHP} is not installed`) ||
  (!existsSync(`${WP}/class-wp.php`) && `WordPress (${WP}) is not installed`);

describe('WordPress: the README filter with core’s own WP::send_headers()', () => {
  before(() => assert.ok(!noWordPress, `${noWordPress} (Debian: apt-get install php-cli wordpress)`));
  /** A PHP server whose router runs WordPress's header code for a feed request, with or without the filter. */
  async function wordpress() {
    const root = join(dir, 'wordpress');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'filter.php'), block('php', '**WordPress**: core sends'));
    writeFileSync(
      join(root, 'feed.xml'),
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Cluster Nord</title><link>https://cluster-nord.example/</link><item><title>Neues Labor</title><link>https://cluster-nord.example/labor/</link><guid isPermaLink="false">https://cluster-nord.example/?p=42</guid><pubDate>Tue, 02 Feb 2021 09:00:00 +0000</pubDate><description>Ein neues Labor.</description></item></channel></rss>',
    );
    // the few core functions send_headers() calls that need a database or a full boot
    writeFileSync(
      join(root, 'router.php'),
      `<?php
require '${WP}/plugin.php';
require '${WP}/class-wp.php';
function is_user_logged_in() { return false; }
function get_option( $name ) { return 'UTF-8'; }
function get_default_feed() { return 'rss2'; }
function feed_content_type( $type ) { return array( 'rss2' => 'application/rss+xml', 'atom' => 'application/atom+xml', 'json' => 'application/json' )[ $type ] ?? 'application/octet-stream'; }
function get_lastpostmodified( $tz ) { return '2021-02-02 09:00:00'; }
function get_lastcommentmodified( $tz ) { return false; }
function mysql2date( $format, $date ) { return $date ? gmdate( $format, strtotime( $date . ' UTC' ) ) : false; }
function is_singular() { return false; }
function wp_unslash( $value ) { return stripslashes( $value ); }
function status_header( $code ) { http_response_code( $code ); }
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( strpos( $path, '/with-filter/' ) === 0 ) { require __DIR__ . '/filter.php'; }
$wp = new WP();
$wp->query_vars = array( 'feed' => substr( $path, -6 ) === '/json/' ? 'json' : 'feed' );
$wp->send_headers();
readfile( $wp->query_vars['feed'] === 'json' ? '${resolve('demo/feed.json')}' : __DIR__ . '/feed.xml' );
`,
    );
    const port = await freePort();
    const php = spawn(PHP, ['-S', `127.0.0.1:${port}`, join(root, 'router.php')], { stdio: 'ignore' });
    children.push(php);
    await listening(port, php);
    return { origin: `http://127.0.0.1:${port}`, php };
  }

  it('the filter is PHP that lints', async () => {
    writeFileSync(join(dir, 'lint.php'), block('php', '**WordPress**: core sends'));
    const lint = await new Promise((ok) => execFile(PHP, ['-l', join(dir, 'lint.php')], (e, out) => ok({ e, out })));
    assert.equal(lint.e, null, lint.out);
  });

  it('/feed/ without the filter: core sends ETag and answers 304, but no CORS header (check exits 1); with it, exit 0', async () => {
    const { origin, php } = await wordpress();
    const plain = await check(`${origin}/feed/`);
    assert.equal(plain.code, 1, plain.out);
    assert.match(plain.out, /✘ Access-Control-Allow-Origin: missing/);
    assert.match(plain.out, /✔ ETag: "[0-9a-f]{32}" \(a revisit is answered 304 Not Modified\)/);
    const filtered = await check(`${origin}/with-filter/feed/`);
    assert.equal(filtered.code, 0, filtered.out);
    assert.match(filtered.out, /✔ Content-Type: application\/rss\+xml; charset=UTF-8/);
    assert.match(filtered.out, /✔ Access-Control-Allow-Origin: \*/);
    assert.match(filtered.out, /✔ Cache-Control: public, max-age=300/);
    assert.match(filtered.out, /^RSS 2\.0 "Cluster Nord": 1 item/m);
    // a JSON Feed plugin's /feed/json/ gets the JSON Feed type too
    const json = await check(`${origin}/with-filter/feed/json/`);
    assert.equal(json.code, 0, json.out);
    assert.match(json.out, /✔ Content-Type: application\/feed\+json; charset=UTF-8/);
    php.kill();
  });
});
