package io.github.sqliteconsole.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two release builds of the same sources produce byte-identical published jars (main, sources and
 * javadoc of core, web and the starter), as Maven Central users who rebuild them expect.
 *
 * <p>The two builds differ in what a second machine would differ in: the checkout's path, every
 * file's modification time and group permission (umask 002 against 022), the time zone, and the
 * locale (C.UTF-8 against plain C, which once changed every non-ASCII character in the javadoc).
 * They run the Maven and local repository of the build that runs this test, offline when it is.
 */
class ReproducibleBuildTest {

    /** Every module whose jars are published, in build order. */
    static final List<String> PUBLISHED_MODULES = List.of("console-core", "console-web", "console-spring-boot-starter");
    static final List<String> CLASSIFIERS = List.of("", "-sources", "-javadoc");
    private static final Duration BUILD_DEADLINE = Duration.ofMinutes(5);

    private final String version = System.getProperty("build.version");
    private final Path work = Path.of(System.getProperty("build.work"));

    @Test
    void twoBuildsOfTheSameSourcesProduceIdenticalJars() throws Exception {
        Path root = Path.of(System.getProperty("build.root")).toRealPath();
        ChildBuild maven = new ChildBuild(Path.of(System.getProperty("build.maven.home")),
                Path.of(System.getProperty("build.repo.local")), "offline=true".equals(System.getProperty("build.offline")),
                BUILD_DEADLINE);
        SourceTree.deleteIfExists(work);

        Path first = SourceTree.copy(root, work.resolve("first"), SourceTree.Touch.NONE);
        Path second = SourceTree.copy(root, work.resolve("second/elsewhere"), SourceTree.Touch.OLD_AND_GROUP_WRITABLE);
        Duration firstTook = maven.packageRelease(first, PUBLISHED_MODULES, Map.of("TZ", "UTC", "LC_ALL", "C.UTF-8"));
        Duration secondTook = maven.packageRelease(second, PUBLISHED_MODULES,
                Map.of("TZ", "Pacific/Kiritimati", "LC_ALL", "C", "LANG", "C"));
        System.out.println("reproducible build: the two release builds took " + firstTook.toSeconds() + " s and "
                + secondTook.toSeconds() + " s");

        List<String> expected = expectedJars();
        assertThat(jars(first)).as("the first build made every published jar").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jars(second)).as("the second build made every published jar").containsExactlyInAnyOrderElementsOf(expected);
        List<String> differences = new ArrayList<>();
        for (String jar : expected) {
            JarDifference.between(first.resolve(jar), second.resolve(jar)).ifPresent(differences::add);
        }
        assertThat(differences).as("jars that differ between two builds of the same sources").isEmpty();
        SourceTree.deleteIfExists(work);
    }

    private List<String> expectedJars() {
        List<String> jars = new ArrayList<>();
        for (String module : PUBLISHED_MODULES) {
            String artifact = module.replace("console-", "sqlite-console-");
            for (String classifier : CLASSIFIERS) {
                jars.add(module + "/target/" + artifact + "-" + version + classifier + ".jar");
            }
        }
        return jars;
    }

    /** The published modules' own jars a build left in their target directories (not copied dependencies). */
    private static List<String> jars(Path tree) throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : PUBLISHED_MODULES) {
            Path target = tree.resolve(module).resolve("target");
            if (Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith("sqlite-console-") && name.endsWith(".jar"))
                            .forEach(name -> found.add(module + "/target/" + name));
                }
            }
        }
        return found;
    }
}
