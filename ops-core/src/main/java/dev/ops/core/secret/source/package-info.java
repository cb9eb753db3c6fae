/**
 * Where secrets come from: environment variables, files only their owner can read, a command's
 * output and Doppler through its CLI, chained in the order a site chooses. Every value read becomes
 * a {@link dev.ops.core.secret.Secret}, masked in every plan, log line, journal record and exception.
 */
package dev.ops.core.secret.source;
