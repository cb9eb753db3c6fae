package dev.ops.pve.replication;

/**
 * A replication job as {@code /cluster/replication} keeps it.
 *
 * @param id the job id, {@code GUEST-JOBNUM} ({@code 101-0})
 * @param guest the guest it replicates
 * @param target the node it replicates to
 * @param schedule the calendar event ({@code *}/15 by default)
 * @param rate the bandwidth limit in MB/s, 0 for none
 * @param comment the comment, empty for none
 * @param disabled whether the job is disabled
 */
public record ReplicationJob(String id, int guest, String target, String schedule, double rate, String comment, boolean disabled) {}
