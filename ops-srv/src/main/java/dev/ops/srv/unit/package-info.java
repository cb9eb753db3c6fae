/**
 * Services as systemd units: typed unit files and drop-ins rendered byte-stable, installed with
 * rollback, and controlled (enable, start, stop, restart, reload, mask) as changes:
 * {@link dev.ops.srv.unit.Service}.
 */
@OpsStyle
package dev.ops.srv.unit;

import dev.ops.core.value.OpsStyle;
