/**
 * SMB shares: sections of {@code smb.conf} from typed values, validated with {@code testparm -s}
 * (whose new warnings count as problems) before they are installed, then
 * {@code smbcontrol smbd reload-config}; rollback restores the file.
 */
@OpsStyle
package dev.ops.sto.smb;

import dev.ops.core.value.OpsStyle;
