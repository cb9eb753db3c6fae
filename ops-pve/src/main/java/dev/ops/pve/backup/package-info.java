/** vzdump backups of guests and restores of backup volumes. */
@OpsStyle
package dev.ops.pve.backup;

import dev.ops.core.value.OpsStyle;
