/** The steps of a safety snapshot; not API. */
package dev.ops.sto.safety.internal;
