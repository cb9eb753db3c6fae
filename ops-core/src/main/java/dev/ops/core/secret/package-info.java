/** Secret values and their redaction in every rendering. */
package dev.ops.core.secret;
