/** Hosts that run commands: {@link dev.ops.core.host.LocalHost}, and {@code SshHost} from the ops-ssh artifact (same package). */
@OpsStyle
package dev.ops.core.host;

import dev.ops.core.value.OpsStyle;
