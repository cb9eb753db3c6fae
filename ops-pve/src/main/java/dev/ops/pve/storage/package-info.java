/** Storages of a node, read-only: list and content. Uploads, downloads and volume removal are changes of {@code PveChanges}. */
@OpsStyle
package dev.ops.pve.storage;

import dev.ops.core.value.OpsStyle;
