/** ops-bench. */
package dev.ops.bench;
