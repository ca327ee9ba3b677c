package io.github.sqliteconsole.core.health;

/** The verdict of one check or of the whole database, from best to worst. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN;

    /** The worse of this status and {@code other}. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
