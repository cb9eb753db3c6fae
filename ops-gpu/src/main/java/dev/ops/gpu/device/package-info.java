/** GPUs with their sibling functions, isolation verdicts, the passthrough preflight, and detach/attach with rollback: {@link dev.ops.gpu.device.Gpus}. */
package dev.ops.gpu.device;
