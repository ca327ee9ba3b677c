package io.github.sqliteconsole.core.job;

import java.util.Arrays;
import java.util.Optional;

/** The jobs the console can run, by the names the HTTP API uses. */
public enum JobKind {
    QUICK_CHECK("quick-check"),
    INTEGRITY_CHECK("integrity-check"),
    FOREIGN_KEY_CHECK("foreign-key-check"),
    ORPHAN_SCAN("orphan-scan");

    private final String apiName;

    JobKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<JobKind> fromApiName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName.equals(name)).findFirst();
    }
}
