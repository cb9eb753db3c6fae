/** Debian packages through dpkg and apt: query, install, remove, hold, with exact dry-runs and rollback. */
package dev.ops.sys.pkg;
