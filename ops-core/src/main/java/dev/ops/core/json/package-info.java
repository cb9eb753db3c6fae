/** The shared JSON configuration. */
package dev.ops.core.json;
