/** How host names and time zones are read and changed; not API. */
package dev.ops.sys.identity.internal;
