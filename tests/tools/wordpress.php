<?php
// WordPress's own content filters, outside WordPress (no database): reads HTML on stdin and prints
// JSON {version, saved, shown}. `saved` is what wp_kses_post() keeps when an editor without
// `unfiltered_html` saves a post (on multisite: everyone but super admins); `shown` is that text
// after wpautop(), which `the_content` runs when the post is shown (blank lines become <p>).
// Needs Debian's `php-cli` and `wordpress` packages (or WORDPRESS_DIR pointing at a WordPress).
// Based on /work/shared/tools/wp-kses.php.
define('ABSPATH', rtrim(getenv('WORDPRESS_DIR') ?: '/usr/share/wordpress', '/') . '/');
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/version.php';
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
require ABSPATH . WPINC . '/functions.php';
require ABSPATH . WPINC . '/kses.php';
$saved = wp_kses_post(stream_get_contents(STDIN));
echo json_encode(['version' => $wp_version, 'saved' => $saved, 'shown' => wpautop($saved)]);
