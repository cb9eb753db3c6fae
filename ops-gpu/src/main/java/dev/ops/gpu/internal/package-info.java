/** ops-gpu's journal action names; not API. */
package dev.ops.gpu.internal;
