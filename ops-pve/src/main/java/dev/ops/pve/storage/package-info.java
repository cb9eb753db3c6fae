/** Storages of a node: list, content, ISO/template upload, download-url, volume removal. */
@OpsStyle
package dev.ops.pve.storage;

import dev.ops.core.value.OpsStyle;
