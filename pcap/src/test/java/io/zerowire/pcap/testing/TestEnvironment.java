package io.zerowire.pcap.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The outside world the conformance tests need: the shared captures next to the repository and
 * tshark. Missing either skips the test with a message, except under {@code CI=true}, where it fails.
 */
public final class TestEnvironment {
    private TestEnvironment() {}

    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips (or, under CI, fails) with {@code message}. */
    public static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (ci()) {
            fail(message + " (CI=true, so this fails instead of skipping)");
        }
        Assumptions.assumeTrue(false, message);
    }

    /** {@code <repo>/../shared/captures}, found by walking up from the working directory; null if absent. */
    public static Path capturesDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("captures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The captures of {@code subdirectories}, sorted; skips or fails when the directory is missing. */
    public static List<Path> captures(String... subdirectories) throws IOException {
        Path root = capturesDirectory();
        require(root != null, "no shared/captures directory above " + Path.of("").toAbsolutePath());
        List<Path> files = new ArrayList<>();
        for (String sub : subdirectories) {
            Path dir = root.resolve(sub);
            require(Files.isDirectory(dir), "missing " + dir);
            try (Stream<Path> list = Files.list(dir)) {
                files.addAll(list.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".pcap") || name.endsWith(".pcapng");
                }).sorted().collect(Collectors.toList()));
            }
        }
        require(!files.isEmpty(), "no captures under " + root);
        return files;
    }

    /** The tshark binary on the PATH, or null. */
    public static Path tshark() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "tshark");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** tshark, or a skip (a failure under CI) telling how to install it. */
    public static Path requireTshark() {
        Path tshark = tshark();
        require(tshark != null, "tshark is not installed (apt-get install -y tshark)");
        return tshark;
    }

    /** The result of one tshark run. */
    public record Run(int exitCode, List<String> lines, String errors) {}

    public static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path err = Files.createTempFile("tshark", ".err");
        builder.redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tshark did not finish: " + command);
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        List<String> lines = new ArrayList<>();
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        // tshark warns about running as root; that is not an error of the file.
        String realErrors = errors.lines().filter(l -> !l.contains("Running as user")).collect(Collectors.joining("\n"));
        return new Run(process.exitValue(), lines, realErrors);
    }
}
