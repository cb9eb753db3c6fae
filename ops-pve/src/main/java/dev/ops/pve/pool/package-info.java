/** Resource pools: list and read them; create, fill, empty and delete them through {@code PveChanges}. */
@OpsStyle
package dev.ops.pve.pool;

import dev.ops.core.value.OpsStyle;
