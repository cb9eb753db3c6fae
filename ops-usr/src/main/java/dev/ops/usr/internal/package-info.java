/** What ops-usr registers with ops-core. */
package dev.ops.usr.internal;
