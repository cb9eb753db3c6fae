/** Backups of the site's guests (vzdump to a site storage), recorded in the catalog with their retention state. */
package dev.ops.lab.backup;
