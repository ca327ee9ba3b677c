package io.github.sqliteconsole.core.backup;

/**
 * How many stored backups to keep per tier, restic-style: the newest backup of each of the last
 * {@code hourly} hours (that have a backup), {@code daily} days, {@code weekly} weeks,
 * {@code monthly} months and {@code yearly} years. The defaults are what teams already run by hand.
 */
public record Retention(int hourly, int daily, int weekly, int monthly, int yearly) {

    public static final int DEFAULT_HOURLY = 24;
    public static final int DEFAULT_DAILY = 30;
    public static final int DEFAULT_WEEKLY = 12;
    public static final int DEFAULT_MONTHLY = 24;
    public static final int DEFAULT_YEARLY = 10;

    /** 24 hourly, 30 daily, 12 weekly, 24 monthly, 10 yearly. */
    public static final Retention DEFAULT = new Retention(DEFAULT_HOURLY, DEFAULT_DAILY, DEFAULT_WEEKLY,
            DEFAULT_MONTHLY, DEFAULT_YEARLY);

    public Retention {
        requireNotNegative("hourly", hourly);
        requireNotNegative("daily", daily);
        requireNotNegative("weekly", weekly);
        requireNotNegative("monthly", monthly);
        requireNotNegative("yearly", yearly);
    }

    /** The count kept in {@code tier}. */
    public int count(RetentionTier tier) {
        return switch (tier) {
            case HOURLY -> hourly;
            case DAILY -> daily;
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case YEARLY -> yearly;
        };
    }

    private static void requireNotNegative(String tier, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("backupRetention " + tier + " cannot be negative (" + count
                    + "); set 0 to keep none in this tier, or a positive count");
        }
    }
}
