package dev.ops.lab.site;

/**
 * The seed's {@code backup_retention} in {@code action-policies.yml}.
 *
 * @param retentionDays how long a backup is kept
 * @param maxPerResource the most backups of one guest kept
 * @param autoVerify whether new backups are verified
 * @param verificationIntervalDays how often a kept backup is verified again
 * @param autoCleanupExpired whether expired backups are deleted automatically
 */
public record BackupRetention(int retentionDays, int maxPerResource, boolean autoVerify, int verificationIntervalDays,
        boolean autoCleanupExpired) {
    /** The values the seed's configuration guide ships. */
    public static BackupRetention seed() {
        return new BackupRetention(30, 10, true, 7, true);
    }
}
