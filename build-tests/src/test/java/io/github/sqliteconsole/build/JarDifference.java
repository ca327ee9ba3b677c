package io.github.sqliteconsole.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The first thing that differs between two builds of one jar, said so that the cause can be found. */
final class JarDifference {

    private JarDifference() {
    }

    /** Empty when the two files are byte-identical; otherwise the first entry that differs, and how. */
    static Optional<String> between(Path first, Path second) throws IOException {
        long offset = Files.mismatch(first, second);
        if (offset < 0) {
            return Optional.empty();
        }
        String jar = first.getFileName().toString();
        try (ZipFile a = new ZipFile(first.toFile()); ZipFile b = new ZipFile(second.toFile())) {
            List<? extends ZipEntry> entriesA = Collections.list(a.entries());
            List<? extends ZipEntry> entriesB = Collections.list(b.entries());
            for (int i = 0; i < Math.min(entriesA.size(), entriesB.size()); i++) {
                Optional<String> entry = difference(a, entriesA.get(i), b, entriesB.get(i));
                if (entry.isPresent()) {
                    return Optional.of(jar + ": entry #" + (i + 1) + " " + entry.get());
                }
            }
            if (entriesA.size() != entriesB.size()) {
                return Optional.of(jar + ": " + entriesA.size() + " entries in the first build, " + entriesB.size()
                        + " in the second");
            }
        }
        return Optional.of(jar + ": the same entries, but the archives differ from byte " + offset
                + " (zip metadata: file modes, comments or headers)");
    }

    private static Optional<String> difference(ZipFile a, ZipEntry x, ZipFile b, ZipEntry y) throws IOException {
        if (!x.getName().equals(y.getName())) {
            return Optional.of("is " + x.getName() + " in the first build, " + y.getName() + " in the second");
        }
        String name = x.getName();
        if (x.getTime() != y.getTime()) {
            return Optional.of(name + ": modified " + x.getLastModifiedTime() + " vs " + y.getLastModifiedTime());
        }
        if (x.getMethod() != y.getMethod() || x.getSize() != y.getSize()) {
            return Optional.of(name + ": method/size " + x.getMethod() + "/" + x.getSize() + " vs "
                    + y.getMethod() + "/" + y.getSize());
        }
        if (!Arrays.equals(x.getExtra(), y.getExtra()) || !Objects.equals(x.getComment(), y.getComment())) {
            return Optional.of(name + ": extra fields or comment differ");
        }
        byte[] contentA = read(a, x);
        byte[] contentB = read(b, y);
        int at = Arrays.mismatch(contentA, contentB);
        if (at >= 0) {
            return Optional.of(name + ": content differs from byte " + at + ": \"" + excerpt(contentA, at)
                    + "\" vs \"" + excerpt(contentB, at) + "\"");
        }
        return Optional.empty();
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A few bytes around the first difference, as text (most differing entries are text: manifests, HTML). */
    private static String excerpt(byte[] content, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(content.length, at + 40);
        return new String(content, from, to - from, java.nio.charset.StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
