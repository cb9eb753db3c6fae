/** What ops-sys registers with ops-core. */
package dev.ops.sys.internal;
