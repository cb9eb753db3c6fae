/** Hosts that run commands: {@link dev.ops.core.host.LocalHost} and {@link dev.ops.core.host.SshHost}. */
@OpsStyle
package dev.ops.core.host;

import dev.ops.core.value.OpsStyle;
