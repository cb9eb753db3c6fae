/** High availability: the HA resources of the cluster. */
@OpsStyle
package dev.ops.pve.ha;

import dev.ops.core.value.OpsStyle;
