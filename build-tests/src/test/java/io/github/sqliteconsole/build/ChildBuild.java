package io.github.sqliteconsole.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Maven build of a copied source tree, run by the Maven installation, JDK and local repository of
 * the build that runs the test. Offline when that build is offline: it has then resolved every
 * plugin the child needs; online (CI on a clean machine) the child may fetch the release plugins.
 */
record ChildBuild(Path mavenHome, Path localRepository, boolean offline, Duration deadline) {

    /** What a release builds ({@code -Drelease}: main, sources and javadoc jars, no tests), up to {@code package}. */
    Duration packageRelease(Path tree, List<String> modules, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenHome.resolve("bin/mvn").toString(), "-B",
                "--no-transfer-progress", "-Dmaven.repo.local=" + localRepository, "-Drelease",
                "-pl", String.join(",", modules), "package"));
        if (offline) {
            command.add(1, "-o");
        }
        Path log = tree.resolveSibling(tree.getFileName() + "-build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tree.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A short build: the JIT's first tier is enough, and one GC thread leaves the other core alone.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        long started = System.nanoTime();
        Process maven = builder.start();
        try {
            if (!maven.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the build in " + tree + " took longer than " + deadline + "; its log:\n" + tail(log));
            }
            if (maven.exitValue() != 0) {
                throw new AssertionError("the build in " + tree + " failed (exit " + maven.exitValue() + "): "
                        + String.join(" ", command) + "\n" + tail(log));
            }
            return Duration.ofNanos(System.nanoTime() - started);
        } finally {
            if (maven.isAlive()) {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
