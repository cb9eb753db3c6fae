/** Maintenance windows from cron schedules in a time zone, and changes that apply only inside them. */
package dev.ops.sys.window;
