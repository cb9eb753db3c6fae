/** How unit files are rendered, verified, written and controlled; not API. */
package dev.ops.srv.unit.internal;
