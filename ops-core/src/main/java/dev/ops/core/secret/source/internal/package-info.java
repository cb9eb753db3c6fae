/** The shipped secret sources and the process runner they share. */
package dev.ops.core.secret.source.internal;
